/**
 * Surat Edaran parser: text as people have it (Markdown conversions, OCR'd scans, pasted
 * Word text) in, metadata + flat provision tree + warnings out. Never throws.
 */
import type { CircularScope } from '../model';
import { assignKinds } from './classify';
import { codeScoreThreshold, isPp94LeadIn, suggestCodesFolded } from './code-suggest';
import type { DateHit, Region } from './fields';
import { detectScope, regionFromOffice, regionFromText } from './fields';
import type { HeaderInfo, TailInfo } from './metadata';
import { scanHeader, scanTail } from './metadata';
import { foldForMatch, prepareLines, type SourceLine, sanitizeInput } from './normalize';
import type { CircularJson, CircularMetadata, CircularParseResult, ParsedProvision, ParseWarning } from './schema';
import type { BodyResult, DraftNode } from './structure';
import { parseBody } from './structure';
import { makeWarning } from './warnings';

export { codeScoreThreshold } from './code-suggest';
export type {
  CircularJson,
  CircularMetadata,
  CircularParseResult,
  CodeSuggestion,
  ParsedProvision,
  ParseWarning,
} from './schema';
export {
  circularJsonSchema,
  circularMetadataSchema,
  circularParseResultSchema,
  codeSuggestionSchema,
  parsedProvisionSchema,
  parseWarningSchema,
} from './schema';

/** Above this share of control characters the input is flagged as probably binary. */
const BINARY_CONTROL_RATIO = 0.05;

function emptyMetadata(): CircularMetadata {
  return {
    number: null,
    date: null,
    place: null,
    title: null,
    issuer: null,
    signatory: null,
    signatoryNip: null,
    addressees: [],
    scope: [],
    regencyName: null,
    regencyKind: null,
    province: null,
    opening: null,
    closing: null,
  };
}

/** Runs one stage; a bug in it costs that stage's output and a warning, never the whole parse. */
function stage<T>(name: string, warnings: ParseWarning[], run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    warnings.push(makeWarning('INTERNAL_ERROR', undefined, { stage: name }));
    return fallback;
  }
}

/**
 * Parses a Surat Edaran into metadata, provisions (flat, document order, with paths, kinds and
 * suggested taxonomy codes) and warnings about what could not be placed. Never throws.
 *
 * @example
 * const { metadata, provisions } = parseCircular(text);
 * metadata.number; // '863/0321/BKPSDM/2023'
 * provisions.map((p) => p.path); // ['A', 'A.1', 'A.1.a', …]
 */
export function parseCircular(text: string): CircularParseResult {
  const warnings: ParseWarning[] = [];
  try {
    return parseUnsafe(text, warnings);
  } catch {
    warnings.push(makeWarning('INTERNAL_ERROR', undefined, { stage: 'parse' }));
    return { metadata: emptyMetadata(), provisions: [], warnings };
  }
}

function parseUnsafe(text: string, warnings: ParseWarning[]): CircularParseResult {
  const metadata = emptyMetadata();
  const input = sanitizeInput(text);
  if (input.truncated) warnings.push(makeWarning('INPUT_TRUNCATED', undefined, { chars: String(input.text.length) }));
  if (input.controlRatio > BINARY_CONTROL_RATIO) warnings.push(makeWarning('BINARY_INPUT'));
  if (input.text.trim().length === 0) {
    warnings.push(makeWarning('EMPTY_INPUT'));
    return { metadata, provisions: [], warnings };
  }

  const lines = prepareLines(input.text);
  const header = stage('header', warnings, () => scanHeader(lines), fallbackHeader(lines));
  const body = stage<BodyResult>('structure', warnings, () => parseBody(lines, header.end, header.issuer), {
    nodes: [],
    end: lines.length,
    warnings: [],
  });
  warnings.push(...body.warnings);
  stage('classify', warnings, () => assignKinds(body.nodes, header.opening), undefined);
  const rootLeadIn = header.opening?.trim().endsWith(':') ? header.opening : null;
  const provisions = stage('codes', warnings, () => toProvisions(body.nodes, rootLeadIn), [] as ParsedProvision[]);
  const tail = stage('tail', warnings, () => scanTail(lines, body.end), emptyTail());

  stage('metadata', warnings, () => fillMetadata(metadata, header, tail, provisions, warnings), undefined);
  if (provisions.length === 0) warnings.push(makeWarning('NO_PROVISIONS'));
  return { metadata, provisions, warnings };
}

function fallbackHeader(lines: readonly SourceLine[]): HeaderInfo {
  const firstLabel = lines.findIndex((l) => l.label !== null);
  return {
    issuer: null,
    kopProvince: null,
    number: null,
    date: null,
    place: null,
    title: null,
    addressees: [],
    opening: null,
    end: firstLabel >= 0 ? firstLabel : lines.length,
  };
}

function emptyTail(): TailInfo {
  return { closing: null, place: null, date: null, signatureTitle: null, signatory: null, signatoryNip: null };
}

function toProvisions(nodes: readonly DraftNode[], rootLeadIn: string | null): ParsedProvision[] {
  const pp94LeadParents = new Set<DraftNode | null>();
  for (const n of nodes) {
    if (n.childCount > 0 && n.kind === 'prohibition' && isPp94LeadIn(n.text)) pp94LeadParents.add(n.parent);
  }
  // Siblings share their lead-ins: fold each chain once.
  const contextOf = new Map<DraftNode | null, string>();
  const foldedContext = (n: DraftNode): string => {
    let ctx = contextOf.get(n.parent);
    if (ctx === undefined) {
      const parts: string[] = [];
      for (let p = n.parent; p; p = p.parent) {
        parts.push(p.folded);
        if (p.leadIn) parts.push(foldForMatch(p.leadIn));
      }
      if (rootLeadIn) parts.push(foldForMatch(rootLeadIn));
      ctx = parts.join(' \n ');
      contextOf.set(n.parent, ctx);
    }
    // The group's own unnumbered lead-in comes first: it is the closest context.
    return n.leadIn ? `${foldForMatch(n.leadIn)} \n ${ctx}` : ctx;
  };
  const children = new Map<DraftNode, string[]>();
  for (const n of nodes) {
    if (!n.parent) continue;
    const list = children.get(n.parent);
    if (list) list.push(n.folded);
    else children.set(n.parent, [n.folded]);
  }
  // Sub-points tell whether a coded act concerns bakal calon or calon.
  const childTexts = (n: DraftNode) => (children.get(n) ?? []).join(' \n ');
  const codesOf = new Map<DraftNode, ParsedProvision['codes']>();
  return nodes.map((n) => {
    let codes: ParsedProvision['codes'] = [];
    const parentCodes = n.parent ? codesOf.get(n.parent) : undefined;
    if (n.kind === 'prohibition' && parentCodes && parentCodes.length > 0) {
      // Sub-points of a coded act ("foto bersama dengan: a. … b. …") specify that act.
      codes = parentCodes;
    } else if (n.kind === 'prohibition') {
      const context = n.childCount > 0 ? `${childTexts(n)} \n ${foldedContext(n)}` : foldedContext(n);
      codes = suggestCodesFolded(n.folded, context, {
        siblingPp94: pp94LeadParents.has(n.parent),
        hasChildren: n.childCount > 0,
      });
    }
    codesOf.set(n, codes);
    return {
      path: n.path,
      label: n.label,
      depth: n.depth,
      parentPath: n.parent ? n.parent.path : null,
      kind: n.kind,
      text: n.text,
      addressee: n.addressee,
      codes,
      line: n.line,
    };
  });
}

function fillMetadata(
  m: CircularMetadata,
  header: HeaderInfo,
  tail: TailInfo,
  provisions: readonly ParsedProvision[],
  warnings: ParseWarning[],
): void {
  m.number = header.number;
  m.title = header.title;
  m.addressees = header.addressees;
  m.opening = header.opening;
  m.closing = tail.closing;
  m.signatory = tail.signatory;
  m.signatoryNip = tail.signatoryNip;
  m.place = header.place ?? tail.place;
  const dateHit: DateHit | null = header.date?.iso ? header.date : (tail.date ?? header.date);
  m.date = dateHit?.iso ?? null;
  const signatureOffice = tail.signatureTitle?.replace(/^(?:a\.?\s?n\.?|u\.?\s?b\.?)\s+/i, '') ?? null;
  m.issuer = header.issuer ?? (signatureOffice ? signatureOffice.toUpperCase() : null);

  let region: Region = m.issuer ? regionFromOffice(m.issuer) : { regencyName: null, regencyKind: null, province: null };
  if (!region.regencyName && !region.province && signatureOffice) region = regionFromOffice(signatureOffice);
  if (!region.province && header.kopProvince) region.province = header.kopProvince;
  const headerTexts = [m.title ?? '', ...m.addressees, m.opening ?? ''];
  region = regionFromText(region, headerTexts);
  m.regencyName = region.regencyName;
  m.regencyKind = region.regencyKind;
  m.province = region.province;

  const scopeTexts: string[] = [...headerTexts];
  for (const p of provisions) scopeTexts.push(p.text);
  m.scope = detectScope(scopeTexts) satisfies CircularScope[];

  if (!m.number) warnings.push(makeWarning('MISSING_NUMBER'));
  if (!m.date) {
    if (dateHit) warnings.push(makeWarning('INCOMPLETE_DATE', undefined, { text: dateHit.text }));
    else warnings.push(makeWarning('MISSING_DATE'));
  }
  if (!m.place) warnings.push(makeWarning('MISSING_PLACE'));
  if (!m.title) warnings.push(makeWarning('MISSING_TITLE'));
  if (!m.issuer) warnings.push(makeWarning('MISSING_ISSUER'));
  if (!m.signatory) warnings.push(makeWarning('MISSING_SIGNATORY'));
  if (m.addressees.length === 0) warnings.push(makeWarning('MISSING_ADDRESSEES'));
  if (m.scope.length === 0) warnings.push(makeWarning('MISSING_SCOPE'));
  if (!m.regencyName && !m.province) warnings.push(makeWarning('MISSING_REGION'));
  if (!m.opening) warnings.push(makeWarning('MISSING_OPENING'));
  if (!m.closing) warnings.push(makeWarning('MISSING_CLOSING'));
}

/**
 * The CLI's `--json` shape (DESIGN.md): metadata flattened, provisions with code strings at
 * or above the confidence threshold, best first.
 *
 * @example
 * toCircularJson(parseCircular(text)).provisions[2] // { path: 'A.1.a', kind: 'prohibition', text: 'ikut kampanye;', codes: ['PP94-5N-1'] }
 */
export function toCircularJson(result: CircularParseResult, threshold: number = codeScoreThreshold): CircularJson {
  const m = result.metadata;
  return {
    number: m.number,
    date: m.date,
    title: m.title,
    place: m.place,
    issuer: m.issuer,
    signatory: m.signatory,
    scope: [...m.scope],
    provisions: result.provisions.map((p) => ({
      path: p.path,
      kind: p.kind,
      text: p.text,
      codes: p.codes.filter((c) => c.score >= threshold).map((c) => c.code),
    })),
    warnings: result.warnings.map((w) => ({ ...w, message: { ...w.message } })),
  };
}
