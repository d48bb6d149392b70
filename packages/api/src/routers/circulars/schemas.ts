/**
 * Wire schemas of the circulars and provisions routers. Draft fields reuse the domain's
 * `circularDraftSchema` / `provisionDraftSchema` field by field; `validateDraft` then runs the
 * whole domain schema for the rules across fields (unique paths, parents present…).
 */
import type { DraftFromParse } from '@netral/db/queries/circulars';
import { circularJsonSchema, circularParseResultSchema } from '@netral/domain/circular-parser';
import {
  type CircularDraft,
  circularDraftSchema,
  circularScopeSchema,
  circularStatusSchema,
  provisionKindSchema,
  regencyCodeSchema,
  versionSchema,
} from '@netral/domain/model';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';

const msg = (id: string, en: string) => `${id} / ${en}`;

/** The largest circular text accepted (characters): a long circular is ~20 000. */
export const MAX_SOURCE_TEXT = 500_000;

export const sourceTextSchema = z
  .string({ error: msg('Teks surat edaran harus berupa teks', 'The circular text must be text') })
  .max(MAX_SOURCE_TEXT, {
    error: msg(
      'Teks surat edaran paling banyak 500.000 karakter (±500 KB); pisahkan lampirannya',
      'The circular text must be at most 500,000 characters (~500 KB); leave out attachments',
    ),
  });

export const circularIdSchema = z.guid({ error: msg('ID surat edaran tidak valid', 'Invalid circular ID') });

const fields = circularDraftSchema.shape;

/** The metadata of a draft, as the import screen edits it. */
export const draftMetadataSchema = z.object(
  {
    number: fields.number,
    title: fields.title,
    place: fields.place,
    issuedOn: fields.issuedOn,
    issuerOffice: fields.issuerOffice,
    issuerKind: fields.issuerKind,
    signatory: fields.signatory,
    signatoryNip: fields.signatoryNip,
    addressees: fields.addressees,
    scope: fields.scope,
    legalBases: fields.legalBases,
    openingText: fields.openingText,
    closingText: fields.closingText,
    jdih: fields.jdih,
  },
  { error: msg('Metadata surat edaran wajib diisi', 'Circular metadata is required') },
);

export const draftBodySchema = z.object({
  metadata: draftMetadataSchema,
  provisions: fields.provisions,
  sourceText: sourceTextSchema.default(''),
});
export type DraftBody = z.infer<typeof draftBodySchema>;

const metadataKeys = new Set(Object.keys(draftMetadataSchema.shape));

/**
 * The whole draft checked by the domain's `circularDraftSchema`; its field errors come back under
 * the input's paths (`metadata.title`, `provisions.3.parentPath`) as BAD_REQUEST.
 */
export function validateDraft(
  regencyId: string,
  body: { metadata: DraftBody['metadata']; provisions: DraftBody['provisions']; sourceText: string },
): CircularDraft {
  const parsed = circularDraftSchema.safeParse({
    ...body.metadata,
    regencyId,
    provinceCode: null,
    provisions: body.provisions,
    sourceText: body.sourceText,
  });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => {
    const head = issue.path[0];
    return typeof head === 'string' && metadataKeys.has(head) ? { ...issue, path: ['metadata', ...issue.path] } : issue;
  });
  // ZodRealError is the Error subclass zod throws: tRPC keeps a cause as is only when it is an Error.
  throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid draft', cause: new z.ZodRealError(issues) });
}

// ---------------------------------------------------------------------------------------------
// Outputs

export const provisionRecordSchema = z.object({
  path: z.string(),
  label: z.string(),
  parentPath: z.string().nullable(),
  kind: provisionKindSchema,
  text: z.string(),
  addressee: z.string().nullable(),
  codes: z.array(z.string()),
  suggestedCodes: z.array(z.object({ code: z.string(), score: z.number() })),
  position: z.number().int(),
});

export const circularSummarySchema = z.object({
  id: z.string(),
  regencyId: z.string().nullable(),
  provinceCode: z.string(),
  number: z.string().nullable(),
  title: z.string().nullable(),
  issuedOn: z.string().nullable(),
  status: circularStatusSchema,
  version: z.number().int(),
  supersedesId: z.string().nullable(),
  provisionCount: z.number().int(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const circularRecordSchema = circularSummarySchema.extend({
  place: z.string().nullable(),
  issuerOffice: z.string().nullable(),
  signatory: z.string().nullable(),
  signatoryNip: z.string().nullable(),
  addressees: z.array(z.string()),
  scope: z.array(circularScopeSchema),
  legalBases: z.array(z.string()),
  openingText: z.string().nullable(),
  closingText: z.string().nullable(),
  sourceText: z.string(),
  jdih: z.record(z.string(), z.unknown()),
  /** Null for analysts: an internal user id. */
  createdBy: z.string().nullable(),
  provisions: z.array(provisionRecordSchema),
});

export const circularPageSchema = z.object({
  items: z.array(circularSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const importPreviewSchema = z.object({
  /** What `parseCircular` returned: metadata, provisions with scored code suggestions, warnings. */
  result: circularParseResultSchema,
  /** The CLI's `--json` form (DESIGN.md "Circular import"). */
  json: circularJsonSchema,
  /** Ready to edit and send to `circulars.createDraft` (confident codes pre-confirmed). */
  draft: z.custom<DraftFromParse>(),
});

const comparedSchema = z
  .object({ path: z.string(), kind: provisionKindSchema, text: z.string(), codes: z.array(z.string()) })
  .nullable();
const coverageSchema = z.enum(['both', 'a', 'b', 'neither']);

export const comparisonSchema = z.object({
  a: circularSummarySchema,
  b: circularSummarySchema,
  rows: z.array(
    z.object({
      a: comparedSchema,
      b: comparedSchema,
      similarity: z.number(),
      matchedBy: z.enum(['path', 'text']).nullable(),
    }),
  ),
  coverage: z.array(
    z.object({
      code: z.string(),
      regime: z.string(),
      wording: z.string(),
      gloss: z.string(),
      coveredBy: coverageSchema,
      aPaths: z.array(z.string()),
      bPaths: z.array(z.string()),
    }),
  ),
  counts: z.object({ both: z.number(), a: z.number(), b: z.number(), neither: z.number() }),
});

// ---------------------------------------------------------------------------------------------
// Inputs

export const listInputSchema = z
  .object({
    regencyId: regencyCodeSchema.optional(),
    status: circularStatusSchema.optional(),
    year: z
      .number({ error: msg('Tahun harus berupa angka', 'Year must be a number') })
      .int({ error: msg('Tahun harus bilangan bulat', 'Year must be an integer') })
      .min(1945, { error: msg('Tahun tidak wajar', 'Implausible year') })
      .max(2100, { error: msg('Tahun tidak wajar', 'Implausible year') })
      .optional(),
    search: z
      .string({ error: msg('Pencarian harus berupa teks', 'Search must be text') })
      .trim()
      .max(200, { error: msg('Pencarian paling banyak 200 karakter', 'Search must be at most 200 characters') })
      .optional(),
    page: z
      .number({ error: msg('Halaman harus berupa angka', 'Page must be a number') })
      .int({ error: msg('Halaman harus bilangan bulat', 'Page must be an integer') })
      .min(1, { error: msg('Halaman dimulai dari 1', 'Pages start at 1') })
      .default(1),
    pageSize: z
      .number({ error: msg('Ukuran halaman harus berupa angka', 'Page size must be a number') })
      .int({ error: msg('Ukuran halaman harus bilangan bulat', 'Page size must be an integer') })
      .min(1, { error: msg('Ukuran halaman minimal 1', 'Page size must be at least 1') })
      .max(100, { error: msg('Ukuran halaman paling banyak 100', 'Page size must be at most 100') })
      .default(20),
  })
  .default({ page: 1, pageSize: 20 });

export const circularRefSchema = z.object({
  regencyId: regencyCodeSchema.optional(),
  id: circularIdSchema,
});

export const versionedRefSchema = z.object({ id: circularIdSchema, version: versionSchema });

export const revokeInputSchema = versionedRefSchema.extend({
  /** Why it is revoked (kept in the audit log). */
  reason: z
    .string({ error: msg('Alasan harus berupa teks', 'Reason must be text') })
    .trim()
    .max(1000, { error: msg('Alasan paling banyak 1000 karakter', 'Reason must be at most 1000 characters') })
    .optional(),
});

export const compareInputSchema = z.object({ a: circularRefSchema, b: circularRefSchema });

export const previewInputSchema = z.object({
  text: sourceTextSchema.min(1, { error: msg('Teks surat edaran wajib diisi', 'The circular text is required') }),
});

export const updateInputSchema = draftBodySchema.extend({
  id: circularIdSchema,
  version: versionSchema,
  /** Omitted: the stored source text stays. */
  sourceText: sourceTextSchema.optional(),
});

export const supersedeInputSchema = z.object({ id: circularIdSchema });
