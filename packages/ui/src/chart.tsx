/**
 * The one chart wrapper of the front ends, modelled on shadcn/ui's `chart.tsx`: a typed series
 * config per chart (`satisfies ChartConfig`), a container that gives every chart a title, a
 * legend, a table alternative, CSV and PNG export, loading / error / empty states, and an
 * accessible name (`role="img"` + a summary in the reader's language).
 *
 * It imports Recharts, so import this module only from lazily loaded code: the sign-in page must
 * not pay for it.
 *
 * @example
 * const config = { n: { label: m.cases, color: chartColors[0] } } satisfies ChartConfig;
 * <ChartFrame name="status" title={t(m.byStatus)} config={config} data={data} state={query}
 *   categoryHeader={t(m.status)} meta={meta}>
 *   {(plot) => (
 *     <BarChart width={plot.width} height={plot.height} data={plot.rows} accessibilityLayer={false}>
 *       <XAxis dataKey="label" /> <YAxis allowDecimals={false} /> <Tooltip content={ChartTooltipContent} />
 *       <Bar dataKey={plot.dataKey('n')} fill={plot.color('n')} isAnimationActive={false} />
 *     </BarChart>
 *   )}
 * </ChartFrame>
 */
import './chart.css';
import {
  createContext,
  type ReactElement,
  type ReactNode,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { TooltipContentProps } from 'recharts';
import { Link } from 'wouter';
import { downloadBlob, downloadCsv, type ExportColumn, type ExportMeta } from './download';
import { formatNumber } from './format';
import { type Locale, type Message, type Messages, useI18n } from './i18n';
import { Empty, ErrorState, Loading } from './states';

/** One series (data key) of a chart: its name for people and its colour. */
export interface ChartSeriesConfig {
  label: Message;
  color: string;
}

/**
 * The series of a chart by data key. Declare it per chart with `satisfies`, so the keys stay
 * literal and the data must carry exactly those series.
 *
 * @example const config = { kode_etik: { label: m.ethics, color: chartColors[0] } } satisfies ChartConfig;
 */
export type ChartConfig = Record<string, ChartSeriesConfig>;

/** Series keys of a config. */
export type SeriesKey<C extends ChartConfig> = keyof C & string;

/**
 * Colours for series and bars: at least 3:1 against white (WCAG non-text contrast), and
 * distinguishable for the common colour-vision deficiencies when used in this order.
 */
export const chartColors = [
  '#0b5cad',
  '#c2410c',
  '#15803d',
  '#7e22ce',
  '#a16207',
  '#0e7490',
  '#be123c',
  '#4d7c0f',
] as const;

/** Shading for periods (the campaign) behind the data. */
export const chartShade = '#f5c542';

/** A count as the API gives it: `n` null when it is hidden (1 or 2 cases, for analysts). */
export interface ChartCount {
  n: number | null;
  suppressed: boolean;
}

/** A category of a chart (a bar, a point on the time axis) with its count per series. */
export interface ChartDatum<K extends string> {
  /** Stable identity (the API's key): what a click or a link acts on. */
  key: string;
  /** What people read. */
  label: string;
  values: Record<K, ChartCount>;
}

/** A row as Recharts plots it: hidden counts plot as 0 and read "<3". */
export interface PlotRow<K extends string> {
  key: string;
  label: string;
  values: Record<K, number>;
  texts: Record<K, string>;
  datum: ChartDatum<K>;
}

/** What a chart's render function receives. */
export interface Plot<K extends string> {
  /** The plot's size in pixels: pass both to the Recharts chart. */
  width: number;
  height: number;
  rows: PlotRow<K>[];
  series: K[];
  /** The Recharts `dataKey` of a series (`values.<key>`). */
  dataKey(key: K): string;
  color(key: K): string;
  label(key: K): string;
  /** The row behind a Recharts event payload, if it is one of ours. */
  rowOf(payload: unknown): PlotRow<K> | undefined;
}

/** An extra column of the table alternative and the CSV (a code's list, a share…). */
export interface ChartColumn<K extends string> {
  header: string;
  value(datum: ChartDatum<K>): string;
}

/** The shown text of a count: "<3" when hidden, else the number in the reader's format. */
export function countText(count: ChartCount | undefined, locale: Locale): string {
  if (!count) return '0';
  if (count.suppressed || count.n === null) return SUPPRESSED_TEXT;
  return formatNumber(count.n, locale);
}

/** How a hidden count (1 or 2) reads, everywhere. */
export const SUPPRESSED_TEXT = '<3';

/** Rows for Recharts from chart data. */
export function toPlotRows<K extends string>(
  data: readonly ChartDatum<K>[],
  series: readonly K[],
  locale: Locale,
): PlotRow<K>[] {
  return data.map((datum) => {
    const values = {} as Record<K, number>;
    const texts = {} as Record<K, string>;
    for (const key of series) {
      values[key] = datum.values[key]?.n ?? 0;
      texts[key] = countText(datum.values[key], locale);
    }
    return { key: datum.key, label: datum.label, values, texts, datum };
  });
}

const m = {
  showTable: { id: 'Tabel data', en: 'Data table' },
  tableCaption: { id: '{title}: data dalam tabel', en: '{title}: data as a table' },
  csv: { id: 'CSV', en: 'CSV' },
  png: { id: 'PNG', en: 'PNG' },
  csvLabel: { id: 'Unduh data "{title}" sebagai CSV', en: 'Download the data of "{title}" as CSV' },
  pngLabel: { id: 'Unduh grafik "{title}" sebagai gambar PNG', en: 'Download the chart "{title}" as a PNG image' },
  chart: { id: 'Grafik', en: 'Chart' },
  suppressedNote: {
    id: '<3 = 1 atau 2 perkara (disembunyikan agar tidak mengenali orang)',
    en: '<3 = 1 or 2 cases (hidden so that no person can be identified)',
  },
  suppressedTitle: { id: '1 atau 2 perkara, disembunyikan', en: '1 or 2 cases, hidden' },
  summaryOne: {
    id: '{title}. {count} kategori. Terbanyak: {top}. Rincian ada di tabel data.',
    en: '{title}. {count} categories. Largest: {top}. Details are in the data table.',
  },
  summarySeries: { id: '{series}: {top}', en: '{series}: {top}' },
  summaryNone: { id: '{title}. Tidak ada data.', en: '{title}. No data.' },
  pngFailed: {
    id: 'Gambar tidak dapat dibuat di peramban ini. Gunakan CSV.',
    en: 'The image could not be made in this browser. Use the CSV.',
  },
  actions: { id: 'Tindakan', en: 'Actions' },
} satisfies Messages;

/**
 * The text screen readers get for the chart: its title, how many categories, and the largest
 * values per series (hidden counts never named).
 */
export function chartSummary<K extends string>(
  title: string,
  data: readonly ChartDatum<K>[],
  series: readonly { key: K; label: string }[],
  locale: Locale,
): string {
  const t = (msg: Message, values: Record<string, string | number>) =>
    msg[locale].replace(/\{(\w+)\}/g, (w, k: string) => (k in values ? String(values[k]) : w));
  if (data.length === 0) return t(m.summaryNone, { title });
  const parts = series.map(({ key, label }) => {
    const top = data
      .filter((d) => (d.values[key]?.n ?? 0) > 0)
      .sort((a, b) => (b.values[key]?.n ?? 0) - (a.values[key]?.n ?? 0))
      .slice(0, 3)
      .map((d) => `${d.label} ${countText(d.values[key], locale)}`)
      .join(', ');
    return series.length === 1 ? top || '–' : t(m.summarySeries, { series: label, top: top || '–' });
  });
  return t(m.summaryOne, { title, count: data.length, top: parts.join('; ') });
}

interface ChartContextValue {
  config: ChartConfig;
  locale: Locale;
}
const ChartContext = createContext<ChartContextValue | null>(null);

/**
 * Tooltip content for every chart: the category and each series with its colour and its shown
 * value ("<3" for hidden counts). Pass it as `<Tooltip content={ChartTooltipContent} />`.
 */
export function ChartTooltipContent(props: TooltipContentProps) {
  const chart = useContext(ChartContext);
  if (!props.active || !props.payload?.length || !chart) return null;
  const row = props.payload[0]?.payload as PlotRow<string> | undefined;
  return (
    <div className="chart-tooltip">
      <strong>{row?.label ?? props.label}</strong>
      <ul>
        {props.payload.map((entry) => {
          const key = String(entry.dataKey ?? '').replace(/^values\./, '');
          const series = chart.config[key];
          if (!series) return null;
          return (
            <li key={key}>
              <span className="swatch" style={{ background: series.color }} aria-hidden="true" />
              {series.label[chart.locale]}: <strong>{row?.texts[key] ?? String(entry.value ?? '')}</strong>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export interface ChartQueryState {
  /** No data yet. */
  isPending: boolean;
  error: unknown;
  refetch?: () => unknown;
}

export interface ChartFrameProps<C extends ChartConfig> {
  /** Stable machine name: `data-chart`, file names. */
  name: string;
  title: string;
  /** What the chart shows and what a click on it does. */
  description?: ReactNode;
  config: C;
  /** Undefined while loading. */
  data: readonly ChartDatum<SeriesKey<C>>[] | undefined;
  state: ChartQueryState;
  /** Header of the category column (the table's first column). */
  categoryHeader: string;
  /**
   * What the exports state besides the title: filters and the time of the data. Read when an
   * export is made (formatting a time builds an Intl formatter, which drawing need not wait for).
   */
  meta: () => ExportMeta;
  /** Extra columns of the table and the CSV. */
  columns?: ChartColumn<SeriesKey<C>>[];
  /** Where a count of the table links to (the cases behind it), or null for no link. */
  cellHref?: (datum: ChartDatum<SeriesKey<C>>, series: SeriesKey<C>) => string | null;
  /** A button per table row (e.g. "filter by this"), the keyboard way to what a click on a bar does. */
  rowAction?: { label: (datum: ChartDatum<SeriesKey<C>>) => string; run: (datum: ChartDatum<SeriesKey<C>>) => void };
  /** Legend entries that are not series: bar colours of a one-series chart, or a shaded period (`shade`). */
  markers?: { label: string; color: string; shade?: boolean }[];
  /** Controls beside the export buttons (month/week, top N). */
  toolbar?: ReactNode;
  /** Plot height in pixels. */
  height?: number;
  /** Heading level of the title. */
  level?: 2 | 3;
  /** The Recharts chart, given `plot.width` and `plot.height` (the plot's size, followed on resize). */
  children: (plot: Plot<SeriesKey<C>>) => ReactElement;
}

/**
 * A chart with everything around it. Carries `data-chart="<name>"` and `aria-busy` (true until
 * the data is there and the chart is drawn), which the dashboard benchmark waits on.
 */
export function ChartFrame<C extends ChartConfig>(props: ChartFrameProps<C>) {
  const { t, locale } = useI18n();
  const { name, title, config, data, state } = props;
  const titleId = useId();
  const plotRef = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  const [tableOpened, setTableOpened] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  // Pages rebuild their chart data and configs on every render; what is drawn keeps its identity
  // while its content is the same, so a chart (a Recharts tree, the costliest part of a page)
  // redraws only when its data, series or language change.
  const stableConfig = useSameContent(config, JSON.stringify(config));
  const stableData = useSameContent(data, data === undefined ? '' : JSON.stringify(data));
  const series = useMemo(() => Object.keys(stableConfig) as SeriesKey<C>[], [stableConfig]);
  const rows = useMemo(() => (stableData ? toPlotRows(stableData, series, locale) : []), [stableData, series, locale]);
  const hasData = data !== undefined && data.length > 0;
  const hasSuppressed = data?.some((d) => series.some((s) => d.values[s]?.suppressed)) ?? false;

  // The plot's width, read once the plot is in the page and before it is painted, then followed:
  // the chart is drawn in the same frame as the page around it, at its size (no container that
  // renders empty, measures and renders again).
  const mounted = hasData && !state.isPending && !state.error;
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const plot = plotRef.current;
    if (!mounted || !plot) return;
    setWidth(Math.floor(plot.getBoundingClientRect().width));
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(plot);
    return () => observer.disconnect();
  }, [mounted]);
  const height = props.height ?? 260;

  // Drawn once Recharts has put its SVG in the page (with every bar and tick: it inserts them
  // together), noticed as it happens rather than at the next frame. New data for a drawn chart
  // redraws in place, so only (re)mounting resets it.
  useEffect(() => {
    setDrawn(false);
    const plot = plotRef.current;
    if (!mounted || !plot) return;
    const drawnNow = () => plot.querySelector('svg.recharts-surface') !== null;
    if (drawnNow()) {
      setDrawn(true);
      return;
    }
    const observer = new MutationObserver(() => {
      if (!drawnNow()) return;
      observer.disconnect();
      setDrawn(true);
    });
    observer.observe(plot, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [mounted]);

  const busy = state.isPending || (hasData && !drawn && !state.error);
  const plot = useMemo<Plot<SeriesKey<C>>>(
    () => ({
      width,
      height,
      rows,
      series,
      dataKey: (key) => `values.${key}`,
      color: (key) => (stableConfig[key] as ChartSeriesConfig).color,
      label: (key) => (stableConfig[key] as ChartSeriesConfig).label[locale],
      rowOf: (payload) => rows.find((r) => r === payload || (isRecord(payload) && r.key === payload.key)),
    }),
    [width, height, rows, series, stableConfig, locale],
  );
  const seriesLabel = plot.label;
  const summary = data
    ? chartSummary(
        title,
        data,
        series.map((key) => ({ key, label: seriesLabel(key) })),
        locale,
      )
    : '';
  const exportMeta = (): ExportMeta => [
    [t(m.chart), title],
    ...props.meta(),
    ...(hasSuppressed ? ([['', t(m.suppressedNote)]] as ExportMeta) : []),
  ];
  const fileBase = `netral-${name}-${new Date().toISOString().slice(0, 10)}`;

  const exportCsv = () => {
    if (!data) return;
    const columns: ExportColumn<ChartDatum<SeriesKey<C>>>[] = [
      { header: props.categoryHeader, value: (d) => d.label },
      ...(props.columns ?? []).map((c) => ({ header: c.header, value: (d: ChartDatum<SeriesKey<C>>) => c.value(d) })),
      ...series.map((key) => ({
        header: seriesLabel(key),
        value: (d: ChartDatum<SeriesKey<C>>) => {
          const count = d.values[key];
          return count?.suppressed ? SUPPRESSED_TEXT : (count?.n ?? 0);
        },
      })),
    ];
    downloadCsv(`${fileBase}.csv`, [...data], columns, exportMeta());
  };

  const exportPng = async () => {
    setExportError(null);
    const svg = plotRef.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) return;
    try {
      const legend = [
        ...(series.length > 1 ? series.map((key) => ({ label: seriesLabel(key), color: plot.color(key) })) : []),
        ...(props.markers ?? []),
      ];
      const blob = await chartPng(svg, {
        title,
        lines: exportMeta()
          .slice(1)
          .map(([k, v]) => (k ? `${k}: ${v}` : v)),
        legend,
      });
      downloadBlob(blob, `${fileBase}.png`);
    } catch {
      setExportError(t(m.pngFailed));
    }
  };

  const context = useMemo(() => ({ config: stableConfig, locale }), [stableConfig, locale]);
  const Heading = props.level === 2 ? 'h2' : 'h3';
  let body: ReactNode;
  if (state.isPending) body = <Loading />;
  else if (state.error)
    body = <ErrorState error={state.error} retry={state.refetch ? () => state.refetch?.() : undefined} />;
  else if (!hasData) body = <Empty />;
  else {
    body = (
      <>
        <div ref={plotRef} className="chart-plot" role="img" aria-label={summary} style={{ height }}>
          {width > 0 && props.children(plot)}
        </div>
        {(series.length > 1 || (props.markers?.length ?? 0) > 0) && (
          <ul className="chart-legend">
            {series.length > 1 &&
              series.map((key) => (
                <li key={key}>
                  <span className="swatch" style={{ background: plot.color(key) }} aria-hidden="true" />
                  {seriesLabel(key)}
                </li>
              ))}
            {props.markers?.map((marker) => (
              <li key={marker.label}>
                <span
                  className={marker.shade ? 'swatch shade' : 'swatch'}
                  style={{ background: marker.color }}
                  aria-hidden="true"
                />
                {marker.label}
              </li>
            ))}
          </ul>
        )}
        {hasSuppressed && <p className="hint">{t(m.suppressedNote)}</p>}
        {/* The table is built when first opened: ten charts' tables are thousands of elements
            that nobody sees until they ask for them. */}
        <details className="chart-table" onToggle={(event) => event.currentTarget.open && setTableOpened(true)}>
          <summary>{t(m.showTable)}</summary>
          {tableOpened && (
            <ChartTable {...props} series={series} seriesLabel={seriesLabel} caption={t(m.tableCaption, { title })} />
          )}
        </details>
      </>
    );
  }

  return (
    <section className="card chart" data-chart={name} aria-busy={busy} aria-labelledby={titleId}>
      <div className="chart-head">
        <div>
          <Heading id={titleId}>{title}</Heading>
          {props.description && <p className="hint">{props.description}</p>}
        </div>
        <div className="actions">
          {props.toolbar}
          <button type="button" onClick={exportCsv} disabled={!hasData} aria-label={t(m.csvLabel, { title })}>
            {t(m.csv)}
          </button>
          <button
            type="button"
            onClick={() => void exportPng()}
            disabled={!hasData || !drawn}
            aria-label={t(m.pngLabel, { title })}
          >
            {t(m.png)}
          </button>
        </div>
      </div>
      {exportError && (
        <p className="alert alert-error" role="alert">
          {exportError}
        </p>
      )}
      <ChartContext.Provider value={context}>{body}</ChartContext.Provider>
    </section>
  );
}

/**
 * `value`, or the earlier value while `key` (a description of its content) is unchanged: equal
 * content rebuilt on every render keeps one identity, so memos and `memo` components below it
 * hold. The key must change whenever anything that is read from the value does.
 *
 * @example const shades = useSameContent(props.shades, JSON.stringify(props.shades));
 */
export function useSameContent<T>(value: T, key: string): T {
  const held = useRef({ key, value });
  if (held.current.key !== key) held.current = { key, value };
  return held.current.value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function ChartTable<C extends ChartConfig>(
  props: ChartFrameProps<C> & {
    series: SeriesKey<C>[];
    seriesLabel: (key: SeriesKey<C>) => string;
    caption: string;
  },
) {
  const { t, locale } = useI18n();
  const data = props.data ?? [];
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.categoryHeader}</th>
            {props.columns?.map((c) => (
              <th scope="col" key={c.header}>
                {c.header}
              </th>
            ))}
            {props.series.map((key) => (
              <th scope="col" className="num" key={key}>
                {props.seriesLabel(key)}
              </th>
            ))}
            {props.rowAction && <th scope="col">{t(m.actions)}</th>}
          </tr>
        </thead>
        <tbody>
          {data.map((datum) => (
            <tr key={datum.key}>
              <th scope="row">{datum.label}</th>
              {props.columns?.map((c) => (
                <td key={c.header}>{c.value(datum)}</td>
              ))}
              {props.series.map((key) => {
                const count = datum.values[key];
                const text = countText(count, locale);
                const nonZero = count !== undefined && (count.suppressed || (count.n ?? 0) !== 0);
                const href = nonZero ? (props.cellHref?.(datum, key) ?? null) : null;
                const shown = count?.suppressed ? <abbr title={t(m.suppressedTitle)}>{text}</abbr> : text;
                return (
                  <td className="num" key={key}>
                    {href ? <Link href={href}>{shown}</Link> : shown}
                  </td>
                );
              })}
              {props.rowAction && (
                <td>
                  <button type="button" className="link" onClick={() => props.rowAction?.run(datum)}>
                    {props.rowAction.label(datum)}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** SVG presentation attributes copied from the page's computed style, so the image looks the same. */
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/**
 * The chart as a PNG: the SVG serialised (with its computed styles as attributes, since the page's
 * stylesheet does not travel with it), drawn on a canvas under the title and the lines that say
 * what it shows, with the legend below. Needs `img-src blob:` in the page's CSP.
 */
export async function chartPng(
  svg: SVGSVGElement,
  options: { title: string; lines: string[]; legend: { label: string; color: string }[]; scale?: number },
): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = [svg, ...svg.querySelectorAll('*')];
  const target = [clone, ...clone.querySelectorAll('*')];
  source.forEach((el, i) => {
    const copy = target[i];
    if (!copy) return;
    const style = getComputedStyle(el);
    for (const prop of INLINED) {
      const value = style.getPropertyValue(prop);
      if (value) copy.setAttribute(prop, value);
    }
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const xml = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();

    const scale = options.scale ?? 2;
    const pad = 16;
    const font = getComputedStyle(svg).fontFamily || 'sans-serif';
    const lineHeight = 18;
    const canvas = document.createElement('canvas');
    const measure = canvas.getContext('2d');
    if (!measure) throw new Error('no 2d context');
    measure.font = `12px ${font}`;
    const innerWidth = Math.max(width, 480);
    const wrapped = options.lines.flatMap((line) => wrap(measure, line, innerWidth));
    const headerHeight = 24 + wrapped.length * lineHeight + 8;
    const legendHeight = options.legend.length > 0 ? lineHeight + 8 : 0;
    canvas.width = Math.ceil((innerWidth + 2 * pad) * scale);
    canvas.height = Math.ceil((pad + headerHeight + height + legendHeight + pad) * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, innerWidth + 2 * pad, pad + headerHeight + height + legendHeight + pad);
    ctx.fillStyle = '#1b1f24';
    ctx.textBaseline = 'top';
    ctx.font = `bold 16px ${font}`;
    ctx.fillText(options.title, pad, pad);
    ctx.font = `12px ${font}`;
    ctx.fillStyle = '#57606a';
    wrapped.forEach((line, i) => {
      ctx.fillText(line, pad, pad + 24 + i * lineHeight);
    });
    ctx.drawImage(image, pad, pad + headerHeight, width, height);
    let x = pad;
    const y = pad + headerHeight + height + 8;
    for (const item of options.legend) {
      ctx.fillStyle = item.color;
      ctx.fillRect(x, y + 2, 12, 12);
      ctx.fillStyle = '#1b1f24';
      ctx.fillText(item.label, x + 16, y + 2);
      x += 16 + ctx.measureText(item.label).width + 16;
    }
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
