/**
 * Readers for single fields of a circular, each working on one line or phrase: dates in
 * Indonesian (with OCR damage), numbers, office titles and the regions they name, signatory
 * lines, and the scope words (ASN, Non-ASN, perangkat desa).
 */
import type { CircularScope } from '../model';

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const MONTH_NAMES = [
  'januari',
  'februari',
  'maret',
  'april',
  'mei',
  'juni',
  'juli',
  'agustus',
  'september',
  'oktober',
  'november',
  'desember',
] as const;

const MONTH_ALIASES: Record<string, number> = {
  jan: 1,
  janu: 1,
  january: 1,
  feb: 2,
  peb: 2,
  febr: 2,
  pebruari: 2,
  february: 2,
  mar: 3,
  mart: 3,
  march: 3,
  apr: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  agu: 8,
  agt: 8,
  ags: 8,
  agst: 8,
  agus: 8,
  agust: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nop: 11,
  nopember: 11,
  des: 12,
  dec: 12,
  desemb: 12,
  december: 12,
};

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * Month number from an Indonesian month name, abbreviation or OCR-damaged spelling.
 *
 * @example parseMonth('Desernber') // 12
 */
export function parseMonth(word: string): number | null {
  const w = word
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/rn/g, 'm')
    .replace(/0/g, 'o')
    .replace(/1/g, 'l')
    .replace(/[^a-z]/g, '');
  if (w.length < 3) return null;
  const exact = MONTH_NAMES.indexOf(w as (typeof MONTH_NAMES)[number]);
  if (exact >= 0) return exact + 1;
  const alias = MONTH_ALIASES[w];
  if (alias !== undefined) return alias;
  const max = w.length >= 6 ? 2 : 1;
  let best: number | null = null;
  let bestDistance = max + 1;
  let tie = false;
  for (let m = 0; m < MONTH_NAMES.length; m++) {
    const d = editDistance(w, MONTH_NAMES[m] ?? '', max);
    if (d < bestDistance) {
      bestDistance = d;
      best = m + 1;
      tie = false;
    } else if (d === bestDistance) tie = true;
  }
  return bestDistance <= max && !tie ? best : null;
}

/** Digits OCR read as letters in a numeric field ("3O" → "30"). */
export function ocrDigits(s: string): string {
  return s.replace(/[Oo]/g, '0').replace(/[lI]/g, '1');
}

function isoDate(day: number, month: number, year: number): string | null {
  if (!Number.isInteger(day) || year < 1945 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  if (day > (days[month - 1] ?? 0)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DATE_WORDS_RE = /(?:^|\s)([0-9OolI]{1,2})\s*([A-Za-z][A-Za-z0-9]{2,11})\.?\s*,?\s*([0-9OolI]{4})(?=\s|$|[.,;])/;
const DATE_NUMERIC_RE = /(?:^|\s)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?=\s|$|[.,;])/;
const MONTH_YEAR_RE = /^([A-Za-z]{3,12})\.?\s+(\d{4})$/;

export interface DateHit {
  /** ISO date, or null when the text is a date with its day left blank or impossible. */
  iso: string | null;
  text: string;
}

/**
 * Finds a date written as "30 Januari 2023", "3O Jan 2O23" or "30-01-2023" in a piece of text.
 *
 * @example findDate('pada tanggal 30 Januari 2023')?.iso // '2023-01-30'
 */
export function findDate(text: string): DateHit | null {
  const m = DATE_WORDS_RE.exec(text);
  if (m?.[1] && m[2] && m[3]) {
    const month = parseMonth(m[2]);
    if (month !== null) {
      return { iso: isoDate(Number(ocrDigits(m[1])), month, Number(ocrDigits(m[3]))), text: m[0].trim() };
    }
  }
  const n = DATE_NUMERIC_RE.exec(text);
  if (n?.[1] && n[2] && n[3]) return { iso: isoDate(Number(n[1]), Number(n[2]), Number(n[3])), text: n[0].trim() };
  const my = MONTH_YEAR_RE.exec(text.trim());
  if (my?.[1] && my[2] && parseMonth(my[1]) !== null) return { iso: null, text: text.trim() };
  return null;
}

const PLACE_DATE_RE = /^([A-Z][A-Za-z.'’ -]{1,48}?)\s*,\s*(.{6,40})$/;
const PLACE_WORD_RE = /^(?:[A-Z][A-Za-z.'’-]*|di|dan)$/;
const NOT_PLACE_RE = /^(?:Nomor|No|Yth|Kepada|Hal|Perihal|Sifat|Lampiran|Tanggal|Tembusan|NIP)\b/i;

/**
 * Reads a "Pelaihari, 30 Januari 2023" line; the date may be blank ("Pelaihari,    Januari 2023").
 *
 * @example parsePlaceDate('Bandar Seri Bentan, 25 November 2023') // { place: 'Bandar Seri Bentan', date: { iso: '2023-11-25', … } }
 */
export function parsePlaceDate(line: string): { place: string; date: DateHit } | null {
  if (line.length > 90 || line.indexOf(',') < 0) return null;
  const m = PLACE_DATE_RE.exec(line);
  if (!m?.[1] || !m[2]) return null;
  const place = m[1].trim();
  if (NOT_PLACE_RE.test(place)) return null;
  const words = place.split(' ');
  if (words.length > 5 || !words.every((w) => PLACE_WORD_RE.test(w))) return null;
  const rest = m[2].replace(/\s+M\.?$/, '').trim();
  const date = findDate(rest);
  if (!date || date.text.length < rest.length - 2) return null;
  return { place, date };
}

// ---------------------------------------------------------------------------------------------
// Numbers, offices, names
// ---------------------------------------------------------------------------------------------

const NUMBER_TOKEN_SPLIT_RE = /([/.\- ]+)/;
const OCR_NUMBER_TOKEN_RE = /^[0-9OoIlG]+$/;

/**
 * Cleans a circular number: spaces around slashes removed, OCR letters in numeric parts fixed.
 *
 * @example cleanNumber(' 863/ 0321 /BKPSDM/2O23') // '863/0321/BKPSDM/2023'
 */
export function cleanNumber(raw: string): string | null {
  let s = raw
    .replace(/^[\s:.]+/, '')
    .split(/\s+TENTANG\b/i)[0]
    ?.trim();
  if (!s) return null;
  s = s
    .replace(/\s*([/.-])\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(/[.,;:]+$/, '');
  const parts = s.split(NUMBER_TOKEN_SPLIT_RE).map((tok) => {
    if (tok.length < 2 || !OCR_NUMBER_TOKEN_RE.test(tok) || !/\d/.test(tok)) return tok;
    return tok.replace(/[Oo]/g, '0').replace(/[Il]/g, '1').replace(/G/g, '6');
  });
  const out = parts.join('');
  return /\d/.test(out) && out.length <= 80 ? out : null;
}

const OFFICE_PREFIX = String.raw`(?:(?:Pj|Plt|Plh|Penjabat|Pelaksana\s+Tugas|Pelaksana\s+Harian)\.?\s+)?`;
/** A letterhead naming the issuing office: head of region, regional government or secretariat. */
export const ISSUER_RE = new RegExp(
  String.raw`^(?:${OFFICE_PREFIX}(?:BUPATI|WALI\s?KOTA|GUBERNUR)\s+\S|PEMERINTAH\s+(?:KABUPATEN|KOTA|PROVINSI|DAERAH)\b|SEKRETARIAT\s+DAERAH\b|SEKRETARIS\s+DAERAH\b)`,
  'i',
);
const SIG_TITLE_RE = new RegExp(
  String.raw`^(?:(?:a\.?\s?n\.?|u\.?\s?b\.?)\s+)?${OFFICE_PREFIX}(?:BUPATI|WALI\s?KOTA|GUBERNUR|SEKRETARIS\s+DAERAH|KEPALA\s+(?:BADAN|DINAS|KANTOR|BIRO|BAGIAN)|INSPEKTUR|ASISTEN)\b`,
  'i',
);
const LOWER_WORD_RE = /(?:^|\s)(?!a\.n\.|u\.b\.|an\.|dan\b)\p{Ll}/u;
const DIGIT_RE = /\d/;

/**
 * Whether a line is the title above a signature ("BUPATI TANAH LAUT,", "a.n. Bupati Bintan").
 *
 * @example isSignatureTitle('Pj. BUPATI BINTAN,') // true
 */
export function isSignatureTitle(text: string): boolean {
  if (text.length > 90 || DIGIT_RE.test(text) || !SIG_TITLE_RE.test(text)) return false;
  if (text.split(' ').length > 10) return false;
  const afterPrefix = text.replace(/^(?:a\.?\s?n\.?|u\.?\s?b\.?)\s+/i, '');
  return !LOWER_WORD_RE.test(afterPrefix);
}

const OFFICE_WORD_RE =
  /\b(?:BUPATI|WALI\s?KOTA|GUBERNUR|SEKRETARIS|SEKRETARIAT|KEPALA|KABUPATEN|PROVINSI|INSPEKTUR|ASISTEN|BADAN|DINAS|PEMERINTAH|TEMBUSAN|LAMPIRAN|REPUBLIK)\b/i;
/** Lines between a signature title and the name: "ttd", stamps, e-signature notes. */
export const SKIP_SIGNATURE_RE =
  /^(?:\[.*\]|\(.*\)|ttd\.?|t\.t\.d\.?|dto\.?|cap|stempel|cap\s*\/?\s*ttd|ditandatangani\b.*|tanda tangan\b.*|dokumen ini\b.*|qr\b.*|scan\b.*)$/i;
const PANGKAT_RE = /^(?:Pembina|Penata|Pengatur|Juru)\b|\((?:IV|III|II|I)\s*\/\s*[a-e]\)/i;
/** "NIP. 19680512 199303 1 012", spaces and OCR letters allowed. */
export const NIP_RE = /\bNIP\.?\s*:?\s*([0-9OoIl][0-9OoIl ]{15,40})/i;

/** Whether a line can be a person's name (no office words, digits or pangkat). */
export function isNameLine(text: string): boolean {
  if (text.length < 3 || text.length > 80 || DIGIT_RE.test(text) || text.endsWith(':')) return false;
  if (OFFICE_WORD_RE.test(text) || SKIP_SIGNATURE_RE.test(text) || PANGKAT_RE.test(text)) return false;
  if (/^NIP\b/i.test(text)) return false;
  const words = text.split(' ');
  return words.length <= 10 && /\p{L}{2}/u.test(text);
}

/** A name without Markdown or trailing punctuation. */
export function cleanName(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[,;:]+$/, '')
    .trim();
}

const TITLE_KEEP_UPPER = new Set(['DKI', 'DIY', 'NTB', 'NTT']);
const TITLE_LOWER = new Set(['dan', 'di']);

function titleCase(s: string): string {
  return s
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => {
      if (TITLE_KEEP_UPPER.has(w.toUpperCase())) return w.toUpperCase();
      const lower = w.toLowerCase();
      if (TITLE_LOWER.has(lower)) return lower;
      return lower.replace(/(^|[-'’])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
    })
    .join(' ');
}

const REGION_STOP_RE =
  /\s+(?:PROVINSI|NOMOR|TAHUN|TENTANG|DALAM|DI|YANG|PADA|UNTUK|SE|SERTA|BAGI|KEPADA|SELURUH|TERHADAP|TERKAIT|PEMILIHAN|PEMILU|NETRALITAS|ASN|PEGAWAI|SECARA|AGAR|SEBAGAI|DAN\s+(?!KEPULAUAN))\b.*$/i;

/** A region name cut from an office or running text, title-cased ("TANAH LAUT" → "Tanah Laut"). */
export function regionName(raw: string): string | null {
  const s = raw
    .split(',')[0]
    ?.replace(REGION_STOP_RE, '')
    .replace(/[^\p{L}\s'’-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s || s.length < 3 || s.split(' ').length > 4) return null;
  return titleCase(s);
}

export interface Region {
  regencyName: string | null;
  regencyKind: 'kabupaten' | 'kota' | null;
  province: string | null;
}

const OFFICE_REGION_RE = new RegExp(
  String.raw`^(?:(?:a\.?\s?n\.?)\s+)?${OFFICE_PREFIX}(?:(BUPATI)|(WALI\s?KOTA)|(GUBERNUR))\s+(.+)$|^PEMERINTAH\s+(?:(KABUPATEN)|(KOTA)|(PROVINSI))\s+(.+)$`,
  'i',
);

/**
 * The regency or province an office names.
 *
 * @example regionFromOffice('BUPATI TANAH LAUT') // { regencyName: 'Tanah Laut', regencyKind: 'kabupaten', province: null }
 */
export function regionFromOffice(office: string): Region {
  const region: Region = { regencyName: null, regencyKind: null, province: null };
  const m = OFFICE_REGION_RE.exec(office.trim());
  if (!m) return region;
  const name = regionName(m[4] ?? m[8] ?? '');
  if (!name) return region;
  if (m[1] || m[5]) {
    region.regencyName = name;
    region.regencyKind = 'kabupaten';
  } else if (m[2] || m[6]) {
    region.regencyName = name;
    region.regencyKind = 'kota';
  } else region.province = name;
  return region;
}

const REGENCY_IN_TEXT_RE = /\b(Kabupaten|KABUPATEN|Kota|KOTA)\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})/u;
const PROVINCE_IN_TEXT_RE = /\b(?:Provinsi|PROVINSI)\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3})/u;

/** Fills what `region` lacks from names written in running text ("se-Kabupaten Bintan"). */
export function regionFromText(region: Region, texts: readonly string[]): Region {
  const out = { ...region };
  for (const t of texts) {
    if (out.regencyName && out.province) break;
    if (!out.regencyName) {
      const m = REGENCY_IN_TEXT_RE.exec(t);
      const name = m?.[2] ? regionName(m[2]) : null;
      if (m?.[1] && name) {
        out.regencyName = name;
        out.regencyKind = m[1].toLowerCase() === 'kota' ? 'kota' : 'kabupaten';
      }
    }
    if (!out.province) {
      const p = PROVINCE_IN_TEXT_RE.exec(t);
      const name = p?.[1] ? regionName(p[1]) : null;
      if (name) out.province = name;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scope
// ---------------------------------------------------------------------------------------------

const ASN_RE =
  /\b(?:ASN|PNS|PPPK|P3K|Aparatur Sipil Negara|Pegawai Negeri Sipil|Pegawai Pemerintah dengan Perjanjian Kerja)\b/i;
const NON_ASN_RE =
  /\bnon[\s-]?(?:asn|pns)\b|\bppnpn\b|\bhonorer\b|\bpegawai pemerintah non[\s-]?pegawai negeri\b|\btenaga (?:kontrak|harian lepas|honorer|pendukung|non[\s-]?asn)\b|\bTHL\b|\bpegawai tidak tetap\b|\bpegawai non[\s-]?asn\b/i;
const VILLAGE_RE =
  /\b(?:kepala desa|perangkat desa|kades|aparatur desa|aparat desa|pemerintah desa|kepala kampung|perangkat kampung|kepala pekon|perangkat nagari|wali nagari)\b/i;

/**
 * Who the circular covers, from the words used anywhere in its title, opening and provisions.
 *
 * @example detectScope(['NETRALITAS ASN DAN NON ASN']) // ['ASN', 'NON_ASN']
 */
export function detectScope(texts: readonly string[]): CircularScope[] {
  let asn = false;
  let nonAsn = false;
  let village = false;
  for (const t of texts) {
    if (!asn && ASN_RE.test(t)) asn = true;
    if (!nonAsn && NON_ASN_RE.test(t)) nonAsn = true;
    if (!village && VILLAGE_RE.test(t)) village = true;
    if (asn && nonAsn && village) break;
  }
  const scope: CircularScope[] = [];
  if (asn || nonAsn) scope.push('ASN');
  if (nonAsn) scope.push('NON_ASN');
  if (village) scope.push('VILLAGE_OFFICIALS');
  return scope;
}
