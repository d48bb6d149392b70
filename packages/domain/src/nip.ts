/**
 * NIP (Nomor Induk Pegawai), the 18-digit number of a PNS: `YYYYMMDD YYYYMM G NNN` =
 * birth date, appointment year-month (TMT CPNS), gender digit, sequence (DOMAIN.md §1).
 * PPPK numbers follow other rules and are not covered here.
 */
import { z } from 'zod';
import type { LocalizedText } from './errors';
import { ValidationError } from './errors';

/** Why a NIP was refused; stable so forms and imports can branch on it. */
export const nipErrorCodes = [
  'EMPTY',
  'NON_DIGIT',
  'LENGTH',
  'INVALID_BIRTH_DATE',
  'BIRTH_DATE_IN_FUTURE',
  'INVALID_APPOINTMENT_MONTH',
  'APPOINTMENT_BEFORE_BIRTH',
  'APPOINTMENT_UNDERAGE',
  'APPOINTMENT_IN_FUTURE',
  'INVALID_GENDER',
  'INVALID_SEQUENCE',
] as const;
export type NipErrorCode = (typeof nipErrorCodes)[number];

export interface NipError {
  code: NipErrorCode;
  message: LocalizedText;
}

/** Jenis kelamin as encoded by the 15th digit. */
export type NipGender = 'male' | 'female';

export interface ParsedNip {
  ok: true;
  /** The 18 digits, separators removed. */
  nip: string;
  /** Tanggal lahir, `YYYY-MM-DD`. */
  birthDate: string;
  /** TMT CPNS, `YYYY-MM`. */
  appointment: string;
  gender: NipGender;
  /** Nomor urut, 1–999. */
  sequence: number;
}

export interface InvalidNip {
  ok: false;
  errors: NipError[];
}

export type NipResult = ParsedNip | InvalidNip;

export interface NipOptions {
  /**
   * Reference date `YYYY-MM-DD` for the "not in the future" checks. Left out, those checks
   * are skipped: the domain never reads the clock, so results stay reproducible.
   */
  today?: string;
  /** Lowest age at appointment, in whole years; the civil-service law sets 18. */
  minAppointmentAge?: number;
}

/** The earliest year accepted for a birth date; older digits are typing errors, not people. */
const EARLIEST_BIRTH_YEAR = 1900;

/** People write NIPs grouped with spaces, dots or hyphens; none of them carry meaning. */
const SEPARATORS = /[\s.-]+/g;

/**
 * Removes the separators people type inside a NIP.
 *
 * @example normalizeNip('19800101 200501 1 001') // '198001012005011001'
 */
export function normalizeNip(input: string): string {
  return input.replace(SEPARATORS, '');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function error(code: NipErrorCode, id: string, en: string): NipError {
  return { code, message: { id, en } };
}

/**
 * Checks a NIP and decodes its parts, listing every problem rather than the first one so a
 * form can show them all at once.
 *
 * @example
 * parseNip('19800101 200501 1 001')
 * // { ok: true, nip: '198001012005011001', birthDate: '1980-01-01', appointment: '2005-01',
 * //   gender: 'male', sequence: 1 }
 * parseNip('199902312020011001').ok // false: 31 February
 */
export function parseNip(input: string, options: NipOptions = {}): NipResult {
  const nip = normalizeNip(input);
  if (nip.length === 0) {
    return { ok: false, errors: [error('EMPTY', 'NIP wajib diisi', 'NIP is required')] };
  }

  const errors: NipError[] = [];
  if (!/^\d*$/.test(nip)) {
    errors.push(error('NON_DIGIT', 'NIP hanya boleh berisi angka', 'NIP may contain digits only'));
  }
  if (nip.length !== 18) {
    errors.push(
      error('LENGTH', `NIP harus 18 digit (tertulis ${nip.length})`, `NIP must be 18 digits (got ${nip.length})`),
    );
  }
  // The fields sit at fixed positions, so with a wrong length or stray characters they mean nothing.
  if (errors.length > 0) return { ok: false, errors };

  const num = (from: number, to: number) => Number(nip.slice(from, to));
  const birthYear = num(0, 4);
  const birthMonth = num(4, 6);
  const birthDay = num(6, 8);
  const appointmentYear = num(8, 12);
  const appointmentMonth = num(12, 14);
  const genderDigit = nip.charAt(14);
  const sequence = num(15, 18);

  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  const appointment = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;

  const birthValid = birthYear >= EARLIEST_BIRTH_YEAR && isValidDate(birthYear, birthMonth, birthDay);
  if (!birthValid) {
    errors.push(
      error(
        'INVALID_BIRTH_DATE',
        `Tanggal lahir pada NIP (${birthDate}) tidak valid`,
        `The birth date in the NIP (${birthDate}) is not a valid date`,
      ),
    );
  }

  const appointmentValid = appointmentMonth >= 1 && appointmentMonth <= 12;
  if (!appointmentValid) {
    errors.push(
      error(
        'INVALID_APPOINTMENT_MONTH',
        `Bulan TMT CPNS pada NIP (${pad(appointmentMonth, 2)}) harus 01–12`,
        `The appointment month in the NIP (${pad(appointmentMonth, 2)}) must be 01–12`,
      ),
    );
  }

  if (birthValid && appointmentValid) {
    // Months since year 0 compare year-months without building Date objects (no time zones).
    const birthMonths = birthYear * 12 + birthMonth;
    const appointmentMonths = appointmentYear * 12 + appointmentMonth;
    const minAge = options.minAppointmentAge ?? 18;
    if (appointmentMonths < birthMonths) {
      errors.push(
        error(
          'APPOINTMENT_BEFORE_BIRTH',
          `TMT CPNS (${appointment}) lebih awal dari tanggal lahir (${birthDate})`,
          `The appointment (${appointment}) is before the birth date (${birthDate})`,
        ),
      );
    } else if (appointmentMonths - birthMonths < minAge * 12) {
      // Month precision on purpose: TMT has no day, so an 18th birthday within the month passes.
      errors.push(
        error(
          'APPOINTMENT_UNDERAGE',
          `TMT CPNS (${appointment}) sebelum usia ${minAge} tahun`,
          `The appointment (${appointment}) is before the age of ${minAge}`,
        ),
      );
    }
  }

  if (options.today !== undefined) {
    const today = options.today;
    if (birthValid && birthDate > today) {
      errors.push(
        error(
          'BIRTH_DATE_IN_FUTURE',
          `Tanggal lahir pada NIP (${birthDate}) melewati hari ini`,
          `The birth date in the NIP (${birthDate}) is in the future`,
        ),
      );
    }
    if (appointmentValid && appointment > today.slice(0, 7)) {
      errors.push(
        error(
          'APPOINTMENT_IN_FUTURE',
          `TMT CPNS pada NIP (${appointment}) melewati bulan ini`,
          `The appointment in the NIP (${appointment}) is in the future`,
        ),
      );
    }
  }

  if (genderDigit !== '1' && genderDigit !== '2') {
    errors.push(
      error(
        'INVALID_GENDER',
        `Digit jenis kelamin pada NIP harus 1 (laki-laki) atau 2 (perempuan), tertulis ${genderDigit}`,
        `The gender digit of the NIP must be 1 (male) or 2 (female), got ${genderDigit}`,
      ),
    );
  }

  if (sequence === 0) {
    errors.push(error('INVALID_SEQUENCE', 'Nomor urut pada NIP tidak boleh 000', 'The NIP sequence cannot be 000'));
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    nip,
    birthDate,
    appointment,
    gender: genderDigit === '1' ? 'male' : 'female',
    sequence,
  };
}

/**
 * Like {@link parseNip} but throws a `ValidationError` (code `INVALID_NIP`) listing every problem.
 *
 * @example assertNip('19800101 200501 1 001').birthDate // '1980-01-01'
 */
export function assertNip(input: string, options: NipOptions = {}): ParsedNip {
  const result = parseNip(input, options);
  if (result.ok) return result;
  throw new ValidationError(
    {
      id: `NIP tidak valid: ${result.errors.map((e) => e.message.id).join('; ')}`,
      en: `Invalid NIP: ${result.errors.map((e) => e.message.en).join('; ')}`,
    },
    result.errors.map((e) => ({ path: 'nip', text: e.message })),
    'INVALID_NIP',
  );
}

/**
 * Groups a NIP the way it is printed under signatures. Anything that is not 18 digits after
 * removing separators is returned trimmed but otherwise untouched, so legacy data still displays.
 *
 * @example formatNip('198001012005011001') // '19800101 200501 1 001'
 */
export function formatNip(input: string): string {
  const nip = normalizeNip(input);
  if (!/^\d{18}$/.test(nip)) return input.trim();
  return `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
}

/**
 * A zod schema for a NIP: accepts the grouped forms people type, outputs the 18 digits, and
 * reports each problem as its own issue with the message "Indonesian / English" and, in
 * `params`, the `nipError` code and the `text` in both languages.
 *
 * @example createNipSchema({ today: '2024-06-01' }).parse('19800101 200501 1 001') // '198001012005011001'
 */
export function createNipSchema(options: NipOptions = {}) {
  return z
    .string({ error: 'NIP harus berupa teks / NIP must be a string' })
    .overwrite(normalizeNip)
    .superRefine((value, ctx) => {
      const result = parseNip(value, options);
      if (result.ok) return;
      for (const e of result.errors) {
        ctx.addIssue({
          code: 'custom',
          message: `${e.message.id} / ${e.message.en}`,
          params: { nipError: e.code, text: e.message },
        });
      }
    });
}

/**
 * NIP without the "not in the future" checks (no reference date).
 *
 * @example nipSchema.safeParse('1980010120050110').success // false: "NIP harus 18 digit (tertulis 16) / …"
 */
export const nipSchema = createNipSchema();
