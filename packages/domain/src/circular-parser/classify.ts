/**
 * What each provision does (prohibition, obligation, appeal, basis, sanction) and whom it
 * addresses. Only the lead clause of an item counts: "himbauan" inside a list of prohibited
 * acts does not make the item an appeal. Items without their own signal inherit their lead-in's.
 */
import type { ProvisionKind } from '../model';
import { foldForMatch } from './normalize';
import type { DraftNode } from './structure';

interface Signal {
  re: RegExp;
  kind: ProvisionKind;
  /** Weak signals ("agar", "himbauan") only count where nothing is inherited. */
  strong: boolean;
}

const SIGNALS: readonly Signal[] = [
  {
    re: /\b(?:dilarang|tidak diperbolehkan|tidak diperkenankan|tidak dibenarkan|tidak boleh|melarang)\b/,
    kind: 'prohibition',
    strong: true,
  },
  {
    re: /(?<!melanggar |pelanggaran |terhadap |atas )\blarangan\b/,
    kind: 'prohibition',
    strong: true,
  },
  {
    re: /\b(?:wajib|diwajibkan|mewajibkan|kewajiban|harus|diharuskan|diinstruksikan|menginstruksikan|diperintahkan|memerintahkan|diminta|meminta|dimohon|memohon)\b/,
    kind: 'obligation',
    strong: true,
  },
  { re: /\b(?:agar|supaya|hendaknya|perlu|diharapkan|mengharapkan)\b/, kind: 'obligation', strong: false },
  { re: /\b(?:menghimbau|mengimbau|dihimbau|diimbau|menghimbaukan|mengimbaukan)\b/, kind: 'appeal', strong: true },
  { re: /\b(?:himbauan|imbauan|mengajak|ajakan|seruan)\b/, kind: 'appeal', strong: false },
  { re: /\b(?:sanksi|hukuman disiplin)\b/, kind: 'sanction', strong: false },
];

const PASSIVE_SANCTION_RE =
  /\b(?:dikenakan|dikenai|dijatuhi|dijatuhkan|diberikan|diberi|mendapat(?:kan)?|diproses|ditindak)\b[^.;]{0,40}?\b(?:sanksi|hukuman|tindakan disiplin)\b|\bsanksi\b[^.;]{0,60}?\b(?:dikenakan|dijatuhkan|diberikan)\b/;
const BASIS_HEADING_RE =
  /^(?:dasar(?: hukum)?|landasan(?: hukum)?|ketentuan normatif|rujukan|referensi|acuan|peraturan terkait)\b/;
const BASIS_LEAD_RE = /^(?:mengingat|memperhatikan|menimbang|berdasarkan)\b/;
const PROHIBITED_LIST_RE =
  /\b(?:bentuk(?:-bentuk)?|jenis(?:-jenis)?) (?:pelanggaran|larangan)\b|\b(?:hal-hal|hal|perbuatan|tindakan|kegiatan) yang dilarang\b|(?<!melanggar |pelanggaran |terhadap |atas )\blarangan\b/;
const CITATION_START_RE =
  /^(?:undang-undang|uu|peraturan|pp|perpres|permen\S*|perda|perbup|pergub|perwal\S*|perbawaslu|pkpu|keputusan|kepmen\S*|keppres|kepres|surat edaran|se|instruksi|inpres|skb|surat keputusan|surat menteri|surat kepala)\b/;
const CITATION_REF_RE = /\b(?:nomor|no\.?)\s*[\w./-]*\d|\b\d{1,4}\s+tahun\s+\d{4}\b/;
const STRONG_MODAL_RE = /\b(?:dilarang|wajib|harus|diwajibkan|tidak diperbolehkan|diminta|agar)\b/;
const LETTER_RE = /\p{L}/u;

/**
 * Index of the first sentence end ("." or ";" before a space), skipping abbreviations such as
 * "Pj." or "No." (a full stop needs four letters, a digit or ")" before it). -1 when none.
 */
function sentenceEnd(s: string): number {
  for (let i = 1; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch !== 46 && ch !== 59) continue;
    const next = s.charCodeAt(i + 1);
    if (!(Number.isNaN(next) || next === 32)) continue;
    if (ch === 59) return i;
    const prev = s[i - 1] ?? '';
    if ((prev >= '0' && prev <= '9') || prev === ')') return i;
    let letters = 0;
    for (let j = i - 1; j >= 0 && letters < 4 && LETTER_RE.test(s[j] ?? ''); j--) letters++;
    if (letters >= 4) return i;
  }
  return -1;
}

function firstSentence(s: string): string {
  const end = sentenceEnd(s);
  return end >= 0 ? s.slice(0, end) : s;
}

function lastSentence(s: string): string {
  let rest = s;
  for (let end = sentenceEnd(rest); end >= 0 && end < rest.length - 1; end = sentenceEnd(rest))
    rest = rest.slice(end + 1);
  return rest;
}

/** Lead clauses are short: looking further only costs time on long quoted items. */
const HEAD_CHARS = 600;

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) === 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** The first `n` words, without splitting the whole (possibly long) text. */
function firstWords(s: string, n: number): string {
  let end = -1;
  for (let k = 0; k < n; k++) {
    end = s.indexOf(' ', end + 1);
    if (end < 0) return s;
  }
  return s.slice(0, end);
}

/** The clause that says what the item does: up to its colon, else its first words. */
function leadWindow(folded: string, strict: boolean): string {
  const colon = folded.indexOf(':');
  if (colon >= 0) {
    const before = folded.slice(0, colon);
    if (wordCount(before) <= 40 && (!strict || folded.trimEnd().endsWith(':'))) return before;
  }
  return firstSentence(firstWords(folded, strict ? 8 : 20));
}

function isCitation(folded: string): boolean {
  if (!CITATION_START_RE.test(folded) || !CITATION_REF_RE.test(folded)) return false;
  return !STRONG_MODAL_RE.test(folded) && wordCount(folded) <= 80;
}

/**
 * The kind an item's own lead clause signals, or null to inherit. `strict` is set when a kind
 * is inherited: then only strong signals near the start count.
 *
 * @example ownKind('Menghimbau kepada seluruh ASN agar tetap menjaga …', false) // 'appeal'
 */
export function ownKind(text: string, strict: boolean, foldedText?: string): ProvisionKind | null {
  const source = foldedText ?? text;
  const head = source.length > HEAD_CHARS ? source.slice(0, HEAD_CHARS) : source;
  const folded = (foldedText === undefined ? foldForMatch(head) : head).trim();
  if (folded.length === 0) return null;
  if (PASSIVE_SANCTION_RE.test(firstSentence(folded))) return 'sanction';
  const window = leadWindow(folded, strict);
  const windowWords = wordCount(window);
  const heading = windowWords <= 6 || folded.endsWith(':');
  if (heading && BASIS_HEADING_RE.test(window)) return 'basis';
  if ((folded.endsWith(':') || windowWords <= 2) && BASIS_LEAD_RE.test(window)) return 'basis';
  if (text.length <= HEAD_CHARS && isCitation(folded)) return 'basis';
  // "… diminta memperhatikan bentuk pelanggaran berikut:": what the list holds beats the verb.
  if (folded.endsWith(':') && PROHIBITED_LIST_RE.test(window)) return 'prohibition';
  let best: { kind: ProvisionKind; pos: number } | null = null;
  for (const s of SIGNALS) {
    if (strict && !s.strong) continue;
    const m = s.re.exec(window);
    if (!m) continue;
    // Weak signals lead only when they come early ("Kepada seluruh ASN agar …").
    if (!s.strong && wordCount(window.slice(0, m.index)) > 10) continue;
    if (s.kind === 'sanction' && !heading) continue;
    if (!best || m.index < best.pos) best = { kind: s.kind, pos: m.index };
  }
  return best?.kind ?? null;
}

const KEPADA_SUBJECT_RE =
  /^(?:(?:dengan ini\s+)?(?:kami\s+)?(?:menghimbau|mengimbau|diminta|meminta|diinstruksikan|menginstruksikan|diharapkan|ditujukan|disampaikan|dihimbau|diimbau)\s+)?kepada\s+(.{2,160}?)\s+(?:agar|untuk|supaya|dapat|senantiasa|tetap|wajib|harus|dilarang)\b/i;
const SUBJECT_BEFORE_MODAL_RE =
  /^((?:setiap|seluruh|semua|para|bagi|pegawai|asn|pns|pppk|ppnpn|non|kepala|pejabat|camat|lurah|sekretaris|inspektur|direktur|pimpinan|tenaga|aparatur)\b.{0,160}?)\s+(?:dilarang|wajib|diwajibkan|harus|agar|supaya|diminta|diharapkan|diinstruksikan|dihimbau|diimbau|tidak diperbolehkan|tidak boleh|tidak dibenarkan)\b/i;
const LEADING_QUANTIFIER_RE = /^(?:kepada|bagi|setiap|seluruh|semua|para|untuk)\s+/i;

/**
 * Whom an item's lead clause addresses, quantifiers dropped.
 *
 * @example findAddressee('Setiap Kepala Satuan Kerja Perangkat Daerah wajib untuk:') // 'Kepala Satuan Kerja Perangkat Daerah'
 */
export function findAddressee(text: string): string | null {
  const head = text.length > 400 ? text.slice(0, 400) : text;
  const m = KEPADA_SUBJECT_RE.exec(head) ?? SUBJECT_BEFORE_MODAL_RE.exec(head);
  if (!m?.[1]) return null;
  let s = m[1]
    .replace(/[,:;]+$/, '')
    .replace(/\s+(?:juga|tetap|senantiasa|pun)$/i, '')
    .trim();
  for (let k = 0; k < 3 && LEADING_QUANTIFIER_RE.test(s); k++) s = s.replace(LEADING_QUANTIFIER_RE, '');
  const n = wordCount(s);
  return n === 0 || n > 14 ? null : s;
}

/** The kind an opening paragraph gives to the list it introduces ("… diminta kepada Saudara untuk:"). */
function openingKind(opening: string | null): ProvisionKind | null {
  if (!opening) return null;
  const trimmed = opening.trim();
  if (!trimmed.endsWith(':')) return null;
  const last = lastSentence(trimmed);
  const comma = last.lastIndexOf(',');
  const clause = comma >= 0 ? last.slice(comma + 1) : last;
  return ownKind(clause, false);
}

/**
 * Sets `kind` and `addressee` on every node, top-down.
 *
 * @example assignKinds(nodes, 'Dengan ini diminta kepada Saudara untuk:')
 */
export function assignKinds(nodes: readonly DraftNode[], opening: string | null): void {
  const rootKind = openingKind(opening);
  const rootAddressee = opening?.trim().endsWith(':') ? findAddresseeInClause(opening) : null;
  const leadCache = new Map<string, { kind: ProvisionKind | null; addressee: string | null }>();
  for (const n of nodes) {
    let inherited: ProvisionKind | null = n.parent ? n.parent.kind : rootKind;
    let inheritedAddressee = n.parent ? n.parent.addressee : rootAddressee;
    if (n.leadIn) {
      let lead = leadCache.get(n.leadIn);
      if (!lead) {
        lead = { kind: ownKind(n.leadIn, false), addressee: findAddressee(n.leadIn) };
        leadCache.set(n.leadIn, lead);
      }
      inherited = lead.kind ?? inherited;
      inheritedAddressee = lead.addressee ?? inheritedAddressee;
    }
    // An 'other' lead-in (a principle, a heading) gives nothing to inherit: let weak signals speak.
    n.kind = ownKind(n.text, inherited !== null && inherited !== 'other', n.folded) ?? inherited ?? 'other';
    n.addressee = findAddressee(n.text) ?? inheritedAddressee ?? null;
  }
}

function findAddresseeInClause(opening: string): string | null {
  const comma = opening.lastIndexOf(',');
  return findAddressee((comma >= 0 ? opening.slice(comma + 1) : opening).trim());
}
