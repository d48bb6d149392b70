import { NO_MIGRATIONS, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from './migrations/index';
import { createMigrator } from './migrator';
import { checkRlsSafety, TENANT_TABLES } from './rls';
import { createTestDb, type TestDb } from './testing';

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
}, 60_000);

afterAll(() => t?.close());

async function tablesInSchema(): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_name not like 'kysely_%'
     order by table_name`.execute(t.db);
  return result.rows.map((row) => row.name);
}

describe('migrations', () => {
  it('have ISO-timestamp names in run order', () => {
    const names = Object.keys(migrations);
    expect(names.every((name) => /^\d{8}T\d{6}Z-[a-z0-9-]+$/.test(name))).toBe(true);
    expect([...names].sort()).toEqual(names);
  });

  it('go up, all the way down, and up again', async () => {
    expect(await tablesInSchema()).toHaveLength(20);
    const migrator = createMigrator(t.db, t.schema);

    const down = await t.withSchemaLock(() => migrator.migrateTo(NO_MIGRATIONS));
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => r.status)).toEqual(Object.keys(migrations).map(() => 'Success'));
    expect(await tablesInSchema()).toEqual([]);

    await t.migrate();
    expect(await tablesInSchema()).toHaveLength(20);
    expect(await checkRlsSafety(t.db)).toEqual([]);
  });

  it('index regency_id on every tenant table (row-level security filters on it)', async () => {
    const result = await sql<{ table: string }>`
      select distinct t.relname as table
        from pg_index i
        join pg_class t on t.oid = i.indrelid
        join pg_attribute a on a.attrelid = t.oid and a.attnum = i.indkey[0]
       where t.relnamespace = (select oid from pg_namespace where nspname = current_schema())
         and a.attname = 'regency_id'`.execute(t.db);
    expect(result.rows.map((row) => row.table)).toEqual(expect.arrayContaining([...TENANT_TABLES]));
  });
});

describe('value types', () => {
  it('read dates as text, bigints as numbers, jsonb and text[] as values', async () => {
    const row = await t.withAdmin(async (trx) => {
      await trx.insertInto('provinces').values({ code: '63', name: 'Kalimantan Selatan' }).execute();
      await trx
        .insertInto('regencies')
        .values({ id: '63.01', name: 'Tanah Laut', kind: 'kabupaten', province_code: '63' })
        .execute();
      const circular = await trx
        .insertInto('circulars')
        .values({
          regency_id: '63.01',
          province_code: '63',
          issued_on: '2023-11-01',
          addressees: JSON.stringify(['Sekretaris Daerah']),
          scope: ['ASN', 'VILLAGE_OFFICIALS'],
          jdih: JSON.stringify({ teu: 'Tanah Laut. Bupati' }),
        })
        .returning(['issued_on', 'addressees', 'scope', 'jdih', 'created_at'])
        .executeTakeFirstOrThrow();
      const count = await trx
        .selectFrom('circulars')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return { ...circular, count: count.n };
    });
    expect(row).toEqual({
      issued_on: '2023-11-01',
      addressees: ['Sekretaris Daerah'],
      scope: ['ASN', 'VILLAGE_OFFICIALS'],
      jdih: { teu: 'Tanah Laut. Bupati' },
      created_at: expect.any(Date),
      count: 1,
    });
  });

  it('check published circulars for what makes them citable', async () => {
    await expect(
      t.withAdmin((trx) =>
        trx.insertInto('circulars').values({ regency_id: '63.01', province_code: '63', status: 'published' }).execute(),
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it("keep a circular's regency inside its province", async () => {
    await expect(
      t.withAdmin(async (trx) => {
        await trx.insertInto('provinces').values({ code: '21', name: 'Kepulauan Riau' }).execute();
        await trx.insertInto('circulars').values({ regency_id: '63.01', province_code: '21' }).execute();
      }),
    ).rejects.toMatchObject({ code: '23503' });
  });
});
