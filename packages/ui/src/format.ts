/**
 * Formatting for people: dates and numbers as Indonesian (id-ID) or English (en-GB) readers
 * expect them. ISO `YYYY-MM-DD` dates are calendar dates, never shifted by the time zone.
 */
import type { Locale } from './i18n';

const tag = (locale: Locale) => (locale === 'id' ? 'id-ID' : 'en-GB');

// Building an Intl formatter costs far more than using one, and a dashboard formats thousands of
// numbers as it draws: one formatter per locale and style, kept.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let f = formatters.get(key);
  if (f === undefined) {
    f = make();
    formatters.set(key, f);
  }
  return f as F;
}

/** `2024-11-27` → `27 November 2024` (id) / `27 November 2024` (en). */
export function formatDate(iso: string | null | undefined, locale: Locale, style: 'long' | 'short' = 'long'): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return formatter(
    `date:${locale}:${style}`,
    () =>
      new Intl.DateTimeFormat(tag(locale), {
        day: 'numeric',
        month: style === 'long' ? 'long' : 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  ).format(date);
}

/** A month key `2024-11` (or a date in it) → `Nov 2024` / `November 2024` (id and en alike). */
export function formatMonth(key: string, locale: Locale, style: 'short' | 'long' = 'short'): string {
  const match = /^(\d{4})-(\d{2})/.exec(key);
  if (!match) return key;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return formatter(
    `month:${locale}:${style}`,
    () => new Intl.DateTimeFormat(tag(locale), { month: style, year: 'numeric', timeZone: 'UTC' }),
  ).format(date);
}

/** A timestamp in the reader's time zone: `27 Nov 2024 14.05`. */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale): string {
  if (!value) return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return formatter(
    `datetime:${locale}`,
    () => new Intl.DateTimeFormat(tag(locale), { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(date);
}

export function formatNumber(value: number, locale: Locale): string {
  return formatter(`number:${locale}`, () => new Intl.NumberFormat(tag(locale))).format(value);
}

/** A share 0..1 as a percentage with one decimal: `0.4567` → `45,7%` (id). */
export function formatPercent(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return formatter(
    `percent:${locale}`,
    () => new Intl.NumberFormat(tag(locale), { style: 'percent', maximumFractionDigits: 1 }),
  ).format(value);
}
