/**
 * Shapes of what the circular parser returns. Consumers (CLI, API, admin import screen) validate
 * against these; the parser itself builds plain objects and never runs zod on its hot path.
 */
import { z } from 'zod';
import { circularScopeSchema, provisionKindSchema } from '../model';
import { prohibitionTypeCodeSchema } from '../taxonomy';

/** A parser remark in both UI languages, Indonesian first. */
export const parseWarningSchema = z.object({
  /** Stable, upper-snake code clients can branch on, e.g. `SKIPPED_LABEL`. */
  code: z.string().min(1),
  /** 1-based source line the warning is about, when there is one. */
  line: z.number().int().min(1).optional(),
  message: z.object({ id: z.string(), en: z.string() }),
});
export type ParseWarning = z.infer<typeof parseWarningSchema>;

/** A taxonomy code the parser proposes for a prohibition; an administrator confirms or corrects it. */
export const codeSuggestionSchema = z.object({
  code: prohibitionTypeCodeSchema,
  /** Confidence in 0..1; `codeScoreThreshold` is where the CLI starts listing a code. */
  score: z.number().min(0).max(1),
  /** The words or phrases of the item (or its lead-in) that matched, lower-cased. */
  matched: z.array(z.string()),
});
export type CodeSuggestion = z.infer<typeof codeSuggestionSchema>;

/** Ketentuan: one node of the circular's tree, listed flat in document order. */
export const parsedProvisionSchema = z.object({
  /** Stable path built from labels: `A`, `A.1`, `A.1.b`, `2.1`, `3.a.1`; `-2` suffix when a label repeats. */
  path: z.string().min(1),
  /** The label as printed, without punctuation or bullet: `A`, `1`, `b`, `2.1` (OCR-fixed: `l.` → `1`). */
  label: z.string().min(1),
  depth: z.number().int().min(0),
  parentPath: z.string().nullable(),
  kind: provisionKindSchema,
  /** Full text, wrapped lines joined, hyphenation repaired, label and Markdown removed. */
  text: z.string(),
  /** Who the provision speaks to ("ASN", "Kepala Perangkat Daerah"), own or inherited from its lead-in. */
  addressee: z.string().nullable().optional(),
  /** Suggested prohibition codes, best first (prohibitions only). */
  codes: z.array(codeSuggestionSchema),
  /** 1-based source line of the label. */
  line: z.number().int().min(1),
});
export type ParsedProvision = z.infer<typeof parsedProvisionSchema>;

const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What the parser read around the provisions: letterhead, letter block, title, signature. */
export const circularMetadataSchema = z.object({
  /** Nomor, spaces around slashes removed: `863/0321/BKPSDM/2023`, `13/2023`. */
  number: z.string().nullable(),
  /** Date of issue, ISO `YYYY-MM-DD`. */
  date: isoDateSchema.nullable(),
  /** Town of issue ("Pelaihari"). */
  place: z.string().nullable(),
  /** Tentang / Perihal, on one line. */
  title: z.string().nullable(),
  /** Issuing office from the letterhead ("BUPATI TANAH LAUT", "PEMERINTAH KABUPATEN …"). */
  issuer: z.string().nullable(),
  /** Name under the closing title, Markdown stripped. */
  signatory: z.string().nullable(),
  /** 18-digit NIP of the signatory (appointed officials only). */
  signatoryNip: z.string().nullable(),
  /** Yth. block, one entry per addressee. */
  addressees: z.array(z.string()),
  scope: z.array(circularScopeSchema),
  /** Regency or city name without its kind ("Tanah Laut"), when recognisable. */
  regencyName: z.string().nullable(),
  regencyKind: z.enum(['kabupaten', 'kota']).nullable(),
  province: z.string().nullable(),
  /** Opening paragraph ("Dalam rangka … sebagai berikut:"). */
  opening: z.string().nullable(),
  /** Closing sentence ("Demikian …"). */
  closing: z.string().nullable(),
});
export type CircularMetadata = z.infer<typeof circularMetadataSchema>;

/** The full result of `parseCircular`. */
export const circularParseResultSchema = z.object({
  metadata: circularMetadataSchema,
  provisions: z.array(parsedProvisionSchema),
  warnings: z.array(parseWarningSchema),
});
export type CircularParseResult = z.infer<typeof circularParseResultSchema>;

/** The CLI's `--json` shape (DESIGN.md "Circular import"). */
export const circularJsonSchema = z.object({
  number: z.string().nullable(),
  date: isoDateSchema.nullable(),
  title: z.string().nullable(),
  place: z.string().nullable(),
  issuer: z.string().nullable(),
  signatory: z.string().nullable(),
  scope: z.array(circularScopeSchema),
  provisions: z.array(
    z.object({
      path: z.string(),
      kind: provisionKindSchema,
      text: z.string(),
      codes: z.array(prohibitionTypeCodeSchema),
    }),
  ),
  warnings: z.array(parseWarningSchema),
});
export type CircularJson = z.infer<typeof circularJsonSchema>;
