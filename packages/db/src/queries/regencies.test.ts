import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertReferenceData } from '../test-fixtures';
import { createTestDb, type TestDb } from '../testing';
import { listRegencies } from './regencies';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.withAdmin((trx) => insertReferenceData(trx));
});
afterAll(() => t.close());

describe('listRegencies', () => {
  it('lists all, by regency, by province, or a union, with the province name', async () => {
    const ids = async (scope: Parameters<typeof listRegencies>[1]) =>
      (await t.withTenant([], (trx) => listRegencies(trx, scope))).map((r) => r.id);
    expect(await ids('all')).toEqual(['21.01', '63.01', '63.71']);
    expect(await ids({ regencyIds: ['63.01'], provinceCodes: [] })).toEqual(['63.01']);
    expect(await ids({ regencyIds: [], provinceCodes: ['63'] })).toEqual(['63.01', '63.71']);
    expect(await ids({ regencyIds: ['21.01'], provinceCodes: ['63'] })).toEqual(['21.01', '63.01', '63.71']);
    expect(await ids({ regencyIds: [], provinceCodes: [] })).toEqual([]);
    const [first] = await t.withTenant([], (trx) => listRegencies(trx, { regencyIds: ['21.01'], provinceCodes: [] }));
    expect(first).toEqual({
      id: '21.01',
      name: 'Bintan',
      kind: 'kabupaten',
      provinceCode: '21',
      provinceName: 'Kepulauan Riau',
    });
  });
});
