/**
 * Two contests side by side, aligned on their own campaigns (e.g. Pemilu 2024 against Pilkada
 * 2024, a year apart): violations per week counted from the week of the first campaign day,
 * by phase, and before/during/after the campaign. Loaded lazily: it brings Recharts.
 */
import {
  type ChartConfig,
  type ChartDatum,
  ChartFrame,
  type ChartSeriesConfig,
  ChartTooltipContent,
  chartColors,
} from '@netral/ui/chart';
import { formatDate, formatPercent } from '@netral/ui/format';
import { useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { type AppRouter, useTRPC } from '@netral/ui/trpc';
import { useUrlState } from '@netral/ui/url-state';
import { useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useId } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { useLocation } from 'wouter';
import { z } from 'zod';
import { BarChartCard } from '../dashboard/bar-chart';
import { FilterBar } from '../filter-bar';
import { casesHref, type Filters, filterShape, pickFilters, toApiFilter } from '../filters';
import { useLabels } from '../labels';
import { m } from '../messages';

type Series = inferRouterOutputs<AppRouter>['analytics']['compare']['contests'][number];

const contestCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/);
const compareSchema = z.object({
  ...filterShape,
  a: contestCode.optional(),
  b: contestCode.optional(),
});

/** The number of charts on this page (`data-charts`). */
export const COMPARE_CHARTS = 3;

const phaseOrder = ['PRA_PENETAPAN', 'ANTARA_PENETAPAN_DAN_KAMPANYE', 'KAMPANYE', 'MASA_TENANG', 'PEMUNGUTAN', 'PASCA'];
const bucketOrder = ['before', 'during', 'after'];

/** Monday `index` weeks after `weekZero`. */
function weekStart(weekZero: string, index: number): string {
  const d = new Date(`${weekZero}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7 * index);
  return d.toISOString().slice(0, 10);
}

/** Index of the week holding `date`, counted from `weekZero`. */
function weekIndex(weekZero: string, date: string): number {
  const days = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${weekZero}T00:00:00Z`)) / 86_400_000;
  return Math.floor(days / 7);
}

export function ComparePage() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const labels = useLabels();
  const [, navigate] = useLocation();
  const [state, setState] = useUrlState(compareSchema);
  const filters: Filters = { ...pickFilters(state), contest: undefined, from: undefined, to: undefined };
  const apiFilter = toApiFilter(filters);
  const contests = useQuery({ ...trpc.contests.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  // Newest first from the API: by default the older contest first (Pemilu 2024, then Pilkada 2024).
  const list = contests.data ?? [];
  const a = state.a ?? list[1]?.code ?? list[0]?.code;
  const b = state.b ?? list[0]?.code;
  const chosen = a && b && a !== b ? [a, b] : [];
  const compare = useQuery({
    ...trpc.analytics.compare.queryOptions({ contests: chosen, filter: apiFilter }),
    enabled: chosen.length === 2,
  });
  const ids = { a: useId(), b: useId() };
  const series: Series[] = compare.data?.contests ?? [];
  const fullMeta = () => [
    [t(m.contest), chosen.map((c) => labels.contestName(c)).join(' · ')] as [string, string],
    ...labels.meta(filters, compare.data ? compare.dataUpdatedAt : undefined),
  ];
  const queryState = {
    isPending: contests.isPending || (chosen.length === 2 && compare.isPending),
    error: compare.error ?? contests.error,
    refetch: compare.refetch,
  };

  const config: ChartConfig = Object.fromEntries(
    series.map((s, i) => [
      s.contest,
      {
        label: { id: labels.contestName(s.contest), en: labels.contestName(s.contest) },
        color: chartColors[i] ?? '#0b5cad',
      } satisfies ChartSeriesConfig,
    ]),
  );

  // Weeks from the first with data to the last (or to the end of the longer campaign).
  const campaignEnds = series.map((s) => weekIndex(s.weekZero, s.campaign.end));
  const indices = [...series.flatMap((s) => s.weeks.map((w) => w.index)), 0, ...campaignEnds];
  const lo = Math.min(...indices);
  const hi = Math.max(...indices);
  const weekData: ChartDatum<string>[] =
    series.length === 0
      ? []
      : Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).map((index) => ({
          key: String(index),
          label: String(index),
          values: Object.fromEntries(
            series.map((s) => {
              const w = s.weeks.find((x) => x.index === index);
              return [s.contest, { n: w?.n ?? 0, suppressed: w?.suppressed ?? false }];
            }),
          ),
        }));
  const hasWeeks = series.some((s) => s.weeks.length > 0);

  const byKey = (pick: (s: Series) => Series['phase'], order: string[], dim: 'phase' | 'bucket') => {
    const keys = order.filter((k) => series.some((s) => pick(s).some((c) => c.key === k)));
    return keys.map((key) => ({
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
  const shareColumns = series.map((s) => ({
    header: t(m.shareOf, { contest: labels.contestName(s.contest) }),
    value: (d: ChartDatum<string>) => {
      const n = d.values[s.contest]?.n;
      const total = s.total.n;
      return n === null || n === undefined || total === null || total === 0 ? '—' : formatPercent(n / total, locale);
    },
  }));

  return (
    <div data-dashboard="compare" data-charts={COMPARE_CHARTS} className="compare">
      <PageHeader title={t(m.compareTitle)}>
        <p className="muted">{t(m.compareLead)}</p>
      </PageHeader>
      <div className="card toolbar">
        <div className="field">
          <label htmlFor={ids.a}>{t(m.contestA)}</label>
          <select id={ids.a} value={a ?? ''} onChange={(e) => setState({ a: e.target.value })}>
            {list.map((c) => (
              <option key={c.code} value={c.code}>
                {labels.contestFullName(c.code)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.b}>{t(m.contestB)}</label>
          <select id={ids.b} value={b ?? ''} onChange={(e) => setState({ b: e.target.value })}>
            {list.map((c) => (
              <option key={c.code} value={c.code}>
                {labels.contestFullName(c.code)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {a && b && a === b && (
        <p className="alert alert-warn" role="alert">
          {t(m.sameContest)}
        </p>
      )}
      <FilterBar
        filters={filters}
        setFilters={(patch) => setState(patch)}
        labels={labels}
        show={{ contest: false, dates: false }}
      />

      <ChartFrame
        name="compare_weeks"
        level={2}
        title={t(m.weeksFromStart)}
        description={t(m.weeksFromStartHint)}
        config={config}
        data={compare.data ? (hasWeeks ? weekData : []) : undefined}
        state={queryState}
        categoryHeader={t(m.weekIndex)}
        columns={series.map((s) => ({
          header: t(m.weekStarts, { contest: labels.contestName(s.contest) }),
          value: (d) => formatDate(weekStart(s.weekZero, Number(d.key)), locale, 'short'),
        }))}
        meta={fullMeta}
        height={320}
        markers={series.map((s) => ({
          label: t(m.campaignDays, { contest: labels.contestName(s.contest), days: s.campaign.days }),
          color: config[s.contest]?.color ?? '#0b5cad',
          shade: true,
        }))}
        cellHref={(d, contest) => {
          const s = series.find((x) => x.contest === contest);
          return s ? casesHref({ ...filters, contest }, 'week', weekStart(s.weekZero, Number(d.key))) : null;
        }}
      >
        {(plot) => (
          <LineChart
            width={plot.width}
            height={plot.height}
            data={plot.rows}
            accessibilityLayer={false}
            margin={{ top: 8, right: 16, bottom: 16, left: 4 }}
          >
            <CartesianGrid strokeDasharray="3 3" stroke="#d0d7de" />
            {series.map((s) => (
              <ReferenceArea
                key={s.contest}
                x1="0"
                x2={String(weekIndex(s.weekZero, s.campaign.end))}
                fill={plot.color(s.contest)}
                fillOpacity={0.12}
                ifOverflow="visible"
              />
            ))}
            <XAxis
              dataKey="label"
              stroke="#57606a"
              minTickGap={12}
              label={{ value: t(m.weekIndex), position: 'insideBottom', offset: -8 }}
            />
            <YAxis allowDecimals={false} stroke="#57606a" width={40} />
            <Tooltip content={ChartTooltipContent} isAnimationActive={false} />
            {plot.series.map((key) => (
              <Line
                key={key}
                type="linear"
                dataKey={plot.dataKey(key)}
                name={plot.label(key)}
                stroke={plot.color(key)}
                strokeWidth={2}
                dot={{ r: 2 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </ChartFrame>

      <div className="grid-2">
        <BarChartCard
          name="compare_phase"
          level={2}
          title={t(m.comparePhase)}
          description={t(m.openCasesHint)}
          orientation="vertical"
          valueLabels
          config={config}
          data={compare.data ? byKey((s) => s.phase, phaseOrder, 'phase') : undefined}
          state={queryState}
          categoryHeader={t(m.phase)}
          columns={shareColumns}
          meta={fullMeta}
          cellHref={(d, contest) => casesHref({ ...filters, contest }, 'phase', d.key)}
          onBar={(d, contest) => navigate(casesHref({ ...filters, contest }, 'phase', d.key))}
        />
        <BarChartCard
          name="compare_bucket"
          level={2}
          title={t(m.compareBucket)}
          description={t(m.openCasesHint)}
          orientation="vertical"
          valueLabels
          config={config}
          data={compare.data ? byKey((s) => s.bucket, bucketOrder, 'bucket') : undefined}
          state={queryState}
          categoryHeader={t(m.bucket)}
          columns={shareColumns}
          meta={fullMeta}
          cellHref={(d, contest) => casesHref({ ...filters, contest }, 'bucket', d.key)}
          onBar={(d, contest) => navigate(casesHref({ ...filters, contest }, 'bucket', d.key))}
        />
      </div>
    </div>
  );
}
