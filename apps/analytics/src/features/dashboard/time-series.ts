/**
 * The time axis of the dashboard: months or weeks (Monday first) without gaps, so that an empty
 * month shows as 0 and the campaign can be shaded even where it had no cases.
 */
import { addDays } from '@netral/domain/calendar';
import { monthKey } from '../filters';

/** A count as the API gives it. */
export interface TimeCell {
  key: string;
  n: number | null;
  suppressed: boolean;
}

/** Monday of the ISO week of a date. */
export function weekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** The first day of the month after the month of `key` (`'YYYY-MM'` or an ISO date). */
export function nextMonth(key: string): string {
  const [y, mo] = key.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
}

/**
 * The time axis: every month (or week) from the first to the last with data, widened to the
 * campaigns in view and cut to the filter's months; absent keys count 0. Keys are ISO dates, so
 * they order as text.
 */
export function timeSeries(
  cells: readonly TimeCell[],
  grain: 'month' | 'week',
  bounds: { from?: string; to?: string; campaigns: { start: string; end: string }[] },
): { keys: string[]; byKey: Map<string, TimeCell> } {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  const snap = (date: string) => (grain === 'month' ? `${monthKey(date)}-01` : weekOf(date));
  const points = [...cells.map((c) => c.key), ...bounds.campaigns.flatMap((c) => [snap(c.start), snap(c.end)])];
  if (cells.length === 0) return { keys: [], byKey };
  const sorted = [...points].sort();
  let first = sorted[0] ?? '';
  let last = sorted[sorted.length - 1] ?? '';
  if (bounds.from) first = snap(`${bounds.from}-01`);
  if (bounds.to) {
    const end = grain === 'month' ? `${bounds.to}-01` : snap(addDays(nextMonth(bounds.to), -1));
    last = end;
  }
  const keys: string[] = [];
  for (let k = first; k <= last && keys.length < 2000; k = grain === 'month' ? nextMonth(k) : addDays(k, 7)) {
    keys.push(k);
  }
  return { keys, byKey };
}
