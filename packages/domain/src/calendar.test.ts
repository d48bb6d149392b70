import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingDays,
  calendarDaySchema,
  dayOff,
  daysBetween,
  extendCalendar,
  holidayCalendarSchema,
  indonesianCalendar,
  isIsoDate,
  isoWeekday,
  isWeekend,
  isWorkingDay,
  workingDaysBetween,
} from './calendar';
import { ValidationError } from './errors';

const countOf = (year: number, kind: 'holiday' | 'cuti_bersama') =>
  indonesianCalendar.days.filter((d) => d.date.startsWith(`${year}-`) && d.kind === kind).length;

/** Any date from 2022 to 2026, the years around the data. */
const dateArb = fc.integer({ min: 0, max: 365 * 5 }).map((n) => addDays('2022-01-01', n));

describe('holiday data', () => {
  it('is valid and has one entry per date', () => {
    expect(holidayCalendarSchema.safeParse(indonesianCalendar).success).toBe(true);
    const dates = indonesianCalendar.days.map((d) => d.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const day of indonesianCalendar.days) expect(calendarDaySchema.safeParse(day).success).toBe(true);
  });

  it('covers 2023–2025 with the SKB counts (2024 adds both voting days; 2025 adds 18 August)', () => {
    expect(indonesianCalendar.years).toEqual([2023, 2024, 2025]);
    expect([countOf(2023, 'holiday'), countOf(2023, 'cuti_bersama')]).toEqual([16, 11]);
    expect([countOf(2024, 'holiday'), countOf(2024, 'cuti_bersama')]).toEqual([19, 10]);
    expect([countOf(2025, 'holiday'), countOf(2025, 'cuti_bersama')]).toEqual([17, 11]);
  });

  it.each([
    ['2024-02-14', 'holiday', 'Pemilihan Umum'],
    ['2024-11-27', 'holiday', 'Pemilihan Serentak'],
    ['2024-04-10', 'holiday', 'Idul Fitri 1445'],
    ['2024-04-15', 'cuti_bersama', 'Idul Fitri 1445'],
    ['2023-04-19', 'cuti_bersama', 'Idul Fitri 1444'],
    ['2023-06-28', 'cuti_bersama', 'Idul Adha 1444'],
    ['2023-06-30', 'cuti_bersama', 'Idul Adha 1444'],
    ['2024-03-31', 'holiday', 'Paskah'],
    ['2025-03-29', 'holiday', 'Nyepi'],
    ['2025-06-06', 'holiday', 'Idul Adha 1446'],
    ['2025-08-18', 'cuti_bersama', 'Kemerdekaan'],
    ['2025-12-26', 'cuti_bersama', 'Natal'],
  ] as const)('%s is a %s (%s)', (date, kind, name) => {
    const day = dayOff(date);
    expect(day?.kind).toBe(kind);
    expect(day?.name).toContain(name);
    expect(isWorkingDay(date)).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it('is false on weekends, true on ordinary weekdays', () => {
    expect(isWorkingDay('2024-02-10')).toBe(false); // Saturday (and Imlek)
    expect(isWorkingDay('2024-02-11')).toBe(false); // Sunday
    expect(isWorkingDay('2024-02-12')).toBe(true);
    expect(isWorkingDay('2024-02-15')).toBe(true); // day after Pemilu
    expect(isWorkingDay('2024-04-16')).toBe(true); // first day back after Lebaran 2024
  });

  it('knows only weekends outside the data years (the documented limitation)', () => {
    expect(isWorkingDay('2026-01-01')).toBe(true); // New Year 2026, a Thursday: no data
    expect(isWorkingDay('2022-12-26')).toBe(true);
    expect(isWorkingDay('2026-01-03')).toBe(false); // Saturday
  });

  it('takes a deployment calendar with extra days', () => {
    const regency = extendCalendar(indonesianCalendar, {
      name: 'Kabupaten Contoh',
      years: [2026],
      days: [{ date: '2024-12-02', name: 'Hari Jadi Kabupaten', kind: 'holiday' }],
    });
    expect(isWorkingDay('2024-12-02')).toBe(true);
    expect(isWorkingDay('2024-12-02', regency)).toBe(false);
    expect(regency.years).toEqual([2023, 2024, 2025, 2026]);
    expect(indonesianCalendar.days).not.toContainEqual(expect.objectContaining({ date: '2024-12-02' }));
    expect(addWorkingDays('2024-11-29', 1, regency)).toBe('2024-12-03');
  });

  it('lets a holiday win over a cuti bersama on the same date', () => {
    const both = extendCalendar(indonesianCalendar, {
      days: [{ date: '2024-12-26', name: 'Libur daerah', kind: 'holiday' }],
    });
    expect(dayOff('2024-12-26', both)?.kind).toBe('holiday');
  });
});

describe('date arithmetic', () => {
  it.each([
    ['2023-12-31', 1, '2024-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', -1, '2023-12-31'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2024-06-15', 0, '2024-06-15'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
  ] as const)('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it('knows weekdays', () => {
    expect(isoWeekday('2024-02-14')).toBe(3);
    expect(isoWeekday('1970-01-01')).toBe(4);
    expect(isoWeekday('2023-12-31')).toBe(7);
    expect(isWeekend('2023-12-31')).toBe(true);
    expect(isWeekend('2024-01-01')).toBe(false);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '24-01-01', '2024-1-1', '2024-01-01T00:00:00Z', ''])(
    'refuses the invalid date %j',
    (bad) => {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => addDays(bad, 1)).toThrowError(ValidationError);
      try {
        isWorkingDay(bad);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).code).toBe('INVALID_DATE');
        expect((error as ValidationError).text.id).toContain(bad);
      }
    },
  );

  it('refuses fractional day counts', () => {
    expect(() => addDays('2024-01-01', 1.5)).toThrowError(ValidationError);
    expect(() => addWorkingDays('2024-01-01', Number.NaN)).toThrowError(ValidationError);
  });

  it('agrees with the UTC Date of the test runner', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 2_000_000 }), (n) => {
        const date = addDays('1970-01-01', n);
        const reference = new Date(n * 86_400_000);
        expect(date).toBe(reference.toISOString().slice(0, 10));
        expect(isoWeekday(date)).toBe(reference.getUTCDay() === 0 ? 7 : reference.getUTCDay());
      }),
    );
  });
});

describe('working days', () => {
  it.each([
    // Friday before Lebaran 2024: 8–9 cuti bersama, 10–11 Idul Fitri, 12 and 15 cuti bersama.
    ['2024-04-05', 1, '2024-04-16'],
    ['2024-04-05', 14, '2024-05-06'],
    // Across the year boundary: Natal, cuti bersama, weekend, then New Year.
    ['2023-12-22', 2, '2023-12-28'],
    ['2024-12-24', 1, '2024-12-27'],
    ['2024-12-27', 1, '2024-12-30'],
    ['2024-12-31', 1, '2025-01-02'],
    // From a weekend or holiday the first working day after counts as one.
    ['2024-02-10', 1, '2024-02-12'],
    ['2024-02-13', 1, '2024-02-15'],
    ['2024-04-16', -1, '2024-04-05'],
    ['2025-01-02', -1, '2024-12-31'],
    ['2024-06-15', 0, '2024-06-15'],
  ] as const)('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(addWorkingDays(date, n)).toBe(expected);
    expect(workingDaysBetween(date, expected)).toBe(n);
  });

  it('counts between dates', () => {
    expect(workingDaysBetween('2024-02-09', '2024-02-16')).toBe(4);
    // Backward counts [9, 16): 9 Feb is cuti bersama Imlek, so Mon 12, Tue 13, Thu 15.
    expect(workingDaysBetween('2024-02-16', '2024-02-09')).toBe(-3);
    expect(addWorkingDays('2024-02-16', -3)).toBe('2024-02-12');
    expect(workingDaysBetween('2024-02-09', '2024-02-09')).toBe(0);
    expect(workingDaysBetween('2024-04-05', '2024-04-15')).toBe(0);
  });

  it('gives 238 working days in 2024 (262 weekdays − 14 weekday holidays − 10 cuti bersama)', () => {
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(238);
  });

  it('inverts addWorkingDays and lands on working days', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -80, max: 80 }), (date, n) => {
        const moved = addWorkingDays(date, n);
        expect(workingDaysBetween(date, moved)).toBe(n);
        if (n !== 0) expect(isWorkingDay(moved)).toBe(true);
        expect(Math.sign(daysBetween(date, moved))).toBe(Math.sign(n));
      }),
    );
  });

  it('never counts more working days than calendar days', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(workingDaysBetween(a, b)).toBeLessThanOrEqual(daysBetween(a, b));
        // Forward counts (a, b], backward counts [a, b): they differ only by the two ends.
        const ends = (isWorkingDay(b) ? 1 : 0) - (isWorkingDay(a) ? 1 : 0);
        expect(workingDaysBetween(a, b)).toBe(-workingDaysBetween(b, a) + ends);
      }),
    );
  });

  it('orders ISO dates as strings', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (a, b) => {
        expect(a < b).toBe(daysBetween(a, b) > 0);
      }),
    );
  });
});
