/**
 * Case rollups: the counts the dashboard reads, kept in the same transaction as every case
 * change, so they are never stale and no request aggregates `cases`.
 *
 * A case contributes 1 to one row per (dimension, key) it has, in three grains (every status and
 * unit kind; its status; its unit kind), for its regency and nationally (`regency_id = '*'`), by
 * the month of its act and over all months (`period = ALL_TIME`); see the migrations
 * `20261123T100000Z-rollups` and `20261126T090000Z-rollup-regency-all-time`.
 * Writers call {@link applyCaseDelta} with the case's facts before and after the change; bulk
 * loaders call {@link rebuildRollups} once at the end.
 *
 * Definitions (the headline figures of `analytics.summary`):
 * - **reported**: every case (`dim = 'total'`).
 * - **recommended**: a recommendation was recorded (`recommendation_number` set), whatever the
 *   status now.
 * - **proven** (terbukti): the case reached a stage that presupposes the violation was found:
 *   status `recommended`, `ppk_examination`, `blocked`, `sanctioned` or `sanction_executed`, or it
 *   lapsed (`lapsed`) after a recommendation had been recorded. A case that ends `not_proven`,
 *   even after a PPK examination, is not proven; `rejected`, `forwarded`, `cancelled` never are.
 * - **sanctioned**: status `sanctioned` or `sanction_executed`.
 * - **followed up**: recommended and sanctioned; the follow-up rate is followed up ÷ recommended
 *   (sanctions reached by the internal route, without a recommendation, do not inflate it).
 * - **overdue**: status `recommended` or `ppk_examination` and `ppk_deadline` before today. The
 *   rollup keeps open cases by deadline (`dim = 'ppk_due'`), so "overdue today" needs no scan.
 *
 * The unit kind is the unit's kind when the case was last written: whoever changes a unit's kind
 * calls {@link applyUnitKindChange} in the same transaction.
 */
import {
  getProhibitionType,
  isProhibitionCode,
  parentProhibitionCode,
  prohibitionCodeSchema,
} from '@netral/domain/taxonomy';
import type { CaseStatus } from '@netral/domain/workflow';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CaseRollupTable, DB } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

/** Every grain value meaning "all". */
export const ALL = '*';

/** `period` of the rows that count every month (a dashboard without a date range reads only those). */
export const ALL_TIME = '1900-01-01';

/** The dimensions a rollup row can have (`unit_kind` only in the status grain, `status` only in the unit-kind grain). */
export const rollupDims = [
  'total',
  'flag',
  'code',
  'family',
  'regime',
  'regime_family',
  'unit',
  'unit_kind',
  'phase',
  'bucket',
  'status',
  'sanction_level',
  'position_class',
  'week',
  'ppk_due',
] as const;
export type RollupDim = (typeof rollupDims)[number];

/** Keys of `dim = 'flag'`. */
export const rollupFlags = ['proven', 'sanctioned', 'recommended', 'followed_up'] as const;
export type RollupFlag = (typeof rollupFlags)[number];

/** Statuses in which a case counts as proven (see the module comment for `lapsed`). */
export const PROVEN_STATUSES: readonly CaseStatus[] = [
  'recommended',
  'ppk_examination',
  'blocked',
  'sanctioned',
  'sanction_executed',
];
/** Statuses in which a case counts as sanctioned. */
export const SANCTIONED_STATUSES: readonly CaseStatus[] = ['sanctioned', 'sanction_executed'];
/** Statuses in which the PPK's deadline runs (overdue when it has passed). */
export const PPK_OPEN_STATUSES: readonly CaseStatus[] = ['recommended', 'ppk_examination'];

/** What of a case the rollups count. */
export interface CaseFacts {
  regencyId: string;
  contest: string;
  /** `'YYYY-MM-DD'` */
  actOn: string;
  status: CaseStatus;
  unitId: string | null;
  unitKind: string | null;
  phase: string;
  phaseBucket: string;
  positionClass: string | null;
  sanctionLevel: string | null;
  /** A recommendation was recorded. */
  recommended: boolean;
  ppkDeadline: string | null;
  /** Prohibition codes as stored (sub-points included). */
  codes: readonly string[];
}

export function isProven(facts: Pick<CaseFacts, 'status' | 'recommended'>): boolean {
  return PROVEN_STATUSES.includes(facts.status) || (facts.status === 'lapsed' && facts.recommended);
}

export function isSanctioned(facts: Pick<CaseFacts, 'status'>): boolean {
  return SANCTIONED_STATUSES.includes(facts.status);
}

/** First day of the month of an ISO date. */
export function monthOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** Monday of the ISO week of an ISO date. */
export function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/**
 * Key of the `regime_family` dimension: a family within one list (`'disiplin:TIM'`), so a chart
 * can split each act family into kode etik and disiplin without counting a case with two codes
 * of one family and list (DS-09 and DS-10) twice.
 */
export function regimeFamilyKey(regime: string, family: string): string {
  return `${regime}:${family}`;
}

/**
 * (dim, key) pairs of a case in the grain of every status and unit kind: one per dimension,
 * several for codes, families and regimes.
 */
export function dimKeysOf(facts: CaseFacts): [RollupDim, string][] {
  const pairs: [RollupDim, string][] = [
    ['total', ''],
    ['unit', facts.unitId ?? ''],
    ['phase', facts.phase],
    ['bucket', facts.phaseBucket],
    ['sanction_level', facts.sanctionLevel ?? ''],
    ['position_class', facts.positionClass ?? ''],
    ['week', weekOf(facts.actOn)],
  ];
  const proven = isProven(facts);
  const sanctioned = isSanctioned(facts);
  if (proven) pairs.push(['flag', 'proven']);
  if (sanctioned) pairs.push(['flag', 'sanctioned']);
  if (facts.recommended) pairs.push(['flag', 'recommended']);
  if (facts.recommended && sanctioned) pairs.push(['flag', 'followed_up']);
  if (PPK_OPEN_STATUSES.includes(facts.status) && facts.ppkDeadline !== null) {
    pairs.push(['ppk_due', facts.ppkDeadline]);
  }
  const seen = new Set<string>();
  for (const code of facts.codes) {
    if (!isProhibitionCode(code)) continue;
    const type = getProhibitionType(code);
    for (const pair of [
      ['code', parentProhibitionCode(code)],
      ['family', type.family],
      ['regime', type.regime],
      ['regime_family', regimeFamilyKey(type.regime, type.family)],
    ] as [RollupDim, string][]) {
      const id = `${pair[0]}\u0000${pair[1]}`;
      if (seen.has(id)) continue;
      seen.add(id);
      pairs.push(pair);
    }
  }
  return pairs;
}

/** A rollup row's identity (everything but `n`). */
type RowKey = Omit<CaseRollupTable, 'n'>;

function rowsOf(facts: CaseFacts): RowKey[] {
  const period = monthOf(facts.actOn);
  const kind = facts.unitKind ?? '';
  const pairs = dimKeysOf(facts);
  const grains: [string, string, [RollupDim, string][]][] = [
    [ALL, ALL, pairs],
    [facts.status, ALL, [...pairs, ['unit_kind', kind]]],
    [ALL, kind, [...pairs, ['status', facts.status]]],
  ];
  const rows: RowKey[] = [];
  for (const [regency, when] of [
    [facts.regencyId, period],
    [facts.regencyId, ALL_TIME],
    [ALL, period],
    [ALL, ALL_TIME],
  ] as const) {
    for (const [status, unitKind, grainPairs] of grains) {
      for (const [dim, key] of grainPairs) {
        rows.push({ regency_id: regency, contest: facts.contest, status, unit_kind: unitKind, period: when, dim, key });
      }
    }
  }
  return rows;
}

const SEP = '\u0000';
function rowId(r: RowKey): string {
  return [r.status, r.unit_kind, r.regency_id, r.contest, r.period, r.dim, r.key].join(SEP);
}

/**
 * Updates the rollups for one case change: −1 for every row of `before`, +1 for every row of
 * `after`, netted (a transition that changes only the status touches only the rows that differ).
 * `before` null: a new case; `after` null: a deleted one. Call it in the transaction of the change.
 *
 * @example
 * const before = await loadCaseFacts(trx, id);
 * await trx.updateTable('cases').set({ status: 'verifying' }).where('id', '=', id).execute();
 * await applyCaseDelta(trx, before, await loadCaseFacts(trx, id));
 */
export async function applyCaseDelta(trx: Db, before: CaseFacts | null, after: CaseFacts | null): Promise<void> {
  await applyCaseDeltas(trx, [[before, after]]);
}

/** {@link applyCaseDelta} for many cases at once, in one statement. */
export async function applyCaseDeltas(
  trx: Db,
  changes: readonly (readonly [CaseFacts | null, CaseFacts | null])[],
): Promise<void> {
  const deltas = new Map<string, { row: RowKey; n: number }>();
  const add = (facts: CaseFacts | null, sign: number) => {
    if (!facts) return;
    for (const row of rowsOf(facts)) {
      const id = rowId(row);
      const entry = deltas.get(id);
      if (entry) entry.n += sign;
      else deltas.set(id, { row, n: sign });
    }
  };
  for (const [before, after] of changes) {
    add(before, -1);
    add(after, 1);
  }
  // Sorted: concurrent transactions lock rollup rows in the same order and cannot deadlock.
  const net = [...deltas.entries()]
    .filter(([, e]) => e.n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, e]) => e);
  if (net.length === 0) return;
  const col = <K extends keyof RowKey>(k: K) => net.map((c) => c.row[k]);
  // Through the SECURITY DEFINER function: the national rows are not writable by a regency's
  // transaction directly (see the migration).
  await sql`
    select case_rollup_apply(
      ${col('status')}::text[], ${col('unit_kind')}::text[], ${col('regency_id')}::text[],
      ${col('contest')}::text[], ${col('period')}::date[], ${col('dim')}::text[], ${col('key')}::text[],
      ${net.map((c) => c.n)}::int[])`.execute(trx);
}

/**
 * Moves the cases of a unit whose kind changed to the new kind in the rollups (which keep the
 * unit kind a case had when it was written). Call it in the transaction that updates
 * `units.kind`, after the update.
 *
 * @example
 * await trx.updateTable('units').set({ kind: 'badan' }).where('id', '=', unitId).execute();
 * await applyUnitKindChange(trx, { unitId, fromKind: 'dinas' });
 */
export async function applyUnitKindChange(trx: Db, params: { unitId: string; fromKind: string }): Promise<void> {
  const rows = await sql<{ id: string }>`select id from cases where unit_id = ${params.unitId}`.execute(trx);
  const changes: [CaseFacts, CaseFacts][] = [];
  for (const { id } of rows.rows) {
    const after = await loadCaseFacts(trx, id);
    if (after && after.unitKind !== params.fromKind) changes.push([{ ...after, unitKind: params.fromKind }, after]);
  }
  await applyCaseDeltas(trx, changes);
}

/**
 * The facts of a case as stored, or null when it does not exist (or is not visible).
 *
 * @example const facts = await loadCaseFacts(trx, caseId);
 */
export async function loadCaseFacts(trx: Db, caseId: string): Promise<CaseFacts | null> {
  const row = await trx
    .selectFrom('cases as c')
    .leftJoin('units as u', 'u.id', 'c.unit_id')
    .select([
      'c.regency_id',
      'c.contest',
      'c.act_on',
      'c.status',
      'c.unit_id',
      'u.kind as unit_kind',
      'c.phase',
      'c.phase_bucket',
      'c.position_class',
      'c.sanction_level',
      'c.recommendation_number',
      'c.ppk_deadline',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  const codes = await trx.selectFrom('case_codes').select('code').where('case_id', '=', caseId).execute();
  return {
    regencyId: row.regency_id,
    contest: row.contest,
    actOn: row.act_on,
    status: row.status,
    unitId: row.unit_id,
    unitKind: row.unit_kind,
    phase: row.phase,
    phaseBucket: row.phase_bucket,
    positionClass: row.position_class,
    sanctionLevel: row.sanction_level,
    recommended: row.recommendation_number !== null,
    ppkDeadline: row.ppk_deadline,
    codes: codes.map((c) => c.code),
  };
}

/** The taxonomy as arrays for SQL: each code (sub-points included) with its type code, family, regime. */
function taxonomyArrays() {
  const codes = prohibitionCodeSchema.options;
  const types = codes.map((code) => getProhibitionType(code));
  return {
    codes: [...codes],
    parents: codes.map((code) => parentProhibitionCode(code)),
    families: types.map((t) => t.family),
    regimes: types.map((t) => t.regime),
  };
}

/**
 * Recomputes the rollups from `cases` (every regency, or only `regencyIds`, then the national
 * rows from the regencies' rows): for bulk loads (the demo generator) and repairs. Runs as the
 * admin (`withAdmin`, or the admin `db`): the national rows are not writable by tenants.
 *
 * Produces exactly the rows {@link applyCaseDelta} would have accumulated (without rows at 0).
 *
 * @example
 * await withAdmin(async (trx) => { await insertManyCases(trx); await rebuildRollups(trx); });
 */
export async function rebuildRollups(trx: Transaction<DB> | Kysely<DB>, regencyIds?: readonly string[]): Promise<void> {
  const only = regencyIds !== undefined;
  const ids = [...(regencyIds ?? [])];
  await sql`delete from case_rollup where ${only ? sql`regency_id = any(${ids}::text[])` : sql`true`}`.execute(trx);
  const tax = taxonomyArrays();
  const caseFilter = only ? sql`c.regency_id = any(${ids}::text[])` : sql`true`;
  // Each case expands to its (dim, key) pairs, aggregated into the three grains in one pass
  // (grouping sets); the dimensions that only one grain carries are dropped from the others.
  await sql`
    with tax (code, parent, family, regime) as (
      select * from unnest(${tax.codes}::text[], ${tax.parents}::text[], ${tax.families}::text[], ${tax.regimes}::text[])
    ),
    base as (
      select c.id, c.regency_id, c.contest, c.status, coalesce(u.kind, '') as unit_kind,
             date_trunc('month', c.act_on)::date as period,
             coalesce(c.unit_id::text, '') as unit_key, c.phase, c.phase_bucket,
             coalesce(c.sanction_level, '') as sanction_level, coalesce(c.position_class, '') as position_class,
             to_char(date_trunc('week', c.act_on), 'YYYY-MM-DD') as week_key,
             c.status in ('recommended', 'ppk_examination', 'blocked', 'sanctioned', 'sanction_executed')
               or (c.status = 'lapsed' and c.recommendation_number is not null) as proven,
             c.status in ('sanctioned', 'sanction_executed') as sanctioned,
             c.recommendation_number is not null as recommended,
             case when c.status in ('recommended', 'ppk_examination') then to_char(c.ppk_deadline, 'YYYY-MM-DD') end as ppk_due
        from cases c
        left join units u on u.id = c.unit_id
       where ${caseFilter}
    ),
    expanded as (
      select b.regency_id, b.contest, b.status, b.unit_kind, b.period, d.dim, d.key
        from base b
        cross join lateral (values
          ('total', ''), ('unit', b.unit_key), ('phase', b.phase), ('bucket', b.phase_bucket),
          ('sanction_level', b.sanction_level), ('position_class', b.position_class), ('week', b.week_key),
          ('unit_kind', b.unit_kind), ('status', b.status),
          ('flag', case when b.proven then 'proven' end),
          ('flag', case when b.sanctioned then 'sanctioned' end),
          ('flag', case when b.recommended then 'recommended' end),
          ('flag', case when b.recommended and b.sanctioned then 'followed_up' end),
          ('ppk_due', b.ppk_due)
        ) as d (dim, key)
       where d.key is not null
      union all
      select b.regency_id, b.contest, b.status, b.unit_kind, b.period, k.dim, k.key
        from (
          select distinct cc.case_id, x.dim, x.key
            from case_codes cc
            join tax t on t.code = cc.code
            cross join lateral (values
              ('code', t.parent), ('family', t.family), ('regime', t.regime),
              ('regime_family', t.regime || ':' || t.family)
            ) as x (dim, key)
        ) k
        join base b on b.id = k.case_id
    ),
    grains as (
      select regency_id, contest, period,
             case when grouping(status) = 1 then '*' else status end as status,
             case when grouping(unit_kind) = 1 then '*' else unit_kind end as unit_kind,
             dim, key, count(*)::int as n
        from expanded
       group by grouping sets (
         (regency_id, contest, period, dim, key),
         (regency_id, contest, period, status, dim, key),
         (regency_id, contest, period, unit_kind, dim, key))
    )
    insert into case_rollup (status, unit_kind, regency_id, contest, period, dim, key, n)
    select status, unit_kind, regency_id, contest, period, dim, key, n
      from grains
     where not (dim = 'status' and (status <> '*' or unit_kind = '*'))
       and not (dim = 'unit_kind' and (unit_kind <> '*' or status = '*'))`.execute(trx);
  // National rows: the sums of the regencies' rows by month. Then, for the rebuilt regencies and
  // the nation, the sums over all months.
  await sql`delete from case_rollup where regency_id = '*'`.execute(trx);
  await sql`
    insert into case_rollup (status, unit_kind, regency_id, contest, period, dim, key, n)
    select status, unit_kind, '*', contest, period, dim, key, sum(n)::int
      from case_rollup
     where regency_id <> '*' and period > ${ALL_TIME}::date
     group by status, unit_kind, contest, period, dim, key
    having sum(n) <> 0`.execute(trx);
  await sql`
    insert into case_rollup (status, unit_kind, regency_id, contest, period, dim, key, n)
    select status, unit_kind, regency_id, contest, ${ALL_TIME}::date, dim, key, sum(n)::int
      from case_rollup
     where period > ${ALL_TIME}::date and ${only ? sql`regency_id = any(${[...ids, ALL]}::text[])` : sql`true`}
     group by status, unit_kind, regency_id, contest, dim, key
    having sum(n) <> 0`.execute(trx);
}
