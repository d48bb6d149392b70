import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertReferenceData } from '../test-fixtures';
import { createTestDb, type TestDb } from '../testing';
import {
  deleteTaxonomyOverride,
  getTaxonomyOverride,
  insertTaxonomyOverride,
  listTaxonomyOverrides,
  prohibitionTypeStored,
  updateTaxonomyOverride,
} from './reference';

let t: TestDb;
let userId: string;
beforeAll(async () => {
  t = await createTestDb();
  userId = await t.withAdmin(async (trx) => {
    await insertReferenceData(trx);
    const row = await trx
      .insertInto('users')
      .values({ username: 'n', display_name: 'N', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
});
afterAll(() => t.close());

describe('taxonomy overrides', () => {
  it('inserts, updates at the right version, and deletes, as the national app role', async () => {
    const now = new Date();
    await t.withTenant('all', async (trx) => {
      expect(await prohibitionTypeStored(trx, 'KE-02')).toBe(true);
      expect(await prohibitionTypeStored(trx, 'DS-03')).toBe(false);
      const created = await insertTaxonomyOverride(trx, {
        code: 'KE-02',
        sanctionLevel: 'ringan',
        note: null,
        updatedBy: userId,
        now,
      });
      expect(created).toMatchObject({ code: 'KE-02', sanctionLevel: 'ringan', version: 1 });
      expect(
        await updateTaxonomyOverride(trx, {
          code: 'KE-02',
          sanctionLevel: 'berat',
          note: 'n',
          updatedBy: userId,
          now,
          version: 2,
        }),
      ).toBeUndefined();
      const updated = await updateTaxonomyOverride(trx, {
        code: 'KE-02',
        sanctionLevel: 'berat',
        note: 'n',
        updatedBy: userId,
        now,
        version: 1,
      });
      expect(updated).toMatchObject({ sanctionLevel: 'berat', note: 'n', version: 2 });
      expect(await listTaxonomyOverrides(trx)).toHaveLength(1);
      expect(await deleteTaxonomyOverride(trx, 'KE-02', 1)).toBe(false);
      expect(await deleteTaxonomyOverride(trx, 'KE-02', 2)).toBe(true);
      expect(await getTaxonomyOverride(trx, 'KE-02')).toBeUndefined();
    });
  });
});
