/**
 * Wire contract of `cases.*`: inputs validated with the domain's schemas (messages "id / en",
 * localized by the error formatter) and the outputs the procedures declare.
 */
import { isoDateSchema } from '@netral/domain/calendar';
import {
  caseSourceSchema,
  employmentTypeSchema,
  positionClassSchema,
  provisionRefSchema,
  reporterSchema,
  subjectSchema,
  versionSchema,
} from '@netral/domain/model';
import { campaignPhaseSchema, contestCodeSchema, phaseBucketSchema, raceSchema } from '@netral/domain/phases';
import { prohibitionCodeSchema, sanctionLevelSchema } from '@netral/domain/taxonomy';
import { caseStatusSchema, transitionVerbSchema } from '@netral/domain/workflow';
import { z } from 'zod';

const uuid = (what: string, en: string) => z.uuid({ error: `${what} tidak valid / Invalid ${en}` });

export const caseIdSchema = uuid('ID kasus', 'case id');
const unitIdSchema = uuid('ID unit kerja', 'unit id');

const summarySchema = z
  .string({ error: 'Uraian kejadian wajib diisi / Summary is required' })
  .trim()
  .min(1, { error: 'Uraian kejadian wajib diisi / Summary is required' })
  .max(10_000, { error: 'Uraian kejadian paling banyak 10000 karakter / Summary must be at most 10000 characters' });

/** The subject without its own unit: a case names its unit once, at the top. */
const caseSubjectSchema = subjectSchema.transform(({ unitId: _unitId, ...subject }) => subject);

export const createCaseInput = z.object({
  unitId: unitIdSchema.nullable().default(null),
  contest: contestCodeSchema,
  race: raceSchema.nullable().default(null),
  actOn: isoDateSchema,
  receivedOn: isoDateSchema.nullable().default(null),
  knownOn: isoDateSchema.nullable().default(null),
  subject: caseSubjectSchema,
  provisions: z.array(provisionRefSchema).max(50).default([]),
  /** Null: derived from the provisions. */
  prohibitionCodes: z.array(prohibitionCodeSchema).max(30).nullable().default(null),
  source: caseSourceSchema,
  summary: summarySchema,
  reporter: reporterSchema.nullable().default(null),
});

export const updateCaseInput = z.object({
  id: caseIdSchema,
  version: versionSchema,
  patch: z.object({
    unitId: unitIdSchema.nullable().optional(),
    contest: contestCodeSchema.optional(),
    race: raceSchema.nullable().optional(),
    actOn: isoDateSchema.optional(),
    subject: caseSubjectSchema.optional(),
    provisions: z.array(provisionRefSchema).max(50).optional(),
    prohibitionCodes: z.array(prohibitionCodeSchema).max(30).optional(),
    source: caseSourceSchema.optional(),
    summary: summarySchema.optional(),
  }),
});

export const transitionCaseInput = z.object({
  id: caseIdSchema,
  version: versionSchema,
  verb: transitionVerbSchema,
  /** The verb's fields; the workflow validates them (MISSING_FIELDS with one issue per field). */
  input: z.record(z.string(), z.unknown()),
});

export const addEvidenceInput = z
  .object({
    id: caseIdSchema,
    description: summarySchema,
    url: z.url({ error: 'URL bukti tidak valid / Invalid evidence URL' }).nullable().default(null),
    fileName: z.string().trim().min(1).max(255).nullable().default(null),
    fileSize: z.int().nonnegative().nullable().default(null),
    sha256: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{64}$/, { error: 'SHA-256 harus 64 karakter heksadesimal / SHA-256 must be 64 hex characters' })
      .nullable()
      .default(null),
    capturedBy: z.string().trim().min(1).max(200).nullable().default(null),
    capturedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .refine((e) => e.url !== null || e.fileName !== null, {
    path: ['url'],
    error: 'Bukti harus berupa tautan atau berkas / Evidence needs a link or a file',
  })
  .refine((e) => e.fileName === null || e.sha256 !== null, {
    path: ['sha256'],
    error: 'Berkas bukti memerlukan SHA-256 / A file needs its SHA-256',
  });

export const caseSortSchema = z.enum(['act_on', 'received_on', 'status', 'updated_at']);

export const listCasesInput = z.object({
  /** One regency; omitted: every regency the caller works in. */
  regencyId: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, 'Kode kabupaten/kota tidak valid / Invalid regency code')
    .optional(),
  status: z.array(caseStatusSchema).max(12).optional(),
  unitId: unitIdSchema.optional(),
  code: prohibitionCodeSchema.optional(),
  phase: campaignPhaseSchema.optional(),
  phaseBucket: phaseBucketSchema.optional(),
  contest: contestCodeSchema.optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  overdue: z.boolean().optional(),
  search: z.string().trim().max(100).optional(),
  sort: caseSortSchema.default('act_on'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  cursor: z.string().max(500).nullable().optional(),
  /** Rows per page (exports read bigger pages). */
  limit: z
    .int({ error: 'Jumlah baris harus bilangan bulat / Page size must be an integer' })
    .min(1, { error: 'Jumlah baris minimal 1 / Page size must be at least 1' })
    .max(200, { error: 'Jumlah baris paling banyak 200 / Page size must be at most 200' })
    .default(50),
});

export const caseListRowSchema = z.object({
  id: z.string(),
  regencyId: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  unitKind: z.string().nullable(),
  contest: z.string(),
  actOn: z.string(),
  phase: z.string(),
  phaseBucket: z.string(),
  subjectName: z.string(),
  subjectNip: z.string().nullable(),
  positionClass: z.string().nullable(),
  status: caseStatusSchema,
  receivedOn: z.string(),
  ppkDeadline: z.string().nullable(),
  overdue: z.boolean(),
  sanctionLevel: z.string().nullable(),
  codes: z.array(z.string()),
  version: z.number(),
  updatedAt: z.string(),
});

export const caseListOutput = z.object({ rows: z.array(caseListRowSchema), nextCursor: z.string().nullable() });

export const caseEventOutput = z.object({
  id: z.number(),
  verb: z.string(),
  fromStatus: caseStatusSchema.nullable(),
  toStatus: caseStatusSchema.nullable(),
  occurredOn: z.string(),
  reason: z.string().nullable(),
  actorId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

const deadlineOutput = z.object({
  kind: z.string(),
  start: z.string(),
  due: z.string(),
  rule: z.object({ days: z.number(), unit: z.enum(['calendar', 'working']) }),
  running: z.boolean(),
});

export const caseRecordOutput = z.object({
  id: z.string(),
  regencyId: z.string(),
  unitId: z.string().nullable(),
  contest: z.string(),
  race: z.string().nullable(),
  actOn: z.string(),
  phase: z.string(),
  phaseBucket: z.string(),
  subject: z.object({
    name: z.string(),
    nip: z.string().nullable(),
    nik: z.string().nullable(),
    employmentType: employmentTypeSchema.nullable(),
    positionClass: positionClassSchema.nullable(),
    positionTitle: z.string().nullable(),
  }),
  source: caseSourceSchema,
  summary: z.string(),
  status: caseStatusSchema,
  receivedOn: z.string(),
  recommendation: z
    .object({
      body: z.string().nullable(),
      number: z.string(),
      issuedOn: z.string().nullable(),
      recommendedSanction: z.string().nullable(),
    })
    .nullable(),
  ppkDeadline: z.string().nullable(),
  sanction: z
    .object({
      decreeNumber: z.string().nullable(),
      decidedOn: z.string().nullable(),
      type: z.string().nullable(),
      level: sanctionLevelSchema.nullable(),
      executedOn: z.string().nullable(),
    })
    .nullable(),
  closedOn: z.string().nullable(),
  codes: z.array(z.string()),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const caseDetailOutput = caseRecordOutput.extend({
  unitName: z.string().nullable(),
  provisions: z.array(
    z.object({
      circularId: z.string(),
      circularVersion: z.number(),
      path: z.string(),
      kind: z.string().nullable(),
      text: z.string().nullable(),
      circularNumber: z.string().nullable(),
    }),
  ),
  events: z.array(caseEventOutput),
  evidence: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      url: z.string().nullable(),
      fileName: z.string().nullable(),
      fileSize: z.number().nullable(),
      sha256: z.string().nullable(),
      capturedBy: z.string().nullable(),
      capturedAt: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  /** Only for regency and national admins; absent otherwise. */
  reporter: z
    .object({
      name: z.string().nullable(),
      contact: z.string().nullable(),
      channel: z.string(),
      anonymous: z.boolean(),
      confidential: z.boolean(),
    })
    .nullable()
    .optional(),
  deadlines: z.object({
    reportFiling: deadlineOutput.extend({ filedLate: z.boolean() }).optional(),
    verification: deadlineOutput,
    ppkExecution: deadlineOutput.optional(),
  }),
  overdue: z.boolean(),
  availableVerbs: z.array(transitionVerbSchema),
});

export const transitionOutput = z.object({
  case: caseRecordOutput,
  event: caseEventOutput,
  warnings: z.array(z.object({ id: z.string(), en: z.string() })),
});
