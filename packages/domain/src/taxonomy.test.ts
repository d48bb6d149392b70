import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import {
  getProhibitionType,
  isProhibitionCode,
  parentProhibitionCode,
  prohibitionCodeSchema,
  prohibitionFamilyLabels,
  prohibitionFamilySchema,
  prohibitionSubPointCodes,
  prohibitionTypeCodes,
  prohibitionTypeSchema,
  prohibitionTypes,
  regimeLabels,
  regimeSchema,
  regimeSources,
  sanctionLevelFor,
  sanctionLevelLabels,
  sanctionLevelOf,
  sanctionLevelSchema,
  sanctionOverridesSchema,
  sanctionTypeSchema,
  sanctionTypes,
  sanctionTypesOfLevel,
} from './taxonomy';

const byCode = (code: string) => {
  const type = prohibitionTypes.find((t) => t.code === code);
  if (!type) throw new Error(`missing ${code}`);
  return type;
};

describe('prohibition taxonomy', () => {
  it('has the 35 codes of DOMAIN.md, unique and in order', () => {
    const codes = prohibitionTypes.map((t) => t.code);
    expect(codes).toHaveLength(35);
    expect(new Set(codes).size).toBe(35);
    expect(codes).toEqual([...prohibitionTypeCodes]);
    const count = (prefix: string) => codes.filter((c) => c.startsWith(prefix)).length;
    expect([count('KE-'), count('DS-'), count('PP94-5N-'), count('EX-')]).toEqual([7, 13, 7, 8]);
  });

  it('validates against its own schema', () => {
    for (const type of prohibitionTypes) expect(prohibitionTypeSchema.parse(type)).toEqual(type);
  });

  it('puts each code in the regime its prefix names', () => {
    const regimeOf = { KE: 'kode_etik', DS: 'disiplin', PP94: 'pp94', EX: 'extra' } as const;
    for (const type of prohibitionTypes) {
      const prefix = type.code.split('-')[0] as keyof typeof regimeOf;
      expect(type.regime, type.code).toBe(regimeOf[prefix]);
    }
  });

  it('uses the families of DOMAIN.md', () => {
    // biome-ignore format: a table reads better
    const expected: Record<string, string> = {
      'KE-01': 'APK', 'KE-02': 'MEDSOS', 'KE-03': 'HADIR', 'KE-04': 'AKUN', 'KE-05': 'FOTO', 'KE-06': 'IKUT',
      'KE-07': 'PASANGAN', 'DS-01': 'APK', 'DS-02': 'MEDSOS', 'DS-03': 'PENDEKATAN', 'DS-04': 'HADIR',
      'DS-05': 'PARPOL', 'DS-06': 'AKUN', 'DS-07': 'FOTO', 'DS-08': 'KEGIATAN', 'DS-09': 'TIM', 'DS-10': 'TIM',
      'DS-11': 'KTP', 'DS-12': 'KEPUTUSAN', 'DS-13': 'LAIN', 'PP94-5N-1': 'IKUT', 'PP94-5N-2': 'ATRIBUT',
      'PP94-5N-3': 'PENGERAHAN', 'PP94-5N-4': 'FASILITAS', 'PP94-5N-5': 'KEPUTUSAN', 'PP94-5N-6': 'KEGIATAN',
      'PP94-5N-7': 'KTP', 'EX-01': 'NARASUMBER', 'EX-02': 'DEKLARASI_DIRI', 'EX-03': 'FASILITAS',
      'EX-04': 'PENGERAHAN', 'EX-05': 'ATRIBUT', 'EX-06': 'TIM', 'EX-07': 'FOTO', 'EX-08': 'PENDEKATAN',
    };
    expect(Object.fromEntries(prohibitionTypes.map((t) => [t.code, t.family]))).toEqual(expected);
  });

  it('uses every family and labels each in both languages', () => {
    const used = new Set(prohibitionTypes.map((t) => t.family));
    for (const family of prohibitionFamilySchema.options) {
      expect(used.has(family), family).toBe(true);
      expect(prohibitionFamilyLabels[family].id).not.toBe('');
      expect(prohibitionFamilyLabels[family].en).not.toBe('');
    }
  });

  it('labels every regime in both languages', () => {
    for (const regime of regimeSchema.options) {
      expect(regimeLabels[regime].id).not.toBe('');
      expect(regimeLabels[regime].en).not.toBe('');
      expect(regimeSources[regime].basis).not.toBe('');
    }
    expect(regimeLabels.pp94.id).toBe('PP 94/2021');
  });

  it('points every equivalent at an existing code other than itself', () => {
    for (const type of prohibitionTypes) {
      for (const code of type.equivalents) {
        expect(isProhibitionCode(code), `${type.code} → ${code}`).toBe(true);
        expect(parentProhibitionCode(code)).not.toBe(type.code);
      }
    }
    expect(byCode('PP94-5N-1').equivalents).toEqual(['KE-06']);
    expect(byCode('EX-06').equivalents).toEqual(['DS-09', 'DS-10']);
    expect(byCode('EX-07').equivalents).toEqual(['KE-05b', 'DS-07b']);
    expect(byCode('EX-08').equivalents).toEqual(['DS-03a']);
  });

  it('splits KE-05, DS-07 and DS-03 into their lettered sub-points', () => {
    const withSubPoints = prohibitionTypes.filter((t) => t.subPoints.length > 0);
    expect(withSubPoints.map((t) => t.code)).toEqual(['KE-05', 'DS-03', 'DS-07']);
    expect(byCode('KE-05').subPoints.map((s) => s.code)).toEqual(['KE-05a', 'KE-05b', 'KE-05c']);
    expect(byCode('DS-03').subPoints.map((s) => s.code)).toEqual(['DS-03a', 'DS-03b']);
    expect(withSubPoints.flatMap((t) => t.subPoints.map((s) => s.code)).sort()).toEqual(
      [...prohibitionSubPointCodes].sort(),
    );
    for (const type of withSubPoints) {
      for (const sub of type.subPoints) {
        expect(sub.code).toBe(`${type.code}${sub.letter}`);
        expect(type.wording).toContain(`${sub.letter}. ${sub.wording}`);
      }
    }
  });

  it('expands "(…)" to the offices it stands for', () => {
    for (const type of prohibitionTypes) expect(type.wording, type.code).not.toContain('(…)');
    expect(byCode('KE-02').wording).toBe(
      'Sosialisasi/kampanye media sosial/online bakal calon (Presiden/Wakil Presiden/DPR/DPD/DPRD/Gubernur/Wakil Gubernur/Bupati/Wakil Bupati/Wali Kota/Wakil Wali Kota).',
    );
  });

  it('has the default sanction levels of DOMAIN.md', () => {
    for (const type of prohibitionTypes.filter((t) => t.regime === 'kode_etik')) {
      expect(type.defaultSanctionLevel).toBe('moral');
    }
    expect(byCode('DS-05').defaultSanctionLevel).toBe('ptdh');
    expect(byCode('DS-09').defaultSanctionLevel).toBe('sedang');
    expect(byCode('DS-10').defaultSanctionLevel).toBe('berat');
    expect(byCode('DS-13').defaultSanctionLevel).toBeNull();
    expect(byCode('PP94-5N-1').defaultSanctionLevel).toBeNull();
    expect(byCode('PP94-5N-2').defaultSanctionLevel).toBe('sedang');
    for (const code of ['PP94-5N-3', 'PP94-5N-4', 'PP94-5N-5', 'PP94-5N-6', 'PP94-5N-7']) {
      expect(byCode(code).defaultSanctionLevel).toBe('berat');
    }
    for (const type of prohibitionTypes) expect(type.sanctionSource, type.code).not.toBe('');
  });

  it('marks DS-03 and DS-08 as uncertain, with the other level as alternative', () => {
    expect(byCode('DS-03')).toMatchObject({
      defaultSanctionLevel: 'sedang',
      alternativeSanctionLevels: ['berat'],
      sanctionUncertain: true,
    });
    expect(byCode('DS-08')).toMatchObject({
      defaultSanctionLevel: 'berat',
      alternativeSanctionLevels: ['sedang'],
      sanctionUncertain: true,
    });
    for (const type of prohibitionTypes) {
      expect(type.sanctionUncertain, type.code).toBe(type.alternativeSanctionLevels.length > 0);
    }
    const uncertain = prohibitionTypes.filter((t) => t.sanctionUncertain).map((t) => t.code);
    expect(uncertain).toEqual(['DS-03', 'DS-08', 'EX-02', 'EX-06', 'EX-07', 'EX-08']);
  });

  it("gives each EX code its nearest code's level", () => {
    for (const type of prohibitionTypes.filter((t) => t.regime === 'extra')) {
      const [nearest] = type.equivalents;
      if (nearest === undefined) throw new Error(`${type.code} has no nearest code`);
      expect(type.defaultSanctionLevel, type.code).toBe(getProhibitionType(nearest).defaultSanctionLevel);
    }
    expect(byCode('EX-01').defaultSanctionLevel).toBeNull();
    expect(byCode('EX-03').defaultSanctionLevel).toBe('berat');
  });

  it('gives the phase hints of DOMAIN.md', () => {
    const pre = prohibitionTypes.filter((t) => t.phaseHint === 'pre_penetapan').map((t) => t.code);
    const any = prohibitionTypes.filter((t) => t.phaseHint === 'any').map((t) => t.code);
    for (const code of ['KE-01', 'KE-07', 'DS-03', 'DS-09', 'DS-11']) expect(pre).toContain(code);
    for (const code of ['DS-05', 'DS-08', 'DS-12', 'PP94-5N-5', 'PP94-5N-6']) expect(any).toContain(code);
    for (const code of ['DS-01', 'DS-02', 'DS-04', 'DS-06', 'DS-07', 'DS-10']) {
      expect(byCode(code).phaseHint).toBe('post_penetapan');
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(prohibitionTypes)).toBe(true);
    expect(Object.isFrozen(byCode('KE-05').subPoints)).toBe(true);
  });
});

describe('looking up codes', () => {
  it('returns a type with no sub-point for a plain code', () => {
    const type = getProhibitionType('DS-05');
    expect(type.code).toBe('DS-05');
    expect(type.subPoint).toBeNull();
  });

  it('returns the parent with the sub-point for a sub-point code', () => {
    const type = getProhibitionType('KE-05b');
    expect(type.code).toBe('KE-05');
    expect(type.subPoint?.code).toBe('KE-05b');
    expect(type.subPoint?.wording).toMatch(/^tim sukses dengan menunjukkan/);
  });

  it('throws UNKNOWN_PROHIBITION_CODE in both languages for anything else', () => {
    for (const code of ['KE-08', 'KE-05d', 'KE-01a', 'ke-01', '', 'DS-3']) {
      let thrown: unknown;
      try {
        getProhibitionType(code);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, code).toBeInstanceOf(DomainError);
      expect((thrown as DomainError).code).toBe('UNKNOWN_PROHIBITION_CODE');
      expect((thrown as DomainError).text).toEqual({
        id: `Kode larangan tidak dikenal: ${code}`,
        en: `Unknown prohibition code: ${code}`,
      });
    }
  });

  it('isProhibitionCode and prohibitionCodeSchema accept codes and sub-points only', () => {
    expect(isProhibitionCode('PP94-5N-7')).toBe(true);
    expect(isProhibitionCode('DS-07c')).toBe(true);
    expect(isProhibitionCode('DS-07d')).toBe(false);
    expect(prohibitionCodeSchema.parse('EX-08')).toBe('EX-08');
    expect(prohibitionCodeSchema.safeParse('XX-01').error?.issues[0]?.message).toBe(
      'Kode larangan tidak dikenal: XX-01 / Unknown prohibition code: XX-01',
    );
  });

  it('parentProhibitionCode strips the sub-point letter only', () => {
    expect(parentProhibitionCode('DS-03a')).toBe('DS-03');
    expect(parentProhibitionCode('PP94-5N-3')).toBe('PP94-5N-3');
  });
});

describe('sanction overrides', () => {
  it('accepts levels keyed by type codes', () => {
    expect(sanctionOverridesSchema.parse({ 'DS-03': 'berat', 'PP94-5N-1': 'sedang' })).toEqual({
      'DS-03': 'berat',
      'PP94-5N-1': 'sedang',
    });
  });

  it('refuses unknown codes, sub-point codes and unknown levels', () => {
    expect(sanctionOverridesSchema.safeParse({ 'XX-01': 'berat' }).error?.issues[0]?.message).toContain(
      'Unknown prohibition code (use codes without sub-point): XX-01',
    );
    expect(sanctionOverridesSchema.safeParse({ 'KE-05a': 'berat' }).success).toBe(false);
    expect(sanctionOverridesSchema.safeParse({ 'DS-03': 'fatal' }).error?.issues[0]?.message).toBe(
      'Tingkat sanksi tidak dikenal / Unknown sanction level',
    );
  });

  it('sanctionLevelFor returns the default without overrides', () => {
    expect(sanctionLevelFor('DS-03')).toBe('sedang');
    expect(sanctionLevelFor('DS-13')).toBeNull();
    expect(sanctionLevelFor('KE-05c')).toBe('moral');
  });

  it('sanctionLevelFor applies an override, also to sub-points', () => {
    const overrides = sanctionOverridesSchema.parse({ 'DS-03': 'berat', 'DS-13': 'ringan' });
    expect(sanctionLevelFor('DS-03', overrides)).toBe('berat');
    expect(sanctionLevelFor('DS-03b', overrides)).toBe('berat');
    expect(sanctionLevelFor('DS-13', overrides)).toBe('ringan');
    expect(sanctionLevelFor('DS-08', overrides)).toBe('berat');
  });

  it('lets EX codes follow an override of their nearest code unless overridden themselves', () => {
    expect(sanctionLevelFor('EX-02', { 'DS-03': 'berat' })).toBe('berat');
    expect(sanctionLevelFor('EX-08', { 'DS-03': 'berat' })).toBe('berat');
    expect(sanctionLevelFor('EX-07', { 'KE-05': 'ringan' })).toBe('ringan');
    expect(sanctionLevelFor('EX-02', { 'DS-03': 'berat', 'EX-02': 'ringan' })).toBe('ringan');
  });

  it('throws on unknown codes', () => {
    expect(() => sanctionLevelFor('XX-01')).toThrow(DomainError);
  });
});

describe('sanction catalogue', () => {
  it('describes every sanction type', () => {
    for (const type of sanctionTypeSchema.options) {
      const info = sanctionTypes[type];
      expect(info.type).toBe(type);
      expect(info.basis).not.toBe('');
      expect(info.label.id).not.toBe('');
      expect(info.label.en).not.toBe('');
      expect(info.appliesTo.length).toBeGreaterThan(0);
    }
  });

  it('derives levels consistent with the type names', () => {
    const expectedLevel = (type: string) =>
      type.startsWith('MORAL_')
        ? 'moral'
        : type.startsWith('RINGAN_')
          ? 'ringan'
          : type.startsWith('SEDANG_')
            ? 'sedang'
            : type.startsWith('BERAT_')
              ? 'berat'
              : type === 'PTDH'
                ? 'ptdh'
                : 'other';
    for (const type of sanctionTypeSchema.options) expect(sanctionLevelOf(type), type).toBe(expectedLevel(type));
  });

  it('labels in Indonesian as DOMAIN.md words them', () => {
    expect(sanctionTypes.SEDANG_TUKIN25_6.label.id).toBe('Pemotongan tunjangan kinerja 25% selama 6 bulan');
    expect(sanctionTypes.BERAT_PDH_TAPS.label.id).toBe(
      'Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS',
    );
    expect(sanctionTypes.PTDH.basis).toBe('UU 5/2014 Pasal 87 ayat (4) huruf c');
  });

  it('lists the types of a level, mildest first', () => {
    expect(sanctionTypesOfLevel('ringan')).toEqual(['RINGAN_LISAN', 'RINGAN_TERTULIS', 'RINGAN_TIDAK_PUAS']);
    expect(sanctionTypesOfLevel('ptdh')).toEqual(['PTDH']);
  });

  it('labels every level in both languages', () => {
    for (const level of sanctionLevelSchema.options) {
      expect(sanctionLevelLabels[level].id).not.toBe('');
      expect(sanctionLevelLabels[level].en).not.toBe('');
    }
  });
});
