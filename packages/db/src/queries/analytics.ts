/**
 * Analytics over the case rollups: headline figures and every breakdown in one query, one
 * breakdown, and the cases behind a number. Never aggregates `cases` (see `rollups.ts` for the
 * definitions of proven, sanctioned, follow-up and overdue).
 *
 * Date ranges are by month: `from` and `to` select the months that contain them (rollups keep
 * the month of the act, not the day).
 *
 * Suppression of small counts is the caller's choice (`suppress: true` for analysts): counts of
 * 1 or 2 become null with `suppressed: true`, and so do rates built on them.
 */
import { type BreakdownDim, breakdownDims, type CountDim, type DrillDim, drillDims } from '@netral/domain/analytics';
import { daysBetween } from '@netral/domain/calendar';
import { ValidationError } from '@netral/domain/errors';
import { campaignPhaseSchema, phaseBucketSchema } from '@netral/domain/phases';
import type { CaseStatus } from '@netral/domain/workflow';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { prepared } from '../create-db';
import type { DB } from '../schema';
import { CASE_PAGE_SIZE, type ListCasesParams, listCases } from './cases';
import { ALL, ALL_TIME, weekOf } from './rollups';

type Db = Kysely<DB> | Transaction<DB>;

/** What analytics can be filtered by. */
export interface AnalyticsFilter {
  /** The regencies to count (already limited to the caller's scope), or every regency. */
  regencyIds: readonly string[] | 'all';
  contest?: string;
  /** `'YYYY-MM-DD'` or `'YYYY-MM'`: from the month containing it. */
  from?: string;
  /** `'YYYY-MM-DD'` or `'YYYY-MM'`: to the end of the month containing it. */
  to?: string;
  statuses?: readonly CaseStatus[];
  /** A unit kind, or `''` for cases without a unit. */
  unitKind?: string;
}

/** What a count can be about: a breakdown, the total, a headline flag, the PPK deadline (`overdue`). */

/** Counts below this are hidden from analysts (shown as "<3"). */
export const SUPPRESS_BELOW = 3;

export interface Cell {
  key: string;
  /** Null when suppressed. */
  n: number | null;
  suppressed: boolean;
  /** A display name where the key is an id (units). */
  label?: string;
}

export interface Headline {
  reported: Cell;
  proven: Cell;
  sanctioned: Cell;
  recommended: Cell;
  followedUp: Cell;
  overdue: Cell;
  /** proven ÷ reported */
  provenRate: number | null;
  /** sanctioned ÷ proven */
  sanctionedOfProvenRate: number | null;
  /** followed up ÷ recommended */
  followUpRate: number | null;
}

export interface Summary {
  headline: Headline;
  breakdowns: Record<BreakdownDim, Cell[]>;
  /** Breakdowns cut to their top rows (units: 20), with how many keys there were. */
  truncated: Partial<Record<BreakdownDim, number>>;
}

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function monthEnd(date: string): string {
  const [y, m] = date.slice(0, 7).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** One count read from the rollups. */
export interface RollupCount {
  dim: CountDim;
  key: string;
  n: number;
  /** Units: the unit's name (with its regency's when the scope spans several). */
  label?: string;
}

/**
 * Sums of the rollup rows for the filter, as `[dim, key, n]` for every dimension asked for
 * (default: all), `ppk_due` folded into `overdue` / `pending` as of `today`, in one statement.
 * Reads the grain the filter needs, over all months (one row per key) when there is no date
 * range; contest and month are the `total` rows by contest and period; status and unit kind
 * come from their grains' `total` rows (or from the dimension the other grain carries). Units
 * come with their names, and with `unitLimit` only the most counted ones (`unitKeys`: how many
 * there were). Throws VALIDATION for a status filter together with a unit-kind filter (no grain
 * holds both).
 */
export async function readRollup(
  db: Db,
  filter: AnalyticsFilter,
  options: { today: string; dims?: readonly CountDim[]; unitLimit?: number },
): Promise<{ counts: RollupCount[]; unitKeys: number }> {
  const byStatus = (filter.statuses?.length ?? 0) > 0;
  const byKind = filter.unitKind !== undefined;
  if (byStatus && byKind) {
    const text = {
      id: 'Saring menurut status atau menurut jenis unit kerja, tidak keduanya sekaligus.',
      en: 'Filter by status or by unit kind, not both at once.',
    };
    throw new ValidationError(text, [{ path: 'unitKind', text }]);
  }
  const want = new Set<CountDim>(options.dims ?? drillDims);
  const statuses = [...(filter.statuses ?? [])];
  const allMonths = !filter.from && !filter.to;
  // The rows of the filter's scope, contest and months (any grain). `allTime`: the all-months
  // rows (one per key, not one per key and month); only without a date range.
  const scoped = (allTime: boolean) =>
    sql.join(
      [
        filter.regencyIds === 'all'
          ? sql`regency_id = ${ALL}`
          : sql`regency_id = any(${[...filter.regencyIds]}::text[])`,
        ...(filter.contest ? [sql`contest = ${filter.contest}`] : []),
        ...(allTime
          ? [sql`period = ${ALL_TIME}::date`]
          : [
              sql`period > ${ALL_TIME}::date`,
              ...(filter.from ? [sql`period >= ${monthStart(filter.from)}::date`] : []),
              ...(filter.to ? [sql`period <= ${monthStart(filter.to)}::date`] : []),
            ]),
      ],
      sql` and `,
    );
  const parts: RawBuilder<unknown>[] = [];

  // The dimensions stored as such in the filter's grain.
  const stored = [...want].filter(
    (d) => d !== 'contest' && d !== 'month' && !(d === 'status' && !byKind) && !(d === 'unit_kind' && !byStatus),
  );
  // Every dimension the grain holds (a summary): no condition on `dim`, one index range per regency.
  const everyDim = drillDims.every((d) => want.has(d));
  if (stored.length > 0) {
    parts.push(sql`
      select dim, case when dim = 'ppk_due' then (case when key < ${options.today} then 'overdue' else 'pending' end)
                       else key end as key, sum(n)::int as n
        from case_rollup
       where ${scoped(allMonths)} ${everyDim ? sql`` : sql`and dim = any(${stored}::text[])`}
         and ${byStatus ? sql`status = any(${statuses}::text[])` : sql`status = ${ALL}`}
         and ${byKind ? sql`unit_kind = ${filter.unitKind ?? ''}` : sql`unit_kind = ${ALL}`}
       group by 1, 2 having sum(n) <> 0`);
  }

  // Contest and month from the grain's totals; status / unit kind from their own grain's totals.
  const fromTotals = [...want].filter(
    (d) => !stored.includes(d) && (d === 'contest' || d === 'month' || d === 'status' || d === 'unit_kind'),
  );
  let totals = sql``;
  if (fromTotals.length > 0) {
    const grain = byStatus
      ? sql`status = any(${statuses}::text[]) and unit_kind = ${ALL}`
      : byKind
        ? sql`unit_kind = ${filter.unitKind ?? ''} and status = ${ALL}`
        : sql`(status = ${ALL} or unit_kind = ${ALL})`;
    totals = sql`totals as (
      select contest, period, status, unit_kind, n from case_rollup
       where ${scoped(allMonths && !want.has('month'))} and dim = 'total' and ${grain}),`;
    // The grain the filter reads: both '*' (no filter), or the filtered one.
    const main = byStatus
      ? sql`status <> ${ALL}`
      : byKind
        ? sql`unit_kind <> ${ALL}`
        : sql`status = ${ALL} and unit_kind = ${ALL}`;
    const of = (dim: CountDim, key: RawBuilder<unknown>, where: RawBuilder<unknown>) => {
      if (!fromTotals.includes(dim)) return;
      parts.push(sql`select ${dim}::text as dim, ${key} as key, sum(n)::int as n
                       from totals where ${where} group by 2 having sum(n) <> 0`);
    };
    of('contest', sql`contest`, main);
    of('month', sql`to_char(period, 'YYYY-MM-DD')`, main);
    // By status: the filtered grain's rows; unfiltered: the status grain's (unit_kind '*').
    of('status', sql`status`, sql`status <> ${ALL}`);
    of('unit_kind', sql`unit_kind`, sql`unit_kind <> ${ALL}`);
  }
  if (parts.length === 0) return { counts: [], unitKeys: 0 };

  // Units: ranked by count (ties by key, as sortCells does), named; over more than one regency
  // with the regency's name too ("Dinas Kesehatan · Kabupaten Banjar"), since every regency has
  // a unit of that name.
  const many = filter.regencyIds === 'all' || filter.regencyIds.length > 1;
  const limit = options.unitLimit ?? null;
  const query = sql<{ dim: CountDim; key: string; n: number; label: string | null; keys: number }>`
    with ${totals} counts as (${sql.join(parts, sql` union all `)}),
    ranked as (
      select dim, key, n,
             case when dim = 'unit' then row_number() over (partition by dim order by n desc, key collate "C") end as rank,
             case when dim = 'unit' then count(*) over (partition by dim) end as keys
        from counts
    )
    select c.dim, c.key, c.n, c.keys::int as keys,
           ${many ? sql`u.name || ' · ' || r.name` : sql`u.name`} as label
      from ranked c
      left join units u on c.dim = 'unit' and c.key <> '' and u.id = (case when c.dim = 'unit' and c.key <> '' then c.key::uuid end)
      ${many ? sql`left join regencies r on r.id = u.regency_id` : sql``}
     where c.rank is null or ${limit === null ? sql`true` : sql`c.rank <= ${limit}`}`;
  // Prepared: its text depends only on the filter's shape, and planning it costs as much as
  // running it.
  const rows = await db.executeQuery(prepared(query.compile(db)));
  let unitKeys = 0;
  const counts = rows.rows.map((row): RollupCount => {
    if (row.dim === 'unit') unitKeys = row.keys;
    return row.label === null
      ? { dim: row.dim, key: row.key, n: row.n }
      : { dim: row.dim, key: row.key, n: row.n, label: row.label };
  });
  return { counts, unitKeys };
}

function cell(key: string, n: number, suppress: boolean): Cell {
  if (suppress && n > 0 && n < SUPPRESS_BELOW) return { key, n: null, suppressed: true };
  return { key, n, suppressed: false };
}

function rate(num: Cell, den: Cell): number | null {
  if (num.n === null || den.n === null || den.n === 0) return null;
  return num.n / den.n;
}

/** Breakdown rows sorted for display: time axes by key, everything else by count. */
function sortCells(dim: BreakdownDim, cells: Cell[], raw: Map<string, number>): Cell[] {
  if (dim === 'month' || dim === 'week') return cells.sort((a, b) => (a.key < b.key ? -1 : 1));
  return cells.sort((a, b) => (raw.get(b.key) ?? 0) - (raw.get(a.key) ?? 0) || (a.key < b.key ? -1 : 1));
}

/**
 * Headline figures and every breakdown for a filter, from one rollup query.
 *
 * @example
 * const summary = await summarize(trx, { regencyIds: 'all', contest: 'PILKADA_2024' }, { today, suppress: true });
 * summary.headline.followUpRate // 0.62
 */
export async function summarize(
  db: Db,
  filter: AnalyticsFilter,
  options: { today: string; suppress: boolean; unitLimit?: number },
): Promise<Summary> {
  const unitLimit = options.unitLimit ?? 20;
  const { counts, unitKeys } = await readRollup(db, filter, { today: options.today, unitLimit });
  const byDim = new Map<string, Map<string, number>>();
  const labels = new Map<string, string>();
  for (const row of counts) {
    const m = byDim.get(row.dim) ?? new Map<string, number>();
    byDim.set(row.dim, m);
    m.set(row.key, row.n);
    if (row.label !== undefined) labels.set(row.key, row.label);
  }
  const count = (dim: CountDim, key: string) => byDim.get(dim)?.get(key) ?? 0;
  const s = options.suppress;
  const headline: Headline = {
    reported: cell('reported', count('total', ''), s),
    proven: cell('proven', count('flag', 'proven'), s),
    sanctioned: cell('sanctioned', count('flag', 'sanctioned'), s),
    recommended: cell('recommended', count('flag', 'recommended'), s),
    followedUp: cell('followed_up', count('flag', 'followed_up'), s),
    overdue: cell('overdue', count('ppk_due', 'overdue'), s),
    provenRate: null,
    sanctionedOfProvenRate: null,
    followUpRate: null,
  };
  headline.provenRate = rate(headline.proven, headline.reported);
  headline.sanctionedOfProvenRate = rate(headline.sanctioned, headline.proven);
  headline.followUpRate = rate(headline.followedUp, headline.recommended);

  const breakdowns = {} as Record<BreakdownDim, Cell[]>;
  for (const dim of breakdownDims) {
    const raw = byDim.get(dim) ?? new Map<string, number>();
    breakdowns[dim] = sortCells(
      dim,
      [...raw].map(([key, n]) => labelled(cell(key, n, s), labels.get(key))),
      raw,
    );
  }
  return { headline, breakdowns, truncated: unitKeys > unitLimit ? { unit: unitKeys } : {} };
}

function labelled(c: Cell, label: string | undefined): Cell {
  if (label !== undefined) c.label = label;
  return c;
}

/** One breakdown, every key (units with their names). */
export async function breakdown(
  db: Db,
  filter: AnalyticsFilter,
  dim: BreakdownDim,
  options: { today: string; suppress: boolean },
): Promise<Cell[]> {
  const { counts } = await readRollup(db, filter, { today: options.today, dims: [dim] });
  const raw = new Map(counts.map((r) => [r.key, r.n]));
  return sortCells(
    dim,
    counts.map((r) => labelled(cell(r.key, r.n, options.suppress), r.label)),
    raw,
  );
}

/** A week of a contest counted from its campaign: index 0 is the week of the first campaign day. */
export interface CampaignWeekCell extends Cell {
  /** Weeks after (negative: before) the ISO week (Monday–Sunday) holding the first campaign day. */
  index: number;
}

/** One contest of a comparison, aligned on its own campaign. */
export interface ContestSeries {
  contest: string;
  /** Monday of the week holding the first campaign day (week index 0). */
  weekZero: string;
  total: Cell;
  /** Fine phases, in timeline order (phases without cases left out). */
  phase: Cell[];
  /** Before / during / after the campaign, in that order. */
  bucket: Cell[];
  weeks: CampaignWeekCell[];
}

const phaseOrder: readonly string[] = campaignPhaseSchema.options;
const bucketOrder: readonly string[] = phaseBucketSchema.options;
const byOrder = (order: readonly string[]) => (a: Cell, b: Cell) => order.indexOf(a.key) - order.indexOf(b.key);

/**
 * Contests side by side on the same filter (its own `contest` ignored): each contest's phases,
 * before/during/after, and weeks counted from the week of its campaign's first day, so Pemilu
 * 2024 and Pilkada 2024 line up although their campaigns lie a year apart. One rollup query per
 * contest.
 *
 * @example
 * const [pemilu, pilkada] = await compareContests(trx, { regencyIds: 'all' },
 *   [{ code: 'PEMILU_2024', campaignStart: '2023-11-28' }, { code: 'PILKADA_2024', campaignStart: '2024-09-25' }],
 *   { today, suppress: true });
 * pemilu.weeks.find((w) => w.index === 0) // the week of 27 Nov 2023
 */
export async function compareContests(
  db: Db,
  filter: AnalyticsFilter,
  contests: readonly { code: string; campaignStart: string }[],
  options: { today: string; suppress: boolean },
): Promise<ContestSeries[]> {
  const out: ContestSeries[] = [];
  for (const contest of contests) {
    const { counts: rows } = await readRollup(
      db,
      { ...filter, contest: contest.code },
      { today: options.today, dims: ['total', 'phase', 'bucket', 'week'] },
    );
    const weekZero = weekOf(contest.campaignStart);
    const of = (dim: CountDim) => rows.filter((r) => r.dim === dim);
    out.push({
      contest: contest.code,
      weekZero,
      total: cell('total', of('total')[0]?.n ?? 0, options.suppress),
      phase: of('phase')
        .map((r) => cell(r.key, r.n, options.suppress))
        .sort(byOrder(phaseOrder)),
      bucket: of('bucket')
        .map((r) => cell(r.key, r.n, options.suppress))
        .sort(byOrder(bucketOrder)),
      weeks: of('week')
        .map((r) => ({ ...cell(r.key, r.n, options.suppress), index: daysBetween(weekZero, r.key) / 7 }))
        .sort((a, b) => a.index - b.index),
    });
  }
  return out;
}

/** A de-identified case row for analysts: no id, name, NIP, unit name, exact date or reporter. */
export interface AnonymousCaseRow {
  regencyId: string;
  unitKind: string | null;
  contest: string;
  /** `'YYYY-MM'`: the month only. */
  actMonth: string;
  phase: string;
  phaseBucket: string;
  status: CaseStatus;
  positionClass: string | null;
  sanctionLevel: string | null;
  codes: string[];
}

/**
 * The list parameters that select exactly the cases of the rollup cell (filter, dim, key):
 * month-wide date bounds, the grain's status and unit-kind filters, and the cell's own key.
 */
export function drillParams(
  filter: AnalyticsFilter,
  dim: DrillDim,
  key: string,
  today: string,
): ListCasesParams | null {
  const p: ListCasesParams = { today };
  if (filter.regencyIds !== 'all') p.regencyIds = filter.regencyIds;
  if (filter.contest) p.contest = filter.contest;
  if (filter.from) p.from = monthStart(filter.from);
  if (filter.to) p.to = monthEnd(filter.to);
  if (filter.statuses?.length) p.statuses = filter.statuses;
  if (filter.unitKind !== undefined) p.unitKind = filter.unitKind;
  const narrow = (from: string, to: string) => {
    p.from = p.from && p.from > from ? p.from : from;
    p.to = p.to && p.to < to ? p.to : to;
  };
  switch (dim) {
    case 'total':
      break;
    case 'code':
      p.code = key;
      break;
    case 'family':
      p.family = key;
      break;
    case 'regime':
      p.regime = key;
      break;
    case 'regime_family': {
      const [regime, family] = key.split(':');
      if (!regime || !family) return null;
      p.regime = regime;
      p.family = family;
      break;
    }
    case 'unit':
      if (key === '') p.unitKind = '';
      else p.unitId = key;
      break;
    case 'unit_kind':
      if (filter.unitKind !== undefined && filter.unitKind !== key) return null;
      p.unitKind = key;
      break;
    case 'phase':
      p.phase = key;
      break;
    case 'bucket':
      p.phaseBucket = key;
      break;
    case 'contest':
      if (filter.contest && filter.contest !== key) return null;
      p.contest = key;
      break;
    case 'status': {
      if (filter.statuses?.length && !filter.statuses.includes(key as CaseStatus)) return null;
      p.statuses = [key as CaseStatus];
      break;
    }
    case 'sanction_level':
      p.sanctionLevel = key;
      break;
    case 'position_class':
      p.positionClass = key;
      break;
    case 'month':
      narrow(monthStart(key), monthEnd(key));
      break;
    case 'week': {
      const end = new Date(`${key}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 6);
      narrow(key, end.toISOString().slice(0, 10));
      break;
    }
    case 'flag':
      if (!['proven', 'sanctioned', 'recommended', 'followed_up'].includes(key)) return null;
      p.flag = key as NonNullable<ListCasesParams['flag']>;
      break;
    case 'ppk_due':
      if (key !== 'overdue') return null;
      p.overdue = true;
      break;
  }
  return p;
}

/**
 * The cases behind a number. `mode: 'casework'`: the normal case list rows; `'anonymous'`: rows
 * without anything that names a person, and nothing at all (suppressed) when the cell counts 1 or 2.
 */
export async function casesBehind(
  db: Db,
  params: {
    filter: AnalyticsFilter;
    dim: DrillDim;
    key: string;
    today: string;
    cursor?: string | null;
    mode: 'casework' | 'anonymous';
  },
) {
  const list = drillParams(params.filter, params.dim, params.key, params.today);
  if (!list) return { mode: params.mode, total: 0, suppressed: false, rows: [], anonymousRows: [], nextCursor: null };
  const { counts: counted } = await readRollup(db, params.filter, { today: params.today, dims: [params.dim] });
  const total = counted.find((r) => r.key === params.key)?.n ?? 0;
  if (params.mode === 'anonymous' && total > 0 && total < SUPPRESS_BELOW) {
    return { mode: params.mode, total: null, suppressed: true, rows: [], anonymousRows: [], nextCursor: null };
  }
  if (params.mode === 'casework') {
    const page = await listCases(db, { ...list, cursor: params.cursor ?? null, limit: CASE_PAGE_SIZE });
    return {
      mode: params.mode,
      total,
      suppressed: false,
      rows: page.rows,
      anonymousRows: [],
      nextCursor: page.nextCursor,
    };
  }
  // Offsets, not keyset cursors, for analysts: a keyset cursor carries a case id and its exact date.
  const offset = params.cursor && /^\d{1,7}$/.test(params.cursor) ? Number(params.cursor) : 0;
  const page = await listCases(db, { ...list, offset, limit: CASE_PAGE_SIZE });
  const anonymousRows: AnonymousCaseRow[] = page.rows.map((r) => ({
    regencyId: r.regencyId,
    unitKind: r.unitKind,
    contest: r.contest,
    actMonth: r.actOn.slice(0, 7),
    phase: r.phase,
    phaseBucket: r.phaseBucket,
    status: r.status,
    positionClass: r.positionClass,
    sanctionLevel: r.sanctionLevel,
    codes: r.codes,
  }));
  const nextCursor = page.nextCursor === null ? null : String(offset + CASE_PAGE_SIZE);
  return { mode: params.mode, total, suppressed: false, rows: [], anonymousRows, nextCursor };
}
