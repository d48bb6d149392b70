import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixtures, insertFixtures } from '../test-fixtures';
import { createTestDb, type TestDb } from '../testing';
import { createUnit, getUnit, listUnits, unitAncestry, updateUnit } from './units';

let t: TestDb;
let f: Fixtures;
beforeAll(async () => {
  t = await createTestDb();
  f = await insertFixtures(t);
});
afterAll(() => t.close());

describe('units', () => {
  it('creates, lists (hiding retired ones unless asked) and tracks ancestry', async () => {
    await t.withTenant(['63.01'], async (trx) => {
      const parent = f.tanahLaut.unitId;
      const child = await createUnit(trx, { regencyId: '63.01', name: 'UPT A', kind: 'upt', parentId: parent });
      const grandchild = await createUnit(trx, {
        regencyId: '63.01',
        name: 'Sub B',
        kind: 'other',
        parentId: child.id,
      });
      expect(await unitAncestry(trx, '63.01', grandchild.id)).toEqual(
        expect.arrayContaining([grandchild.id, child.id, parent]),
      );
      const retired = await updateUnit(trx, '63.01', child.id, 1, { retiredAt: new Date() }, new Date());
      expect(retired?.version).toBe(2);
      expect((await listUnits(trx, '63.01')).map((u) => u.name)).toEqual(['Dinas Pendidikan', 'Sub B']);
      expect(await listUnits(trx, '63.01', { includeRetired: true })).toHaveLength(3);
      expect(await updateUnit(trx, '63.01', child.id, 1, { name: 'stale' }, new Date())).toBeUndefined();
    });
  });

  it('row-level security hides another regency’s units even when asked by id', async () => {
    await t.withTenant(['63.01'], async (trx) => {
      expect(await getUnit(trx, '21.01', f.bintan.unitId)).toBeUndefined();
      expect(await listUnits(trx, '21.01')).toEqual([]);
      expect(await updateUnit(trx, '21.01', f.bintan.unitId, 1, { name: 'x' }, new Date())).toBeUndefined();
    });
    expect((await t.withTenant(['21.01'], (trx) => getUnit(trx, '21.01', f.bintan.unitId)))?.name).toBe(
      'Dinas Pendidikan',
    );
  });
});
