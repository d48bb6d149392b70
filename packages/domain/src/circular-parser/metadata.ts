/**
 * Everything around the provisions: letterhead, letter block (Nomor/Sifat/Perihal), Yth. block,
 * SURAT EDARAN … TENTANG title and opening paragraph before the body; closing sentence,
 * place/date, signature and NIP after it; and where the body ends.
 */
import type { DateHit } from './fields';
import {
  cleanName,
  cleanNumber,
  findDate,
  ISSUER_RE,
  isNameLine,
  isSignatureTitle,
  NIP_RE,
  ocrDigits,
  parsePlaceDate,
  regionName,
  SKIP_SIGNATURE_RE,
} from './fields';
import type { SourceLine } from './normalize';
import { cleanText, joinLines, parseLabel } from './normalize';

// ---------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------

const SURAT_EDARAN_RE = /^SURAT\s+EDARAN\b\s*(.*)$/i;
const NUMBER_LINE_RE = /^(?:NOMOR|Nomor|NO|No)\b\s*\.?\s*:?\s*(.*)$/;
const NUMBER_INLINE_RE = /\bNOMOR\s*:?\s*(.+)$/i;
const TENTANG_RE = /^TENTANG\b\s*:?\s*(.*)$/i;
const TENTANG_INLINE_RE = /\bTENTANG\s*:?\s*(.+)$/i;
const LETTER_FIELD_RE = /^(?:Sifat|Lampiran|Lamp\.?)\s*:/i;
const PERIHAL_RE = /^(?:Perihal|Hal)\s*:\s*(.*)$/i;
const YTH_RE = /^(?:Kepada\s*:?\s*)?(?:Yth|Yang\s+terhormat)\b\.?\s*:?\s*(.*)$/i;
const KEPADA_RE = /^Kepada\s*:?\s*$/i;
const ADDRESSEE_END_RE =
  /^(?:di\s*[-–—:.]*\s*(?:tempat)?\.?|tempat\.?|di\s*[-–—]\s*\S.*|di\s+(?!lingkungan)\p{Lu}[\p{L}]+(?:\s\p{Lu}[\p{L}]+)?\.?)$/iu;
const KOP_NOISE_RE =
  /^(?:Jalan|Jln?\.?|Telp|Telepon|Tlp|Fax|Faks|Faksimile|E-?mail|Surel|Website|Laman|Kode\s*Pos|http|www\.|PROVINSI\s)/i;
const PROVINCE_LINE_RE = /^PROVINSI\s+(.+)$/i;
const OPENING_RE =
  /^(?:Dalam\s+rangka|Menindak\s*lanjuti|Sehubungan|Berdasarkan|Memperhatikan|Mengingat|Bersama\s+ini|Dengan\s+hormat|Dengan\s+ini|Sesuai\s+dengan|Merujuk|Menyikapi|Guna|Dalam\s+upaya|Sebagaimana|Untuk\s+menjaga|Dalam\s+menghadapi|Menjelang)\b/i;
const DITETAPKAN_RE = /^(?:Ditetapkan|Dikeluarkan)\s+di\s*:?\s*(.*)$/i;
const PADA_TANGGAL_RE = /^(?:pada\s+)?tanggal\s*:?\s*(.+)$/i;
const CLOSING_RE = /^(?:Demikian|Atas\s+perhatian|Atas\s+kerja\s*sama)/i;
const TEMBUSAN_RE = /^Tembusan\b/i;
const LAMPIRAN_SECTION_RE = /^LAMPIRAN\b(?!\s*:)/;

function wordCount(s: string): number {
  let n = 1;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 32) n++;
  return n;
}

function isMostlyUpper(s: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const ch of s) {
    if (ch >= 'a' && ch <= 'z') lower++;
    else if (ch >= 'A' && ch <= 'Z') upper++;
  }
  return upper > 0 && lower <= upper * 0.1;
}

function isStructural(text: string): boolean {
  return (
    SURAT_EDARAN_RE.test(text) ||
    TENTANG_RE.test(text) ||
    PERIHAL_RE.test(text) ||
    LETTER_FIELD_RE.test(text) ||
    YTH_RE.test(text) ||
    CLOSING_RE.test(text) ||
    TEMBUSAN_RE.test(text) ||
    (NUMBER_LINE_RE.test(text) && text.length <= 60 && /\d/.test(text)) ||
    parsePlaceDate(text) !== null
  );
}

const SENTENCE_END_RE = /[.;:!?,]["”’)]?$/;

export type TerminatorKind = 'closing' | 'signature' | 'enactment' | 'copies' | 'attachment' | 'date';

function nextContentLine(lines: readonly SourceLine[], from: number): SourceLine | null {
  for (let j = from; j < lines.length && j < from + 12; j++) {
    const l = lines[j];
    if (l && !l.blank && !l.furniture) return l;
  }
  return null;
}

/**
 * Whether line `i` ends the body: closing sentence, place/date, "Ditetapkan di", signature
 * title, Tembusan or an attachment. A signature-like title followed by more list items is a
 * running page header, not the end.
 */
export function terminatorAt(lines: readonly SourceLine[], i: number): TerminatorKind | null {
  const l = lines[i];
  if (!l || l.blank || l.furniture || l.label) return null;
  const t = l.text;
  if (CLOSING_RE.test(t)) return 'closing';
  if (TEMBUSAN_RE.test(t)) return 'copies';
  if (DITETAPKAN_RE.test(t)) return 'enactment';
  if (LAMPIRAN_SECTION_RE.test(t) && isMostlyUpper(t)) return 'attachment';
  if (parsePlaceDate(t)) return 'date';
  if (isSignatureTitle(t) && !/[.;]$/.test(t)) {
    // "… kepada\nBupati Tanah Laut" finishes a sentence; a title before a signature ends in "," or stands alone.
    const prev = lines[i - 1];
    if (!t.endsWith(',') && prev && !prev.blank && !prev.furniture && !SENTENCE_END_RE.test(prev.text)) return null;
    const next = nextContentLine(lines, i + 1);
    return next?.label ? null : 'signature';
  }
  return null;
}

/** A repeated letterhead line inside the body (page header of page 2…). */
export function isRunningHeader(lines: readonly SourceLine[], i: number, issuer: string | null): boolean {
  const l = lines[i];
  if (!l || l.label || !issuer) return false;
  if (l.text.replace(/[,.]$/, '').toUpperCase() !== issuer.toUpperCase()) return false;
  return nextContentLine(lines, i + 1)?.label != null;
}

export interface HeaderInfo {
  issuer: string | null;
  kopProvince: string | null;
  number: string | null;
  date: DateHit | null;
  place: string | null;
  title: string | null;
  addressees: string[];
  opening: string | null;
  /** Index of the first line after the header (first provision or terminator). */
  end: number;
}

function buildAddressees(collected: readonly SourceLine[]): string[] {
  const groups: string[][] = [];
  const anyLabel = collected.some((l) => l.label);
  for (const l of collected) {
    const text = l.text.replace(YTH_RE, '$1').trim();
    if (text.length === 0) continue;
    if (anyLabel) {
      const parsed = l.label ? { rest: l.rest } : null;
      if (parsed || groups.length === 0) groups.push([parsed ? parsed.rest : text]);
      else groups[groups.length - 1]?.push(text);
    } else {
      if (groups.length === 0) groups.push([]);
      groups[0]?.push(text);
    }
  }
  const out: string[] = [];
  for (const g of groups) {
    const joined = joinLines(g);
    const pieces = anyLabel ? [joined] : joined.split(';');
    for (const p of pieces) {
      const clean = p
        .replace(/\s+di\s*[-–—:]*\s*$/i, '')
        .replace(/[;,.]+$/, '')
        .replace(/\s+dan$/i, '')
        .trim();
      if (clean.length > 0) out.push(clean);
    }
  }
  return out;
}

/**
 * Reads the lines before the first provision: letterhead, place/date, letter block, addressees,
 * title and opening, each in whatever order the circular puts them.
 */
export function scanHeader(lines: readonly SourceLine[]): HeaderInfo {
  const h: HeaderInfo = {
    issuer: null,
    kopProvince: null,
    number: null,
    date: null,
    place: null,
    title: null,
    addressees: [],
    opening: null,
    end: lines.length,
  };
  let top = true;
  let expectNumber = false;
  let paragraphs: string[][] = [];
  let current: string[] = [];
  const claim = () => {
    top = false;
    paragraphs = [];
    current = [];
  };
  const closeParagraph = () => {
    if (current.length > 0) paragraphs.push(current);
    current = [];
  };
  const hasOpening = () => paragraphs.length > 0 || current.length > 0;

  let i = 0;
  while (i < lines.length) {
    const l = lines[i] as SourceLine;
    if (l.furniture) {
      i++;
      continue;
    }
    if (l.blank) {
      closeParagraph();
      i++;
      continue;
    }
    const t = l.text;
    if (expectNumber) {
      expectNumber = false;
      const n = cleanNumber(t);
      if (n && t.length <= 60) {
        h.number = n;
        claim();
        i++;
        continue;
      }
    }
    if (l.label) break;
    const term = terminatorAt(lines, i);
    if (term === 'closing' || term === 'copies' || term === 'attachment') break;
    if ((term === 'signature' || term === 'enactment') && (hasOpening() || h.title)) break;
    if (term === 'date' && hasOpening()) break;

    const pd = parsePlaceDate(t);
    if (pd) {
      if (!h.date) {
        h.date = pd.date;
        h.place = pd.place;
      }
      claim();
      i++;
      continue;
    }
    const se = SURAT_EDARAN_RE.exec(t);
    if (se) {
      claim();
      const rest = se[1] ?? '';
      const num = NUMBER_INLINE_RE.exec(rest);
      if (num?.[1]) h.number ??= cleanNumber(num[1]);
      const ten = TENTANG_INLINE_RE.exec(rest);
      if (ten?.[1]) {
        i = collectTitle(lines, i + 1, ten[1], h);
        continue;
      }
      i++;
      continue;
    }
    const nl = NUMBER_LINE_RE.exec(t);
    if (nl && !h.number && !hasOpening() && t.length <= 80) {
      const n = cleanNumber(nl[1] ?? '');
      claim();
      if (n) h.number = n;
      else expectNumber = true;
      const ten = TENTANG_INLINE_RE.exec(nl[1] ?? '');
      if (ten?.[1]) {
        i = collectTitle(lines, i + 1, ten[1], h);
        continue;
      }
      i++;
      continue;
    }
    if (LETTER_FIELD_RE.test(t)) {
      claim();
      i++;
      continue;
    }
    const per = PERIHAL_RE.exec(t);
    if (per) {
      claim();
      const parts = [per[1] ?? ''];
      let j = i + 1;
      while (j < lines.length && j < i + 4) {
        const n = lines[j] as SourceLine;
        if (n.blank || n.furniture || n.label || isStructural(n.text) || OPENING_RE.test(n.text)) break;
        parts.push(n.text);
        j++;
      }
      const perihal = joinLines(parts);
      if (perihal && !h.title) h.title = perihal;
      i = j;
      continue;
    }
    const ten = TENTANG_RE.exec(t);
    if (ten) {
      claim();
      i = collectTitle(lines, i + 1, ten[1] ?? '', h);
      continue;
    }
    if (YTH_RE.test(t) || KEPADA_RE.test(t)) {
      claim();
      i = collectAddressees(lines, i, h);
      continue;
    }
    if (top) {
      if (!h.issuer && ISSUER_RE.test(t) && t.length <= 80) {
        h.issuer = t.replace(/[,.:;]+$/, '').trim();
        i++;
        continue;
      }
      const prov = PROVINCE_LINE_RE.exec(t);
      if (prov?.[1] && t.length <= 60) {
        h.kopProvince ??= regionName(prov[1]);
        i++;
        continue;
      }
      if (KOP_NOISE_RE.test(t) || (isMostlyUpper(t) && wordCount(t) <= 8)) {
        i++;
        continue;
      }
    }
    top = false;
    current.push(t);
    i++;
  }
  closeParagraph();
  h.end = i;
  if (paragraphs.length > 0) {
    const text = paragraphs
      .map((p) => joinLines(p))
      .filter((p) => p.length > 0)
      .join('\n\n');
    h.opening = text.length > 0 ? text : null;
  }
  return h;
}

function collectTitle(lines: readonly SourceLine[], from: number, first: string, h: HeaderInfo): number {
  const parts: string[] = first.trim() ? [first.trim()] : [];
  let j = from;
  while (j < lines.length && parts.length < 10) {
    const l = lines[j] as SourceLine;
    if (l.furniture) {
      j++;
      continue;
    }
    if (l.blank) {
      if (parts.length === 0) {
        j++;
        continue;
      }
      // Titles broken by a blank line stay in capitals; the opening paragraph does not.
      const next = nextContentLine(lines, j + 1);
      if (next && !next.label && isMostlyUpper(next.text) && wordCount(next.text) <= 14 && !isStructural(next.text)) {
        j++;
        continue;
      }
      break;
    }
    const t = l.text;
    if (l.label || isStructural(t) || OPENING_RE.test(t)) break;
    if (parts.length > 0 && isMostlyUpper(parts.join(' ')) && !isMostlyUpper(t) && wordCount(t) > 6) break;
    parts.push(t);
    j++;
  }
  const title = joinLines(parts);
  if (title) h.title = title;
  return j;
}

function collectAddressees(lines: readonly SourceLine[], from: number, h: HeaderInfo): number {
  const collected: SourceLine[] = [];
  const first = lines[from] as SourceLine;
  const firstRest = first.text.replace(YTH_RE, '$1').replace(KEPADA_RE, '').trim();
  if (firstRest) collected.push({ ...first, text: firstRest, ...labelOf(firstRest) });
  let j = from + 1;
  let blanks = 0;
  while (j < lines.length && j < from + 40) {
    const l = lines[j] as SourceLine;
    if (l.furniture) {
      j++;
      continue;
    }
    if (l.blank) {
      blanks++;
      if (blanks >= 2 && collected.length > 0) break;
      j++;
      continue;
    }
    const t = l.text;
    if (ADDRESSEE_END_RE.test(t)) {
      j++;
      // "di –" is followed by "Tempat" or the town on its own line.
      const next = nextContentLine(lines, j);
      if (next && !next.label && (/^tempat\.?$/i.test(next.text) || isTownLine(next.text))) {
        j = lines.indexOf(next, j) + 1;
      }
      break;
    }
    if (YTH_RE.test(t) && collected.length === 0) {
      const rest = t.replace(YTH_RE, '$1').trim();
      if (rest) collected.push({ ...l, text: rest, ...labelOf(rest) });
      j++;
      continue;
    }
    if (isStructural(t) || OPENING_RE.test(t)) break;
    const words = wordCount(l.label ? l.rest : t);
    if (words > 15 && (l.label || (blanks > 0 && collected.length > 0))) break;
    collected.push(l);
    blanks = 0;
    j++;
  }
  h.addressees = buildAddressees(collected);
  return j;
}

function isTownLine(text: string): boolean {
  return wordCount(text) <= 3 && /^\p{Lu}[\p{L}.'’ -]*$/u.test(text) && !isStructural(text) && !OPENING_RE.test(text);
}

function labelOf(text: string): Pick<SourceLine, 'label' | 'rest'> {
  const p = parseLabel(text);
  return p ? { label: p.label, rest: p.rest } : { label: null, rest: text };
}

// ---------------------------------------------------------------------------------------------
// Tail
// ---------------------------------------------------------------------------------------------

export interface TailInfo {
  closing: string | null;
  place: string | null;
  date: DateHit | null;
  signatureTitle: string | null;
  signatory: string | null;
  signatoryNip: string | null;
}

/**
 * Reads what follows the body: "Demikian …", place/date or "Ditetapkan di … pada tanggal …",
 * signature title, name, pangkat and NIP. Stops at Tembusan or an attachment.
 */
export function scanTail(lines: readonly SourceLine[], from: number): TailInfo {
  const tail: TailInfo = {
    closing: null,
    place: null,
    date: null,
    signatureTitle: null,
    signatory: null,
    signatoryNip: null,
  };
  const closing: string[] = [];
  let inClosing = false;
  let afterTitle = false;
  let lastName: string | null = null;
  for (let j = from; j < lines.length; j++) {
    const l = lines[j] as SourceLine;
    if (l.furniture) continue;
    if (l.blank) {
      inClosing = false;
      continue;
    }
    const t = l.text;
    if (TEMBUSAN_RE.test(t) || (LAMPIRAN_SECTION_RE.test(t) && isMostlyUpper(t))) break;
    if (tail.closing === null && closing.length === 0 && CLOSING_RE.test(t)) {
      closing.push(t);
      inClosing = true;
      continue;
    }
    const pd = parsePlaceDate(t);
    if (pd) {
      tail.place ??= pd.place;
      tail.date ??= pd.date;
      inClosing = false;
      continue;
    }
    const dt = DITETAPKAN_RE.exec(t);
    if (dt) {
      const [placePart, datePart] = (dt[1] ?? '').split(/\s+pada\s+tanggal\s*:?\s*/i);
      const place = placePart?.replace(/[,.;:]+$/, '').trim();
      if (place) tail.place = place;
      if (datePart) tail.date = findDate(datePart) ?? tail.date;
      inClosing = false;
      continue;
    }
    const pt = PADA_TANGGAL_RE.exec(t);
    if (pt?.[1] && t.length <= 60) {
      tail.date = findDate(pt[1]) ?? tail.date;
      continue;
    }
    const nip = NIP_RE.exec(t);
    if (nip?.[1]) {
      const digits = ocrDigits(nip[1]).replace(/\s+/g, '');
      if (/^\d{18}$/.test(digits)) tail.signatoryNip ??= digits;
      if (!tail.signatory && lastName) tail.signatory = lastName;
      continue;
    }
    if (!tail.signatory && isSignatureTitle(t)) {
      tail.signatureTitle = tail.signatureTitle ? `${tail.signatureTitle} ${t}` : t;
      afterTitle = true;
      inClosing = false;
      continue;
    }
    if (afterTitle && !tail.signatory) {
      if (SKIP_SIGNATURE_RE.test(t)) continue;
      if (isNameLine(t)) {
        tail.signatory = cleanName(t);
        afterTitle = false;
        continue;
      }
    }
    if (inClosing) {
      closing.push(t);
      continue;
    }
    if (isNameLine(t)) lastName = cleanName(t);
  }
  if (closing.length > 0) tail.closing = joinLines(closing);
  if (tail.signatureTitle) tail.signatureTitle = cleanText(tail.signatureTitle.replace(/[,.;:]+$/, ''));
  return tail;
}
