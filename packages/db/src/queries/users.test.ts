import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertReferenceData } from '../test-fixtures';
import { createTestDb, type TestDb } from '../testing';
import {
  allGrantsOf,
  createUser,
  findLoginUser,
  getUser,
  listUsers,
  replaceGrants,
  updateUser,
  usernameExists,
} from './users';

let t: TestDb;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestDb();
  await t.withAdmin((trx) => insertReferenceData(trx));
  await t.withTenant([], async (trx) => {
    const make = (username: string, grants: Parameters<typeof createUser>[1]['grants']) =>
      createUser(trx, { username, displayName: username, passwordHash: 'h', locale: 'id', grants });
    ids.tl = await make('TL.Admin', [{ role: 'regency_admin', regencyId: '63.01', provinceCode: null }]);
    ids.bt = await make('bt.admin', [{ role: 'regency_admin', regencyId: '21.01', provinceCode: null }]);
    ids.both = await make('both', [
      { role: 'regency_officer', regencyId: '63.01', provinceCode: null },
      { role: 'regency_officer', regencyId: '21.01', provinceCode: null },
    ]);
    ids.analyst = await make('analyst', [{ role: 'analyst', regencyId: null, provinceCode: '63' }]);
  });
});
afterAll(() => t.close());

describe('users', () => {
  it('stores usernames lower case and finds them in any case', async () => {
    await t.withTenant([], async (trx) => {
      expect((await findLoginUser(trx, 'tl.ADMIN'))?.id).toBe(ids.tl);
      expect(await usernameExists(trx, 'TL.admin')).toBe(true);
      expect(await usernameExists(trx, 'nobody')).toBe(false);
    });
  });

  it('lists users of a scope with their roles inside it only', async () => {
    const tl = await t.withTenant([], (trx) => listUsers(trx, ['63.01']));
    expect(tl.map((u) => u.username)).toEqual(['both', 'tl.admin']);
    expect(tl[0]?.grants).toEqual([{ role: 'regency_officer', regencyId: '63.01', provinceCode: null }]);
    const all = await t.withTenant([], (trx) => listUsers(trx, 'all'));
    expect(all.map((u) => u.username)).toEqual(['analyst', 'both', 'bt.admin', 'tl.admin']);
    expect(all.find((u) => u.username === 'both')?.grants).toHaveLength(2);
    expect(await t.withTenant([], (trx) => listUsers(trx, 'all', { regencyId: '21.01' }))).toHaveLength(2);
    expect(await t.withTenant([], (trx) => listUsers(trx, []))).toEqual([]);
  });

  it('updates at the right version only, and replaces roles inside a scope only', async () => {
    await t.withTenant([], async (trx) => {
      expect(await updateUser(trx, ids.both as string, 2, { displayName: 'x' }, new Date())).toBe(false);
      expect(await updateUser(trx, ids.both as string, 1, { displayName: 'Both' }, new Date())).toBe(true);
      expect((await getUser(trx, ids.both as string))?.version).toBe(2);
      await replaceGrants(
        trx,
        ids.both as string,
        ['63.01'],
        [{ role: 'regency_admin', regencyId: '63.01', provinceCode: null }],
      );
      const grants = (await allGrantsOf(trx, ids.both as string)).map((g) => `${g.role}@${g.regencyId}`);
      expect(grants.sort()).toEqual(['regency_admin@63.01', 'regency_officer@21.01']);
    });
  });
});
