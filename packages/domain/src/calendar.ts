/**
 * Working-day arithmetic on ISO dates ('YYYY-MM-DD') with Indonesia's national public holidays
 * (hari libur nasional) and collective leave days (cuti bersama) as data.
 *
 * Dates are plain strings and all arithmetic is on whole days counted from 1970-01-01, so no
 * time zone or daylight-saving shift can move a date. ISO dates sort as strings: `a < b` works.
 *
 * ⚠ The shipped calendar covers 2023, 2024 and 2025 only (`indonesianCalendar.years`). Outside
 * those years only weekends are non-working days, so deadlines there come out too early. A
 * deployment adds later years, or regional holidays, with `extendCalendar`.
 *
 * @example
 * isWorkingDay('2024-04-09') // false: cuti bersama Idul Fitri
 * addWorkingDays('2024-04-05', 1) // '2024-04-16'
 */
import { z } from 'zod';
import { ValidationError } from './errors';

/** A calendar date as 'YYYY-MM-DD' (checked: month lengths, leap years). */
export const isoDateSchema = z.iso.date({
  error: 'Tanggal harus berformat YYYY-MM-DD dan valid / Date must be a valid YYYY-MM-DD date',
});
export type IsoDate = z.infer<typeof isoDateSchema>;

/** Hari libur nasional or cuti bersama: both are days off for civil servants. */
export const calendarDayKindSchema = z.enum(['holiday', 'cuti_bersama']);
export type CalendarDayKind = z.infer<typeof calendarDayKindSchema>;

/** One day off, named in Indonesian as in the decree that set it. */
export const calendarDaySchema = z.object({
  date: isoDateSchema,
  name: z.string().min(1),
  kind: calendarDayKindSchema,
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

/**
 * A set of days off. `years` lists the years whose days are complete, so a caller can tell
 * "no holiday that day" from "no data for that year". Treat calendars as immutable: lookups
 * are cached per calendar object.
 */
export const holidayCalendarSchema = z.object({
  name: z.string().min(1),
  years: z.array(z.int().min(1900).max(9999)),
  days: z.array(calendarDaySchema),
});
export type HolidayCalendar = z.infer<typeof holidayCalendarSchema>;

const holiday = (date: IsoDate, name: string): CalendarDay => ({ date, name, kind: 'holiday' });
const cutiBersama = (date: IsoDate, name: string): CalendarDay => ({ date, name, kind: 'cuti_bersama' });

/**
 * Days off for 2023–2025 from the SKB 3 Menteri (Menteri Agama, Menteri Ketenagakerjaan,
 * Menteri PANRB) of each year, as amended, plus the two 2024 voting days declared national
 * holidays by Keppres.
 */
export const indonesianCalendar: HolidayCalendar = {
  name: 'Hari Libur Nasional dan Cuti Bersama (SKB 3 Menteri)',
  years: [2023, 2024, 2025],
  days: [
    // 2023: SKB No. 1066/2022, amended twice in 2023 (Idul Fitri days moved; Idul Adha days added).
    holiday('2023-01-01', 'Tahun Baru 2023 Masehi'),
    holiday('2023-01-22', 'Tahun Baru Imlek 2574 Kongzili'),
    cutiBersama('2023-01-23', 'Cuti Bersama Tahun Baru Imlek 2574 Kongzili'),
    holiday('2023-02-18', 'Isra Mikraj Nabi Muhammad SAW'),
    holiday('2023-03-22', 'Hari Suci Nyepi Tahun Baru Saka 1945'),
    cutiBersama('2023-03-23', 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1945'),
    holiday('2023-04-07', 'Wafat Isa Almasih'),
    cutiBersama('2023-04-19', 'Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah'),
    cutiBersama('2023-04-20', 'Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah'),
    cutiBersama('2023-04-21', 'Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah'),
    holiday('2023-04-22', 'Hari Raya Idul Fitri 1444 Hijriah'),
    holiday('2023-04-23', 'Hari Raya Idul Fitri 1444 Hijriah'),
    cutiBersama('2023-04-24', 'Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah'),
    cutiBersama('2023-04-25', 'Cuti Bersama Hari Raya Idul Fitri 1444 Hijriah'),
    holiday('2023-05-01', 'Hari Buruh Internasional'),
    holiday('2023-05-18', 'Kenaikan Isa Almasih'),
    holiday('2023-06-01', 'Hari Lahir Pancasila'),
    cutiBersama('2023-06-02', 'Cuti Bersama Hari Raya Waisak 2567 BE'),
    holiday('2023-06-04', 'Hari Raya Waisak 2567 BE'),
    cutiBersama('2023-06-28', 'Cuti Bersama Hari Raya Idul Adha 1444 Hijriah'),
    holiday('2023-06-29', 'Hari Raya Idul Adha 1444 Hijriah'),
    cutiBersama('2023-06-30', 'Cuti Bersama Hari Raya Idul Adha 1444 Hijriah'),
    holiday('2023-07-19', 'Tahun Baru Islam 1445 Hijriah'),
    holiday('2023-08-17', 'Hari Kemerdekaan Republik Indonesia'),
    holiday('2023-09-28', 'Maulid Nabi Muhammad SAW'),
    holiday('2023-12-25', 'Hari Raya Natal'),
    cutiBersama('2023-12-26', 'Cuti Bersama Hari Raya Natal'),

    // 2024: SKB No. 855/2023; voting days by Keppres 10/2024 (Pemilu) and Keppres of Nov 2024 (Pilkada).
    holiday('2024-01-01', 'Tahun Baru 2024 Masehi'),
    holiday('2024-02-08', 'Isra Mikraj Nabi Muhammad SAW'),
    cutiBersama('2024-02-09', 'Cuti Bersama Tahun Baru Imlek 2575 Kongzili'),
    holiday('2024-02-10', 'Tahun Baru Imlek 2575 Kongzili'),
    holiday('2024-02-14', 'Hari Pemungutan Suara Pemilihan Umum Tahun 2024'),
    holiday('2024-03-11', 'Hari Suci Nyepi Tahun Baru Saka 1946'),
    cutiBersama('2024-03-12', 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1946'),
    holiday('2024-03-29', 'Wafat Isa Almasih'),
    holiday('2024-03-31', 'Hari Paskah'),
    cutiBersama('2024-04-08', 'Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah'),
    cutiBersama('2024-04-09', 'Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah'),
    holiday('2024-04-10', 'Hari Raya Idul Fitri 1445 Hijriah'),
    holiday('2024-04-11', 'Hari Raya Idul Fitri 1445 Hijriah'),
    cutiBersama('2024-04-12', 'Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah'),
    cutiBersama('2024-04-15', 'Cuti Bersama Hari Raya Idul Fitri 1445 Hijriah'),
    holiday('2024-05-01', 'Hari Buruh Internasional'),
    holiday('2024-05-09', 'Kenaikan Isa Almasih'),
    cutiBersama('2024-05-10', 'Cuti Bersama Kenaikan Isa Almasih'),
    holiday('2024-05-23', 'Hari Raya Waisak 2568 BE'),
    cutiBersama('2024-05-24', 'Cuti Bersama Hari Raya Waisak 2568 BE'),
    holiday('2024-06-01', 'Hari Lahir Pancasila'),
    holiday('2024-06-17', 'Hari Raya Idul Adha 1445 Hijriah'),
    cutiBersama('2024-06-18', 'Cuti Bersama Hari Raya Idul Adha 1445 Hijriah'),
    holiday('2024-07-07', 'Tahun Baru Islam 1446 Hijriah'),
    holiday('2024-08-17', 'Hari Kemerdekaan Republik Indonesia'),
    holiday('2024-09-16', 'Maulid Nabi Muhammad SAW'),
    holiday('2024-11-27', 'Hari Pemungutan Suara Pemilihan Serentak Tahun 2024'),
    holiday('2024-12-25', 'Hari Raya Natal'),
    cutiBersama('2024-12-26', 'Cuti Bersama Hari Raya Natal'),

    // 2025: SKB No. 1017/2024, amended by SKB No. 933/2025 (18 August added).
    holiday('2025-01-01', 'Tahun Baru 2025 Masehi'),
    holiday('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'),
    cutiBersama('2025-01-28', 'Cuti Bersama Tahun Baru Imlek 2576 Kongzili'),
    holiday('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'),
    cutiBersama('2025-03-28', 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1947'),
    holiday('2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947'),
    holiday('2025-03-31', 'Hari Raya Idul Fitri 1446 Hijriah'),
    holiday('2025-04-01', 'Hari Raya Idul Fitri 1446 Hijriah'),
    cutiBersama('2025-04-02', 'Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah'),
    cutiBersama('2025-04-03', 'Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah'),
    cutiBersama('2025-04-04', 'Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah'),
    cutiBersama('2025-04-07', 'Cuti Bersama Hari Raya Idul Fitri 1446 Hijriah'),
    holiday('2025-04-18', 'Wafat Isa Almasih'),
    holiday('2025-04-20', 'Hari Paskah'),
    holiday('2025-05-01', 'Hari Buruh Internasional'),
    holiday('2025-05-12', 'Hari Raya Waisak 2569 BE'),
    cutiBersama('2025-05-13', 'Cuti Bersama Hari Raya Waisak 2569 BE'),
    holiday('2025-05-29', 'Kenaikan Isa Almasih'),
    cutiBersama('2025-05-30', 'Cuti Bersama Kenaikan Isa Almasih'),
    holiday('2025-06-01', 'Hari Lahir Pancasila'),
    holiday('2025-06-06', 'Hari Raya Idul Adha 1446 Hijriah'),
    cutiBersama('2025-06-09', 'Cuti Bersama Hari Raya Idul Adha 1446 Hijriah'),
    holiday('2025-06-27', 'Tahun Baru Islam 1447 Hijriah'),
    holiday('2025-08-17', 'Hari Kemerdekaan Republik Indonesia'),
    cutiBersama('2025-08-18', 'Cuti Bersama Hari Kemerdekaan Republik Indonesia'),
    holiday('2025-09-05', 'Maulid Nabi Muhammad SAW'),
    holiday('2025-12-25', 'Hari Raya Natal'),
    cutiBersama('2025-12-26', 'Cuti Bersama Hari Raya Natal'),
  ],
};

/**
 * A new calendar with extra days off (a regional holiday, a later year's SKB, a one-off
 * declaration) added to `base`. The base is not changed.
 *
 * @example
 * const tanahLaut = extendCalendar(indonesianCalendar, {
 *   name: 'Kabupaten Tanah Laut',
 *   days: [{ date: '2024-12-02', name: 'Hari Jadi Kabupaten', kind: 'holiday' }],
 * })
 */
export function extendCalendar(
  base: HolidayCalendar,
  extra: { name?: string; years?: readonly number[]; days: readonly CalendarDay[] },
): HolidayCalendar {
  const days = extra.days.map((day) => calendarDaySchema.parse(day));
  const years = [...new Set([...base.years, ...(extra.years ?? [])])].sort((a, b) => a - b);
  return { name: extra.name ?? base.name, years, days: [...base.days, ...days] };
}

// ---------------------------------------------------------------------------------------------
// Day numbers: days since 1970-01-01 in the proleptic Gregorian calendar. Integer-only
// (H. Hinnant's civil-date algorithms), so no Date object and no time zone is involved.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalidDate(value: unknown): ValidationError {
  return new ValidationError(
    {
      id: `Tanggal tidak valid: ${String(value)} (format TTTT-BB-HH, mis. 2024-02-14).`,
      en: `Invalid date: ${String(value)} (expected YYYY-MM-DD, e.g. 2024-02-14).`,
    },
    [],
    'INVALID_DATE',
  );
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function toDayNumber(date: IsoDate): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) throw invalidDate(date);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw invalidDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw invalidDate(`day ${dayNumber}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function assertWholeNumber(n: number): void {
  if (!Number.isSafeInteger(n)) {
    throw new ValidationError({
      id: `Jumlah hari harus bilangan bulat: ${n}.`,
      en: `The number of days must be a whole number: ${n}.`,
    });
  }
}

const dayIndex = new WeakMap<HolidayCalendar, Map<IsoDate, CalendarDay>>();

function indexOf(calendar: HolidayCalendar): Map<IsoDate, CalendarDay> {
  let index = dayIndex.get(calendar);
  if (!index) {
    index = new Map();
    // A holiday wins over a cuti bersama on the same date: it is the stronger reason.
    for (const day of calendar.days) {
      const known = index.get(day.date);
      if (!known || (known.kind === 'cuti_bersama' && day.kind === 'holiday')) index.set(day.date, day);
    }
    dayIndex.set(calendar, index);
  }
  return index;
}

// ---------------------------------------------------------------------------------------------

/**
 * Whether `date` is a valid ISO date.
 *
 * @example
 * isIsoDate('2024-02-29') // true
 * isIsoDate('2023-02-29') // false
 */
export function isIsoDate(date: unknown): date is IsoDate {
  return isoDateSchema.safeParse(date).success;
}

/**
 * ISO weekday: 1 = Monday … 7 = Sunday.
 *
 * @example
 * isoWeekday('2024-02-14') // 3 (Wednesday)
 */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Whether `date` falls on a Saturday or Sunday.
 *
 * @example
 * isWeekend('2024-02-10') // true
 */
export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

/**
 * The holiday or cuti bersama on `date`, if any (weekends are not listed).
 *
 * @example
 * dayOff('2024-04-10')?.name // 'Hari Raya Idul Fitri 1445 Hijriah'
 */
export function dayOff(date: IsoDate, calendar: HolidayCalendar = indonesianCalendar): CalendarDay | undefined {
  toDayNumber(date);
  return indexOf(calendar).get(date);
}

/**
 * Monday to Friday and neither a national holiday nor cuti bersama.
 *
 * @example
 * isWorkingDay('2024-02-14') // false: Pemilu voting day
 * isWorkingDay('2024-02-15') // true
 */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar = indonesianCalendar): boolean {
  return !isWeekend(date) && !indexOf(calendar).has(date);
}

/**
 * `date` moved by `n` calendar days (negative goes back).
 *
 * @example
 * addDays('2024-02-28', 2) // '2024-03-01'
 */
export function addDays(date: IsoDate, n: number): IsoDate {
  assertWholeNumber(n);
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * Calendar days from `a` to `b`: positive when `b` is later, 0 on the same day.
 *
 * @example
 * daysBetween('2023-11-28', '2024-02-10') // 74
 */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * The `n`th working day after `date` (`date` itself is not counted, whatever it is), as in
 * "within 14 hari kerja of receipt". `n = 0` returns `date`; a negative `n` counts back.
 *
 * @example
 * addWorkingDays('2024-04-05', 1) // '2024-04-16': Lebaran 2024 holidays and cuti bersama skipped
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: HolidayCalendar = indonesianCalendar): IsoDate {
  assertWholeNumber(n);
  const step = n < 0 ? -1 : 1;
  let dayNumber = toDayNumber(date);
  for (let left = Math.abs(n); left > 0; ) {
    dayNumber += step;
    if (isWorkingDay(fromDayNumber(dayNumber), calendar)) left -= 1;
  }
  return fromDayNumber(dayNumber);
}

/**
 * Working days from `a` to `b`, counted the way `addWorkingDays` counts them: forward, the
 * working days after `a` up to and including `b`; backward (negative), those from `b` up to
 * but excluding `a`. So `workingDaysBetween(a, addWorkingDays(a, n)) === n` for every `n`.
 *
 * @example
 * workingDaysBetween('2024-02-09', '2024-02-16') // 4: Mon 12, Tue 13, Thu 15, Fri 16 (14 Feb is voting day)
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, calendar: HolidayCalendar = indonesianCalendar): number {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  const [first, last, sign] = from <= to ? [from + 1, to, 1] : [to, from - 1, -1];
  let count = 0;
  for (let day = first; day <= last; day++) {
    if (isWorkingDay(fromDayNumber(day), calendar)) count++;
  }
  return sign * count;
}
