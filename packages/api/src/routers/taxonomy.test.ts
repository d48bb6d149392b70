import { prohibitionTypes, sanctionLevelFor } from '@netral/domain/taxonomy';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../testing';

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
  // What the seed loads: the taxonomy rows that overrides reference.
  await world.db.withAdmin((trx) =>
    trx
      .insertInto('prohibition_types')
      .values(
        prohibitionTypes.map((t, position) => ({
          code: t.code,
          family: t.family,
          regime: t.regime,
          wording: t.wording,
          gloss: t.gloss,
          default_sanction_level: t.defaultSanctionLevel,
          sanction_source: t.sanctionSource,
          position,
        })),
      )
      .execute(),
  );
});
afterAll(() => world.close());

async function nationalAuditCount(): Promise<number> {
  const row = await world.db.withAdmin((trx) =>
    trx
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('regency_id', 'is', null)
      .where('action', '=', 'taxonomy.set_override')
      .executeTakeFirstOrThrow(),
  );
  return row.n;
}

async function caught(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

// A code whose level sources disagree, and an EX code that follows it (DOMAIN.md §3).
const ds03 = 'DS-03';

describe('taxonomy', () => {
  it('lists every prohibition type with its default level, to any signed-in user', async () => {
    const list = await world.callers.analis.taxonomy.list();
    expect(list.map((t) => t.code)).toEqual(prohibitionTypes.map((t) => t.code));
    for (const t of list) {
      expect(t.sanctionLevel).toBe(sanctionLevelFor(t.code));
      expect(t.override).toBeNull();
    }
  });

  it('only a national admin sets an override', async () => {
    for (const caller of [world.callers.tanahlaut, world.callers.analis, world.callers.operator]) {
      const error = await caught(caller.taxonomy.setOverride({ code: ds03, sanctionLevel: 'berat' }));
      expect(error.code).toBe('FORBIDDEN');
    }
    expect(await nationalAuditCount()).toBe(0);
  });

  it('an override changes the effective level (and of codes that follow it), with versions and one audit event each', async () => {
    const followers = prohibitionTypes
      .filter((t) => t.regime === 'extra' && t.equivalents[0] === ds03)
      .map((t) => t.code);
    const set = await world.callers.nasional.taxonomy.setOverride({
      code: ds03,
      sanctionLevel: 'berat',
      note: 'Perda',
    });
    expect(set).toMatchObject({ sanctionLevel: 'berat', note: 'Perda', version: 1 });
    expect(await nationalAuditCount()).toBe(1);

    const list = await world.callers.tanahlaut.taxonomy.list();
    const row = list.find((t) => t.code === ds03);
    expect(row?.sanctionLevel).toBe('berat');
    expect(row?.defaultSanctionLevel).toBe(prohibitionTypes.find((t) => t.code === ds03)?.defaultSanctionLevel);
    for (const code of followers) expect(list.find((t) => t.code === code)?.sanctionLevel).toBe('berat');

    // Creating again without a version, or changing with a stale one, is a conflict.
    expect(
      (await caught(world.callers.nasional.taxonomy.setOverride({ code: ds03, sanctionLevel: 'ringan' }))).code,
    ).toBe('CONFLICT');
    const changed = await world.callers.nasional.taxonomy.setOverride({
      code: ds03,
      sanctionLevel: 'sedang',
      version: 1,
    });
    expect(changed?.version).toBe(2);
    expect(
      (await caught(world.callers.nasional.taxonomy.setOverride({ code: ds03, sanctionLevel: 'ringan', version: 1 })))
        .code,
    ).toBe('CONFLICT');
    expect(await nationalAuditCount()).toBe(2);

    // Removing it restores the default.
    expect(
      await world.callers.nasional.taxonomy.setOverride({ code: ds03, sanctionLevel: null, version: 2 }),
    ).toBeNull();
    expect((await world.callers.nasional.taxonomy.list()).find((t) => t.code === ds03)?.sanctionLevel).toBe(
      sanctionLevelFor(ds03),
    );
    expect(await nationalAuditCount()).toBe(3);
  });

  it('rejects unknown codes and levels as BAD_REQUEST', async () => {
    expect(
      (await caught(world.callers.nasional.taxonomy.setOverride({ code: 'XX-99' as never, sanctionLevel: 'berat' })))
        .code,
    ).toBe('BAD_REQUEST');
    expect(
      (await caught(world.callers.nasional.taxonomy.setOverride({ code: ds03, sanctionLevel: 'dipecat' as never })))
        .code,
    ).toBe('BAD_REQUEST');
  });
});
