/**
 * The baselines of the analytics benchmarks: the same counts computed by plain GROUP BY queries
 * over `cases` (what each dashboard request would cost without the rollups), run as the admin
 * (no row-level security, so the baseline is not slowed by policies the rollup path also pays).
 */
import type { NetralDb } from '@netral/db/create-db';
import { type RawBuilder, sql } from 'kysely';

/** The filter of an analytics request, as the API takes it (`analyticsFilterSchema`). */
export interface PlainFilter {
  regencyIds?: readonly string[];
  provinceCode?: string;
  contest?: string;
  /** `'YYYY-MM'` or a date: from the first of its month. */
  from?: string;
  /** `'YYYY-MM'` or a date: to the end of its month. */
  to?: string;
  status?: readonly string[];
  unitKind?: string;
}

/** Breakdown dimensions of `analytics.breakdown`, and the cells of `analytics.cases`. */
export type PlainDim =
  | 'code'
  | 'family'
  | 'regime'
  | 'regime_family'
  | 'unit'
  | 'unit_kind'
  | 'phase'
  | 'bucket'
  | 'contest'
  | 'status'
  | 'sanction_level'
  | 'position_class'
  | 'month'
  | 'week';

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;

/** The WHERE clause over `cases c` (and `units u` when `unitKind` is set: join it). */
export function plainWhere(filter: PlainFilter): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`true`];
  if (filter.regencyIds) parts.push(sql`c.regency_id = any(${[...filter.regencyIds]}::text[])`);
  if (filter.provinceCode) parts.push(sql`c.regency_id like ${`${filter.provinceCode}.%`}`);
  if (filter.contest) parts.push(sql`c.contest = ${filter.contest}`);
  if (filter.from) parts.push(sql`c.act_on >= ${monthStart(filter.from)}::date`);
  if (filter.to) parts.push(sql`c.act_on < (${monthStart(filter.to)}::date + interval '1 month')`);
  if (filter.status?.length) parts.push(sql`c.status = any(${[...filter.status]}::text[])`);
  if (filter.unitKind !== undefined) {
    parts.push(filter.unitKind === '' ? sql`c.unit_id is null` : sql`u.kind = ${filter.unitKind}`);
  }
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

const from = (filter: PlainFilter) =>
  filter.unitKind !== undefined ? sql`cases c left join units u on u.id = c.unit_id` : sql`cases c`;

/** The headline figures (reported, proven, sanctioned, recommended, followed up, overdue). */
export async function plainHeadline(netral: NetralDb, filter: PlainFilter): Promise<void> {
  await sql`select count(*),
      count(*) filter (where status in ('recommended','ppk_examination','blocked','sanctioned','sanction_executed')
                         or (status = 'lapsed' and recommendation_number is not null)),
      count(*) filter (where status in ('sanctioned','sanction_executed')),
      count(*) filter (where recommendation_number is not null),
      count(*) filter (where recommendation_number is not null and status in ('sanctioned','sanction_executed')),
      count(*) filter (where status in ('recommended','ppk_examination') and ppk_deadline < current_date)
    from ${from(filter)} where ${plainWhere(filter)}`.execute(netral.db);
}

const columns: Partial<Record<PlainDim, string>> = {
  phase: 'phase',
  bucket: 'phase_bucket',
  contest: 'contest',
  status: 'status',
  sanction_level: 'sanction_level',
  position_class: 'position_class',
  unit: 'unit_id',
};

/** One breakdown by plain GROUP BY. */
export async function plainBreakdown(netral: NetralDb, filter: PlainFilter, dim: PlainDim): Promise<void> {
  const where = plainWhere(filter);
  const db = netral.db;
  const column = columns[dim];
  if (column) {
    await sql`select ${sql.ref(`c.${column}`)}, count(*) from ${from(filter)} where ${where} group by 1`.execute(db);
    return;
  }
  switch (dim) {
    case 'unit_kind':
      await sql`select u.kind, count(*) from cases c left join units u on u.id = c.unit_id where ${where} group by 1`.execute(
        db,
      );
      return;
    case 'month':
    case 'week':
      await sql`select date_trunc(${dim}, c.act_on), count(*) from ${from(filter)} where ${where} group by 1`.execute(
        db,
      );
      return;
    case 'code':
      await sql`select cc.code, count(distinct c.id) from ${from(filter)} join case_codes cc on cc.case_id = c.id
        where ${where} group by 1`.execute(db);
      return;
    case 'family':
    case 'regime':
      await sql`select ${sql.ref(`pt.${dim}`)}, count(distinct c.id) from ${from(filter)}
        join case_codes cc on cc.case_id = c.id join prohibition_types pt on pt.code = cc.code
        where ${where} group by 1`.execute(db);
      return;
    case 'regime_family':
      await sql`select pt.regime || ':' || pt.family, count(distinct c.id) from ${from(filter)}
        join case_codes cc on cc.case_id = c.id join prohibition_types pt on pt.code = cc.code
        where ${where} group by 1`.execute(db);
      return;
  }
}

/** Every breakdown of the dashboard's summary, in order (the baseline of `analytics.summary`). */
export const summaryDims: readonly PlainDim[] = [
  'status',
  'phase',
  'bucket',
  'contest',
  'sanction_level',
  'position_class',
  'unit',
  'unit_kind',
  'month',
  'week',
  'code',
  'family',
  'regime',
  'regime_family',
];

/** `analytics.summary` by plain GROUP BY: the headline and every breakdown. */
export async function plainSummary(netral: NetralDb, filter: PlainFilter): Promise<void> {
  await plainHeadline(netral, filter);
  for (const dim of summaryDims) await plainBreakdown(netral, filter, dim);
}

/** The count of one cell (`analytics.cases` needs it for its total) by a plain scan. */
export async function plainCellCount(
  netral: NetralDb,
  filter: PlainFilter,
  dim: PlainDim | 'total' | 'flag',
  key: string,
): Promise<void> {
  const where = plainWhere(filter);
  let cell: RawBuilder<unknown> = sql`true`;
  switch (dim) {
    case 'total':
      break;
    case 'flag':
      cell =
        key === 'proven'
          ? sql`(c.status in ('recommended','ppk_examination','blocked','sanctioned','sanction_executed')
                 or (c.status = 'lapsed' and c.recommendation_number is not null))`
          : key === 'sanctioned'
            ? sql`c.status in ('sanctioned','sanction_executed')`
            : key === 'recommended'
              ? sql`c.recommendation_number is not null`
              : sql`c.recommendation_number is not null and c.status in ('sanctioned','sanction_executed')`;
      break;
    case 'code':
      cell = sql`exists (select 1 from case_codes cc where cc.case_id = c.id and cc.code like ${`${key}%`})`;
      break;
    case 'regime_family': {
      const [regime, family] = key.split(':');
      cell = sql`exists (select 1 from case_codes cc join prohibition_types pt on pt.code = cc.code
                         where cc.case_id = c.id and pt.regime = ${regime} and pt.family = ${family})`;
      break;
    }
    case 'family':
    case 'regime':
      cell = sql`exists (select 1 from case_codes cc join prohibition_types pt on pt.code = cc.code
                         where cc.case_id = c.id and ${sql.ref(`pt.${dim}`)} = ${key})`;
      break;
    case 'unit_kind':
      cell = sql`c.unit_id in (select id from units where kind = ${key})`;
      break;
    case 'month':
    case 'week':
      cell = sql`date_trunc(${dim}, c.act_on) = ${key}::date`;
      break;
    default:
      cell = sql`${sql.ref(`c.${columns[dim] as string}`)} = ${key}`;
  }
  await sql`select count(*) from ${from(filter)} where ${where} and ${cell}`.execute(netral.db);
}

/**
 * `analytics.compare` by plain GROUP BY: for each contest, its total, phases, before/during/after
 * and weeks under the filter (whose own contest is ignored).
 */
export async function plainCompare(netral: NetralDb, filter: PlainFilter, contests: readonly string[]): Promise<void> {
  for (const contest of contests) {
    const f = { ...filter, contest };
    await sql`select count(*) from ${from(f)} where ${plainWhere(f)}`.execute(netral.db);
    for (const dim of ['phase', 'bucket', 'week'] as const) await plainBreakdown(netral, f, dim);
  }
}
