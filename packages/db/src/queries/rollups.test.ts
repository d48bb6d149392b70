import { contests } from '@netral/domain/phases';
import { prohibitionTypes } from '@netral/domain/taxonomy';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as backfillRegimeFamily } from '../migrations/20261124T090000Z-rollup-regime-family';
import * as backfillRegencyAllTime from '../migrations/20261126T090000Z-rollup-regency-all-time';
import { createTestDb, type TestDb } from '../testing';
import { createCase, type NewCaseInput, transitionCase } from './cases';
import {
  ALL,
  ALL_TIME,
  applyUnitKindChange,
  type CaseFacts,
  dimKeysOf,
  isProven,
  rebuildRollups,
  weekOf,
} from './rollups';

const facts: CaseFacts = {
  regencyId: '63.01',
  contest: 'PILKADA_2024',
  actOn: '2024-10-02',
  status: 'lapsed',
  unitId: null,
  unitKind: null,
  phase: 'KAMPANYE',
  phaseBucket: 'during',
  positionClass: 'jpt',
  sanctionLevel: null,
  recommended: true,
  ppkDeadline: '2024-10-30',
  codes: ['KE-05a', 'KE-05b', 'DS-07'],
};

describe('rollup facts', () => {
  it('weeks start on Monday', () => {
    expect(weekOf('2024-10-02')).toBe('2024-09-30');
    expect(weekOf('2024-09-30')).toBe('2024-09-30');
    expect(weekOf('2024-10-06')).toBe('2024-09-30');
  });

  it('counts a lapsed case as proven only after a recommendation', () => {
    expect(isProven(facts)).toBe(true);
    expect(isProven({ ...facts, recommended: false })).toBe(false);
    expect(isProven({ status: 'not_proven', recommended: true })).toBe(false);
    expect(isProven({ status: 'ppk_examination', recommended: false })).toBe(true);
  });

  it('counts a case once per code type, family and regime, and keeps no deadline when closed', () => {
    const pairs = dimKeysOf(facts);
    expect(pairs.filter(([d]) => d === 'code')).toEqual([
      ['code', 'KE-05'],
      ['code', 'DS-07'],
    ]);
    expect(pairs.filter(([d]) => d === 'family')).toEqual([['family', 'FOTO']]);
    expect(pairs.filter(([d]) => d === 'regime').map(([, k]) => k)).toEqual(['kode_etik', 'disiplin']);
    expect(pairs.filter(([d]) => d === 'regime_family').map(([, k]) => k)).toEqual(['kode_etik:FOTO', 'disiplin:FOTO']);
    // Two codes of one family and list count once.
    expect(
      dimKeysOf({ ...facts, codes: ['DS-09', 'DS-10'] })
        .filter(([d]) => d === 'regime_family')
        .map(([, k]) => k),
    ).toEqual(['disiplin:TIM']);
    expect(pairs.filter(([d]) => d === 'ppk_due')).toEqual([]);
    expect(dimKeysOf({ ...facts, status: 'recommended' }).filter(([d]) => d === 'ppk_due')).toEqual([
      ['ppk_due', '2024-10-30'],
    ]);
  });
});

describe('rollups in the database', () => {
  let t: TestDb;
  let units: Record<string, string>;
  let circulars: Record<string, string>;
  let userId: string;

  beforeAll(async () => {
    t = await createTestDb();
    ({ units, circulars, userId } = await t.withAdmin(async (trx) => {
      await trx
        .insertInto('provinces')
        .values([
          { code: '63', name: 'Kalimantan Selatan' },
          { code: '21', name: 'Kepulauan Riau' },
        ])
        .execute();
      await trx
        .insertInto('regencies')
        .values([
          { id: '63.01', name: 'Tanah Laut', kind: 'kabupaten', province_code: '63' },
          { id: '21.01', name: 'Bintan', kind: 'kabupaten', province_code: '21' },
        ])
        .execute();
      await trx
        .insertInto('contests')
        .values(Object.values(contests).map((c) => ({ code: c.code, data: JSON.stringify(c) })))
        .execute();
      await trx
        .insertInto('prohibition_types')
        .values(
          prohibitionTypes.map((p, i) => ({
            code: p.code,
            family: p.family,
            regime: p.regime,
            wording: p.wording,
            gloss: p.gloss,
            default_sanction_level: p.defaultSanctionLevel,
            sanction_source: p.sanctionSource,
            position: i,
          })),
        )
        .execute();
      const user = await trx
        .insertInto('users')
        .values({ username: 'u', display_name: 'U', password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const units: Record<string, string> = {};
      const circulars: Record<string, string> = {};
      for (const [regency, province] of [
        ['63.01', '63'],
        ['21.01', '21'],
      ] as const) {
        const unit = await trx
          .insertInto('units')
          .values({ regency_id: regency, name: 'Dinas', kind: 'dinas' })
          .returning('id')
          .executeTakeFirstOrThrow();
        units[regency] = unit.id;
        const circular = await trx
          .insertInto('circulars')
          .values({
            regency_id: regency,
            province_code: province,
            number: '1',
            title: 'SE',
            issued_on: '2024-01-01',
            status: 'published',
            published_at: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        circulars[regency] = circular.id;
        await trx
          .insertInto('provisions')
          .values({
            circular_id: circular.id,
            regency_id: regency,
            province_code: province,
            path: 'A',
            label: 'A.',
            kind: 'prohibition',
            text: 'Larangan',
            codes: ['KE-02', 'DS-08'],
            position: 0,
          })
          .execute();
      }
      return { units, circulars, userId: user.id };
    }));
  }, 60_000);
  afterAll(() => t?.close());

  const input = (regencyId: string, actOn: string): NewCaseInput => ({
    regencyId,
    unitId: units[regencyId] ?? null,
    contest: 'PILKADA_2024',
    race: null,
    actOn,
    receivedOn: actOn,
    subject: {
      name: 'Terlapor',
      nip: null,
      nik: null,
      employmentType: 'PPPK',
      positionClass: 'fungsional',
      positionTitle: null,
    },
    provisions: [{ circularId: circulars[regencyId] ?? '', circularVersion: 1, path: 'A' }],
    source: 'public_report',
    summary: 'Uji',
    reporter: null,
  });

  const snapshot = async () =>
    (
      await sql<{ row: string }>`
        select concat_ws('|', status, unit_kind, regency_id, contest, period, dim, key, n) as row
          from case_rollup where n <> 0 order by 1`.execute(t.db)
    ).rows.map((r) => r.row);

  it('keeps regency, national and all-months rows in the transaction of the change', async () => {
    const id = await t.withTenant(['63.01'], async (trx) => {
      const { id } = await createCase(trx, input('63.01', '2024-10-02'), { id: userId });
      await transitionCase(trx, {
        id,
        version: 1,
        verb: 'startVerification',
        input: { occurredOn: '2024-10-03', reason: 'ok' },
        actor: { id: userId, roles: ['regency_officer'] },
      });
      return id;
    });
    await t.withTenant(['21.01'], (trx) => createCase(trx, input('21.01', '2024-11-05'), { id: userId }));
    expect(id).toBeTruthy();
    const rows = await sql<{ regency_id: string; period: string; n: number }>`
      select regency_id, period::text, n from case_rollup
       where status = ${ALL} and unit_kind = ${ALL} and dim = 'total' order by 1, 2`.execute(t.db);
    expect(rows.rows).toEqual([
      { regency_id: '*', period: ALL_TIME, n: 2 },
      { regency_id: '*', period: '2024-10-01', n: 1 },
      { regency_id: '*', period: '2024-11-01', n: 1 },
      { regency_id: '21.01', period: ALL_TIME, n: 1 },
      { regency_id: '21.01', period: '2024-11-01', n: 1 },
      { regency_id: '63.01', period: ALL_TIME, n: 1 },
      { regency_id: '63.01', period: '2024-10-01', n: 1 },
    ]);
    const byStatus = await sql<{ status: string; n: number }>`
      select status, n from case_rollup
       where regency_id = '63.01' and period = ${ALL_TIME} and unit_kind = '*' and dim = 'total' and status <> '*' and n <> 0`.execute(
      t.db,
    );
    expect(byStatus.rows).toEqual([{ status: 'verifying', n: 1 }]);
  });

  it('shows a regency its own rows only, and national rows only to national transactions', async () => {
    const seen = await t.withTenant(['63.01'], (trx) =>
      sql<{ regency_id: string }>`select distinct regency_id from case_rollup`.execute(trx),
    );
    expect(seen.rows.map((r) => r.regency_id)).toEqual(['63.01']);
    const national = await t.withTenant('all', (trx) =>
      sql<{ regency_id: string }>`select distinct regency_id from case_rollup order by 1`.execute(trx),
    );
    expect(national.rows.map((r) => r.regency_id)).toEqual(['*', '21.01', '63.01']);
  });

  it('refuses a tenant changing another regency’s counts, or writing rollups directly', async () => {
    await expect(
      t.withTenant(['63.01'], (trx) =>
        sql`select case_rollup_apply(array['*'], array['*'], array['21.01'], array['PILKADA_2024'],
              array['2024-11-01']::date[], array['total'], array[''], array[5])`.execute(trx),
      ),
    ).rejects.toThrow(/outside/);
    await expect(
      t.withTenant(['63.01'], (trx) =>
        sql`insert into case_rollup values ('63.01', 'PILKADA_2024', '*', '*', '2024-10-01', 'total', 'x', 1)`.execute(
          trx,
        ),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('follows a unit that changes kind', async () => {
    await t.withTenant(['63.01'], async (trx) => {
      await trx
        .updateTable('units')
        .set({ kind: 'badan' })
        .where('id', '=', units['63.01'] ?? '')
        .execute();
      await applyUnitKindChange(trx, { unitId: units['63.01'] ?? '', fromKind: 'dinas' });
    });
    const kinds = await sql<{ unit_kind: string; period: string; n: number }>`
      select unit_kind, period::text, n from case_rollup
       where regency_id = '63.01' and status = '*' and unit_kind <> '*' and dim = 'total' and n <> 0
       order by period`.execute(t.db);
    expect(kinds.rows).toEqual([
      { unit_kind: 'badan', period: ALL_TIME, n: 1 },
      { unit_kind: 'badan', period: '2024-10-01', n: 1 },
    ]);
    const kept = await snapshot();
    await t.withAdmin((trx) => rebuildRollups(trx));
    expect(await snapshot()).toEqual(kept);
  });

  it('rebuilds exactly what was kept incrementally, for all or some regencies', async () => {
    const kept = await snapshot();
    await t.withAdmin((trx) => rebuildRollups(trx));
    expect(await snapshot()).toEqual(kept);
    await t.withAdmin((trx) => rebuildRollups(trx, ['21.01']));
    expect(await snapshot()).toEqual(kept);
  });

  it('backfills the regime-family rows of stored cases exactly as they are kept (migration)', async () => {
    const kept = await snapshot();
    expect(kept.some((row) => row.includes('|regime_family|disiplin:KEGIATAN|'))).toBe(true);
    // As a database from before both migrations: no regime-family rows, no regency all-months rows.
    await t.withAdmin(async (trx) => {
      await sql`delete from case_rollup where dim = 'regime_family'`.execute(trx);
      await backfillRegencyAllTime.down(trx);
      await backfillRegimeFamily(trx);
      await backfillRegencyAllTime.up(trx);
    });
    expect(await snapshot()).toEqual(kept);
  });
});
