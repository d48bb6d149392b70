import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../testing';

let world: TestWorld;
beforeAll(async () => {
  world = await createTestWorld();
  // A third regency in Kalimantan Selatan, for the province-scoped analyst.
  await world.db.withAdmin((trx) =>
    trx
      .insertInto('regencies')
      .values({ id: '63.71', name: 'Kota Banjarmasin', kind: 'kota', province_code: '63' })
      .execute(),
  );
});
afterAll(() => world.close());

const analyst = (grants: { regencyId: string | null; provinceCode: string | null }[]) =>
  world.callerFor({
    user: {
      id: world.users.analis.id,
      username: 'analis',
      displayName: 'Analis',
      locale: 'id',
      grants: grants.map((g) => ({ role: 'analyst' as const, ...g })),
    },
    session: { id: 's', csrfToken: 'c' },
  });

describe('regencies.list', () => {
  it('a national admin and a national analyst see every regency, with its province', async () => {
    const all = await world.callers.nasional.regencies.list();
    expect(all.map((r) => r.id)).toEqual(['21.01', '63.01', '63.71']);
    expect(all[1]).toEqual({
      id: '63.01',
      name: 'Kabupaten Tanah Laut',
      kind: 'kabupaten',
      provinceCode: '63',
      provinceName: 'Kalimantan Selatan',
    });
    expect((await world.callers.analis.regencies.list()).map((r) => r.id)).toEqual(['21.01', '63.01', '63.71']);
  });

  it('a regency admin or officer sees their own regency only', async () => {
    expect((await world.callers.tanahlaut.regencies.list()).map((r) => r.id)).toEqual(['63.01']);
    expect((await world.callers.operator.regencies.list()).map((r) => r.id)).toEqual(['63.01']);
    expect((await world.callers.bintan.regencies.list()).map((r) => r.id)).toEqual(['21.01']);
  });

  it('an analyst sees the scope of their grants: a province, or named regencies', async () => {
    expect((await analyst([{ regencyId: null, provinceCode: '63' }]).regencies.list()).map((r) => r.id)).toEqual([
      '63.01',
      '63.71',
    ]);
    expect(
      (
        await analyst([
          { regencyId: '21.01', provinceCode: null },
          { regencyId: null, provinceCode: '63' },
        ]).regencies.list()
      ).map((r) => r.id),
    ).toEqual(['21.01', '63.01', '63.71']);
  });

  it('needs a signed-in user', async () => {
    await expect(world.callerFor({}).regencies.list()).rejects.toBeInstanceOf(TRPCError);
  });
});
