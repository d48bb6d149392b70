/**
 * Wire types of the circulars API and the editable form of a draft that the import wizard and the
 * draft editor share (plain strings, so it survives a reload in sessionStorage as it is).
 */
import type { CircularScope, ProvisionAddressee, ProvisionKind } from '@netral/domain/model';
import type { AppRouter } from '@netral/ui/trpc';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type CircularSummary = Outputs['circulars']['list']['items'][number];
export type CircularRecord = Outputs['circulars']['get'];
export type ProvisionRecord = CircularRecord['provisions'][number];
export type ImportPreview = Outputs['circulars']['importPreview'];
export type ParseWarning = ImportPreview['result']['warnings'][number];
export type Comparison = Outputs['circulars']['compare'];
export type ProhibitionTypeInfo = Outputs['taxonomy']['list'][number];
export type DraftBody = Inputs['circulars']['createDraft'];
type DraftProvisionInput = NonNullable<DraftBody['provisions']>[number];

export interface EditableProvision {
  /** Stable React key (paths change while the user edits them). */
  key: string;
  path: string;
  kind: ProvisionKind;
  text: string;
  addressee: ProvisionAddressee | null;
  codes: string[];
  suggestedCodes: { code: string; score: number }[];
  /** Source line of the label, when the parser found one. */
  line: number | null;
}

export interface EditableMetadata {
  number: string;
  title: string;
  place: string;
  issuedOn: string;
  issuerOffice: string;
  signatory: string;
  signatoryNip: string;
  scope: CircularScope[];
  /** One per line. */
  addressees: string;
  /** One per line. */
  legalBases: string;
  openingText: string;
  closingText: string;
}

export interface EditableDraft {
  metadata: EditableMetadata;
  provisions: EditableProvision[];
  sourceText: string;
  /** JDIH fields of a stored draft, not edited here but kept on save. */
  jdih?: Record<string, unknown>;
}

let keySeq = 0;
export function newKey(): string {
  keySeq += 1;
  return `p${Date.now().toString(36)}${keySeq}`;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** The draft the parser proposes, as the editor holds it. */
export function editableFromPreview(preview: ImportPreview): EditableDraft {
  const d = preview.draft;
  return {
    metadata: {
      number: d.metadata.number ?? '',
      title: d.metadata.title,
      place: d.metadata.place ?? '',
      issuedOn: d.metadata.issuedOn ?? '',
      issuerOffice: d.metadata.issuerOffice,
      signatory: d.metadata.signatory ?? '',
      signatoryNip: d.metadata.signatoryNip ?? '',
      scope: [...d.metadata.scope],
      addressees: d.metadata.addressees.join('\n'),
      legalBases: d.metadata.legalBases.join('\n'),
      openingText: d.metadata.openingText,
      closingText: d.metadata.closingText,
    },
    provisions: d.provisions.map((p, i) => ({
      key: newKey(),
      path: p.path,
      kind: p.kind,
      text: p.text,
      addressee: p.addressee,
      codes: [...p.codes],
      suggestedCodes: p.suggestedCodes.map((s) => ({ code: s.code, score: s.score })),
      line: preview.result.provisions[i]?.line ?? null,
    })),
    sourceText: d.sourceText,
  };
}

/** A stored draft, as the editor holds it. */
export function editableFromRecord(c: CircularRecord): EditableDraft {
  return {
    metadata: {
      number: c.number ?? '',
      title: c.title ?? '',
      place: c.place ?? '',
      issuedOn: c.issuedOn ?? '',
      issuerOffice: c.issuerOffice ?? '',
      signatory: c.signatory ?? '',
      signatoryNip: c.signatoryNip ?? '',
      scope: [...c.scope],
      addressees: c.addressees.join('\n'),
      legalBases: c.legalBases.join('\n'),
      openingText: c.openingText ?? '',
      closingText: c.closingText ?? '',
    },
    provisions: c.provisions.map((p) => ({
      key: newKey(),
      path: p.path,
      kind: p.kind,
      text: p.text,
      addressee: (p.addressee as ProvisionAddressee | null) ?? null,
      codes: [...p.codes],
      suggestedCodes: p.suggestedCodes.map((s) => ({ code: s.code, score: s.score })),
      line: null,
    })),
    sourceText: c.sourceText,
    jdih: c.jdih,
  };
}

/** `A.1.b` → parent `A.1`, label `b`. */
export function splitPath(path: string): { parentPath: string | null; label: string } {
  const at = path.lastIndexOf('.');
  return at < 0 ? { parentPath: null, label: path } : { parentPath: path.slice(0, at), label: path.slice(at + 1) };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/** What `circulars.createDraft` / `update` receive; the server checks every field. */
export function toDraftBody(draft: EditableDraft): Omit<DraftBody, 'regencyId'> {
  const m = draft.metadata;
  const order = new Map<string | null, number>();
  const provisions = draft.provisions.map((p): DraftProvisionInput => {
    const path = p.path.trim();
    const { parentPath, label } = splitPath(path);
    const n = order.get(parentPath) ?? 0;
    order.set(parentPath, n + 1);
    return {
      path,
      label,
      parentPath,
      order: n,
      kind: p.kind,
      text: p.text,
      addressee: p.addressee,
      codes: (p.kind === 'prohibition' ? p.codes : []) as DraftProvisionInput['codes'],
      suggestedCodes: p.suggestedCodes as DraftProvisionInput['suggestedCodes'],
    };
  });
  return {
    metadata: {
      number: orNull(m.number),
      title: m.title,
      place: orNull(m.place),
      issuedOn: orNull(m.issuedOn),
      issuerOffice: m.issuerOffice,
      signatory: orNull(m.signatory),
      signatoryNip: orNull(m.signatoryNip),
      scope: m.scope,
      addressees: lines(m.addressees),
      legalBases: lines(m.legalBases),
      openingText: m.openingText,
      closingText: m.closingText,
      ...(draft.jdih && { jdih: draft.jdih as DraftBody['metadata']['jdih'] }),
    },
    provisions,
    sourceText: draft.sourceText,
  };
}

/** Server field errors keyed for the editor: `number` (publish) is the same field as `metadata.number`. */
export function normaliseErrors(errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) {
    const k = key.startsWith('metadata.') || key.startsWith('provisions.') || key === '_' ? key : `metadata.${key}`;
    out[k] = [...(out[k] ?? []), ...messages];
  }
  return out;
}

/** Messages for a field and everything below it (`provisions.2` covers `provisions.2.codes.0`). */
export function errorsUnder(errors: Record<string, string[]>, prefix: string): string[] {
  const out: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    if (key === prefix || key.startsWith(`${prefix}.`)) out.push(...messages);
  }
  return out;
}
