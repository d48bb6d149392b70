import { contests, getContest, phaseOf } from '@netral/domain/phases';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../testing';

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
});
afterAll(() => world.close());

describe('contests', () => {
  it('lists the shipped contests, newest first', async () => {
    const list = await world.callers.operator.contests.list();
    expect(list.map((c) => c.code)).toEqual(['PILKADA_2024', 'PEMILU_2024']);
    expect(list[0]).toEqual(contests.PILKADA_2024);
  });

  it('gets one by code; an unknown code is BAD_REQUEST with the domain’s code', async () => {
    expect((await world.callers.analis.contests.get({ code: 'PEMILU_2024' })).votingDay).toBe('2024-02-14');
    const error = await world.callers.analis.contests.get({ code: 'PILKADA_2099' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });

  it('gives the phase of an incident date as the domain does, with labels', async () => {
    const result = await world.callers.tanahlaut.contests.phaseOf({ contest: 'PILKADA_2024', date: '2024-09-23' });
    expect(result).toMatchObject(phaseOf(getContest('PILKADA_2024'), '2024-09-23'));
    expect(result.phase).toBe('ANTARA_PENETAPAN_DAN_KAMPANYE');
    expect(result.bucketLabel.en).toBe('Before the campaign');
    const pilpres = await world.callers.tanahlaut.contests.phaseOf({
      contest: 'PEMILU_2024',
      date: '2023-11-10',
      race: 'PILPRES',
    });
    expect(pilpres.phase).toBe('PRA_PENETAPAN');
  });

  it('rejects a bad date, and a race the contest does not hold', async () => {
    const bad = await world.callers.tanahlaut.contests
      .phaseOf({ contest: 'PILKADA_2024', date: '2024-02-30' })
      .catch((e: unknown) => e);
    expect((bad as TRPCError).code).toBe('BAD_REQUEST');
    const race = await world.callers.tanahlaut.contests
      .phaseOf({ contest: 'PILKADA_2024', date: '2024-10-01', race: 'PILPRES' })
      .catch((e: unknown) => e);
    expect((race as TRPCError).code).toBe('BAD_REQUEST');
  });

  it('needs a signed-in user', async () => {
    const error = await world
      .callerFor({})
      .contests.list()
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('UNAUTHORIZED');
  });
});
