/**
 * The national taxonomy of prohibited acts (DOMAIN.md §3) and the sanctions (§4), as data.
 *
 * Codes are written exactly as in DOMAIN.md. Sanction levels are defaults: sources disagree on
 * some of them, so a deployment may override them (`sanctionOverridesSchema`).
 */
import { z } from 'zod';
import type { LocalizedText } from './errors';
import { DomainError } from './errors';

/** Tingkat sanksi. */
export const sanctionLevelSchema = z.enum(['moral', 'ringan', 'sedang', 'berat', 'ptdh', 'other'], {
  error: 'Tingkat sanksi tidak dikenal / Unknown sanction level',
});
export type SanctionLevel = z.infer<typeof sanctionLevelSchema>;

/** Jenis sanksi / hukuman disiplin (DOMAIN.md §4). */
export const sanctionTypeSchema = z.enum(
  [
    'MORAL_TERTUTUP',
    'MORAL_TERBUKA',
    'RINGAN_LISAN',
    'RINGAN_TERTULIS',
    'RINGAN_TIDAK_PUAS',
    'SEDANG_TUKIN25_6',
    'SEDANG_TUKIN25_9',
    'SEDANG_TUKIN25_12',
    'BERAT_TURUN_JABATAN_12',
    'BERAT_BEBAS_JABATAN_12',
    'BERAT_PDH_TAPS',
    'PTDH',
    'PPPK_LAIN',
    'PPNPN_PHK',
    'PPNPN_LAIN',
  ],
  { error: 'Jenis sanksi tidak dikenal / Unknown sanction type' },
);
export type SanctionType = z.infer<typeof sanctionTypeSchema>;

// ---------------------------------------------------------------------------------------------
// Regimes and families
// ---------------------------------------------------------------------------------------------

/** The list a prohibition comes from: SKB kode etik, SKB disiplin, PP 94/2021 Pasal 5 huruf n, or older lists. */
export const regimeSchema = z.enum(['kode_etik', 'disiplin', 'pp94', 'extra']);
export type Regime = z.infer<typeof regimeSchema>;

export const regimeLabels: Record<Regime, LocalizedText> = {
  kode_etik: { id: 'Kode etik', en: 'Code of ethics' },
  disiplin: { id: 'Disiplin', en: 'Discipline' },
  pp94: { id: 'PP 94/2021', en: 'PP 94/2021 (discipline regulation)' },
  extra: { id: 'Lainnya', en: 'Other (older lists)' },
};

/** Where each list is published, and the sentence that introduces it in the source. */
export const regimeSources: Record<Regime, { basis: string; leadIn: string | null }> = {
  kode_etik: {
    basis: 'SKB 2022, Lampiran "Bentuk Pelanggaran dan Jenis Sanksi" (kode etik, PP 42/2004)',
    leadIn: null,
  },
  disiplin: {
    basis: 'SKB 2022, Lampiran "Bentuk Pelanggaran dan Jenis Sanksi" (disiplin, PP 94/2021)',
    leadIn: null,
  },
  pp94: {
    basis: 'PP 94/2021 Pasal 5 huruf n',
    leadIn:
      'PNS dilarang memberikan dukungan kepada calon Presiden/Wakil Presiden, calon Kepala Daerah/Wakil Kepala Daerah, calon anggota DPR/DPD/DPRD dengan cara:',
  },
  extra: { basis: 'Surat MenPANRB 2017, SKB 2020 (older 13–16-item lists)', leadIn: null },
};

/** Rumpun perbuatan: the act family, so bakal-calon and calon variants chart together. */
export const prohibitionFamilySchema = z.enum([
  'APK',
  'MEDSOS',
  'HADIR',
  'AKUN',
  'FOTO',
  'IKUT',
  'PASANGAN',
  'PENDEKATAN',
  'PARPOL',
  'KEGIATAN',
  'TIM',
  'KTP',
  'KEPUTUSAN',
  'LAIN',
  'ATRIBUT',
  'PENGERAHAN',
  'FASILITAS',
  'NARASUMBER',
  'DEKLARASI_DIRI',
]);
export type ProhibitionFamily = z.infer<typeof prohibitionFamilySchema>;

export const prohibitionFamilyLabels: Record<ProhibitionFamily, LocalizedText> = {
  APK: { id: 'Memasang alat peraga (spanduk/baliho)', en: 'Putting up campaign props (banners, billboards)' },
  MEDSOS: { id: 'Kampanye media sosial/online', en: 'Social-media or online campaigning' },
  HADIR: { id: 'Menghadiri deklarasi/kampanye', en: 'Attending declarations or campaign events' },
  AKUN: { id: 'Interaksi dengan akun/grup pemenangan', en: 'Engaging with winning-team accounts or groups' },
  FOTO: { id: 'Foto bersama/simbol keberpihakan', en: 'Partisan photos and gestures' },
  IKUT: { id: 'Ikut kegiatan kampanye/sosialisasi', en: 'Joining campaign or promotion events' },
  PASANGAN: { id: 'Kampanye suami/istri tanpa CLTN', en: "Spouse's campaign without unpaid leave (CLTN)" },
  PENDEKATAN: { id: 'Pendekatan ke partai politik/masyarakat', en: 'Seeking nomination from parties or voters' },
  PARPOL: { id: 'Anggota/pengurus partai politik', en: 'Party membership or office' },
  KEGIATAN: { id: 'Kegiatan yang mengarah keberpihakan', en: 'Partisan meetings, calls or gifts' },
  TIM: { id: 'Tim pemenangan/kampanye', en: 'Campaign or winning team' },
  KTP: { id: 'Surat dukungan/fotokopi KTP', en: 'Support letters or ID-card copies for independents' },
  KEPUTUSAN: {
    id: 'Keputusan/tindakan yang menguntungkan/merugikan',
    en: 'Decisions favouring or harming a candidate',
  },
  LAIN: { id: 'Pelanggaran lainnya', en: 'Other violations' },
  ATRIBUT: { id: 'Atribut partai/PNS dalam kampanye', en: 'Party or civil-service attributes at a campaign' },
  PENGERAHAN: { id: 'Mengerahkan ASN/PNS lain', en: 'Mobilising other civil servants' },
  FASILITAS: { id: 'Menggunakan fasilitas negara', en: 'Using state facilities' },
  NARASUMBER: { id: 'Narasumber kegiatan partai politik', en: 'Speaking at party events' },
  DEKLARASI_DIRI: { id: 'Mendeklarasikan diri sebagai bakal calon', en: 'Self-declaring as a hopeful' },
};

/**
 * When an act can happen relative to KPU's *penetapan* of candidates. Only a hint: a case whose
 * date falls on the other side gets a warning, never a rejection (DOMAIN.md §3).
 */
export const phaseHintSchema = z.enum(['pre_penetapan', 'post_penetapan', 'any']);
export type PhaseHint = z.infer<typeof phaseHintSchema>;

// ---------------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------------

export const prohibitionTypeCodes = [
  'KE-01',
  'KE-02',
  'KE-03',
  'KE-04',
  'KE-05',
  'KE-06',
  'KE-07',
  'DS-01',
  'DS-02',
  'DS-03',
  'DS-04',
  'DS-05',
  'DS-06',
  'DS-07',
  'DS-08',
  'DS-09',
  'DS-10',
  'DS-11',
  'DS-12',
  'DS-13',
  'PP94-5N-1',
  'PP94-5N-2',
  'PP94-5N-3',
  'PP94-5N-4',
  'PP94-5N-5',
  'PP94-5N-6',
  'PP94-5N-7',
  'EX-01',
  'EX-02',
  'EX-03',
  'EX-04',
  'EX-05',
  'EX-06',
  'EX-07',
  'EX-08',
] as const;
/** A code of the taxonomy itself, without sub-point. */
export type ProhibitionTypeCode = (typeof prohibitionTypeCodes)[number];

/** Lettered sub-points (KE-05 a–c, DS-03 a–b, DS-07 a–c), addressable as their own codes. */
export const prohibitionSubPointCodes = [
  'KE-05a',
  'KE-05b',
  'KE-05c',
  'DS-03a',
  'DS-03b',
  'DS-07a',
  'DS-07b',
  'DS-07c',
] as const;
export type ProhibitionSubPointCode = (typeof prohibitionSubPointCodes)[number];

/** Any code a provision or case may carry: a type or one of its sub-points. */
export type ProhibitionCode = ProhibitionTypeCode | ProhibitionSubPointCode;

const allProhibitionCodes: readonly ProhibitionCode[] = [...prohibitionTypeCodes, ...prohibitionSubPointCodes];

/**
 * A known prohibition code, sub-points allowed.
 *
 * @example prohibitionCodeSchema.parse('KE-05a') // 'KE-05a'
 */
export const prohibitionCodeSchema = z.enum([...prohibitionTypeCodes, ...prohibitionSubPointCodes], {
  error: (issue) =>
    `Kode larangan tidak dikenal: ${String(issue.input)} / Unknown prohibition code: ${String(issue.input)}`,
});

/** A code of the taxonomy without sub-point (what sanction overrides are keyed by). */
export const prohibitionTypeCodeSchema = z.enum(prohibitionTypeCodes, {
  error: (issue) =>
    `Kode larangan tidak dikenal: ${String(issue.input)} / Unknown prohibition code: ${String(issue.input)}`,
});

// ---------------------------------------------------------------------------------------------
// Prohibition types
// ---------------------------------------------------------------------------------------------

export const prohibitionSubPointSchema = z.object({
  code: z.enum(prohibitionSubPointCodes),
  /** The letter as printed: `a`, `b`, `c`. */
  letter: z.string(),
  wording: z.string(),
});
export type ProhibitionSubPoint = z.infer<typeof prohibitionSubPointSchema>;

/** Jenis larangan: one row of the national taxonomy. */
export const prohibitionTypeSchema = z.object({
  code: prohibitionTypeCodeSchema,
  family: prohibitionFamilySchema,
  regime: regimeSchema,
  /** Indonesian wording as published, with `(…)` expanded to the list of offices it stands for. */
  wording: z.string(),
  /** Short English gloss. */
  gloss: z.string(),
  /** Null where no level is published ("none found") or the Satgas decides case by case. */
  defaultSanctionLevel: sanctionLevelSchema.nullable(),
  /** Other levels that some sources give; non-empty exactly when `sanctionUncertain`. */
  alternativeSanctionLevels: z.array(sanctionLevelSchema),
  sanctionUncertain: z.boolean(),
  /** Where the default level comes from, or that sources disagree. */
  sanctionSource: z.string(),
  /** Codes of the SKB matrix (or nearest code) this one corresponds to; directed, as in DOMAIN.md. */
  equivalents: z.array(prohibitionCodeSchema),
  subPoints: z.array(prohibitionSubPointSchema),
  phaseHint: phaseHintSchema,
});
export type ProhibitionType = z.infer<typeof prohibitionTypeSchema>;

/** The expansion of `(…)` in the SKB 2022 wording (DOMAIN.md §3). */
const OFFICES =
  '(Presiden/Wakil Presiden/DPR/DPD/DPRD/Gubernur/Wakil Gubernur/Bupati/Wakil Bupati/Wali Kota/Wakil Wali Kota)';

const SKB_MORAL = 'SKB 2022 Lampiran (kode etik): sanksi moral, PP 42/2004 Pasal 15';
const SKB_BERAT = 'SKB 2022 Lampiran (disiplin), as publicly reproduced: berat';
const PP94_BERAT = 'Reported as berat under PP 94/2021 Pasal 14; exact huruf uncertain';

type BaseRow = Omit<ProhibitionType, 'sanctionUncertain' | 'alternativeSanctionLevels' | 'subPoints'> & {
  alternativeSanctionLevels?: SanctionLevel[];
  subPoints?: ProhibitionSubPoint[];
};

const skbRows: BaseRow[] = [
  {
    code: 'KE-01',
    family: 'APK',
    regime: 'kode_etik',
    wording: 'Memasang spanduk/baliho/alat peraga lainnya terkait bakal calon peserta Pemilu dan Pemilihan.',
    gloss: 'props (bakal calon)',
    defaultSanctionLevel: 'moral',
    sanctionSource: SKB_MORAL,
    equivalents: [],
    phaseHint: 'pre_penetapan',
  },
  {
    code: 'KE-02',
    family: 'MEDSOS',
    regime: 'kode_etik',
    wording: `Sosialisasi/kampanye media sosial/online bakal calon ${OFFICES}.`,
    gloss: 'online promotion',
    defaultSanctionLevel: 'moral',
    sanctionSource: SKB_MORAL,
    equivalents: [],
    phaseHint: 'pre_penetapan',
  },
  {
    code: 'KE-03',
    family: 'HADIR',
    regime: 'kode_etik',
    wording: 'Menghadiri deklarasi/kampanye pasangan bakal calon dan memberikan tindakan/dukungan secara aktif.',
    gloss: 'attending, active support',
    defaultSanctionLevel: 'moral',
    sanctionSource: SKB_MORAL,
    equivalents: [],
    phaseHint: 'pre_penetapan',
  },
  {
    code: 'KE-04',
    family: 'AKUN',
    regime: 'kode_etik',
    wording: `Membuat posting, comment, share, like, bergabung/follow dalam grup/akun pemenangan bakal calon ${OFFICES}.`,
    gloss: 'engaging with winning-team accounts',
    defaultSanctionLevel: 'moral',
    sanctionSource: SKB_MORAL,
    equivalents: [],
    phaseHint: 'pre_penetapan',
  },
  {
    code: 'KE-05',
    family: 'FOTO',
    regime: 'kode_etik',
    wording: `Memposting pada media sosial/media lain yang dapat diakses publik, foto bersama dengan: a. bakal calon ${OFFICES}; b. tim sukses dengan menunjukkan/memperagakan simbol keberpihakan/memakai atribut partai politik dan/atau menggunakan latar belakang foto (gambar) terkait partai politik/bakal calon ${OFFICES}; c. alat peraga terkait partai politik/bakal calon ${OFFICES}.`,
    gloss: 'public photos with candidate/team/props',
    defaultSanctionLevel: 'moral',
    sanctionSource: SKB_MORAL,
    equivalents: [],
    subPoints: [
      { code: 'KE-05a', letter: 'a', wording: `bakal calon ${OFFICES}` },
      {
        code: 'KE-05b',
        letter: 'b',
        wording: `tim sukses dengan menunjukkan/memperagakan simbol keberpihakan/memakai atribut partai politik dan/atau menggunakan latar belakang foto (gambar) terkait partai politik/bakal calon ${OFFICES}`,
      },
      { code: 'KE-05c', letter: 'c', wording: `alat peraga terkait partai politik/bakal calon ${OFFICES}` },
    ],
    phaseHint: 'pre_penetapan',
  },
  {
    code: 'KE-06',
    family: 'IKUT',
    regime: 'kode_etik',
    wording: `Ikut dalam kegiatan kampanye/sosialisasi/pengenalan bakal calon ${OFFICES}/partai politik.`,
    gloss: 'joining campaign events',
    defaultSanctionLevel: 'moral',
    sanctionSource: SKB_MORAL,
    equivalents: [],
    phaseHint: 'pre_penetapan',
  },
  {
    code: 'KE-07',
    family: 'PASANGAN',
    regime: 'kode_etik',
    wording: `Mengikuti deklarasi/kampanye bagi suami/isteri calon ${OFFICES} dengan tidak dalam status cuti di luar tanggungan negara (CLTN).`,
    gloss: "spouse's campaign without CLTN",
    defaultSanctionLevel: 'moral',
    sanctionSource: SKB_MORAL,
    equivalents: [],
    phaseHint: 'pre_penetapan',
  },
  {
    code: 'DS-01',
    family: 'APK',
    regime: 'disiplin',
    wording: 'Memasang spanduk/baliho/alat peraga lainnya terkait calon peserta Pemilu dan Pemilihan',
    gloss: 'props for a candidate',
    defaultSanctionLevel: 'berat',
    sanctionSource: SKB_BERAT,
    equivalents: [],
    phaseHint: 'post_penetapan',
  },
  {
    code: 'DS-02',
    family: 'MEDSOS',
    regime: 'disiplin',
    wording: `Sosialisasi/Kampanye Media Sosial/Online Calon ${OFFICES}`,
    gloss: 'online campaigning',
    defaultSanctionLevel: 'berat',
    sanctionSource: SKB_BERAT,
    equivalents: [],
    phaseHint: 'post_penetapan',
  },
  {
    code: 'DS-03',
    family: 'PENDEKATAN',
    regime: 'disiplin',
    wording: `Melakukan pendekatan kepada: a. partai politik sebagai bakal calon ${OFFICES}; b. masyarakat (bagi independent) sebagai bakal calon (DPD/Gubernur/…) dengan tidak dalam status cuti di luar tanggungan negara (CLTN)`,
    gloss: 'seeking nomination, no CLTN',
    defaultSanctionLevel: 'sedang',
    alternativeSanctionLevels: ['berat'],
    sanctionSource: 'SKB 2022 Lampiran (disiplin); public reproductions disagree: sedang or berat',
    equivalents: [],
    subPoints: [
      { code: 'DS-03a', letter: 'a', wording: `partai politik sebagai bakal calon ${OFFICES}` },
      {
        code: 'DS-03b',
        letter: 'b',
        wording: 'masyarakat (bagi independent) sebagai bakal calon (DPD/Gubernur/…)',
      },
    ],
    phaseHint: 'pre_penetapan',
  },
  {
    code: 'DS-04',
    family: 'HADIR',
    regime: 'disiplin',
    wording: 'Menghadiri deklarasi/kampanye pasangan calon dan memberikan tindakan/dukungan keberpihakan',
    gloss: 'attending and supporting',
    defaultSanctionLevel: 'berat',
    sanctionSource: SKB_BERAT,
    equivalents: [],
    phaseHint: 'post_penetapan',
  },
  {
    code: 'DS-05',
    family: 'PARPOL',
    regime: 'disiplin',
    wording: 'Menjadi anggota dan/atau pengurus partai politik',
    gloss: 'party member/officer',
    defaultSanctionLevel: 'ptdh',
    sanctionSource: 'SKB 2022 Lampiran (disiplin): PTDH, UU 5/2014 Pasal 87 ayat (4) huruf c',
    equivalents: [],
    phaseHint: 'any',
  },
  {
    code: 'DS-06',
    family: 'AKUN',
    regime: 'disiplin',
    wording: `Membuat posting, comment, share, like, bergabung/follow dalam group/akun pemenangan calon ${OFFICES}`,
    gloss: 'engaging with winning-team accounts',
    defaultSanctionLevel: 'berat',
    sanctionSource: SKB_BERAT,
    equivalents: [],
    phaseHint: 'post_penetapan',
  },
  {
    code: 'DS-07',
    family: 'FOTO',
    regime: 'disiplin',
    wording: `Memposting pada media sosial/media lain yang dapat diakses publik, foto bersama dengan: a. calon ${OFFICES}; b. tim sukses dengan menunjukkan/memperagakan simbol keberpihakan/memakai atribut partai politik dan/atau menggunakan latar belakang foto (gambar) terkait partai politik/calon ${OFFICES}; c. alat peraga terkait partai politik/calon ${OFFICES}`,
    gloss: 'partisan photos',
    defaultSanctionLevel: 'berat',
    sanctionSource: SKB_BERAT,
    equivalents: [],
    subPoints: [
      { code: 'DS-07a', letter: 'a', wording: `calon ${OFFICES}` },
      {
        code: 'DS-07b',
        letter: 'b',
        wording: `tim sukses dengan menunjukkan/memperagakan simbol keberpihakan/memakai atribut partai politik dan/atau menggunakan latar belakang foto (gambar) terkait partai politik/calon ${OFFICES}`,
      },
      { code: 'DS-07c', letter: 'c', wording: `alat peraga terkait partai politik/calon ${OFFICES}` },
    ],
    phaseHint: 'post_penetapan',
  },
  {
    code: 'DS-08',
    family: 'KEGIATAN',
    regime: 'disiplin',
    wording:
      'Mengadakan kegiatan yang mengarah kepada keberpihakan terhadap partai politik atau calon atau pasangan calon … yang menjadi peserta pemilu atau pemilihan sebelum, selama, dan sesudah masa kampanye meliputi pertemuan, ajakan, himbauan, seruan, dan pemberian barang kepada ASN dalam lingkungan unit kerja, anggota dan masyarakat',
    gloss: 'partisan meetings/calls/gifts',
    defaultSanctionLevel: 'berat',
    alternativeSanctionLevels: ['sedang'],
    sanctionSource: 'SKB 2022 Lampiran (disiplin); public reproductions disagree: berat or sedang',
    equivalents: [],
    phaseHint: 'any',
  },
  {
    code: 'DS-09',
    family: 'TIM',
    regime: 'disiplin',
    wording:
      'Menjadi tim ahli/tim pemenangan/konsultan atau sebutan lainnya bagi bakal calon atau bakal pasangan calon yang menjadi peserta pemilu atau pemilihan sebelum penetapan peserta pemilu atau pemilihan',
    gloss: 'campaign team before penetapan',
    defaultSanctionLevel: 'sedang',
    sanctionSource: 'SKB 2022 Lampiran (disiplin), as publicly reproduced: sedang',
    equivalents: [],
    phaseHint: 'pre_penetapan',
  },
  {
    code: 'DS-10',
    family: 'TIM',
    regime: 'disiplin',
    wording:
      'Menjadi tim ahli/tim pemenangan/konsultan atau sebutan lainnya bagi partai politik atau calon atau pasangan calon … setelah penetapan peserta',
    gloss: 'campaign team after penetapan',
    defaultSanctionLevel: 'berat',
    sanctionSource: SKB_BERAT,
    equivalents: [],
    phaseHint: 'post_penetapan',
  },
  {
    code: 'DS-11',
    family: 'KTP',
    regime: 'disiplin',
    wording:
      'Memberikan dukungan kepada bakal calon perseorangan (Kepala Daerah/Anggota DPD) dengan memberikan surat dukungan atau mengumpulkan fotokopi KTP atau surat keterangan penduduk',
    gloss: 'support letter/KTP for independent',
    defaultSanctionLevel: 'berat',
    sanctionSource: SKB_BERAT,
    equivalents: [],
    phaseHint: 'pre_penetapan',
  },
  {
    code: 'DS-12',
    family: 'KEPUTUSAN',
    regime: 'disiplin',
    wording:
      'Membuat keputusan/tindakan yang dapat menguntungkan/merugikan partai politik atau calon atau pasangan calon … pada masa sebelum, selama, dan sesudah masa kampanye',
    gloss: 'favouring/harming decisions',
    defaultSanctionLevel: 'berat',
    sanctionSource: SKB_BERAT,
    equivalents: [],
    phaseHint: 'any',
  },
  {
    code: 'DS-13',
    family: 'LAIN',
    regime: 'disiplin',
    wording:
      'Bentuk pelanggaran/dugaan pelanggaran yang tidak termasuk dalam matriks bentuk pelanggaran yang diuraikan di atas, dengan sanksi yang akan dibahas dan diputus oleh Satgas sesuai pedoman yang berlaku',
    gloss: 'anything else',
    defaultSanctionLevel: null,
    sanctionSource: 'SKB 2022 Lampiran (disiplin): decided by the Satgas case by case',
    equivalents: [],
    // A catch-all can be committed at any time; a phase hint would only produce false warnings.
    phaseHint: 'any',
  },
  {
    code: 'PP94-5N-1',
    family: 'IKUT',
    regime: 'pp94',
    wording: 'ikut kampanye',
    gloss: 'joining a campaign',
    defaultSanctionLevel: null,
    sanctionSource: 'PP 94/2021: no level found in public sources [configurable]',
    equivalents: ['KE-06'],
    phaseHint: 'post_penetapan',
  },
  {
    code: 'PP94-5N-2',
    family: 'ATRIBUT',
    regime: 'pp94',
    wording: 'menjadi peserta kampanye dengan menggunakan atribut partai atau atribut PNS',
    gloss: 'campaigning with party or civil-service attributes',
    defaultSanctionLevel: 'sedang',
    sanctionSource: 'Reported as sedang under PP 94/2021',
    equivalents: [],
    phaseHint: 'post_penetapan',
  },
  {
    code: 'PP94-5N-3',
    family: 'PENGERAHAN',
    regime: 'pp94',
    wording: 'sebagai peserta kampanye dengan mengerahkan PNS lain',
    gloss: 'campaigning and mobilising other civil servants',
    defaultSanctionLevel: 'berat',
    sanctionSource: PP94_BERAT,
    equivalents: [],
    phaseHint: 'post_penetapan',
  },
  {
    code: 'PP94-5N-4',
    family: 'FASILITAS',
    regime: 'pp94',
    wording: 'sebagai peserta kampanye dengan menggunakan fasilitas negara',
    gloss: 'campaigning with state facilities',
    defaultSanctionLevel: 'berat',
    sanctionSource: PP94_BERAT,
    equivalents: [],
    phaseHint: 'post_penetapan',
  },
  {
    code: 'PP94-5N-5',
    family: 'KEPUTUSAN',
    regime: 'pp94',
    wording:
      'membuat keputusan dan/atau tindakan yang menguntungkan atau merugikan salah satu pasangan calon sebelum, selama, dan sesudah masa kampanye',
    gloss: 'favouring/harming decisions',
    defaultSanctionLevel: 'berat',
    sanctionSource: PP94_BERAT,
    equivalents: ['DS-12'],
    phaseHint: 'any',
  },
  {
    code: 'PP94-5N-6',
    family: 'KEGIATAN',
    regime: 'pp94',
    wording:
      'mengadakan kegiatan yang mengarah kepada keberpihakan … meliputi pertemuan, ajakan, himbauan, seruan, atau pemberian barang kepada PNS dalam lingkungan unit kerjanya, anggota keluarga, dan masyarakat',
    gloss: 'partisan meetings/calls/gifts',
    defaultSanctionLevel: 'berat',
    sanctionSource: PP94_BERAT,
    equivalents: ['DS-08'],
    phaseHint: 'any',
  },
  {
    code: 'PP94-5N-7',
    family: 'KTP',
    regime: 'pp94',
    wording: 'memberikan surat dukungan disertai fotokopi KTP atau Surat Keterangan Tanda Penduduk',
    gloss: 'support letter with ID-card copy',
    defaultSanctionLevel: 'berat',
    sanctionSource: PP94_BERAT,
    equivalents: ['DS-11'],
    // Support letters for independents are collected before registration, like DS-11.
    phaseHint: 'pre_penetapan',
  },
];

type ExtraRow = Pick<ProhibitionType, 'code' | 'family' | 'wording' | 'gloss'> & {
  /** Nearest codes, first one first: the sanction and phase follow them. */
  nearest: [ProhibitionCode, ...ProhibitionCode[]];
};

const extraRows: ExtraRow[] = [
  {
    code: 'EX-01',
    family: 'NARASUMBER',
    wording:
      'menjadi narasumber/pembicara dalam kegiatan/acara parpol (kecuali … dalam rangka tugas kedinasan, disertai dengan surat tugas dari atasan)',
    gloss: 'speaker at a party event (unless on official duty with a written assignment)',
    nearest: ['DS-13'],
  },
  {
    code: 'EX-02',
    family: 'DEKLARASI_DIRI',
    wording: 'mendeklarasikan diri sebagai bakal calon tanpa cuti (CLTN)',
    gloss: 'self-declaring as a hopeful without unpaid leave',
    nearest: ['DS-03'],
  },
  {
    code: 'EX-03',
    family: 'FASILITAS',
    wording: 'menggunakan fasilitas negara terkait jabatan dalam kampanye',
    gloss: 'using state facilities of the office (vehicles, offices) in a campaign',
    nearest: ['PP94-5N-4'],
  },
  {
    code: 'EX-04',
    family: 'PENGERAHAN',
    wording: 'mengerahkan ASN lain',
    gloss: 'mobilising other civil servants',
    nearest: ['PP94-5N-3'],
  },
  {
    code: 'EX-05',
    family: 'ATRIBUT',
    wording: 'menjadi peserta kampanye dengan atribut PNS',
    gloss: 'campaigning with civil-service attributes (also uniform or party clothing)',
    nearest: ['PP94-5N-2'],
  },
  {
    code: 'EX-06',
    family: 'TIM',
    wording: 'ikut sebagai pelaksana sebelum dan sesudah kampanye (UU 7/2017 Pasal 280 ayat (2) huruf f)',
    gloss: 'acting as campaign executor',
    nearest: ['DS-09', 'DS-10'],
  },
  {
    code: 'EX-07',
    family: 'FOTO',
    wording: 'foto bersama dengan mengikuti simbol tangan/gerakan keberpihakan',
    gloss: 'photos with partisan hand signs or gestures',
    nearest: ['KE-05b', 'DS-07b'],
  },
  {
    code: 'EX-08',
    family: 'PENDEKATAN',
    wording: 'pendekatan ke parpol',
    gloss: 'approaching a party for nomination',
    nearest: ['DS-03a'],
  },
];

/** Shared reference data: a caller mutating it would silently change every other caller's view. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Sub-point codes are their parent's code plus one lowercase letter. */
const SUB_POINT = /^(.+-\d{2})([a-z])$/;

function completeRow(row: BaseRow): ProhibitionType {
  const alternatives = row.alternativeSanctionLevels ?? [];
  return {
    ...row,
    alternativeSanctionLevels: alternatives,
    sanctionUncertain: alternatives.length > 0,
    subPoints: row.subPoints ?? [],
  };
}

const skbTypes = skbRows.map(completeRow);
const skbByCode = new Map<string, ProhibitionType>(skbTypes.map((t) => [t.code, t]));

/** The older lists have no published sanctions: each takes its nearest code's level and phase. */
function extraType(row: ExtraRow): ProhibitionType {
  const nearest = row.nearest.map((code) => {
    const parent = skbByCode.get(code.replace(SUB_POINT, '$1'));
    if (!parent) throw new Error(`taxonomy data: ${row.code} points at unknown ${code}`);
    return parent;
  });
  const [first, ...others] = nearest as [ProhibitionType, ...ProhibitionType[]];
  const alternatives = new Set<SanctionLevel>(first.alternativeSanctionLevels);
  for (const other of others) {
    for (const level of [other.defaultSanctionLevel, ...other.alternativeSanctionLevels]) {
      if (level !== null && level !== first.defaultSanctionLevel) alternatives.add(level);
    }
  }
  const phases = new Set(nearest.map((t) => t.phaseHint));
  return {
    code: row.code,
    family: row.family,
    regime: 'extra',
    wording: row.wording,
    gloss: row.gloss,
    defaultSanctionLevel: first.defaultSanctionLevel,
    alternativeSanctionLevels: [...alternatives],
    sanctionUncertain: alternatives.size > 0,
    sanctionSource:
      nearest.length > 1
        ? `No published level: follows ${row.nearest.join(' / ')} (${nearest.map((t) => t.defaultSanctionLevel ?? 'none').join(' / ')}), depending on the phase [configurable]`
        : `No published level: follows ${row.nearest[0]} (${first.sanctionSource}) [configurable]`,
    equivalents: [...row.nearest],
    subPoints: [],
    phaseHint: phases.size === 1 ? first.phaseHint : 'any',
  };
}

/**
 * The whole national taxonomy, in DOMAIN.md order: KE-01…KE-07, DS-01…DS-13, PP94-5N-1…7, EX-01…08.
 *
 * @example prohibitionTypes.filter((t) => t.family === 'MEDSOS').map((t) => t.code) // ['KE-02', 'DS-02']
 */
export const prohibitionTypes: readonly ProhibitionType[] = deepFreeze([...skbTypes, ...extraRows.map(extraType)]);

const byCode = new Map<string, ProhibitionType>(prohibitionTypes.map((t) => [t.code, t]));
const knownCodes = new Set<string>(allProhibitionCodes);

/**
 * Whether `code` is a known prohibition code (sub-points such as `KE-05a` included).
 *
 * @example isProhibitionCode('DS-07c') // true
 */
export function isProhibitionCode(code: string): code is ProhibitionCode {
  return knownCodes.has(code);
}

/**
 * The type code a code belongs to: a sub-point's parent, or the code itself.
 *
 * @example parentProhibitionCode('KE-05a') // 'KE-05'
 */
export function parentProhibitionCode(code: ProhibitionCode): ProhibitionTypeCode {
  return code.replace(SUB_POINT, '$1') as ProhibitionTypeCode;
}

/** A prohibition type as looked up by code: the sub-point is set when a sub-point code was asked for. */
export type ResolvedProhibitionType = ProhibitionType & { subPoint: ProhibitionSubPoint | null };

function unknownCode(code: string): DomainError {
  return new DomainError('UNKNOWN_PROHIBITION_CODE', {
    id: `Kode larangan tidak dikenal: ${code}`,
    en: `Unknown prohibition code: ${code}`,
  });
}

/**
 * Looks up a prohibition type; a sub-point code returns its parent with `subPoint` set.
 * Throws `DomainError` `UNKNOWN_PROHIBITION_CODE` for anything else.
 *
 * @example
 * getProhibitionType('KE-05a').subPoint?.wording // 'bakal calon (Presiden/…)'
 * getProhibitionType('DS-05').defaultSanctionLevel // 'ptdh'
 */
export function getProhibitionType(code: string): ResolvedProhibitionType {
  if (!isProhibitionCode(code)) throw unknownCode(code);
  const type = byCode.get(parentProhibitionCode(code));
  if (!type) throw unknownCode(code);
  const subPoint = type.code === code ? null : (type.subPoints.find((s) => s.code === code) ?? null);
  return { ...type, subPoint };
}

// ---------------------------------------------------------------------------------------------
// Deployment overrides
// ---------------------------------------------------------------------------------------------

/**
 * A deployment's own sanction levels, keyed by type code, for codes where sources disagree
 * or none is published.
 *
 * @example sanctionOverridesSchema.parse({ 'DS-03': 'berat' })
 */
export const sanctionOverridesSchema = z.partialRecord(prohibitionTypeCodeSchema, sanctionLevelSchema, {
  error: (issue) => {
    // zod reports unknown keys of a partial record as `unrecognized_keys`, which its types omit.
    const keys = (issue as { keys?: string[] }).keys;
    return keys
      ? `Kode larangan tidak dikenal (gunakan kode tanpa sub-butir): ${keys.join(', ')} / Unknown prohibition code (use codes without sub-point): ${keys.join(', ')}`
      : 'Penyesuaian sanksi harus berupa objek kode → tingkat sanksi / Sanction overrides must map codes to levels';
  },
});
export type SanctionOverrides = z.infer<typeof sanctionOverridesSchema>;

/**
 * The sanction level that applies to a code: the deployment's override, else the default. A
 * sub-point follows its parent; an EX code without its own override follows its nearest code,
 * overrides included, since its level is defined as that code's. Null when no level is set.
 *
 * @example
 * sanctionLevelFor('DS-03') // 'sedang'
 * sanctionLevelFor('EX-02', { 'DS-03': 'berat' }) // 'berat'
 */
export function sanctionLevelFor(code: string, overrides: SanctionOverrides = {}): SanctionLevel | null {
  const type = getProhibitionType(code);
  const own = overrides[type.code];
  if (own !== undefined) return own;
  const nearest = type.regime === 'extra' ? type.equivalents[0] : undefined;
  if (nearest !== undefined) return sanctionLevelFor(nearest, overrides);
  return type.defaultSanctionLevel;
}

// ---------------------------------------------------------------------------------------------
// Sanctions
// ---------------------------------------------------------------------------------------------

export const sanctionLevelLabels: Record<SanctionLevel, LocalizedText> = {
  moral: { id: 'Sanksi moral', en: 'Moral sanction' },
  ringan: { id: 'Hukuman disiplin ringan', en: 'Light disciplinary penalty' },
  sedang: { id: 'Hukuman disiplin sedang', en: 'Moderate disciplinary penalty' },
  berat: { id: 'Hukuman disiplin berat', en: 'Severe disciplinary penalty' },
  ptdh: { id: 'Pemberhentian tidak dengan hormat (PTDH)', en: 'Dishonourable discharge (PTDH)' },
  other: { id: 'Sanksi lainnya', en: 'Other sanction' },
};

/** The legal track a sanction is imposed under. */
export const sanctionRegimeSchema = z.enum(['kode_etik', 'disiplin', 'pppk', 'ppnpn']);
export type SanctionRegime = z.infer<typeof sanctionRegimeSchema>;

export interface SanctionTypeInfo {
  type: SanctionType;
  level: SanctionLevel;
  regime: SanctionRegime;
  /** Regulation the sanction rests on. */
  basis: string;
  /** Employment types it can be imposed on (values of `employmentTypeSchema` in model.ts). */
  appliesTo: readonly ('PNS' | 'PPPK' | 'PPNPN')[];
  label: LocalizedText;
}

const PP94 = 'PP 94/2021';
const pnsOnly = ['PNS'] as const;

/**
 * Every sanction type with its level, legal basis and labels, in order of severity within each track.
 *
 * @example sanctionTypes.SEDANG_TUKIN25_6.label.id // 'Pemotongan tunjangan kinerja 25% selama 6 bulan'
 */
export const sanctionTypes: Readonly<Record<SanctionType, SanctionTypeInfo>> = deepFreeze({
  MORAL_TERTUTUP: {
    type: 'MORAL_TERTUTUP',
    level: 'moral',
    regime: 'kode_etik',
    basis: 'PP 42/2004 Pasal 15',
    appliesTo: pnsOnly,
    label: { id: 'Sanksi moral berupa pernyataan secara tertutup', en: 'Moral sanction: closed statement' },
  },
  MORAL_TERBUKA: {
    type: 'MORAL_TERBUKA',
    level: 'moral',
    regime: 'kode_etik',
    basis: 'PP 42/2004 Pasal 15',
    appliesTo: pnsOnly,
    label: { id: 'Sanksi moral berupa pernyataan secara terbuka', en: 'Moral sanction: public statement' },
  },
  RINGAN_LISAN: {
    type: 'RINGAN_LISAN',
    level: 'ringan',
    regime: 'disiplin',
    basis: PP94,
    appliesTo: pnsOnly,
    label: { id: 'Teguran lisan', en: 'Oral reprimand' },
  },
  RINGAN_TERTULIS: {
    type: 'RINGAN_TERTULIS',
    level: 'ringan',
    regime: 'disiplin',
    basis: PP94,
    appliesTo: pnsOnly,
    label: { id: 'Teguran tertulis', en: 'Written reprimand' },
  },
  RINGAN_TIDAK_PUAS: {
    type: 'RINGAN_TIDAK_PUAS',
    level: 'ringan',
    regime: 'disiplin',
    basis: PP94,
    appliesTo: pnsOnly,
    label: { id: 'Pernyataan tidak puas secara tertulis', en: 'Written statement of dissatisfaction' },
  },
  SEDANG_TUKIN25_6: {
    type: 'SEDANG_TUKIN25_6',
    level: 'sedang',
    regime: 'disiplin',
    basis: PP94,
    appliesTo: pnsOnly,
    label: {
      id: 'Pemotongan tunjangan kinerja 25% selama 6 bulan',
      en: 'Performance allowance cut by 25% for 6 months',
    },
  },
  SEDANG_TUKIN25_9: {
    type: 'SEDANG_TUKIN25_9',
    level: 'sedang',
    regime: 'disiplin',
    basis: PP94,
    appliesTo: pnsOnly,
    label: {
      id: 'Pemotongan tunjangan kinerja 25% selama 9 bulan',
      en: 'Performance allowance cut by 25% for 9 months',
    },
  },
  SEDANG_TUKIN25_12: {
    type: 'SEDANG_TUKIN25_12',
    level: 'sedang',
    regime: 'disiplin',
    basis: PP94,
    appliesTo: pnsOnly,
    label: {
      id: 'Pemotongan tunjangan kinerja 25% selama 12 bulan',
      en: 'Performance allowance cut by 25% for 12 months',
    },
  },
  BERAT_TURUN_JABATAN_12: {
    type: 'BERAT_TURUN_JABATAN_12',
    level: 'berat',
    regime: 'disiplin',
    basis: PP94,
    appliesTo: pnsOnly,
    label: {
      id: 'Penurunan jabatan setingkat lebih rendah selama 12 bulan',
      en: 'Demotion by one grade for 12 months',
    },
  },
  BERAT_BEBAS_JABATAN_12: {
    type: 'BERAT_BEBAS_JABATAN_12',
    level: 'berat',
    regime: 'disiplin',
    basis: PP94,
    appliesTo: pnsOnly,
    label: {
      id: 'Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan',
      en: 'Removal from office to a staff (pelaksana) post for 12 months',
    },
  },
  BERAT_PDH_TAPS: {
    type: 'BERAT_PDH_TAPS',
    level: 'berat',
    regime: 'disiplin',
    basis: PP94,
    appliesTo: pnsOnly,
    label: {
      id: 'Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS',
      en: 'Honourable discharge as a PNS, not at own request',
    },
  },
  PTDH: {
    type: 'PTDH',
    level: 'ptdh',
    regime: 'disiplin',
    basis: 'UU 5/2014 Pasal 87 ayat (4) huruf c',
    appliesTo: pnsOnly,
    label: { id: 'Pemberhentian tidak dengan hormat (PTDH)', en: 'Dishonourable discharge (PTDH)' },
  },
  PPPK_LAIN: {
    type: 'PPPK_LAIN',
    level: 'other',
    regime: 'pppk',
    basis: 'PP 49/2018',
    appliesTo: ['PPPK'],
    label: { id: 'Sanksi bagi PPPK (PP 49/2018)', en: 'Sanction for a PPPK (PP 49/2018)' },
  },
  PPNPN_PHK: {
    type: 'PPNPN_PHK',
    level: 'other',
    regime: 'ppnpn',
    basis: 'SE MenPANRB 01/2023',
    appliesTo: ['PPNPN'],
    label: { id: 'Pemutusan hubungan kerja', en: 'Contract terminated' },
  },
  PPNPN_LAIN: {
    type: 'PPNPN_LAIN',
    level: 'other',
    regime: 'ppnpn',
    basis: 'SE MenPANRB 01/2023',
    appliesTo: ['PPNPN'],
    label: { id: 'Sanksi lain bagi Non-ASN (PPNPN)', en: 'Other sanction for non-ASN staff (PPNPN)' },
  },
});

/**
 * The level of a sanction type.
 *
 * @example sanctionLevelOf('SEDANG_TUKIN25_9') // 'sedang'
 */
export function sanctionLevelOf(type: SanctionType): SanctionLevel {
  return sanctionTypes[type].level;
}

/**
 * The sanction types of one level, mildest first, e.g. to offer the choices for a recommended level.
 *
 * @example sanctionTypesOfLevel('ringan') // ['RINGAN_LISAN', 'RINGAN_TERTULIS', 'RINGAN_TIDAK_PUAS']
 */
export function sanctionTypesOfLevel(level: SanctionLevel): SanctionType[] {
  return sanctionTypeSchema.options.filter((type) => sanctionTypes[type].level === level);
}
