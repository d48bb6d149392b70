/**
 * A bar chart in the shared chart frame: horizontal bars for long category names (codes, units),
 * vertical bars for ordered axes (phases, time), optional shaded periods. Bars act on click
 * (filter, or open the cases behind them); the frame's table offers the same by keyboard.
 */
import {
  type ChartConfig,
  type ChartDatum,
  ChartFrame,
  type ChartFrameProps,
  ChartTooltipContent,
  chartShade,
  type Plot,
  type SeriesKey,
  SUPPRESSED_TEXT,
  useSameContent,
} from '@netral/ui/chart';
import { memo, useCallback, useLayoutEffect, useRef } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';

export interface Shade {
  /** Category labels (as on the axis) where the period starts and ends. */
  x1: string;
  x2: string;
  label: string;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Words in lines of about `width` characters, at most `max` lines (the last one cut). */
export function wrapWords(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= max) return lines;
  return [...lines.slice(0, max - 1), truncate(lines.slice(max - 1).join(' '), width)];
}

const TICK_LINES = 3;

/** A category tick under a column, wrapped on words (long phase names stay readable). */
function WrappedTick(props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) {
  const lines = wrapWords(String(props.payload?.value ?? ''), 16, TICK_LINES);
  return (
    <g transform={`translate(${Number(props.x ?? 0)},${Number(props.y ?? 0)})`}>
      <text textAnchor="middle" fill="#3b434b" fontSize={12}>
        {lines.map((line, i) => (
          <tspan key={`${i}-${line}`} x={0} dy={i === 0 ? 12 : 13}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/*
 * Ticks and value labels as plain SVG text. Recharts' own <Text> measures every string it draws
 * in a hidden DOM element (a forced layout each), which was the largest single cost of drawing
 * the dashboard; names are cut to length here and time axes thinned by count instead.
 */
type TickProps = { x?: number | string; y?: number | string; payload?: { value?: unknown } };

/** A category name left of a horizontal bar. */
function NameTick(props: TickProps) {
  return (
    <text x={Number(props.x ?? 0)} y={Number(props.y ?? 0)} dy="0.355em" textAnchor="end" fill="#3b434b" fontSize={12}>
      {truncate(String(props.payload?.value ?? ''), 34)}
    </text>
  );
}

/** A label under a column. */
function ColumnTick(props: TickProps) {
  return (
    <text
      x={Number(props.x ?? 0)}
      y={Number(props.y ?? 0)}
      dy="0.71em"
      textAnchor="middle"
      fill="#3b434b"
      fontSize={12}
    >
      {String(props.payload?.value ?? '')}
    </text>
  );
}

/** A count on the value axis, under a horizontal bar chart (`below`) or left of a column chart. */
function CountTick(props: TickProps & { below: boolean }) {
  return (
    <text
      x={Number(props.x ?? 0)}
      y={Number(props.y ?? 0)}
      dy={props.below ? '0.71em' : '0.355em'}
      textAnchor={props.below ? 'middle' : 'end'}
      fill="#3b434b"
      fontSize={12}
    >
      {String(props.payload?.value ?? '')}
    </text>
  );
}

/** Every how many columns a tick is shown so that about `max` are (Recharts' `interval`). */
export function tickInterval(columns: number, max = 12): number {
  return Math.max(0, Math.ceil(columns / max) - 1);
}

type ValueLabelProps = {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
};

export function BarChartCard<C extends ChartConfig>({
  orientation,
  onBar,
  barColor,
  valueLabels = orientation === 'horizontal',
  shades = [],
  legend = [],
  ...frame
}: Omit<ChartFrameProps<C>, 'children' | 'height' | 'markers'> & {
  /** `horizontal`: one bar per row, names on the left. `vertical`: columns along an ordered axis. */
  orientation: 'horizontal' | 'vertical';
  onBar?: (datum: ChartDatum<SeriesKey<C>>, series: SeriesKey<C>) => void;
  /** Per-bar colour of a one-series chart (e.g. by list), else the series colour. */
  barColor?: (datum: ChartDatum<SeriesKey<C>>) => string;
  valueLabels?: boolean;
  shades?: Shade[];
  /** Legend entries for per-bar colours. */
  legend?: { label: string; color: string }[];
}) {
  const rows = frame.data?.length ?? 0;
  const seriesCount = Object.keys(frame.config).length;
  const longest = Math.max(0, ...(frame.data ?? []).map((d) => Math.min(d.label.length, 34)));
  const height = orientation === 'horizontal' ? Math.max(140, rows * (seriesCount * 16 + 14) + 48) : Math.max(260, 280);
  // What the plot draws besides the frame's rows keeps one identity while its content is the
  // same, and a click reads the latest handler: the Recharts tree is drawn again only when
  // something it shows changes, not whenever the page renders.
  const colors = frame.data && barColor ? frame.data.map(barColor) : undefined;
  const barColors = useSameContent(colors, colors?.join() ?? '');
  const stableShades = useSameContent(shades, JSON.stringify(shades));
  const onBarRef = useRef(onBar);
  useLayoutEffect(() => {
    onBarRef.current = onBar;
  });
  const click = useCallback((datum: ChartDatum<string>, key: string) => {
    onBarRef.current?.(datum as ChartDatum<SeriesKey<C>>, key as SeriesKey<C>);
  }, []);
  return (
    <ChartFrame<C>
      {...frame}
      height={height}
      markers={[
        ...legend,
        ...[...new Set(shades.map((s) => s.label))].map((label) => ({ label, color: chartShade, shade: true })),
      ]}
    >
      {(plot) => (
        <BarPlot
          plot={plot as Plot<string>}
          orientation={orientation}
          valueLabels={valueLabels}
          barColors={barColors}
          shades={stableShades}
          // About 7.2 px a character at 12 px (capitals and digits are wider than the average letter).
          labelWidth={Math.min(260, Math.max(60, Math.round(longest * 7.2) + 16))}
          onBar={click}
        />
      )}
    </ChartFrame>
  );
}

/** The Recharts part of a bar chart; `memo`: it renders only when one of its props changes. */
const BarPlot = memo(function BarPlot({
  plot,
  orientation,
  valueLabels,
  barColors,
  shades,
  labelWidth,
  onBar,
}: {
  plot: Plot<string>;
  orientation: 'horizontal' | 'vertical';
  valueLabels: boolean;
  barColors: readonly string[] | undefined;
  shades: readonly Shade[];
  labelWidth: number;
  onBar: (datum: ChartDatum<string>, key: string) => void;
}) {
  const rows = plot.rows.length;
  // Few columns: every name shown, wrapped. Many (time): names thinned to about twelve.
  const wrap = orientation === 'vertical' && rows <= 8;
  return (
    <BarChart
      width={plot.width}
      height={plot.height}
      data={plot.rows}
      layout={orientation === 'horizontal' ? 'vertical' : 'horizontal'}
      accessibilityLayer={false}
      margin={{ top: 8, right: orientation === 'horizontal' ? 40 : 12, bottom: 4, left: 4 }}
      barCategoryGap={orientation === 'horizontal' ? 4 : '12%'}
    >
      <CartesianGrid
        strokeDasharray="3 3"
        stroke="#d0d7de"
        horizontal={orientation === 'vertical'}
        vertical={orientation === 'horizontal'}
      />
      {orientation === 'horizontal' ? (
        <>
          <XAxis
            type="number"
            allowDecimals={false}
            stroke="#57606a"
            interval={0}
            tick={(tick: TickProps) => <CountTick {...tick} below />}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={labelWidth}
            interval={0}
            stroke="#57606a"
            tick={(tick: TickProps) => <NameTick {...tick} />}
          />
        </>
      ) : (
        <>
          {wrap ? (
            <XAxis
              type="category"
              dataKey="label"
              stroke="#57606a"
              interval={0}
              height={16 + 13 * TICK_LINES}
              tick={(tick: Parameters<typeof WrappedTick>[0]) => <WrappedTick {...tick} />}
            />
          ) : (
            <XAxis
              type="category"
              dataKey="label"
              stroke="#57606a"
              interval={tickInterval(rows)}
              tick={(tick: TickProps) => <ColumnTick {...tick} />}
            />
          )}
          <YAxis
            type="number"
            allowDecimals={false}
            stroke="#57606a"
            width={40}
            interval={0}
            tick={(tick: TickProps) => <CountTick {...tick} below={false} />}
          />
        </>
      )}
      {shades.map((s) => (
        <ReferenceArea
          key={`${s.x1}-${s.x2}-${s.label}`}
          {...(orientation === 'vertical' ? { x1: s.x1, x2: s.x2 } : { y1: s.x1, y2: s.x2 })}
          fill={chartShade}
          fillOpacity={0.3}
          ifOverflow="visible"
        />
      ))}
      <Tooltip content={ChartTooltipContent} cursor={{ fill: '#eaeef2' }} isAnimationActive={false} />
      {plot.series.map((key) => (
        <Bar
          key={key}
          dataKey={plot.dataKey(key)}
          name={plot.label(key)}
          fill={plot.color(key)}
          isAnimationActive={false}
          // A hidden count (1 or 2) plots as 0, and Recharts drops bars of no size with their
          // labels: a stub keeps it visible and clickable, labelled "<3".
          minPointSize={(_value, index) => (plot.rows[index]?.texts[key] === SUPPRESSED_TEXT ? 3 : 0)}
          onClick={(item) => {
            const row = plot.rowOf(item.payload);
            if (row) onBar(row.datum, key);
          }}
        >
          {barColors && plot.rows.map((row, i) => <Cell key={row.key} fill={barColors[i]} />)}
          {/* Values on the bars; without them, at least "<3" where a hidden count plots as 0. */}
          <LabelList
            dataKey={`texts.${key}`}
            content={(label: ValueLabelProps) => {
              const value = String(label.value ?? '');
              const text = valueLabels ? (value === '0' ? '' : value) : value === SUPPRESSED_TEXT ? value : '';
              if (!text) return null;
              const [x, y, w, h] = [label.x, label.y, label.width, label.height].map((v) => Number(v ?? 0)) as [
                number,
                number,
                number,
                number,
              ];
              return orientation === 'horizontal' ? (
                <text x={x + w + 5} y={y + h / 2} dy="0.355em" fill="#1b1f24" fontSize={11}>
                  {text}
                </text>
              ) : (
                <text x={x + w / 2} y={y - 5} textAnchor="middle" fill="#1b1f24" fontSize={valueLabels ? 11 : 10}>
                  {text}
                </text>
              );
            }}
          />
        </Bar>
      ))}
    </BarChart>
  );
});
