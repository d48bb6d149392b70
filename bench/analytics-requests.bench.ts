/**
 * Issue #5: every analytics request the dashboard makes, over HTTP against the real server
 * (`buildServer`) on the shared 1,000,000-case data set (dataset.ts), signed in as the national
 * analyst `analis` (and `tanahlaut` for a regency's own view), against, in the same run, the
 * same answer computed by plain GROUP BY over `cases` (plain.ts).
 *
 * Requests, after apps/analytics: the dashboard's `analytics.summary` (national; a contest; a
 * date range; a province; a regency with a status filter; a unit kind; a regency admin's own
 * regency) and `analytics.compare` (contests side by side), with `contests.list` and
 * `regencies.list` (its labels and filter bar); `analytics.breakdown` for every dimension (month
 * and week are the time series; the cases page asks for `unit`); and `analytics.cases` (the cases
 * behind a number: a flag, a code, a month, a unit kind, the second page).
 *
 * Targets: each request's p95 under 50 ms; for the counts (summary, breakdown, compare) also a
 * median at least 20× below the median of the same counts by plain GROUP BY. A page of cases
 * reads `cases` whatever the rollups hold (only its total comes from them): its plain baseline,
 * the cell's count by a scan, is printed for scale; reference lists have none.
 *
 *   pnpm bench:analytics                                  # 1,000,000 cases
 *   pnpm --filter @netral/bench run bench:analytics -- --cases 100000 --runs 20 --baseline-runs 3
 *
 * Options: --cases N (data set size, default 1,000,000), --runs K (timed requests each, default
 * 40), --baseline-runs B (default 5), --only TEXT (requests whose label contains TEXT), --fresh.
 */
import { performance } from 'node:perf_hooks';
import { arg, flag, log, measure, ms, printableUrl, type Stats } from './common';
import { openDataset } from './dataset';
import { signIn, startServer, type TrpcSession } from './http-client';
import {
  type PlainDim,
  type PlainFilter,
  plainBreakdown,
  plainCellCount,
  plainCompare,
  plainHeadline,
  plainSummary,
  summaryDims,
} from './plain';

const N = Number(arg('cases', '1000000'));
const RUNS = Number(arg('runs', '40'));
const BASELINE_RUNS = Number(arg('baseline-runs', '5'));
const ONLY = arg('only', '');

const dataset = await openDataset({ cases: N, poolSize: 10, fresh: flag('fresh'), log });
const { netral } = dataset;
log(
  dataset.built
    ? `data set ${dataset.schema} built in ${dataset.info.seconds.total} s`
    : `data set ${dataset.schema} reused (${dataset.seconds.toFixed(1)} s)`,
);
const server = await startServer(netral);

interface Request {
  label: string;
  who: 'analis' | 'tanahlaut';
  path: string;
  input: unknown;
  /**
   * `aggregate`: counts the rollups answer (target p95 < 50 ms and ≥ 20× below the plain GROUP BY);
   * `list`: a page of cases (rows come from `cases` either way; only its total comes from the
   * rollups, so the target is p95 < 50 ms, the plain count shown for scale); `reference`: p95 only.
   */
  kind: 'aggregate' | 'list' | 'reference';
  /** The same answer by plain GROUP BY (none for reference lists). */
  baseline: (() => Promise<unknown>) | null;
}

const requests: Request[] = [];
const summary = (label: string, filter: PlainFilter, who: Request['who'] = 'analis') =>
  requests.push({
    label: `summary ${label}`,
    kind: 'aggregate',
    who,
    path: 'analytics.summary',
    input: filter,
    baseline: () => plainSummary(netral, filter),
  });
const breakdown = (dim: PlainDim, filter: PlainFilter = {}, label = '') =>
  requests.push({
    label: `breakdown ${dim}${label ? ` ${label}` : ''}`,
    kind: 'aggregate',
    who: 'analis',
    path: 'analytics.breakdown',
    input: { dim, filter },
    baseline: () => plainBreakdown(netral, filter, dim),
  });
const cases = (
  dim: PlainDim | 'total' | 'flag',
  key: string,
  filter: PlainFilter = {},
  extra: { cursor?: string; label?: string; who?: Request['who'] } = {},
) =>
  requests.push({
    label: `cases ${dim}=${key || "''"}${extra.label ? ` ${extra.label}` : ''}`,
    kind: 'list',
    who: extra.who ?? 'analis',
    path: 'analytics.cases',
    input: { filter, dim, key, ...(extra.cursor !== undefined && { cursor: extra.cursor }) },
    // The cell's count by a scan; the page itself is the same query either way (not counted).
    baseline: () => plainCellCount(netral, filter, dim, key),
  });

const compare = (label: string, contests: string[], filter: PlainFilter) =>
  requests.push({
    label: `compare ${label}`,
    kind: 'aggregate',
    who: 'analis',
    path: 'analytics.compare',
    input: { contests, filter },
    baseline: () => plainCompare(netral, filter, contests),
  });
const reference = (path: string) =>
  requests.push({ label: path, kind: 'reference', who: 'analis', path, input: undefined, baseline: null });

// The dashboard: headline and every breakdown, under the filters it offers; the contests side by
// side (the dashboard's phase and week charts); the lists its labels and filter bar read.
const contestCodes = ['PEMILU_2024', 'PILKADA_2024'];
reference('contests.list');
reference('regencies.list');
compare('national', contestCodes, {});
compare('province 63', contestCodes, { provinceCode: '63' });
compare('2024-01..2024-12 sanctioned', contestCodes, { from: '2024-01', to: '2024-12', status: ['sanctioned'] });
summary('national', {});
summary('contest=PILKADA_2024', { contest: 'PILKADA_2024' });
summary('2024-01..2024-06', { from: '2024-01', to: '2024-06' });
summary('province 63', { provinceCode: '63' });
summary('63.01 + 3 statuses', { regencyIds: ['63.01'], status: ['recommended', 'ppk_examination', 'sanctioned'] });
summary('unitKind=sekolah', { unitKind: 'sekolah' });
summary('tanahlaut own regency', { regencyIds: ['63.01'] }, 'tanahlaut');
for (const dim of summaryDims) breakdown(dim);
// Time series under a filter.
breakdown('month', { contest: 'PEMILU_2024' }, 'contest=PEMILU_2024');
breakdown('week', { from: '2024-09', to: '2024-12' }, '2024-09..2024-12');
breakdown('month', { provinceCode: '73', status: ['sanctioned', 'sanction_executed'] }, 'province 73 sanctioned');
// The cases behind a number (and the unit list of the cases page).
breakdown('unit', { provinceCode: '63' }, 'province 63');
cases('total', '');
cases('flag', 'proven');
cases('code', 'KE-02');
cases('family', 'MEDSOS');
cases('month', '2024-11-01');
cases('unit_kind', 'sekolah');
cases('status', 'blocked', { contest: 'PILKADA_2024' });
cases('flag', 'sanctioned', {}, { cursor: '50', label: 'page 2' });
cases('flag', 'followed_up', { regencyIds: ['63.01'] }, { who: 'tanahlaut', label: 'tanahlaut' });

// The headline alone (one scan), for scale: the cheapest plain answer there is.
const nationalGroupBy = () => plainHeadline(netral, {});

const sessions: Record<Request['who'], TrpcSession> = {
  analis: await signIn(server.url, 'analis'),
  tanahlaut: await signIn(server.url, 'tanahlaut'),
};

interface Row {
  request: Request;
  stats: Stats;
  baseline: Stats | null;
}
const rows: Row[] = [];
const selected = requests.filter((r) => r.label.includes(ONLY));
log(`${selected.length} requests × ${RUNS} runs, baselines × ${BASELINE_RUNS}`);
const started = performance.now();
for (const request of selected) {
  const session = sessions[request.who];
  const stats = await measure(RUNS, () => session.query(request.path, request.input), 2);
  const baseline = request.baseline ? await measure(BASELINE_RUNS, request.baseline, 1) : null;
  rows.push({ request, stats, baseline });
  log(
    `${request.label}: median ${ms(stats.median)}, p95 ${ms(stats.p95)}` +
      (baseline ? `; plain ${ms(baseline.median)} (${(baseline.median / stats.median).toFixed(1)}x)` : ''),
  );
}
const headline = await measure(BASELINE_RUNS, nationalGroupBy, 1);
log(`measured in ${((performance.now() - started) / 1000).toFixed(0)} s`);

const pass = (r: Row) =>
  r.stats.p95 < 50 &&
  (r.request.kind !== 'aggregate' || (r.baseline !== null && r.baseline.median / r.stats.median >= 20));
console.log(
  `\nAnalytics requests over HTTP: ${N.toLocaleString('en')} cases (${dataset.schema}), PostgreSQL ${printableUrl(dataset.url)}`,
);
console.log(`Plain national headline (one scan of cases) for scale: median ${ms(headline.median)}`);
console.table(
  rows.map((r) => ({
    request: r.request.label,
    median: ms(r.stats.median),
    p95: ms(r.stats.p95),
    max: ms(r.stats.max),
    'plain GROUP BY median': r.baseline ? ms(r.baseline.median) : '–',
    'plain / request': r.baseline ? `${(r.baseline.median / r.stats.median).toFixed(1)}x` : '–',
    'headline scan / request': `${(headline.median / r.stats.median).toFixed(1)}x`,
    target: `${pass(r) ? 'ok' : 'FAIL'} (${r.request.kind === 'aggregate' ? 'p95<50ms, ≥20x' : 'p95<50ms'})`,
  })),
);
const worst = [...rows].sort((a, b) => b.stats.p95 - a.stats.p95)[0];
const failed = rows.filter((r) => !pass(r));
console.log(
  `${rows.length - failed.length} of ${rows.length} requests within target; slowest p95: ${worst ? `${worst.request.label} ${ms(worst.stats.p95)}` : '–'}` +
    (failed.length ? `; FAIL: ${failed.map((r) => r.request.label).join(', ')}` : ''),
);
await server.close();
await netral.close();
if (failed.length > 0) process.exitCode = 1;
