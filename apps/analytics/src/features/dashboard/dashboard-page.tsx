/**
 * The dashboard: headline figures and ten charts over the case rollups, all driven by the filters
 * in the URL. A click on a bar filters the dashboard (status, unit kind, time) or opens the cases
 * behind it; every number links to its cases. Loaded lazily: it brings Recharts.
 */
import { addDays } from '@netral/domain/calendar';
import { contestsNewestFirst } from '@netral/domain/phases';
import type { ChartConfig, ChartDatum, ChartSeriesConfig } from '@netral/ui/chart';
import { chartColors } from '@netral/ui/chart';
import { formatDate, formatNumber, formatPercent } from '@netral/ui/format';
import { type Message, useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { ErrorState } from '@netral/ui/states';
import { type AppRouter, useTRPC } from '@netral/ui/trpc';
import { useUrlState } from '@netral/ui/url-state';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { z } from 'zod';
import { FilterBar } from '../filter-bar';
import { casesHref, type DrillDim, type Filters, filterShape, monthKey, pickFilters, type Status } from '../filters';
import { useLabels } from '../labels';
import { m } from '../messages';
import { BarChartCard, type Shade } from './bar-chart';
import { dashboardQueries } from './queries';
import { timeSeries, weekOf } from './time-series';

type Outputs = inferRouterOutputs<AppRouter>;
type Summary = Outputs['analytics']['summary'];
type Cell = Summary['headline']['reported'];
type ContestSeries = Outputs['analytics']['compare']['contests'][number];

const dashboardSchema = z.object({
  ...filterShape,
  grain: z.enum(['month', 'week']).default('month'),
  top: z.enum(['5', '10', '20']).default('10'),
});

/** The number of charts on this page (`data-charts`, for the load benchmark). */
export const DASHBOARD_CHARTS = 10;

const countConfig = { n: { label: m.cases, color: chartColors[0] } } satisfies ChartConfig;

const regimeOrder = ['kode_etik', 'disiplin', 'pp94', 'extra'] as const;
const regimeConfig = {
  kode_etik: { label: { id: 'Kode etik', en: 'Code of ethics' }, color: chartColors[0] },
  disiplin: { label: { id: 'Disiplin', en: 'Discipline' }, color: chartColors[1] },
  pp94: { label: { id: 'PP 94/2021', en: 'PP 94/2021' }, color: chartColors[2] },
  extra: { label: { id: 'Daftar lama', en: 'Older lists' }, color: chartColors[3] },
} satisfies ChartConfig;
type Regime = keyof typeof regimeConfig;

function single(cells: readonly Cell[], label: (c: Cell) => string): ChartDatum<'n'>[] {
  return cells.map((c) => ({ key: c.key, label: label(c), values: { n: { n: c.n, suppressed: c.suppressed } } }));
}

export function DashboardPage() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const labels = useLabels();
  const [, navigate] = useLocation();
  const [state, setState] = useUrlState(dashboardSchema);
  const filters: Filters = pickFilters(state);
  const queries = dashboardQueries(trpc, filters);
  const summary = useQuery(queries.summary);
  const perContest = useQuery(queries.perContest);

  const setFilters = (patch: Partial<Filters>) => setState(patch);
  const open = (dim: DrillDim, key: string, extra: Partial<Filters> = {}) =>
    navigate(casesHref({ ...filters, ...extra }, dim, key));
  const href = (dim: DrillDim) => (d: ChartDatum<string>) => casesHref(filters, dim, d.key);
  const meta = () => labels.meta(filters, summary.data ? summary.dataUpdatedAt : undefined);
  const contestMeta = () => labels.meta(filters, perContest.data ? perContest.dataUpdatedAt : undefined);
  const data = summary.data;
  const b = data?.breakdowns;
  const stateOf = { isPending: summary.isPending, error: summary.error, refetch: summary.refetch };
  const contestState = { isPending: perContest.isPending, error: perContest.error, refetch: perContest.refetch };
  const statusFilterable = filters.unitKind === undefined;
  const kindFilterable = !filters.status?.length;

  // Codes grouped by list (kode etik first), then by count.
  const codeCells = [...(b?.code ?? [])].sort(
    (x, y) =>
      regimeIndex(x.key) - regimeIndex(y.key) ||
      (y.n ?? 0) - (x.n ?? 0) ||
      (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
  const regimeOfCode = (code: string): Regime =>
    code.startsWith('KE-')
      ? 'kode_etik'
      : code.startsWith('DS-')
        ? 'disiplin'
        : code.startsWith('PP94')
          ? 'pp94'
          : 'extra';

  // Families split by list: one row per family, a series per list that has cases.
  const families = new Map<string, ChartDatum<Regime>>();
  for (const c of b?.regime_family ?? []) {
    const [regime, family] = c.key.split(':') as [Regime, string];
    const row = families.get(family) ?? {
      key: family,
      label: labels.key('family', family),
      values: {
        kode_etik: { n: 0, suppressed: false },
        disiplin: { n: 0, suppressed: false },
        pp94: { n: 0, suppressed: false },
        extra: { n: 0, suppressed: false },
      },
    };
    if (regime in row.values) row.values[regime] = { n: c.n, suppressed: c.suppressed };
    families.set(family, row);
  }
  const usedRegimes = regimeOrder.filter((r) => (b?.regime_family ?? []).some((c) => c.key.startsWith(`${r}:`)));
  const familyConfig = Object.fromEntries(usedRegimes.map((r) => [r, regimeConfig[r]])) as Partial<typeof regimeConfig>;
  const familyData = [...families.values()]
    .map((row) => ({
      ...row,
      values: Object.fromEntries(usedRegimes.map((r) => [r, row.values[r]])) as ChartDatum<Regime>['values'],
    }))
    .sort(
      (x, y) =>
        Math.max(...usedRegimes.map((r) => y.values[r]?.n ?? 0)) -
        Math.max(...usedRegimes.map((r) => x.values[r]?.n ?? 0)),
    );

  // Phase and bucket per contest.
  const series: ContestSeries[] = perContest.data?.contests ?? [];
  const contestConfig: ChartConfig = Object.fromEntries(
    series.map((s, i) => [
      s.contest,
      {
        label: { id: labels.contestName(s.contest), en: labels.contestName(s.contest) },
        color: chartColors[i % chartColors.length] ?? '#0b5cad',
      } satisfies ChartSeriesConfig,
    ]),
  );
  const byContest = (pick: (s: ContestSeries) => Cell[], dim: 'phase' | 'bucket'): ChartDatum<string>[] => {
    const order: string[] = [];
    for (const s of series) for (const c of pick(s)) if (!order.includes(c.key)) order.push(c.key);
    const reference = dim === 'phase' ? phaseOrder : bucketOrder;
    order.sort((x, y) => reference.indexOf(x) - reference.indexOf(y));
    return order.map((key) => ({
      key,
      label: labels.key(dim, key),
      values: Object.fromEntries(
        series.map((s) => {
          const c = pick(s).find((x) => x.key === key);
          return [s.contest, { n: c?.n ?? 0, suppressed: c?.suppressed ?? false }];
        }),
      ),
    }));
  };

  // Time with the campaigns shaded.
  const grain = state.grain;
  const inView = contestsNewestFirst.filter((c) =>
    filters.contest ? c.code === filters.contest : (b?.contest ?? []).some((x) => x.key === c.code),
  );
  const timeCells = (grain === 'month' ? b?.month : b?.week) ?? [];
  const time = timeSeries(timeCells, grain, {
    from: filters.from,
    to: filters.to,
    campaigns: inView.map((c) => c.campaign),
  });
  const timeLabel = (key: string) => (grain === 'month' ? labels.key('month', key) : formatDate(key, locale, 'short'));
  const timeData: ChartDatum<'n'>[] = time.keys.map((key) => {
    const c = time.byKey.get(key);
    return { key, label: timeLabel(key), values: { n: { n: c?.n ?? 0, suppressed: c?.suppressed ?? false } } };
  });
  const shades: Shade[] = inView.flatMap((c) => {
    const snap = (date: string) => (grain === 'month' ? `${monthKey(date)}-01` : weekOf(date));
    const x1 = snap(c.campaign.start);
    const x2 = snap(c.campaign.end);
    const first = time.keys[0];
    const last = time.keys[time.keys.length - 1];
    if (!first || !last || x2 < first || x1 > last) return [];
    return [
      {
        x1: timeLabel([x1, first].sort()[1] ?? x1),
        x2: timeLabel([x2, last].sort()[0] ?? x2),
        label: t(m.campaignOf, { contest: labels.contestName(c.code) }),
      },
    ];
  });
  const onTime = (d: ChartDatum<'n'>) => {
    if (grain === 'month') setFilters({ from: monthKey(d.key), to: monthKey(d.key) });
    else setFilters({ from: monthKey(d.key), to: monthKey(addDays(d.key, 6)) });
  };

  const unitTotal = data?.truncated.unit;
  const top = Number(state.top);
  const unitCells = (b?.unit ?? []).slice(0, top);

  return (
    <div data-dashboard="" data-charts={DASHBOARD_CHARTS} className="dashboard">
      <PageHeader title={t(m.dashboardTitle)}>
        <p className="muted">{t(m.dashboardLead)}</p>
      </PageHeader>
      <FilterBar filters={filters} setFilters={setFilters} labels={labels} />
      {data?.scope.deidentified && <p className="alert alert-info">{t(m.deidentified)}</p>}
      <p className="muted filter-summary" aria-live="polite">
        {t(m.filterLabel)}: {labels.describe(filters)}
      </p>

      <Headline summary={summary} filters={filters} />

      <h2>{t(m.sectionTypes)}</h2>
      <div className="grid-2">
        <BarChartCard
          name="code"
          title={t(m.byCode)}
          description={t(m.byCodeHint)}
          orientation="horizontal"
          config={countConfig}
          data={b ? single(codeCells, (c) => labels.key('code', c.key)) : undefined}
          state={stateOf}
          categoryHeader={t(m.code)}
          columns={[{ header: t(m.regime), value: (d) => labels.regimeOfCode(d.key) ?? '' }]}
          barColor={(d) => regimeConfig[regimeOfCode(d.key)].color}
          legend={regimeOrder
            .filter((r) => codeCells.some((c) => regimeOfCode(c.key) === r))
            .map((r) => ({ label: t(regimeConfig[r].label), color: regimeConfig[r].color }))}
          meta={meta}
          cellHref={href('code')}
          onBar={(d) => open('code', d.key)}
        />
        <BarChartCard
          name="family"
          title={t(m.byFamily)}
          description={t(m.byFamilyHint)}
          orientation="horizontal"
          config={familyConfig}
          data={b ? familyData : undefined}
          state={stateOf}
          categoryHeader={t(m.family)}
          meta={meta}
          cellHref={(d, regime) => casesHref(filters, 'regime_family', `${regime}:${d.key}`)}
          onBar={(d, regime) => open('regime_family', `${regime}:${d.key}`)}
        />
      </div>

      <h2>{t(m.sectionUnits)}</h2>
      <div className="grid-2">
        <BarChartCard
          name="unit"
          title={t(m.byUnit, { n: top })}
          description={
            unitTotal
              ? `${t(m.byUnitHint, { total: formatNumber(unitTotal, locale) })} ${t(m.openCasesHint)}`
              : t(m.openCasesHint)
          }
          orientation="horizontal"
          config={countConfig}
          data={b ? single(unitCells, (c) => labels.key('unit', c.key, c.label)) : undefined}
          state={stateOf}
          categoryHeader={t(m.unit)}
          meta={meta}
          cellHref={href('unit')}
          onBar={(d) => open('unit', d.key)}
          toolbar={
            <label className="inline">
              <span>{t(m.topN)}</span>{' '}
              <select value={state.top} onChange={(e) => setState({ top: e.target.value as '5' | '10' | '20' })}>
                {['5', '10', '20'].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          }
        />
        <BarChartCard
          name="unit_kind"
          title={t(m.byUnitKind)}
          description={kindFilterable ? t(m.byUnitKindHint) : t(m.openCasesHint)}
          orientation="horizontal"
          config={countConfig}
          data={b ? single(b.unit_kind, (c) => labels.key('unit_kind', c.key)) : undefined}
          state={stateOf}
          categoryHeader={t(m.unitKind)}
          meta={meta}
          cellHref={href('unit_kind')}
          onBar={(d) =>
            kindFilterable
              ? setFilters({ unitKind: d.key === '' ? 'none' : (d.key as Filters['unitKind']) })
              : open('unit_kind', d.key)
          }
          rowAction={
            kindFilterable
              ? {
                  label: (d) => t(m.filterBy, { label: d.label }),
                  run: (d) => setFilters({ unitKind: d.key === '' ? 'none' : (d.key as Filters['unitKind']) }),
                }
              : undefined
          }
        />
      </div>

      <h2>{t(m.sectionPhases)}</h2>
      <div className="grid-2">
        <BarChartCard
          name="phase"
          title={t(m.byPhase)}
          description={`${t(m.byPhaseHint)} ${t(m.openCasesHint)}`}
          orientation="vertical"
          valueLabels
          config={contestConfig}
          data={perContest.data ? byContest((s) => s.phase, 'phase') : undefined}
          state={contestState}
          categoryHeader={t(m.phase)}
          meta={contestMeta}
          cellHref={(d, contest) => casesHref({ ...filters, contest }, 'phase', d.key)}
          onBar={(d, contest) => open('phase', d.key, { contest })}
        />
        <BarChartCard
          name="bucket"
          title={t(m.byBucket)}
          description={t(m.openCasesHint)}
          orientation="vertical"
          valueLabels
          config={contestConfig}
          data={perContest.data ? byContest((s) => s.bucket, 'bucket') : undefined}
          state={contestState}
          categoryHeader={t(m.bucket)}
          meta={contestMeta}
          cellHref={(d, contest) => casesHref({ ...filters, contest }, 'bucket', d.key)}
          onBar={(d, contest) => open('bucket', d.key, { contest })}
        />
      </div>

      <h2>{t(m.sectionTime)}</h2>
      <BarChartCard
        name="time"
        title={t(m.overTime)}
        description={t(m.overTimeHint)}
        orientation="vertical"
        config={countConfig}
        data={b ? timeData : undefined}
        state={stateOf}
        categoryHeader={grain === 'month' ? t(m.month) : t(m.week)}
        meta={meta}
        shades={shades}
        cellHref={href(grain)}
        onBar={onTime}
        rowAction={{ label: (d) => t(m.filterBy, { label: d.label }), run: onTime }}
        toolbar={
          <fieldset className="segmented">
            <legend className="sr-only">{t(m.grain)}</legend>
            {(['month', 'week'] as const).map((g) => (
              <button key={g} type="button" aria-pressed={grain === g} onClick={() => setState({ grain: g })}>
                {t(g === 'month' ? m.month : m.week)}
              </button>
            ))}
          </fieldset>
        }
      />

      <h2>{t(m.sectionSanctions)}</h2>
      <div className="grid-2">
        <BarChartCard
          name="sanction_level"
          title={t(m.bySanction)}
          description={t(m.openCasesHint)}
          orientation="horizontal"
          config={countConfig}
          data={b ? single(b.sanction_level, (c) => labels.key('sanction_level', c.key)) : undefined}
          state={stateOf}
          categoryHeader={t(m.sanctionLevel)}
          meta={meta}
          cellHref={href('sanction_level')}
          onBar={(d) => open('sanction_level', d.key)}
        />
        <BarChartCard
          name="position_class"
          title={t(m.byPosition)}
          description={t(m.openCasesHint)}
          orientation="horizontal"
          config={countConfig}
          data={b ? single(b.position_class, (c) => labels.key('position_class', c.key)) : undefined}
          state={stateOf}
          categoryHeader={t(m.positionClass)}
          meta={meta}
          cellHref={href('position_class')}
          onBar={(d) => open('position_class', d.key)}
        />
      </div>

      <h2>{t(m.sectionStatus)}</h2>
      <div className="grid-2">
        <BarChartCard
          name="status"
          title={t(m.byStatus)}
          description={statusFilterable ? t(m.byStatusHint) : t(m.openCasesHint)}
          orientation="horizontal"
          config={countConfig}
          data={b ? single(b.status, (c) => labels.key('status', c.key)) : undefined}
          state={stateOf}
          categoryHeader={t(m.status)}
          meta={meta}
          cellHref={href('status')}
          onBar={(d) => (statusFilterable ? setFilters({ status: [d.key as Status] }) : open('status', d.key))}
          rowAction={
            statusFilterable
              ? {
                  label: (d) => t(m.filterBy, { label: d.label }),
                  run: (d) => setFilters({ status: [d.key as Status] }),
                }
              : undefined
          }
        />
      </div>
    </div>
  );
}

const phaseOrder = ['PRA_PENETAPAN', 'ANTARA_PENETAPAN_DAN_KAMPANYE', 'KAMPANYE', 'MASA_TENANG', 'PEMUNGUTAN', 'PASCA'];
const bucketOrder = ['before', 'during', 'after'];

function regimeIndex(code: string): number {
  if (code.startsWith('KE-')) return 0;
  if (code.startsWith('DS-')) return 1;
  if (code.startsWith('PP94')) return 2;
  return 3;
}

/** Reported, proven, sanctioned, follow-up rate, overdue: each number opens its cases. */
function Headline({
  summary,
  filters,
}: {
  summary: { data?: Summary; isPending: boolean; error: unknown; refetch: () => unknown };
  filters: Filters;
}) {
  const { t, locale } = useI18n();
  if (summary.error) return <ErrorState error={summary.error} retry={() => summary.refetch()} />;
  const h = summary.data?.headline;
  const num = (cell: Cell | undefined, dim: DrillDim, key: string): ReactNode => {
    if (!cell) return '…';
    const text = cell.suppressed ? '<3' : formatNumber(cell.n ?? 0, locale);
    return (cell.n ?? 0) > 0 || cell.suppressed ? <Link href={casesHref(filters, dim, key)}>{text}</Link> : text;
  };
  const tile = (label: Message, value: ReactNode, sub: ReactNode, name: string) => (
    <li className="figure" data-figure={name}>
      <span className="figure-label">{t(label)}</span>
      <span className="figure-value">{value}</span>
      <span className="figure-sub">{sub}</span>
    </li>
  );
  return (
    <section aria-labelledby="headline-title" aria-busy={summary.isPending}>
      <h2 id="headline-title" className="sr-only">
        {t(m.headline)}
      </h2>
      <ul className="figures">
        {tile(m.reported, num(h?.reported, 'total', ''), t(m.allCases), 'reported')}
        {tile(
          m.proven,
          num(h?.proven, 'flag', 'proven'),
          h ? t(m.ofReported, { rate: formatPercent(h.provenRate, locale) }) : '',
          'proven',
        )}
        {tile(
          m.sanctioned,
          num(h?.sanctioned, 'flag', 'sanctioned'),
          h ? t(m.ofProven, { rate: formatPercent(h.sanctionedOfProvenRate, locale) }) : '',
          'sanctioned',
        )}
        {tile(
          m.followUpRate,
          h ? formatPercent(h.followUpRate, locale) : '…',
          h ? (
            <>
              {num(h.followedUp, 'flag', 'followed_up')} {t(m.followUpOf)} {num(h.recommended, 'flag', 'recommended')}{' '}
              {t(m.followUpTail)}
            </>
          ) : (
            ''
          ),
          'follow-up',
        )}
        {tile(m.overdue, num(h?.overdue, 'ppk_due', 'overdue'), t(m.overdueHint), 'overdue')}
      </ul>
    </section>
  );
}
