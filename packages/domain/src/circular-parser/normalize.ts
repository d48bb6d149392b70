/**
 * Turns whatever text people have (Markdown conversions, OCR output, pasted Word text) into
 * clean lines with their list labels recognised. Nothing here decides structure: that needs
 * the whole sequence of labels and lives in structure.ts.
 */

/** Longer input is cut: a circular is a few pages, and the parser must stay fast and bounded. */
export const MAX_INPUT_CHARS = 2_000_000;

// Control characters other than \t and \n, the replacement char, and invisible formatting marks.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/g;
const INVISIBLE_RE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const WIDE_SPACE_RE = /[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g;
const NEWLINE_RE = /\r\n?|[\u2028\u2029\u0085]/g;

export interface SanitizedInput {
  text: string;
  truncated: boolean;
  /** Share of characters that were control characters: high means binary, not text. */
  controlRatio: number;
}

/**
 * Makes any input safe to scan: a string, bounded, with plain newlines and spaces.
 *
 * @example sanitizeInput('A.\u00a0Dilarang\r\n').text // 'A. Dilarang\n'
 */
export function sanitizeInput(input: unknown): SanitizedInput {
  let text = typeof input === 'string' ? input : input == null ? '' : safeString(input);
  const truncated = text.length > MAX_INPUT_CHARS;
  if (truncated) text = text.slice(0, MAX_INPUT_CHARS);
  const before = text.length;
  let controls = 0;
  text = text.replace(CONTROL_RE, () => {
    controls++;
    return ' ';
  });
  text = text.replace(NEWLINE_RE, '\n').replace(INVISIBLE_RE, '').replace(WIDE_SPACE_RE, ' ').replace(/\t/g, '    ');
  return { text, truncated, controlRatio: before === 0 ? 0 : controls / before };
}

function safeString(input: unknown): string {
  try {
    return String(input);
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------

export type LabelKind = 'upper' | 'lower' | 'arabic' | 'roman' | 'lroman' | 'decimal' | 'bullet';
export type LabelForm = '.' | ')' | '()';

/** One way to read a label: `I.` may be the letter I, roman one, or an OCR'd `1.`. */
export interface LabelCandidate {
  kind: LabelKind;
  /** Kind plus punctuation: `1.` and `1)` are different list styles. */
  style: string;
  ordinal: number;
  /** The label as a path segment. */
  segment: string;
  /** For decimal labels `2.1.3`: the part before the last number (`2.1`). */
  prefix?: string;
}

export interface Label {
  /** As written, e.g. `(a)`, `1)`, `2.1.`. */
  raw: string;
  candidates: LabelCandidate[];
}

const PAREN_LABEL_RE = /^\(\s*([0-9lIO]{1,2}|[A-Za-z]|[IVXivx]{2,5})\s*\)/;
const DECIMAL_LABEL_RE = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?(?=\s|$)/;
const SIMPLE_LABEL_RE = /^([0-9lIO]{1,2}|[A-Za-z]|[IVXivx]{2,5})([.)])(?=\s|$)/;
// OCR often eats the space after a label ("1.Memberikan"); only trust it before a capitalised word.
const TIGHT_LABEL_RE = /^(\d{1,2}|[A-Za-z])([.)])(?=\p{Lu}\p{Ll})/u;
const ROMAN_RE = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
const DIGITISH_RE = /^[0-9lIO]{1,2}$/;
const HAS_DIGIT_RE = /\d/;

function romanValue(token: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10 };
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const v = values[token[i] ?? ''] ?? 0;
    const next = values[token[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function candidatesFor(token: string, form: LabelForm): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  const add = (kind: LabelKind, ordinal: number, segment: string) => {
    if (ordinal >= 1) out.push({ kind, style: kind + form, ordinal, segment });
  };
  if (DIGITISH_RE.test(token) && HAS_DIGIT_RE.test(token)) {
    // "1O." and "l1." are OCR for 10 and 11.
    const n = Number(token.replace(/[lI]/g, '1').replace(/O/g, '0'));
    add('arabic', n, String(n));
    return out;
  }
  if (token.length === 1) {
    const code = token.charCodeAt(0);
    if (code >= 97 && code <= 122) {
      add('lower', code - 96, token);
      if (token === 'i' || token === 'v' || token === 'x') add('lroman', romanValue(token.toUpperCase()), token);
      if (token === 'l') add('arabic', 1, '1');
    } else if (code >= 65 && code <= 90) {
      add('upper', code - 64, token);
      if (token === 'I' || token === 'V' || token === 'X') add('roman', romanValue(token), token);
      if (token === 'I') add('arabic', 1, '1');
    }
    return out;
  }
  const upper = token.toUpperCase();
  if (ROMAN_RE.test(upper)) {
    if (token === upper) add('roman', romanValue(upper), upper);
    else if (token === token.toLowerCase()) add('lroman', romanValue(upper), token);
  }
  return out;
}

/**
 * Reads a list label at the start of a (bullet-free) line.
 *
 * @example parseLabel('2.1. Melakukan sosialisasi')?.label.candidates[0] // { kind: 'decimal', segment: '1', prefix: '2', … }
 */
export function parseLabel(text: string): { label: Label; rest: string } | null {
  const first = text.charCodeAt(0);
  // Cheap pre-check: labels start with a letter, a digit or "(".
  if (
    !(first === 40 || (first >= 48 && first <= 57) || (first >= 65 && first <= 90) || (first >= 97 && first <= 122))
  ) {
    return null;
  }
  let m = PAREN_LABEL_RE.exec(text);
  if (m?.[1]) {
    const candidates = candidatesFor(m[1], '()');
    if (candidates.length > 0) return { label: { raw: m[0], candidates }, rest: text.slice(m[0].length).trim() };
  }
  m = DECIMAL_LABEL_RE.exec(text);
  if (m?.[1]) {
    const parts = m[1].split('.');
    const last = Number(parts[parts.length - 1]);
    if (last >= 1) {
      const prefix = parts
        .slice(0, -1)
        .map((p) => String(Number(p)))
        .join('.');
      const candidate: LabelCandidate = {
        kind: 'decimal',
        style: `decimal${parts.length}`,
        ordinal: last,
        segment: String(last),
        prefix,
      };
      return { label: { raw: m[0], candidates: [candidate] }, rest: text.slice(m[0].length).trim() };
    }
  }
  m = SIMPLE_LABEL_RE.exec(text) ?? TIGHT_LABEL_RE.exec(text);
  if (m?.[1] && m[2]) {
    const candidates = candidatesFor(m[1], m[2] as LabelForm);
    if (candidates.length > 0) return { label: { raw: m[0], candidates }, rest: text.slice(m[0].length).trim() };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Lines
// ---------------------------------------------------------------------------------------------

export interface SourceLine {
  /** 1-based line number in the input. */
  no: number;
  /** Markdown and bullets removed, spaces collapsed. */
  text: string;
  blank: boolean;
  /** Was a Markdown heading (`#`). */
  heading: boolean;
  /** Started with a bullet (`-`, `*`, `•`). */
  bullet: boolean;
  /** Page header/footer/number: dropped everywhere. */
  furniture: boolean;
  label: Label | null;
  /** Text after the label (the whole text when there is none). */
  rest: string;
}

const RULE_RE = /^(?:[-*_=~]\s*){3,}$/;
const TABLE_SEPARATOR_RE = /^\|?[\s:|-]*-[\s:|-]*\|?$/;
const BLOCKQUOTE_RE = /^(?:>\s?)+/;
const HEADING_RE = /^#{1,6}(?:\s+|$)/;
const HEADING_TAIL_RE = /\s+#+\s*$/;
const MD_ESCAPE_RE = /\\([\\`*_{}[\]()#+\-.!|>~:])/g;
const IMAGE_RE = /!\[[^\]]{0,200}\]\([^)]{0,500}\)/g;
const LINK_RE = /\[([^\]]{0,300})\]\([^)]{0,500}\)/g;
const HTML_COMMENT_RE = /<!--[\s\S]{0,500}?-->/g;
const HTML_TAG_RE = /<\/?[a-zA-Z][^<>]{0,80}>/g;
const ENTITY_RE = /&(nbsp|amp|lt|gt|quot|#39|apos);/g;
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
const BULLET_RE = /^(?:[-*+•●▪◦·‣○■□►➢✓–—]\s*(?=\S)\s*)+/;
const BULLET_NEEDS_SPACE_RE = /^[-*+]\S/;
const EMPHASIS_RE = /\*+|`+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;
const FILL_UNDERSCORE_RE = /_{3,}/g;
const SPACES_RE = /\s+/g;
const FURNITURE_RES = [
  /^[-–—]\s*\d{1,3}\s*[-–—]$/,
  /^(?:halaman|hal\.?|hlm\.?|page)\s*:?\s*\d{1,3}(?:\s*(?:dari|of|\/)\s*\d{1,3})?$/i,
  /^\d{1,3}$/,
  /^\d{1,3}\s*(?:dari|of|\/)\s*\d{1,3}$/i,
  /^\[?\s*page\s*\d{1,3}\s*\]?$/i,
];

function isFurniture(text: string): boolean {
  if (text.length > 24) return false;
  for (const re of FURNITURE_RES) if (re.test(text)) return true;
  return false;
}

function flattenTableRow(text: string): string | null {
  if (TABLE_SEPARATOR_RE.test(text)) return null;
  const cells = text
    .split('|')
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  // A first cell holding only "1" or "a" is the row's number: make it a label.
  const first = cells[0];
  if (first !== undefined && cells.length > 1 && /^(?:\d{1,2}|[a-zA-Z])$/.test(first)) cells[0] = `${first}.`;
  return cells.join(' ');
}

/**
 * Splits sanitized text into lines with Markdown removed and labels read.
 *
 * @example prepareLines('## A. DASAR\n- 1. UU 5/2014')[1]?.label?.candidates[0]?.segment // '1'
 */
export function prepareLines(text: string): SourceLine[] {
  const rawLines = text.replace(HTML_COMMENT_RE, ' ').split('\n');
  const lines: SourceLine[] = new Array(rawLines.length);
  for (let i = 0; i < rawLines.length; i++) {
    const raw = rawLines[i] ?? '';
    // A table's header row (the one above |---|) names columns: it is not content.
    const next = rawLines[i + 1];
    if (next !== undefined && isTableHeader(raw, next)) lines[i] = blankLine(i + 1, true);
    else lines[i] = prepareLine(raw, i + 1);
  }
  return lines;
}

function isTableHeader(raw: string, next: string): boolean {
  const t = raw.trim();
  const n = next.trim();
  return t.charCodeAt(0) === 124 && n.charCodeAt(0) === 124 && n.indexOf('-') >= 0 && TABLE_SEPARATOR_RE.test(n);
}

function blankLine(no: number, furniture = false): SourceLine {
  return { no, text: '', blank: true, heading: false, bullet: false, furniture, label: null, rest: '' };
}

function prepareLine(raw: string, no: number): SourceLine {
  let t = raw.trim();
  if (t.length === 0 || RULE_RE.test(t)) return blankLine(no);
  if (t.charCodeAt(0) === 124 /* | */) {
    const row = flattenTableRow(t);
    if (row === null) return blankLine(no, true);
    t = row;
  }
  t = t.replace(BLOCKQUOTE_RE, '');
  let heading = false;
  if (HEADING_RE.test(t)) {
    heading = true;
    t = t.replace(HEADING_RE, '').replace(HEADING_TAIL_RE, '');
  }
  if (t.indexOf('\\') >= 0) t = t.replace(MD_ESCAPE_RE, '$1');
  if (t.indexOf('](') >= 0) t = t.replace(IMAGE_RE, ' ').replace(LINK_RE, '$1');
  if (t.indexOf('<') >= 0) t = t.replace(HTML_TAG_RE, ' ');
  if (t.indexOf('&') >= 0) t = t.replace(ENTITY_RE, (_, e: string) => ENTITIES[e] ?? ' ');
  t = t.trim();
  if (isFurniture(t)) return blankLine(no, true);
  let bullet = false;
  const b = BULLET_RE.exec(t);
  // "-2 -" style page numbers are caught above; "*bold*" is emphasis, not a bullet.
  if (b && !BULLET_NEEDS_SPACE_RE.test(t)) {
    bullet = true;
    t = t.slice(b[0].length);
  }
  t = t.replace(FILL_UNDERSCORE_RE, ' ').replace(EMPHASIS_RE, '').replace(SPACES_RE, ' ').trim();
  if (t.length === 0) return blankLine(no);
  if (isFurniture(t) && !bullet) return blankLine(no, true);
  const parsed = parseLabel(t);
  return {
    no,
    text: t,
    blank: false,
    heading,
    bullet,
    furniture: false,
    label: parsed ? parsed.label : null,
    rest: parsed ? parsed.rest : t,
  };
}

// ---------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------

const WORD_BEFORE_HYPHEN_RE = /(\p{L}+)-$/u;
const FIRST_WORD_RE = /^\p{L}+/u;
const LOWER_START_RE = /^\p{Ll}/u;
const UPPER_START_RE = /^\p{Lu}/u;
const INLINE_BREAK_RE = /(\p{Ll}{2,})- (\p{Ll}{2,})/gu;
const CONJUNCTIONS = new Set(['dan', 'atau', 'serta', 'maupun', 'hingga', 'sampai']);

/** Joins "penyeleng-" + "garaan", keeps "masing-masing" and "se-Kabupaten". */
function joinHyphenated(left: string, right: string): string | null {
  const wb = WORD_BEFORE_HYPHEN_RE.exec(left);
  if (!wb?.[1]) return null;
  const before = wb[1];
  if (UPPER_START_RE.test(right)) return `${left}${right}`;
  if (!LOWER_START_RE.test(right)) return null;
  const after = FIRST_WORD_RE.exec(right)?.[0] ?? '';
  if (CONJUNCTIONS.has(after)) return null;
  // Reduplication ("kanak-kanak", "masing-masing") keeps its hyphen.
  if (after.toLowerCase().startsWith(before.toLowerCase())) return `${left}${right}`;
  return `${left.slice(0, -1)}${right}`;
}

/**
 * Joins wrapped lines into one text, repairing words split by a hyphen at the line end.
 *
 * @example joinLines(['penyeleng-', 'garaan Pemilu']) // 'penyelenggaraan Pemilu'
 */
export function joinLines(parts: readonly string[]): string {
  // Pieces are joined once at the end: growing one string and testing its end flattens it each time.
  const pieces: string[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    if (part.length === 0) continue;
    const last = pieces.length - 1;
    const prev = pieces[last];
    const joined = prev?.endsWith('-') ? joinHyphenated(prev, part) : null;
    if (joined !== null) pieces[last] = joined;
    else pieces.push(part);
  }
  return cleanText(pieces.join(' '));
}

// Words OCR gets wrong often enough in these documents to fix outright.
const OCR_WORDS: Record<string, string> = {
  pemiihan: 'pemilihan',
  pemlihan: 'pemilihan',
  pemllihan: 'pemilihan',
  pemilihah: 'pemilihan',
  pemiiihan: 'pemilihan',
  pemiljhan: 'pemilihan',
  netralltas: 'netralitas',
  netrahtas: 'netralitas',
  netrautas: 'netralitas',
  dllarang: 'dilarang',
  dilarnng: 'dilarang',
  kampanyc: 'kampanye',
  kampauye: 'kampanye',
};
const OCR_WORD_RE = new RegExp(`\\b(?:${Object.keys(OCR_WORDS).join('|')})\\b`, 'gi');
// Cheap ASCII pre-check so the Unicode-aware repairs below only run when a digit sits inside a word.
const DIGIT_IN_WORD_HINT_RE = /[a-z][01][a-z]|[A-Z][01][A-Z]/;
const DIGIT_IN_LOWER_WORD_RE = /(\p{Ll})([10])(?=\p{Ll})/gu;
const DIGIT_IN_UPPER_WORD_RE = /(\p{Lu})([10])(?=\p{Lu}{2})/gu;

function matchCase(model: string, word: string): string {
  if (model === model.toUpperCase()) return word.toUpperCase();
  if (model[0] === model[0]?.toUpperCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/**
 * Repairs common OCR misreadings inside words ("Pemiihan", "pe1aksana", "PEM1LIHAN").
 *
 * @example fixOcrWords('Pemiihan Umum') // 'Pemilihan Umum'
 */
export function fixOcrWords(text: string): string {
  let t = text.replace(OCR_WORD_RE, (w) => matchCase(w, OCR_WORDS[w.toLowerCase()] ?? w));
  if (DIGIT_IN_WORD_HINT_RE.test(t)) {
    t = t.replace(DIGIT_IN_LOWER_WORD_RE, (_, a: string, d: string) => a + (d === '1' ? 'l' : 'o'));
    t = t.replace(DIGIT_IN_UPPER_WORD_RE, (_, a: string, d: string) => a + (d === '1' ? 'I' : 'O'));
  }
  return t;
}

/** Collapses spaces, rejoins words OCR split inside a line, fixes OCR words. */
export function cleanText(text: string): string {
  let t = text.replace(SPACES_RE, ' ').trim();
  if (t.indexOf('- ') >= 0) {
    t = t.replace(INLINE_BREAK_RE, (whole, a: string, b: string) => {
      if (CONJUNCTIONS.has(b) || b.startsWith(a)) return whole;
      return a + b;
    });
  }
  return fixOcrWords(t);
}

const FOLD_VARIANTS_RE =
  /\b(?:himbuan|medsos|sosmed|walikota|foto ?copy|foto ?kopi|fotocopy|isteri|non-? ?asn|postingan)\b/g;

function foldVariant(w: string): string {
  if (w === 'himbuan') return 'himbauan';
  if (w === 'medsos' || w === 'sosmed') return 'media sosial';
  if (w === 'walikota') return 'wali kota';
  if (w === 'isteri') return 'istri';
  if (w === 'postingan') return 'posting';
  if (w.startsWith('non')) return 'non asn';
  return 'fotokopi';
}

/**
 * Lower-cases and evens out spelling variants, for keyword matching only (never shown).
 *
 * @example foldForMatch('Memasang  Baliho/Medsos') // 'memasang baliho/media sosial'
 */
export function foldForMatch(text: string): string {
  return text.toLowerCase().replace(SPACES_RE, ' ').replace(FOLD_VARIANTS_RE, foldVariant);
}
