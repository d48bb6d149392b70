import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from './audit';
import { APP_ROLE, assertRlsSafe, checkRlsSafety, RlsSafetyError, TENANT_TABLES, tenantSetting } from './rls';
import { type Fixtures, insertFixtures } from './test-fixtures';
import { createTestDb, type TestDb } from './testing';

let t: TestDb;
let f: Fixtures;

beforeAll(async () => {
  t = await createTestDb();
  f = await insertFixtures(t);
  // One audit event per regency, so audit_events has rows to hide too.
  await t.withAdmin(async (trx) => {
    for (const regencyId of ['63.01', '21.01']) {
      await appendAudit(trx, { regencyId, actorId: null, action: 'seed', entity: 'test', entityId: null });
    }
  });
}, 60_000);

afterAll(() => t?.close());

const PERMISSION_DENIED = { code: '42501' };
const FOREIGN_KEY_VIOLATION = { code: '23503' };

async function countByRegency(regencyIds: readonly string[] | 'all', table: string, regencyId: string) {
  return t.withTenant(regencyIds, async (trx) => {
    const result = await sql<{
      n: number;
    }>`select count(*) as n from ${sql.table(table)} where regency_id = ${regencyId}`.execute(trx);
    return result.rows[0]?.n;
  });
}

describe('tenant transactions', () => {
  it('run as the app role with the tenant set', async () => {
    const row = await t.withTenant(['21.01', '63.01'], async (trx) => {
      const result = await sql<{ role: string; tenant: string }>`
        select current_user as role, current_setting('netral.regency_ids') as tenant`.execute(trx);
      return result.rows[0];
    });
    expect(row).toEqual({ role: APP_ROLE, tenant: '21.01,63.01' });
  });

  it('reject tenant values that are not regency codes', async () => {
    await expect(t.withTenant(['*'], async () => 1)).rejects.toThrow(TypeError);
    await expect(t.withTenant(['21.01,63.01'], async () => 1)).rejects.toThrow(TypeError);
    expect(tenantSetting('all')).toBe('*');
    expect(tenantSetting([])).toBe('');
  });
});

describe('row-level security', () => {
  it('hides the rows of 63.01 in every tenant table from 21.01', async () => {
    for (const table of TENANT_TABLES) {
      expect(await countByRegency('all', table, '63.01'), `${table} has 63.01 rows`).toBeGreaterThan(0);
      expect(await countByRegency(['21.01'], table, '63.01'), `${table} leaks`).toBe(0);
      expect(await countByRegency(['21.01'], table, '21.01'), `${table} hides own rows`).toBeGreaterThan(0);
    }
  });

  it('filters queries that forget their where clause', async () => {
    const cases = await t.withTenant(['21.01'], (trx) =>
      trx.selectFrom('cases').select(['id', 'regency_id']).execute(),
    );
    expect(cases).toEqual([{ id: f.bintan.caseId, regency_id: '21.01' }]);
    const both = await t.withTenant(['21.01', '63.01'], (trx) => trx.selectFrom('cases').select('id').execute());
    expect(both).toHaveLength(2);
  });

  it('refuses to insert a row for a foreign regency', async () => {
    await expect(
      t.withTenant(['21.01'], (trx) =>
        trx.insertInto('units').values({ regency_id: '63.01', name: 'Dinas Sosial', kind: 'dinas' }).execute(),
      ),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('refuses to move a row to a foreign regency', async () => {
    await expect(
      t.withTenant(['21.01'], (trx) =>
        trx.updateTable('evidence').set({ regency_id: '63.01' }).where('case_id', '=', f.bintan.caseId).execute(),
      ),
    ).rejects.toMatchObject(PERMISSION_DENIED);
  });

  it('leaves rows of other regencies untouched by updates and deletes', async () => {
    const [updated, deleted] = await t.withTenant(['21.01'], async (trx) => [
      await trx.updateTable('cases').set({ summary: 'x' }).where('id', '=', f.tanahLaut.caseId).executeTakeFirst(),
      await trx.deleteFrom('reporters').where('case_id', '=', f.tanahLaut.caseId).executeTakeFirst(),
    ]);
    expect(updated.numUpdatedRows).toBe(0n);
    expect(deleted.numDeletedRows).toBe(0n);
  });

  it('refuses a child row that names its own regency but a foreign case or circular', async () => {
    await expect(
      t.withTenant(['21.01'], (trx) =>
        trx
          .insertInto('reporters')
          .values({ case_id: f.tanahLaut.caseId, regency_id: '21.01', channel: 'lapor' })
          .execute(),
      ),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
    await expect(
      t.withTenant(['21.01'], (trx) =>
        trx
          .insertInto('provisions')
          .values({
            circular_id: f.tanahLaut.circularId,
            regency_id: '21.01',
            province_code: '21',
            path: 'Z',
            label: 'Z.',
            kind: 'other',
            text: 'x',
            position: 9,
          })
          .execute(),
      ),
    ).rejects.toMatchObject(FOREIGN_KEY_VIOLATION);
  });

  it('shows no tenant rows to the app role without a tenant setting', async () => {
    // A previous tenant transaction leaves the setting as '' on its connection, not unset.
    await t.withTenant(['63.01'], async () => undefined);
    const counts = await t.withAdmin(async (trx) => {
      await sql`set local role ${sql.id(APP_ROLE)}`.execute(trx);
      const result: Record<string, number | undefined> = {};
      for (const table of TENANT_TABLES) {
        const rows = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(trx);
        result[table] = rows.rows[0]?.n;
      }
      return result;
    });
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });

  it('sees no tenant rows with an empty list, but users and sessions (sign-in)', async () => {
    const [cases, users] = await t.withTenant([], async (trx) => [
      await trx.selectFrom('cases').select('id').execute(),
      await trx.selectFrom('users').select('id').execute(),
    ]);
    expect(cases).toHaveLength(0);
    expect(users).toHaveLength(1);
  });
});

describe("a governor's circular", () => {
  it('is readable by the regencies of its province only', async () => {
    const sees = (regencyIds: readonly string[]) =>
      t.withTenant(regencyIds, async (trx) => ({
        circulars: await trx.selectFrom('circulars').select('id').where('id', '=', f.governorCircularId).execute(),
        provisions: await trx
          .selectFrom('provisions')
          .select('path')
          .where('circular_id', '=', f.governorCircularId)
          .execute(),
      }));
    expect(await sees(['63.71'])).toEqual({ circulars: [{ id: f.governorCircularId }], provisions: [{ path: '1' }] });
    expect(await sees(['21.01'])).toEqual({ circulars: [], provisions: [] });
  });

  it('is writable nationally only', async () => {
    const updated = await t.withTenant(['63.01'], (trx) =>
      trx.updateTable('circulars').set({ title: 'x' }).where('id', '=', f.governorCircularId).executeTakeFirst(),
    );
    expect(updated.numUpdatedRows).toBe(0n);
    await expect(
      t.withTenant(['63.01'], (trx) =>
        trx.insertInto('circulars').values({ regency_id: null, province_code: '63', title: 'x' }).execute(),
      ),
    ).rejects.toMatchObject(PERMISSION_DENIED);
    const national = await t.withTenant('all', (trx) =>
      trx
        .updateTable('circulars')
        .set({ jdih: JSON.stringify({ teu: 'Kalimantan Selatan. Gubernur' }) })
        .where('id', '=', f.governorCircularId)
        .executeTakeFirst(),
    );
    expect(national.numUpdatedRows).toBe(1n);
  });
});

describe('append-only tables', () => {
  it('let the app role append to the audit log but not update or delete it', async () => {
    await t.withTenant(['21.01'], (trx) =>
      appendAudit(trx, { regencyId: '21.01', actorId: f.userId, action: 'test', entity: 'test', entityId: null }),
    );
    await expect(
      t.withTenant(['21.01'], (trx) => trx.updateTable('audit_events').set({ action: 'forged' }).execute()),
    ).rejects.toMatchObject(PERMISSION_DENIED);
    await expect(t.withTenant(['21.01'], (trx) => trx.deleteFrom('audit_events').execute())).rejects.toMatchObject(
      PERMISSION_DENIED,
    );
    await expect(t.withTenant('all', (trx) => trx.deleteFrom('audit_events').execute())).rejects.toMatchObject(
      PERMISSION_DENIED,
    );
  });

  it('keep the case timeline append-only, yet follow a case deletion', async () => {
    await expect(
      t.withTenant(['21.01'], (trx) => trx.updateTable('case_events').set({ reason: 'x' }).execute()),
    ).rejects.toMatchObject(PERMISSION_DENIED);
    const deleted = await t.withTenant(['21.01'], async (trx) => {
      const kase = await trx
        .insertInto('cases')
        .values({
          regency_id: '21.01',
          contest: 'PILKADA_2024',
          act_on: '2024-10-01',
          phase: 'KAMPANYE',
          phase_bucket: 'during',
          subject_name: 'S',
          source: 'internal_finding',
          summary: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('case_events')
        .values({ case_id: kase.id, regency_id: '21.01', verb: 'receive', occurred_on: '2024-10-02' })
        .execute();
      return trx.deleteFrom('cases').where('id', '=', kase.id).executeTakeFirst();
    });
    expect(deleted.numDeletedRows).toBe(1n);
  });
});

describe('start-up check', () => {
  it('passes for netral_app', async () => {
    expect(await checkRlsSafety(t.db)).toEqual([]);
  });

  it('fails for a role with BYPASSRLS', async () => {
    // A role of its own: netral_app is shared by test files running in parallel on one server.
    const role = `netral_test_${randomBytes(4).toString('hex')}`;
    await sql`create role ${sql.id(role)} nologin bypassrls`.execute(t.db);
    try {
      expect(await checkRlsSafety(t.db, { role })).toContain(`role ${role} has BYPASSRLS`);
      await expect(assertRlsSafe(t.db, { role })).rejects.toBeInstanceOf(RlsSafetyError);
    } finally {
      await sql`drop role ${sql.id(role)}`.execute(t.db);
    }
  });

  it('fails for a tenant table without FORCE ROW LEVEL SECURITY', async () => {
    const rollback = new Error('rollback');
    await expect(
      t.withAdmin(async (trx) => {
        await sql`alter table units no force row level security`.execute(trx);
        expect(await checkRlsSafety(trx)).toEqual(['units does not FORCE ROW LEVEL SECURITY']);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await checkRlsSafety(t.db)).toEqual([]);
  });
});
