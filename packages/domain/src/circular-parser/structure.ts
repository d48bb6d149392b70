/**
 * Builds the provision tree from the body's lines. Nesting is decided by label style and
 * sequence, never by indentation (real circulars indent at random): a label that continues an
 * open list returns to that list's level; a style not yet open starts a child level.
 */
import type { ProvisionKind } from '../model';
import { isRunningHeader, terminatorAt } from './metadata';
import type { LabelCandidate, SourceLine } from './normalize';
import { foldForMatch, joinLines } from './normalize';
import type { ParseWarning } from './schema';
import { makeWarning } from './warnings';

/** Deeper nesting than this is noise (or hostile input), not a circular. */
export const MAX_DEPTH = 8;

export interface DraftNode {
  label: string;
  style: string;
  /** Number chain for decimal children: `2` for "2.", `2.1` for "2.1". */
  numKey: string | null;
  path: string;
  depth: number;
  parent: DraftNode | null;
  line: number;
  segments: string[];
  childCount: number;
  /** Unnumbered paragraph or heading that introduces this node's list. */
  leadIn: string | null;
  text: string;
  /** `text` through `foldForMatch`, computed once for the classifiers. */
  folded: string;
  kind: ProvisionKind;
  addressee: string | null;
}

interface Level {
  style: string;
  prefix: string | undefined;
  last: number;
  lastLabel: string;
  /** Node owning this list (null at the top). */
  parent: DraftNode | null;
  /** Latest item of this list; null only while its first item is being created. */
  node: DraftNode | null;
  /** Restarted lists under the same parent get `-2`, `-3` on their path segments. */
  group: number;
  leadIn: string | null;
}

/** 1 continue · 2 open child · 3 restart · 4 skip ahead · 5 open child not at 1 · 6 backwards. */
type PlacementClass = 1 | 2 | 3 | 4 | 5 | 6;

interface Placement {
  cls: PlacementClass;
  candidate: LabelCandidate;
  /** Level continued (1, 3, 4, 6) or parent level of the new list (2, 5; -1 = top). */
  level: number;
  /** Decimal label without a parent item carrying its prefix: keep the whole number as segment. */
  wholeDecimal: boolean;
}

export interface BodyResult {
  nodes: DraftNode[];
  /** Index of the line where the body ended (closing, signature, … or end of text). */
  end: number;
  warnings: ParseWarning[];
}

const SENTENCE_END_RE = /[.;:!?]["”’)]?$/;
const UPPER_START_RE = /^["“(]?\p{Lu}/u;

function firstOrdinal(c: LabelCandidate): boolean {
  return c.ordinal === 1;
}

function ordinalLabel(c: LabelCandidate, ordinal: number): string {
  switch (c.kind) {
    case 'upper':
      return String.fromCharCode(64 + Math.min(ordinal, 26));
    case 'lower':
      return String.fromCharCode(96 + Math.min(ordinal, 26));
    case 'decimal':
      return `${c.prefix}.${ordinal}`;
    default:
      return String(ordinal);
  }
}

function locate(c: LabelCandidate, stack: readonly Level[], top: DraftNode | null): Placement {
  if (c.kind === 'decimal') return locateDecimal(c, stack);
  for (let k = stack.length - 1; k >= 0; k--) {
    const lv = stack[k] as Level;
    if (lv.style === c.style && c.ordinal === lv.last + 1)
      return { cls: 1, candidate: c, level: k, wholeDecimal: false };
  }
  let k = stack.length - 1;
  while (k >= 0 && (stack[k] as Level).style !== c.style) k--;
  if (k < 0) return { cls: firstOrdinal(c) ? 2 : 5, candidate: c, level: stack.length - 1, wholeDecimal: false };
  const lv = stack[k] as Level;
  // A first label right after an item ending in ":" opens that item's list, even in a style used above.
  if (firstOrdinal(c) && top && top.childCount === 0 && top.depth + 1 < MAX_DEPTH && top.segments.length > 0) {
    const lastSeg = top.segments[top.segments.length - 1] ?? '';
    if (lastSeg.endsWith(':')) return { cls: 2, candidate: c, level: stack.length - 1, wholeDecimal: false };
  }
  if (firstOrdinal(c)) return { cls: 3, candidate: c, level: k, wholeDecimal: false };
  return { cls: c.ordinal > lv.last + 1 ? 4 : 6, candidate: c, level: k, wholeDecimal: false };
}

function locateDecimal(c: LabelCandidate, stack: readonly Level[]): Placement {
  for (let k = stack.length - 1; k >= 0; k--) {
    const lv = stack[k] as Level;
    if (lv.style === c.style && lv.prefix === c.prefix && c.ordinal === lv.last + 1) {
      return { cls: 1, candidate: c, level: k, wholeDecimal: false };
    }
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    const lv = stack[k] as Level;
    if (lv.style === c.style && lv.prefix === c.prefix) {
      const cls = firstOrdinal(c) ? 3 : c.ordinal > lv.last + 1 ? 4 : 6;
      return { cls, candidate: c, level: k, wholeDecimal: false };
    }
    if (lv.node?.numKey === c.prefix)
      return { cls: firstOrdinal(c) ? 2 : 5, candidate: c, level: k, wholeDecimal: false };
  }
  return { cls: firstOrdinal(c) ? 2 : 5, candidate: c, level: stack.length - 1, wholeDecimal: true };
}

function choosePlacement(candidates: readonly LabelCandidate[], stack: readonly Level[], top: DraftNode | null) {
  let best: Placement | null = null;
  for (const c of candidates) {
    const p = locate(c, stack, top);
    if (!best || p.cls < best.cls) best = p;
  }
  return best;
}

/**
 * Reads the body from line `start` to the first closing/signature line and returns the
 * provisions as draft nodes (kinds and codes come later).
 */
export function parseBody(lines: readonly SourceLine[], start: number, issuer: string | null): BodyResult {
  const warnings: ParseWarning[] = [];
  const nodes: DraftNode[] = [];
  const stack: Level[] = [];
  const usedPaths = new Map<string, number>();
  let current: DraftNode | null = null;
  let afterBlank = false;
  let pending: { parts: string[]; line: number; heading: boolean } | null = null;
  const preferRoman = lines.some((l) => l.label?.candidates.some((c) => c.kind === 'roman' && c.segment.length > 1));
  const preferLowerRoman = lines.some((l) =>
    l.label?.candidates.some((c) => c.kind === 'lroman' && c.segment.length > 1),
  );

  const uniquePath = (base: string, line: number): string => {
    const seen = usedPaths.get(base);
    if (seen === undefined) {
      usedPaths.set(base, 1);
      return base;
    }
    let n = seen + 1;
    while (usedPaths.has(`${base}-${n}`)) n++;
    usedPaths.set(base, n);
    const path = `${base}-${n}`;
    usedPaths.set(path, 1);
    warnings.push(makeWarning('DUPLICATE_PATH', line, { path: base, newPath: path }));
    return path;
  };

  const flushPendingInto = (node: DraftNode | null, warn: boolean) => {
    if (!pending) return;
    if (node) {
      node.segments.push(...pending.parts);
      if (warn) warnings.push(makeWarning('UNNUMBERED_PARAGRAPH_APPENDED', pending.line, { path: node.path }));
    }
    pending = null;
  };

  let i = start;
  for (; i < lines.length; i++) {
    const l = lines[i] as SourceLine;
    if (l.furniture) continue;
    if (l.blank) {
      afterBlank = true;
      continue;
    }
    if (terminatorAt(lines, i)) break;
    if (isRunningHeader(lines, i, issuer)) continue;

    if (l.label) {
      let candidates = l.label.candidates;
      if (candidates.length > 1) candidates = orderCandidates(candidates, preferRoman, preferLowerRoman);
      const placement = choosePlacement(candidates, stack, current);
      const prevText = current?.segments[current.segments.length - 1] ?? '';
      // "… ayat\n(2) Undang-Undang" is a wrapped sentence, not a new item.
      const midSentence = current !== null && !afterBlank && !pending && !SENTENCE_END_RE.test(prevText);
      if (placement && !(placement.cls >= 4 && midSentence)) {
        current = placeNode(l, placement);
        afterBlank = false;
        continue;
      }
    }

    const text = l.label ? l.text : l.rest;
    if (!current) {
      afterBlank = false;
      continue;
    }
    if (pending) {
      pending.parts.push(text);
    } else if (l.heading || (afterBlank && startsNewParagraph(current, text))) {
      pending = { parts: [text], line: l.no, heading: l.heading };
    } else {
      current.segments.push(text);
    }
    afterBlank = false;
  }
  if (pending) flushPendingInto(current, true);

  for (const n of nodes) {
    n.text = joinLines(n.segments);
    n.folded = foldForMatch(n.text);
    if (n.text.length === 0) warnings.push(makeWarning('EMPTY_PROVISION', n.line, { path: n.path }));
  }
  return { nodes, end: i, warnings };

  function placeNode(l: SourceLine, p: Placement): DraftNode {
    const c = p.candidate;
    let cls = p.cls;
    let parent: DraftNode | null;
    let levelIndex: number;
    if (cls === 2 || cls === 5) {
      const parentLevel = p.level >= 0 ? (stack[p.level] as Level) : null;
      parent = parentLevel ? parentLevel.node : null;
      if (parent && parent.depth + 1 >= MAX_DEPTH) {
        warnings.push(makeWarning('TOO_DEEP', l.no, { max: String(MAX_DEPTH) }));
        levelIndex = p.level;
        cls = 6;
        parent = (stack[levelIndex] as Level).parent;
      } else {
        stack.length = p.level + 1;
        stack.push({
          style: c.style,
          prefix: c.prefix,
          last: c.ordinal,
          lastLabel: l.label?.raw ?? '',
          parent,
          node: null,
          group: 1,
          leadIn: null,
        });
        levelIndex = stack.length - 1;
        if (cls === 5) {
          warnings.push(
            makeWarning('SKIPPED_LABEL', l.no, { expected: ordinalLabel(c, 1), found: l.label?.raw.trim() ?? '' }),
          );
        }
      }
    } else {
      levelIndex = p.level;
      stack.length = levelIndex + 1;
      parent = (stack[levelIndex] as Level).parent;
    }
    const level = stack[levelIndex] as Level;
    if (cls === 3) {
      level.group++;
      level.leadIn = null;
      warnings.push(makeWarning('LIST_RESTARTED', l.no, { parent: parent ? parent.path : '' }));
    } else if (cls === 4) {
      warnings.push(
        makeWarning('SKIPPED_LABEL', l.no, {
          expected: ordinalLabel(c, level.last + 1),
          found: l.label?.raw.trim() ?? '',
        }),
      );
    } else if (cls === 6 && p.cls === 6) {
      warnings.push(
        makeWarning('LABEL_OUT_OF_ORDER', l.no, { found: l.label?.raw.trim() ?? '', previous: level.lastLabel }),
      );
    }
    if (pending) {
      const lead = pending as { parts: string[]; line: number; heading: boolean };
      const leadText = joinLines(lead.parts);
      if (cls === 3) {
        level.leadIn = leadText;
        warnings.push(makeWarning('UNNUMBERED_PARAGRAPH_LEAD_IN', lead.line, { path: pathPreview(parent, c, level) }));
        pending = null;
      } else if (lead.heading) {
        level.leadIn = leadText;
        warnings.push(makeWarning('UNNUMBERED_HEADING', lead.line, { text: leadText.slice(0, 80) }));
        pending = null;
      } else if (cls === 2 || cls === 5) {
        flushPendingInto(parent, !leadText.endsWith(':'));
      } else {
        flushPendingInto(current, true);
      }
    }
    level.last = c.ordinal;
    level.lastLabel = l.label?.raw.trim() ?? '';
    const segment = p.wholeDecimal ? `${c.prefix}.${c.segment}` : c.segment;
    const groupSuffix = level.group > 1 ? `-${level.group}` : '';
    const base = (parent ? `${parent.path}.` : '') + segment + groupSuffix;
    const node: DraftNode = {
      label: c.kind === 'decimal' ? `${c.prefix}.${c.segment}` : segment,
      style: c.style,
      numKey: c.kind === 'arabic' ? String(c.ordinal) : c.kind === 'decimal' ? `${c.prefix}.${c.ordinal}` : null,
      path: uniquePath(base, l.no),
      depth: parent ? parent.depth + 1 : 0,
      parent,
      line: l.no,
      segments: l.rest ? [l.rest] : [],
      childCount: 0,
      leadIn: level.leadIn,
      text: '',
      folded: '',
      kind: 'other',
      addressee: null,
    };
    if (parent) parent.childCount++;
    level.node = node;
    nodes.push(node);
    return node;
  }
}

function pathPreview(parent: DraftNode | null, c: LabelCandidate, level: Level): string {
  return `${parent ? `${parent.path}.` : ''}${c.segment}${level.group > 1 ? `-${level.group}` : ''}`;
}

function startsNewParagraph(current: DraftNode, text: string): boolean {
  const prev = current.segments[current.segments.length - 1] ?? '';
  return SENTENCE_END_RE.test(prev) && UPPER_START_RE.test(text);
}

function orderCandidates(
  candidates: readonly LabelCandidate[],
  preferRoman: boolean,
  preferLowerRoman: boolean,
): LabelCandidate[] {
  const rank = (c: LabelCandidate): number => {
    if (c.kind === 'roman') return preferRoman ? 0 : 2;
    if (c.kind === 'lroman') return preferLowerRoman ? 0 : 2;
    if (c.kind === 'upper' || c.kind === 'lower') return 1;
    return 1.5;
  };
  return [...candidates].sort((a, b) => rank(a) - rank(b));
}
