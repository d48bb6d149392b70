import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors';
import type { NipErrorCode, NipResult } from './nip';
import { assertNip, createNipSchema, formatNip, nipSchema, normalizeNip, parseNip } from './nip';

function codes(result: NipResult): NipErrorCode[] {
  return result.ok ? [] : result.errors.map((e) => e.code);
}

describe('parseNip', () => {
  it('decodes a NIP typed with spaces', () => {
    expect(parseNip('19800101 200501 1 001')).toEqual({
      ok: true,
      nip: '198001012005011001',
      birthDate: '1980-01-01',
      appointment: '2005-01',
      gender: 'male',
      sequence: 1,
    });
  });

  it('accepts dots, hyphens and surrounding blanks, and reads gender 2 as female', () => {
    const result = parseNip(' 19851231.201003.2.017 ');
    expect(result).toMatchObject({ ok: true, birthDate: '1985-12-31', appointment: '2010-03', gender: 'female' });
    expect(parseNip('19851231-201003-2-017')).toMatchObject({ ok: true, sequence: 17 });
  });

  it('reports an empty input', () => {
    expect(codes(parseNip(' '))).toEqual(['EMPTY']);
  });

  it('reports a wrong length in both languages', () => {
    const result = parseNip('19800101 200501 1 01');
    expect(codes(result)).toEqual(['LENGTH']);
    if (result.ok) throw new Error('expected failure');
    expect(result.errors[0]?.message.id).toContain('NIP harus 18 digit');
    expect(result.errors[0]?.message.en).toContain('NIP must be 18 digits');
  });

  it('reports characters other than digits', () => {
    expect(codes(parseNip('1980O1012005011001'))).toEqual(['NON_DIGIT']);
    expect(codes(parseNip('1980O10120050110'))).toEqual(['NON_DIGIT', 'LENGTH']);
  });

  it('refuses impossible birth dates', () => {
    expect(codes(parseNip('199902312020011001'))).toEqual(['INVALID_BIRTH_DATE']); // 31 February
    expect(codes(parseNip('199913012020011001'))).toEqual(['INVALID_BIRTH_DATE']); // month 13
    expect(codes(parseNip('190002291930011001'))).toEqual(['INVALID_BIRTH_DATE']); // 1900 is not a leap year
    expect(codes(parseNip('180001011830011001'))).toEqual(['INVALID_BIRTH_DATE']); // before 1900
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseNip('200002292020011001')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
  });

  it('refuses appointment months outside 01–12', () => {
    expect(codes(parseNip('198001012005131001'))).toEqual(['INVALID_APPOINTMENT_MONTH']);
    expect(codes(parseNip('198001012005001001'))).toEqual(['INVALID_APPOINTMENT_MONTH']);
  });

  it('refuses an appointment before birth', () => {
    expect(codes(parseNip('198001011979121001'))).toEqual(['APPOINTMENT_BEFORE_BIRTH']);
  });

  it('refuses an appointment before the age of 18, to the month', () => {
    expect(codes(parseNip('198006151990011001'))).toEqual(['APPOINTMENT_UNDERAGE']); // 9 years old
    expect(codes(parseNip('198006151998051001'))).toEqual(['APPOINTMENT_UNDERAGE']); // 17 years 11 months
    expect(parseNip('198006151998061001').ok).toBe(true); // the month of the 18th birthday
    expect(parseNip('198006151998051001', { minAppointmentAge: 17 }).ok).toBe(true);
  });

  it('refuses an appointment or birth in the future only when given today', () => {
    expect(parseNip('200001012030011001').ok).toBe(true);
    expect(codes(parseNip('200001012030011001', { today: '2024-06-01' }))).toEqual(['APPOINTMENT_IN_FUTURE']);
    expect(parseNip('200001012024061001', { today: '2024-06-01' }).ok).toBe(true); // this month is not the future
    expect(codes(parseNip('203001012050011001', { today: '2024-06-01' }))).toEqual([
      'BIRTH_DATE_IN_FUTURE',
      'APPOINTMENT_IN_FUTURE',
    ]);
  });

  it('refuses gender digits other than 1 and 2', () => {
    expect(codes(parseNip('198001012005013001'))).toEqual(['INVALID_GENDER']);
    expect(codes(parseNip('198001012005010001'))).toEqual(['INVALID_GENDER']);
  });

  it('refuses sequence 000', () => {
    expect(codes(parseNip('198001012005011000'))).toEqual(['INVALID_SEQUENCE']);
  });

  it('lists every problem at once', () => {
    const result = parseNip('19990231 200513 3 000');
    expect(codes(result)).toEqual([
      'INVALID_BIRTH_DATE',
      'INVALID_APPOINTMENT_MONTH',
      'INVALID_GENDER',
      'INVALID_SEQUENCE',
    ]);
    if (result.ok) throw new Error('expected failure');
    for (const e of result.errors) {
      expect(e.message.id.length).toBeGreaterThan(0);
      expect(e.message.en.length).toBeGreaterThan(0);
    }
  });

  it('decodes every well-formed NIP it is given and round-trips through formatNip', () => {
    const nipArb = fc
      .record({
        birth: fc.date({
          min: new Date(Date.UTC(1940, 0, 1)),
          max: new Date(Date.UTC(2004, 11, 31)),
          noInvalidDate: true,
        }),
        yearsLater: fc.integer({ min: 18, max: 40 }),
        month: fc.integer({ min: 1, max: 12 }),
        gender: fc.constantFrom('1', '2'),
        sequence: fc.integer({ min: 1, max: 999 }),
      })
      .map(({ birth, yearsLater, month, gender, sequence }) => {
        const birthDate = birth.toISOString().slice(0, 10);
        const appointmentYear = birth.getUTCFullYear() + yearsLater + 1;
        const appointment = `${appointmentYear}-${String(month).padStart(2, '0')}`;
        const nip = `${birthDate.replaceAll('-', '')}${appointment.replace('-', '')}${gender}${String(sequence).padStart(3, '0')}`;
        return { nip, birthDate, appointment, gender, sequence };
      });
    fc.assert(
      fc.property(nipArb, ({ nip, birthDate, appointment, gender, sequence }) => {
        const result = parseNip(formatNip(nip));
        expect(result).toEqual({
          ok: true,
          nip,
          birthDate,
          appointment,
          gender: gender === '1' ? 'male' : 'female',
          sequence,
        });
      }),
    );
  });
});

describe('assertNip', () => {
  it('returns the decoded NIP', () => {
    expect(assertNip('19800101 200501 1 001').nip).toBe('198001012005011001');
  });

  it('throws a ValidationError with code INVALID_NIP and one issue per problem', () => {
    let thrown: unknown;
    try {
      assertNip('199902312005011000');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    const error = thrown as ValidationError;
    expect(error.code).toBe('INVALID_NIP');
    expect(error.text.id).toMatch(/^NIP tidak valid: /);
    expect(error.text.en).toMatch(/^Invalid NIP: /);
    expect(error.issues.map((i) => i.path)).toEqual(['nip', 'nip']);
  });
});

describe('formatNip', () => {
  it('groups the 18 digits as printed under signatures', () => {
    expect(formatNip('198001012005011001')).toBe('19800101 200501 1 001');
    expect(formatNip('19800101.200501.1.001')).toBe('19800101 200501 1 001');
  });

  it('leaves anything else as it was, trimmed', () => {
    expect(formatNip(' 12345 ')).toBe('12345');
  });

  it('normalizeNip removes separators only', () => {
    expect(normalizeNip('1980 01.01-x')).toBe('19800101x');
  });
});

describe('nipSchema', () => {
  it('outputs the digits', () => {
    expect(nipSchema.parse('19800101 200501 1 001')).toBe('198001012005011001');
  });

  it('gives bilingual messages with the NIP error code in params', () => {
    const result = nipSchema.safeParse('1980010120050110');
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.message).toBe('NIP harus 18 digit (tertulis 16) / NIP must be 18 digits (got 16)');
    expect(issue?.code === 'custom' && issue.params?.nipError).toBe('LENGTH');
  });

  it('refuses non-strings with a readable message', () => {
    expect(nipSchema.safeParse(12345).error?.issues[0]?.message).toBe('NIP harus berupa teks / NIP must be a string');
  });

  it('checks the future against the reference date it was created with', () => {
    const schema = createNipSchema({ today: '2024-06-01' });
    expect(schema.safeParse('200001012030011001').success).toBe(false);
    expect(nipSchema.safeParse('200001012030011001').success).toBe(true);
  });
});
