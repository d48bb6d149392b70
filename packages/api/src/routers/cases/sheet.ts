/**
 * Cases from a spreadsheet (CSV or XLSX, as Bawaslu and the Satgas keep them): find the header
 * row, recognise the columns by their Indonesian (or English) names, and turn each data row into
 * the input of `cases.create`. Pure: the reference data (units, circulars) comes in as arguments,
 * and the caller validates the result with the same zod schema and checks as a single create.
 */

import type { LocalizedText } from '@netral/domain/errors';
import {
  caseSourceLabels,
  caseSourceSchema,
  employmentTypeLabels,
  employmentTypeSchema,
  positionClassLabels,
  positionClassSchema,
  reporterChannelLabels,
  reporterChannelSchema,
} from '@netral/domain/model';
import { contests, raceLabels, raceSchema } from '@netral/domain/phases';

/** Most data rows one import may carry; a bigger sheet is split (and a request stays under 1 MB). */
export const MAX_IMPORT_ROWS = 1000;

/** What a column of the sheet means. */
export type ColumnKey =
  | 'subjectName'
  | 'nip'
  | 'nik'
  | 'employmentType'
  | 'positionClass'
  | 'positionTitle'
  | 'unit'
  | 'contest'
  | 'race'
  | 'actOn'
  | 'receivedOn'
  | 'knownOn'
  | 'source'
  | 'summary'
  | 'circular'
  | 'provisions'
  | 'codes'
  | 'reporterName'
  | 'reporterContact'
  | 'reporterChannel'
  | 'reporterAnonymous';

export interface ColumnSpec {
  key: ColumnKey;
  /** The header of the template (Indonesian, as Bawaslu's sheets have it). */
  header: string;
  required: boolean;
  /** Other headers seen in the field, compared after normalising (case, punctuation, spaces). */
  aliases: string[];
  /** What to write in it, both languages. */
  hint: LocalizedText;
}

/** The columns, in template order. */
export const importColumns: readonly ColumnSpec[] = [
  {
    key: 'subjectName',
    header: 'Nama Terlapor',
    required: true,
    aliases: ['nama', 'nama asn', 'nama pegawai', 'terlapor', 'nama asn terlapor', 'subject name', 'subject'],
    hint: { id: 'Nama lengkap ASN terlapor', en: 'Full name of the subject' },
  },
  {
    key: 'nip',
    header: 'NIP',
    required: false,
    aliases: ['nip terlapor', 'nomor induk pegawai'],
    hint: {
      id: '18 digit, wajib untuk PNS (format kolom sebagai Teks di Excel)',
      en: '18 digits, required for a PNS (format the column as Text in Excel)',
    },
  },
  {
    key: 'nik',
    header: 'NIK',
    required: false,
    aliases: ['nik terlapor', 'nomor induk kependudukan'],
    hint: {
      id: '16 digit, untuk Non-ASN dan perangkat desa',
      en: '16 digits, for non-ASN staff and village officials',
    },
  },
  {
    key: 'employmentType',
    header: 'Jenis Kepegawaian',
    required: true,
    aliases: ['status kepegawaian', 'status pegawai', 'jenis pegawai', 'status asn', 'employment type'],
    hint: { id: 'PNS, PPPK, Non-ASN, atau Kepala/Perangkat Desa', en: 'PNS, PPPK, Non-ASN or village official' },
  },
  {
    key: 'positionClass',
    header: 'Kategori Jabatan',
    required: true,
    aliases: ['kelompok jabatan', 'kategori jabatan asn terlapor', 'jenis jabatan', 'position class'],
    hint: {
      id: 'JPT, Administrator, Pengawas, Fungsional, Pelaksana, Kepala Wilayah, Non-ASN',
      en: 'JPT, administrator, supervisor (pengawas), functional, staff, area head, non-ASN',
    },
  },
  {
    key: 'positionTitle',
    header: 'Jabatan',
    required: false,
    aliases: ['nama jabatan', 'jabatan terlapor', 'position', 'position title'],
    hint: { id: 'Nama jabatan, mis. Guru Ahli Pertama', en: 'Position title, e.g. Guru Ahli Pertama' },
  },
  {
    key: 'unit',
    header: 'Unit Kerja',
    required: false,
    aliases: ['instansi', 'opd', 'perangkat daerah', 'skpd', 'unit', 'satuan kerja', 'instansi terlapor', 'work unit'],
    hint: { id: 'Nama unit kerja persis seperti di Netral', en: 'Unit name exactly as in Netral' },
  },
  {
    key: 'contest',
    header: 'Kontestasi',
    required: true,
    aliases: ['pemilu pilkada', 'pemilu/pilkada', 'kontestasi pemilihan', 'contest'],
    hint: { id: 'Pemilu 2024 atau Pilkada 2024', en: 'Pemilu 2024 or Pilkada 2024' },
  },
  {
    key: 'race',
    header: 'Jenis Pemilihan',
    required: false,
    aliases: ['race', 'pemilihan'],
    hint: { id: 'Opsional: Presiden, DPR, DPRD, Bupati, …', en: 'Optional: President, DPR, DPRD, Regent, …' },
  },
  {
    key: 'actOn',
    header: 'Tanggal Kejadian',
    required: true,
    aliases: ['tanggal', 'waktu kejadian', 'tanggal pelanggaran', 'tgl kejadian', 'date of the act', 'act date'],
    hint: { id: 'TTTT-BB-HH atau HH/BB/TTTT', en: 'YYYY-MM-DD or DD/MM/YYYY' },
  },
  {
    key: 'receivedOn',
    header: 'Tanggal Diterima',
    required: false,
    aliases: ['tanggal laporan', 'tanggal registrasi', 'tgl diterima', 'tanggal register', 'received on'],
    hint: { id: 'Kosong: hari ini', en: 'Empty: today' },
  },
  {
    key: 'knownOn',
    header: 'Tanggal Diketahui',
    required: false,
    aliases: ['tanggal diketahuinya', 'known on'],
    hint: { id: 'Opsional: mulai batas 7 hari pelaporan', en: 'Optional: starts the 7-day filing limit' },
  },
  {
    key: 'source',
    header: 'Sumber',
    required: true,
    aliases: ['sumber laporan', 'sumber kasus', 'asal laporan', 'temuan/laporan', 'source'],
    hint: {
      id: 'Temuan Bawaslu, Rekomendasi Bawaslu, Laporan masyarakat, Temuan internal, Rekomendasi KASN/BKN',
      en: 'Bawaslu finding, Bawaslu recommendation, public report, internal finding, KASN/BKN recommendation',
    },
  },
  {
    key: 'summary',
    header: 'Uraian Kejadian',
    required: true,
    aliases: ['uraian', 'kronologi', 'uraian singkat', 'uraian pelanggaran', 'keterangan', 'summary'],
    hint: { id: 'Apa yang terjadi, di mana', en: 'What happened, where' },
  },
  {
    key: 'circular',
    header: 'Nomor SE',
    required: false,
    aliases: ['surat edaran', 'nomor surat edaran', 'no se', 'circular', 'circular number'],
    hint: {
      id: 'Kosong: surat edaran terbaru yang telah diterbitkan',
      en: 'Empty: the latest published circular',
    },
  },
  {
    key: 'provisions',
    header: 'Ketentuan',
    required: false,
    aliases: ['ketentuan yang dilanggar', 'butir', 'butir ketentuan', 'provisions', 'provision'],
    hint: { id: 'Nomor butir, mis. A.1.a; A.3', en: 'Provision paths, e.g. A.1.a; A.3' },
  },
  {
    key: 'codes',
    header: 'Kode Larangan',
    required: false,
    aliases: [
      'kode',
      'kode pelanggaran',
      'jenis pelanggaran',
      'kategori jenis pelanggaran',
      'codes',
      'prohibition codes',
    ],
    hint: {
      id: 'Mis. DS-08, KE-02; kosong: dari ketentuan',
      en: 'E.g. DS-08, KE-02; empty: from the provisions',
    },
  },
  {
    key: 'reporterName',
    header: 'Nama Pelapor',
    required: false,
    aliases: ['pelapor', 'reporter', 'reporter name'],
    hint: { id: 'Rahasia: hanya admin yang melihat', en: 'Confidential: only admins see it' },
  },
  {
    key: 'reporterContact',
    header: 'Kontak Pelapor',
    required: false,
    aliases: ['kontak', 'telepon pelapor', 'reporter contact'],
    hint: { id: 'Rahasia', en: 'Confidential' },
  },
  {
    key: 'reporterChannel',
    header: 'Kanal Pelaporan',
    required: false,
    aliases: ['kanal', 'saluran', 'saluran pengaduan', 'reporting channel', 'channel'],
    hint: { id: 'Bawaslu, SP4N-LAPOR!, BKN SBT, …', en: 'Bawaslu, SP4N-LAPOR!, BKN SBT, …' },
  },
  {
    key: 'reporterAnonymous',
    header: 'Anonim',
    required: false,
    aliases: ['pelapor anonim', 'anonymous'],
    hint: { id: 'Ya/Tidak', en: 'Yes/No' },
  },
];

/** Lower case, letters and digits only, single spaces: how headers and labels are compared. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const columnByLabel = new Map<string, ColumnKey>();
for (const column of importColumns) {
  for (const label of [column.header, column.key, ...column.aliases])
    columnByLabel.set(normalizeLabel(label), column.key);
}

/** Rows scanned for the header (exports start with a few lines saying what they contain). */
const HEADER_SCAN_ROWS = 30;

export interface SheetLayout {
  /** 1-based row of the headers. */
  headerRow: number;
  /** For each column of the sheet: its header and what it means (null: not recognised, ignored). */
  columns: { header: string; key: ColumnKey | null }[];
  /** Required columns that are missing (their template headers). */
  missing: string[];
}

/**
 * The header row: the first of the first rows where at least three cells name known columns.
 * Null when there is none.
 */
export function findLayout(sheet: readonly (readonly string[])[]): SheetLayout | null {
  for (let i = 0; i < Math.min(sheet.length, HEADER_SCAN_ROWS); i += 1) {
    const cells = sheet[i] ?? [];
    const keys = cells.map((cell) => columnByLabel.get(normalizeLabel(cell)) ?? null);
    if (keys.filter((k) => k !== null).length < 3) continue;
    const seen = new Set<ColumnKey>();
    const columns = cells.map((cell, j) => {
      const key = keys[j] ?? null;
      // A repeated column counts once: the first one wins.
      if (key === null || seen.has(key)) return { header: cell, key: null };
      seen.add(key);
      return { header: cell, key };
    });
    const missing = importColumns.filter((c) => c.required && !seen.has(c.key)).map((c) => c.header);
    return { headerRow: i + 1, columns, missing };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Values

const MONTHS: Record<string, number> = {
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  february: 2,
  feb: 2,
  pebruari: 2,
  maret: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  agustus: 8,
  august: 8,
  agu: 8,
  agt: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  december: 12,
  des: 12,
  dec: 12,
};

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/**
 * A date as people write it in Indonesia: `2024-10-01`, `1/10/2024`, `01-10-2024`, `1.10.2024`,
 * `1 Oktober 2024`, an Excel serial day number, or an ISO timestamp. Day before month.
 * Returns the text unchanged when it is none of those, so the schema's message names it.
 */
export function parseSheetDate(text: string): string {
  const value = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3])) ?? value;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1])) ?? value;
  m = /^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$/.exec(value);
  if (m) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    if (month) return isoOf(Number(m[3]), month, Number(m[1])) ?? value;
  }
  // Excel's serial day numbers (1900 date system): 45566 = 2024-10-01.
  if (/^\d{5}(\.\d+)?$/.test(value)) {
    const days = Math.floor(Number(value));
    const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
    return date.toISOString().slice(0, 10);
  }
  return value;
}

type Lookup = Map<string, string>;

function lookupOf<T extends string>(
  codes: readonly T[],
  labels: Readonly<Record<T, LocalizedText>>,
  extra: Record<string, T> = {},
): Lookup {
  const map: Lookup = new Map();
  for (const code of codes) {
    map.set(normalizeLabel(code), code);
    map.set(normalizeLabel(labels[code].id), code);
    map.set(normalizeLabel(labels[code].en), code);
  }
  for (const [label, code] of Object.entries(extra)) map.set(normalizeLabel(label), code);
  return map;
}

const employmentTypes = lookupOf(employmentTypeSchema.options, employmentTypeLabels, {
  'non asn': 'PPNPN',
  nonasn: 'PPNPN',
  honorer: 'PPNPN',
  ppnpn: 'PPNPN',
  'tenaga kontrak': 'PPNPN',
  'kepala desa': 'KADES_PERANGKAT_DESA',
  kades: 'KADES_PERANGKAT_DESA',
  'perangkat desa': 'KADES_PERANGKAT_DESA',
  'kepala perangkat desa': 'KADES_PERANGKAT_DESA',
});

const positionClasses = lookupOf(positionClassSchema.options, positionClassLabels, {
  'jabatan pimpinan tinggi': 'jpt',
  'jpt pratama': 'jpt',
  'jpt madya': 'jpt',
  'jpt utama': 'jpt',
  'pimpinan tinggi': 'jpt',
  administrator: 'administrator',
  administrasi: 'administrator',
  pengawas: 'pengawas',
  fungsional: 'fungsional',
  pelaksana: 'pelaksana',
  'kepala wilayah': 'kepala_wilayah',
  'camat lurah': 'kepala_wilayah',
  camat: 'kepala_wilayah',
  lurah: 'kepala_wilayah',
  'non asn': 'non_asn',
});

const sources = lookupOf(caseSourceSchema.options, caseSourceLabels, {
  temuan: 'bawaslu_finding',
  'temuan bawaslu': 'bawaslu_finding',
  laporan: 'public_report',
  'laporan bawaslu': 'public_report',
  'laporan masyarakat': 'public_report',
  'rekomendasi bawaslu': 'bawaslu_recommendation',
  'rekomendasi kasn': 'kasn_bkn',
  'rekomendasi bkn': 'kasn_bkn',
  kasn: 'kasn_bkn',
  bkn: 'kasn_bkn',
  internal: 'internal_finding',
});

const channels = lookupOf(reporterChannelSchema.options, reporterChannelLabels, {
  bawaslu: 'bawaslu',
  sigaplapor: 'bawaslu',
  lapor: 'sp4n_lapor',
  'sp4n lapor': 'sp4n_lapor',
  sbt: 'bkn_sbt',
  'bkn sbt': 'bkn_sbt',
  inspektorat: 'inspektorat_desk',
  medsos: 'social_media',
  'media sosial': 'social_media',
  langsung: 'direct',
  surat: 'direct',
});

const races = lookupOf(raceSchema.options, raceLabels, {
  presiden: 'PILPRES',
  pilpres: 'PILPRES',
  bupati: 'PILBUP',
  pilbup: 'PILBUP',
  'wali kota': 'PILWALKOT',
  walikota: 'PILWALKOT',
  gubernur: 'PILGUB',
  pilgub: 'PILGUB',
  'dprd kabupaten': 'DPRD_KABKOTA',
  'dprd kota': 'DPRD_KABKOTA',
  'dprd provinsi': 'DPRD_PROV',
});

const contestCodes: Lookup = new Map();
for (const contest of Object.values(contests)) {
  contestCodes.set(normalizeLabel(contest.code), contest.code);
  contestCodes.set(normalizeLabel(contest.name.id), contest.code);
  contestCodes.set(normalizeLabel(contest.name.en), contest.code);
  contestCodes.set(normalizeLabel(`${contest.kind} ${contest.year}`), contest.code);
  if (contest.kind === 'pilkada') contestCodes.set(normalizeLabel(`pemilihan ${contest.year}`), contest.code);
}

/** A code from a label, or the text as typed (the schema then says what it expects). */
function pick(lookup: Lookup, text: string): string {
  return lookup.get(normalizeLabel(text)) ?? text.trim();
}

const YES = new Set(['ya', 'y', 'yes', 'true', '1', 'benar', 'anonim']);

// ---------------------------------------------------------------------------------------------
// Rows

export interface SheetUnit {
  id: string;
  name: string;
}

export interface SheetCircular {
  id: string;
  number: string | null;
  version: number;
  /** Own circulars come before the governor's when no number is given. */
  regencyId: string | null;
  issuedOn: string | null;
}

/** A problem with one cell, before the schema: the path of the create input it concerns. */
export interface MappingIssue {
  path: string;
  text: LocalizedText;
}

export interface MappedRow {
  /** 1-based row of the sheet. */
  row: number;
  /** The candidate input of `cases.create` (without `regencyId`); the schema validates it. */
  input: Record<string, unknown>;
  issues: MappingIssue[];
  /** The unit name as written, for the preview. */
  unitName: string | null;
}

/** Which column a path of the create input comes from, to name it in messages. */
export function columnOfPath(path: string): ColumnKey | null {
  const head = path.split('.')[0] ?? '';
  const sub = path.split('.')[1] ?? '';
  if (head === 'subject') {
    return (
      (
        {
          name: 'subjectName',
          nip: 'nip',
          nik: 'nik',
          employmentType: 'employmentType',
          positionClass: 'positionClass',
          positionTitle: 'positionTitle',
        } as const
      )[sub as 'name'] ?? 'subjectName'
    );
  }
  if (head === 'reporter') {
    return (
      (
        {
          name: 'reporterName',
          contact: 'reporterContact',
          channel: 'reporterChannel',
          anonymous: 'reporterAnonymous',
        } as const
      )[sub as 'name'] ?? 'reporterName'
    );
  }
  const direct: Record<string, ColumnKey> = {
    unitId: 'unit',
    contest: 'contest',
    race: 'race',
    actOn: 'actOn',
    receivedOn: 'receivedOn',
    knownOn: 'knownOn',
    source: 'source',
    summary: 'summary',
    provisions: 'provisions',
    prohibitionCodes: 'codes',
    circular: 'circular',
  };
  return direct[head] ?? null;
}

export function headerOf(key: ColumnKey | null): string | null {
  return key === null ? null : (importColumns.find((c) => c.key === key)?.header ?? null);
}

const splitList = (text: string) =>
  text
    .split(/[;,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Turns the data rows of a sheet into candidate inputs of `cases.create`. `rows` are 1-based row
 * numbers to map (all data rows when omitted); blank rows are skipped.
 */
export function mapSheet(
  sheet: readonly (readonly string[])[],
  layout: SheetLayout,
  ref: { units: readonly SheetUnit[]; circulars: readonly SheetCircular[]; regencyId: string },
  rows?: readonly number[],
): MappedRow[] {
  const unitsByName = new Map(ref.units.map((u) => [normalizeLabel(u.name), u]));
  const circularsByNumber = new Map(
    ref.circulars.filter((c) => c.number !== null).map((c) => [normalizeLabel(c.number as string), c]),
  );
  const defaultCircular = [...ref.circulars].sort(
    (a, b) =>
      Number(b.regencyId === ref.regencyId) - Number(a.regencyId === ref.regencyId) ||
      (b.issuedOn ?? '').localeCompare(a.issuedOn ?? ''),
  )[0];
  const wanted = rows ? new Set(rows) : null;
  const out: MappedRow[] = [];
  for (let i = layout.headerRow; i < sheet.length; i += 1) {
    const rowNumber = i + 1;
    if (wanted && !wanted.has(rowNumber)) continue;
    const cells = sheet[i] ?? [];
    if (cells.every((c) => c.trim() === '')) continue;
    const cell: Partial<Record<ColumnKey, string>> = {};
    layout.columns.forEach((column, j) => {
      if (column.key !== null) cell[column.key] = (cells[j] ?? '').trim();
    });
    const get = (key: ColumnKey) => cell[key] ?? '';
    const opt = (key: ColumnKey) => (get(key) === '' ? null : get(key));
    const issues: MappingIssue[] = [];

    let unitId: string | null = null;
    const unitName = opt('unit');
    if (unitName !== null) {
      const unit = unitsByName.get(normalizeLabel(unitName));
      if (unit) unitId = unit.id;
      else
        issues.push({
          path: 'unitId',
          text: {
            id: `Unit kerja "${unitName}" tidak ditemukan di kabupaten/kota ini.`,
            en: `No unit named "${unitName}" in this regency.`,
          },
        });
    }

    const nip = opt('nip');
    if (nip !== null && /e\+?\d+$/i.test(nip)) {
      issues.push({
        path: 'subject.nip',
        text: {
          id: `NIP terbaca sebagai angka (${nip}); format kolom NIP sebagai Teks lalu ketik ulang.`,
          en: `The NIP was read as a number (${nip}); format the NIP column as Text and type it again.`,
        },
      });
    }

    const provisionPaths = splitList(get('provisions'));
    let provisions: { circularId: string; circularVersion: number; path: string }[] = [];
    if (provisionPaths.length > 0) {
      const number = opt('circular');
      const circular = number === null ? defaultCircular : circularsByNumber.get(normalizeLabel(number));
      if (!circular) {
        issues.push({
          path: 'circular',
          text:
            number === null
              ? {
                  id: 'Belum ada surat edaran yang diterbitkan untuk dirujuk.',
                  en: 'There is no published circular to cite.',
                }
              : {
                  id: `Surat edaran "${number}" tidak ditemukan di antara yang telah diterbitkan.`,
                  en: `No published circular numbered "${number}".`,
                },
        });
      } else {
        provisions = provisionPaths.map((path) => ({
          circularId: circular.id,
          circularVersion: circular.version,
          path: path.replace(/\.$/, ''),
        }));
      }
    }

    const codes = splitList(get('codes')).map((c) => c.toUpperCase().replace(/\s+/g, ''));
    const reporterFields = ['reporterName', 'reporterContact', 'reporterChannel', 'reporterAnonymous'] as const;
    const hasReporter = reporterFields.some((k) => get(k) !== '');
    const source = pick(sources, get('source'));
    const anonymous = YES.has(normalizeLabel(get('reporterAnonymous')));

    const input: Record<string, unknown> = {
      unitId,
      contest: pick(contestCodes, get('contest')),
      race: opt('race') === null ? null : pick(races, get('race')),
      actOn: parseSheetDate(get('actOn')),
      receivedOn: opt('receivedOn') === null ? null : parseSheetDate(get('receivedOn')),
      knownOn: opt('knownOn') === null ? null : parseSheetDate(get('knownOn')),
      subject: {
        name: get('subjectName'),
        nip,
        nik: opt('nik'),
        employmentType: pick(employmentTypes, get('employmentType')),
        positionClass: pick(positionClasses, get('positionClass')),
        positionTitle: opt('positionTitle'),
      },
      provisions,
      prohibitionCodes: codes.length > 0 ? codes : null,
      source,
      summary: get('summary'),
      reporter: hasReporter
        ? {
            name: anonymous ? null : opt('reporterName'),
            contact: opt('reporterContact'),
            channel:
              opt('reporterChannel') === null
                ? source.startsWith('bawaslu')
                  ? 'bawaslu'
                  : 'other'
                : pick(channels, get('reporterChannel')),
            anonymous,
            confidential: true,
          }
        : null,
    };
    out.push({ row: rowNumber, input, issues, unitName });
  }
  return out;
}
