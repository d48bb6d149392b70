/**
 * Circulars (Surat Edaran) and their provisions. Tenant tables: run these in the caller's
 * transaction (`withTenant`); row-level security keeps other regencies' circulars out of reach
 * and lets every regency of a province read its governor's circulars (`regency_id` null).
 *
 * Life cycle: `draft → published → revoked | superseded`. Only drafts change; a published
 * circular is a citable document, and a change to it is a new draft whose `supersedesId` points
 * at it ({@link supersedeCircular}); publishing that draft marks the old one superseded.
 *
 * Functions that refuse throw `DomainError`s (`NOT_FOUND`, `CONFLICT`, `ILLEGAL_TRANSITION`,
 * `MISSING_FIELDS`, `VALIDATION`) for the API to map; timestamps are ISO strings, as in
 * `@netral/domain/model`.
 */
import { type CircularParseResult, codeScoreThreshold, parseCircular } from '@netral/domain/circular-parser';
import { ConflictError, DomainError, type FieldIssue, ValidationError } from '@netral/domain/errors';
import {
  type CircularDraft,
  type CircularScope,
  type CircularStatus,
  circularDraftSchema,
  type ProvisionAddressee,
  type ProvisionKind,
  provisionDraftSchema,
} from '@netral/domain/model';
import {
  isProhibitionCode,
  type ProhibitionCode,
  parentProhibitionCode,
  prohibitionTypes,
  type Regime,
} from '@netral/domain/taxonomy';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, JsonObject, JsonValue, Provision } from '../schema';

type Db = Kysely<DB> | Transaction<DB>;

// ---------------------------------------------------------------------------------------------
// Records

/** One provision as stored: a node of the circular's tree, in document order (`position`). */
export interface ProvisionRecord {
  path: string;
  label: string;
  parentPath: string | null;
  kind: ProvisionKind;
  text: string;
  addressee: string | null;
  /** Confirmed prohibition codes. */
  codes: string[];
  /** The parser's proposals, best first, kept to show what was corrected. */
  suggestedCodes: { code: string; score: number }[];
  position: number;
}

/** A circular in a list. */
export interface CircularSummary {
  id: string;
  /** Null for a governor's circular. */
  regencyId: string | null;
  provinceCode: string;
  number: string | null;
  title: string | null;
  issuedOn: string | null;
  status: CircularStatus;
  version: number;
  supersedesId: string | null;
  provisionCount: number;
  createdAt: string;
  publishedAt: string | null;
  updatedAt: string;
}

/** A circular with its metadata, source text and provisions. */
export interface CircularRecord extends CircularSummary {
  place: string | null;
  issuerOffice: string | null;
  signatory: string | null;
  signatoryNip: string | null;
  addressees: string[];
  scope: CircularScope[];
  legalBases: string[];
  openingText: string | null;
  closingText: string | null;
  sourceText: string;
  jdih: JsonObject;
  createdBy: string | null;
  provisions: ProvisionRecord[];
}

function iso(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

function toProvision(row: Provision): ProvisionRecord {
  const suggested = Array.isArray(row.suggested_codes) ? row.suggested_codes : [];
  return {
    path: row.path,
    label: row.label,
    parentPath: row.parent_path,
    kind: row.kind,
    text: row.text,
    addressee: row.addressee,
    codes: row.codes,
    suggestedCodes: suggested.flatMap((s) =>
      s !== null && typeof s === 'object' && !Array.isArray(s) && typeof s.code === 'string'
        ? [{ code: s.code, score: typeof s.score === 'number' ? s.score : 0 }]
        : [],
    ),
    position: row.position,
  };
}

const summaryColumns = [
  'c.id',
  'c.regency_id',
  'c.province_code',
  'c.number',
  'c.title',
  'c.issued_on',
  'c.status',
  'c.version',
  'c.supersedes_id',
  'c.created_at',
  'c.published_at',
  'c.updated_at',
] as const;

interface SummaryRow {
  id: string;
  regency_id: string | null;
  province_code: string;
  number: string | null;
  title: string | null;
  issued_on: string | null;
  status: CircularStatus;
  version: number;
  supersedes_id: string | null;
  created_at: Date;
  published_at: Date | null;
  updated_at: Date;
  provision_count: number;
}

function toSummary(row: SummaryRow): CircularSummary {
  return {
    id: row.id,
    regencyId: row.regency_id,
    provinceCode: row.province_code,
    number: row.number,
    title: row.title,
    issuedOn: row.issued_on,
    status: row.status,
    version: row.version,
    supersedesId: row.supersedes_id,
    provisionCount: row.provision_count,
    createdAt: row.created_at.toISOString(),
    publishedAt: iso(row.published_at),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The province of a regency code (`'63.01'` → `'63'`): Kemendagri codes nest. */
export function provinceOf(regencyId: string): string {
  return regencyId.slice(0, regencyId.indexOf('.'));
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ListCircularsParams {
  /**
   * The regency whose circulars to list, with its province's governor circulars. Omitted: every
   * circular the transaction's tenant may read.
   */
  regencyId?: string;
  status?: CircularStatus;
  /** Year of issue. */
  year?: number;
  /** Words to find in the number or title (case-insensitive). */
  search?: string;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface CircularPage {
  items: CircularSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** Escapes LIKE wildcards so a search for `50%` finds "50%". */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A page of circulars, newest first (by date of issue; undated drafts first), with the total.
 *
 * @example await listCirculars(trx, { regencyId: '63.01', status: 'published', search: 'netralitas' })
 */
export async function listCirculars(db: Db, params: ListCircularsParams = {}): Promise<CircularPage> {
  const page = Math.max(1, Math.trunc(params.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.trunc(params.pageSize ?? 20)));
  let query = db.selectFrom('circulars as c');
  if (params.regencyId !== undefined) {
    const regencyId = params.regencyId;
    query = query.where((eb) =>
      eb.or([
        eb('c.regency_id', '=', regencyId),
        eb.and([eb('c.regency_id', 'is', null), eb('c.province_code', '=', provinceOf(regencyId))]),
      ]),
    );
  }
  if (params.status !== undefined) query = query.where('c.status', '=', params.status);
  if (params.year !== undefined) {
    query = query.where('c.issued_on', '>=', `${params.year}-01-01`).where('c.issued_on', '<=', `${params.year}-12-31`);
  }
  const search = params.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    query = query.where((eb) => eb.or([eb('c.number', 'ilike', pattern), eb('c.title', 'ilike', pattern)]));
  }

  // One after the other: a transaction is one connection.
  const rows = await query
    .select(summaryColumns)
    .select((eb) =>
      eb
        .selectFrom('provisions as p')
        .whereRef('p.circular_id', '=', 'c.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('provision_count'),
    )
    .orderBy(sql`c.issued_on desc nulls first`)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const count = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  return {
    items: rows.map((row) => toSummary({ ...row, provision_count: Number(row.provision_count ?? 0) })),
    total: Number(count.total),
    page,
    pageSize,
  };
}

/** The provisions of a circular in document order. */
export async function listProvisions(db: Db, circularId: string): Promise<ProvisionRecord[]> {
  const rows = await db
    .selectFrom('provisions')
    .selectAll()
    .where('circular_id', '=', circularId)
    .orderBy('position')
    .execute();
  return rows.map(toProvision);
}

/**
 * One circular with its provisions (document order) and source text, or undefined when the
 * transaction cannot see it. `regencyId` narrows to that regency and its governor's circulars.
 */
export async function getCircular(
  db: Db,
  id: string,
  options: { regencyId?: string } = {},
): Promise<CircularRecord | undefined> {
  let query = db.selectFrom('circulars').selectAll().where('id', '=', id);
  if (options.regencyId !== undefined) {
    const regencyId = options.regencyId;
    query = query.where((eb) =>
      eb.or([
        eb('regency_id', '=', regencyId),
        eb.and([eb('regency_id', 'is', null), eb('province_code', '=', provinceOf(regencyId))]),
      ]),
    );
  }
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const provisions = await listProvisions(db, id);
  return {
    ...toSummary({ ...row, provision_count: provisions.length }),
    place: row.place,
    issuerOffice: row.issuer_office,
    signatory: row.signatory,
    signatoryNip: row.signatory_nip,
    addressees: row.addressees,
    scope: row.scope,
    legalBases: row.legal_bases,
    openingText: row.opening_text,
    closingText: row.closing_text,
    sourceText: row.source_text,
    jdih: row.jdih,
    createdBy: row.created_by,
    provisions,
  };
}

// ---------------------------------------------------------------------------------------------
// Drafts from the parser

/** What the import screen edits and `createDraft` takes: metadata, provisions, source text. */
export interface DraftFromParse {
  metadata: {
    number: string | null;
    title: string;
    place: string | null;
    issuedOn: string | null;
    issuerOffice: string;
    signatory: string | null;
    signatoryNip: string | null;
    addressees: string[];
    scope: CircularScope[];
    legalBases: string[];
    openingText: string;
    closingText: string;
  };
  provisions: {
    path: string;
    label: string;
    parentPath: string | null;
    order: number;
    kind: ProvisionKind;
    text: string;
    addressee: ProvisionAddressee | null;
    codes: ProhibitionCode[];
    suggestedCodes: { code: ProhibitionCode; score: number }[];
  }[];
  sourceText: string;
}

/**
 * The addressee class of a provision from the words the parser found ("ASN dan Non ASN di
 * Lingkungan …", "Kepala Satuan Kerja Perangkat Daerah"). Unrecognised wording is `other`.
 */
export function addresseeFromText(text: string | null | undefined): ProvisionAddressee | null {
  if (!text) return null;
  const t = text.toLowerCase();
  if (/\bkepala\b/.test(t) && !/\bdesa\b/.test(t)) return 'heads_of_units';
  if (/\bdesa\b/.test(t)) return 'village_officials';
  if (/\bnon[\s-]?asn\b|\bppnpn\b|\bhonorer\b/.test(t)) return /\basn\b.*\bnon/.test(t) ? 'asn_and_non_asn' : 'non_asn';
  if (/\bpns\b/.test(t)) return 'pns';
  if (/\basn\b|aparatur sipil negara/.test(t)) return 'asn';
  return 'other';
}

/**
 * Turns a parse result into a draft to review: codes the parser is confident about (at or above
 * `codeScoreThreshold`, prohibitions only) become the confirmed codes, every proposal stays in
 * `suggestedCodes`. Missing title or issuer become '' so the form asks for them.
 */
export function draftFromParse(result: CircularParseResult, sourceText: string): DraftFromParse {
  const m = result.metadata;
  const siblings = new Map<string | null, number>();
  return {
    metadata: {
      number: m.number,
      title: m.title ?? '',
      place: m.place,
      issuedOn: m.date,
      issuerOffice: m.issuer ?? '',
      signatory: m.signatory,
      signatoryNip: m.signatoryNip,
      addressees: [...m.addressees],
      scope: m.scope.length > 0 ? [...m.scope] : ['ASN'],
      legalBases: [],
      openingText: m.opening ?? '',
      closingText: m.closing ?? '',
    },
    provisions: result.provisions.map((p) => {
      const order = siblings.get(p.parentPath) ?? 0;
      siblings.set(p.parentPath, order + 1);
      return {
        path: p.path,
        label: p.label,
        parentPath: p.parentPath,
        order,
        kind: p.kind,
        text: p.text,
        addressee: addresseeFromText(p.addressee),
        codes: p.kind === 'prohibition' ? p.codes.filter((c) => c.score >= codeScoreThreshold).map((c) => c.code) : [],
        suggestedCodes: p.codes.map((c) => ({ code: c.code, score: c.score })),
      };
    }),
    sourceText,
  };
}

// ---------------------------------------------------------------------------------------------
// Writing drafts

const messages = {
  notFound: { id: 'Surat edaran tidak ditemukan', en: 'Circular not found' },
  provisionNotFound: { id: 'Ketentuan tidak ditemukan', en: 'Provision not found' },
  immutable: {
    id: 'Surat edaran yang sudah terbit tidak dapat diubah. Buat versi baru (ganti) untuk mengubahnya.',
    en: 'A published circular cannot be changed. Create a new version (supersede) to change it.',
  },
  notDraft: (status: CircularStatus) => ({
    id: `Hanya konsep yang dapat diubah; surat edaran ini berstatus ${status}.`,
    en: `Only drafts can be changed; this circular is ${status}.`,
  }),
  publishOnlyDraft: { id: 'Hanya konsep yang dapat diterbitkan', en: 'Only a draft can be published' },
  revokeOnlyPublished: {
    id: 'Hanya surat edaran yang berlaku yang dapat dicabut',
    en: 'Only a published circular can be revoked',
  },
  supersedeOnlyPublished: {
    id: 'Hanya surat edaran yang berlaku yang dapat diganti',
    en: 'Only a published circular can be superseded',
  },
  oldNoLongerPublished: {
    id: 'Surat edaran yang diganti sudah tidak berlaku (dicabut atau diganti versi lain)',
    en: 'The circular this draft replaces is no longer in force (revoked or replaced by another version)',
  },
  openSuccessor: {
    id: 'Sudah ada konsep versi baru untuk surat edaran ini',
    en: 'A draft of a new version of this circular already exists',
  },
  missingForPublish: { id: 'Lengkapi data sebelum menerbitkan', en: 'Complete the circular before publishing' },
  cited: {
    id: 'Ketentuan konsep ini sudah dirujuk kasus; ubah ketentuan satu per satu',
    en: 'Cases cite provisions of this draft; change provisions one by one',
  },
} as const;

/** Inserts provisions parents first (the parent foreign key), keeping document order in `position`. */
async function insertProvisions(
  db: Db,
  circular: { id: string; regencyId: string | null; provinceCode: string },
  provisions: readonly CircularDraft['provisions'][number][],
): Promise<void> {
  const depth = new Map<string, number>();
  const byPath = new Map(provisions.map((p) => [p.path, p]));
  const depthOf = (path: string, seen = 0): number => {
    const known = depth.get(path);
    if (known !== undefined) return known;
    const parent = byPath.get(path)?.parentPath ?? null;
    const d = parent === null || seen > provisions.length ? 0 : depthOf(parent, seen + 1) + 1;
    depth.set(path, d);
    return d;
  };
  const rows = provisions
    .map((p, position) => ({
      circular_id: circular.id,
      regency_id: circular.regencyId,
      province_code: circular.provinceCode,
      path: p.path,
      label: p.label,
      parent_path: p.parentPath,
      kind: p.kind,
      text: p.text,
      addressee: p.addressee,
      codes: [...p.codes],
      suggested_codes: JSON.stringify(p.suggestedCodes),
      position,
    }))
    .sort((a, b) => depthOf(a.path) - depthOf(b.path) || a.position - b.position);
  // Well below PostgreSQL's 65535 bind parameters per statement.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('provisions')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

function circularColumns(draft: CircularDraft) {
  return {
    number: draft.number,
    title: draft.title,
    place: draft.place,
    issued_on: draft.issuedOn,
    issuer_office: draft.issuerOffice,
    signatory: draft.signatory,
    signatory_nip: draft.signatoryNip,
    addressees: JSON.stringify(draft.addressees),
    scope: [...draft.scope],
    legal_bases: JSON.stringify(draft.legalBases),
    opening_text: draft.openingText === '' ? null : draft.openingText,
    closing_text: draft.closingText === '' ? null : draft.closingText,
    source_text: draft.sourceText,
    jdih: JSON.stringify(draft.jdih),
  };
}

export interface InsertCircularDraftParams {
  /** A validated draft (`circularDraftSchema`); `regencyId` null with `provinceCode` for a governor's. */
  draft: CircularDraft;
  createdBy: string | null;
}

/**
 * Saves a validated draft with its provisions and returns it as stored.
 *
 * @example await insertCircularDraft(trx, { draft: circularDraftSchema.parse(input), createdBy: user.id })
 */
export async function insertCircularDraft(db: Db, params: InsertCircularDraftParams): Promise<CircularRecord> {
  const { draft } = params;
  const provinceCode = draft.provinceCode ?? (draft.regencyId === null ? null : provinceOf(draft.regencyId));
  if (provinceCode === null) {
    throw new ValidationError(
      {
        id: 'Surat edaran harus milik kabupaten/kota atau provinsi',
        en: 'A circular belongs to a regency or a province',
      },
      [],
    );
  }
  const row = await db
    .insertInto('circulars')
    .values({
      ...circularColumns(draft),
      regency_id: draft.regencyId,
      province_code: provinceCode,
      supersedes_id: draft.supersedesId,
      status: 'draft',
      created_by: params.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertProvisions(db, { id: row.id, regencyId: draft.regencyId, provinceCode }, draft.provisions);
  return (await getCircular(db, row.id)) as CircularRecord;
}

/**
 * Locks a regency's circular for a change and checks its status and version; throws NOT_FOUND,
 * CONFLICT (stale version) or the given error when the status does not fit.
 */
async function lockCircular(
  db: Db,
  params: { id: string; regencyId: string; version?: number },
  allowed: CircularStatus,
  wrongStatus: (status: CircularStatus) => DomainError,
) {
  const row = await db
    .selectFrom('circulars')
    .selectAll()
    .where('id', '=', params.id)
    // A governor's circular is read-only for a regency: it is not found here.
    .where('regency_id', '=', params.regencyId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', messages.notFound);
  if (row.status !== allowed) throw wrongStatus(row.status);
  if (params.version !== undefined && row.version !== params.version) throw new ConflictError();
  return row;
}

function draftOnly(status: CircularStatus): DomainError {
  return new DomainError('CONFLICT', status === 'draft' ? messages.notDraft(status) : messages.immutable);
}

export interface UpdateCircularDraftParams {
  id: string;
  regencyId: string;
  /** The version the editor read; a stale one fails with CONFLICT and changes nothing. */
  version: number;
  /** The whole draft, validated; its provisions replace the stored ones. */
  draft: CircularDraft;
}

/**
 * Replaces a draft's metadata and provisions. Published, revoked and superseded circulars are
 * immutable (CONFLICT). Returns the circular before and after.
 */
export async function updateCircularDraft(
  db: Db,
  params: UpdateCircularDraftParams,
): Promise<{ before: CircularRecord; after: CircularRecord }> {
  await lockCircular(db, params, 'draft', draftOnly);
  const before = (await getCircular(db, params.id)) as CircularRecord;
  const cited = await db
    .selectFrom('case_provisions')
    .select('case_id')
    .where('circular_id', '=', params.id)
    .limit(1)
    .executeTakeFirst();
  if (cited) throw new DomainError('CONFLICT', messages.cited);
  await db
    .updateTable('circulars')
    .set({ ...circularColumns(params.draft), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', params.id)
    .execute();
  await db.deleteFrom('provisions').where('circular_id', '=', params.id).execute();
  await insertProvisions(
    db,
    { id: params.id, regencyId: before.regencyId, provinceCode: before.provinceCode },
    params.draft.provisions,
  );
  return { before, after: (await getCircular(db, params.id)) as CircularRecord };
}

export interface ProvisionChanges {
  kind?: ProvisionKind;
  /** Confirmed prohibition codes; replaces the current ones. */
  codes?: string[];
}

/**
 * Confirms or corrects one provision of a draft (kind, codes), validated like any draft
 * provision (codes only on prohibitions, no repeats). Bumps the circular's version.
 */
export async function updateProvision(
  db: Db,
  params: { circularId: string; regencyId: string; version: number; path: string; changes: ProvisionChanges },
): Promise<{ before: ProvisionRecord; after: ProvisionRecord; circularVersion: number }> {
  await lockCircular(
    db,
    { id: params.circularId, regencyId: params.regencyId, version: params.version },
    'draft',
    draftOnly,
  );
  const row = await db
    .selectFrom('provisions')
    .selectAll()
    .where('circular_id', '=', params.circularId)
    .where('path', '=', params.path)
    .executeTakeFirst();
  if (!row) throw new DomainError('NOT_FOUND', messages.provisionNotFound);
  const before = toProvision(row);
  const checked = provisionDraftSchema.safeParse({
    path: before.path,
    label: before.label,
    parentPath: before.parentPath,
    kind: params.changes.kind ?? before.kind,
    text: before.text,
    codes: params.changes.codes ?? before.codes,
  });
  if (!checked.success) {
    const issues: FieldIssue[] = checked.error.issues.map((issue) => {
      const [id = issue.message, en = issue.message] = issue.message.split(' / ');
      return { path: issue.path.map(String).join('.'), text: { id, en } };
    });
    throw new ValidationError(
      { id: 'Periksa kembali isian yang ditandai', en: 'Please check the marked fields' },
      issues,
    );
  }
  await db
    .updateTable('provisions')
    .set({ kind: checked.data.kind, codes: [...checked.data.codes] })
    .where('circular_id', '=', params.circularId)
    .where('path', '=', params.path)
    .execute();
  const circular = await db
    .updateTable('circulars')
    .set({ version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', params.circularId)
    .returning('version')
    .executeTakeFirstOrThrow();
  return {
    before,
    after: { ...before, kind: checked.data.kind, codes: [...checked.data.codes] },
    circularVersion: circular.version,
  };
}

// ---------------------------------------------------------------------------------------------
// Life cycle

export interface TransitionResult {
  before: CircularRecord;
  after: CircularRecord;
  /** The circular this one replaced and that is now `superseded`, when publishing a new version. */
  supersededId: string | null;
}

/**
 * Publishes a draft: needs its number, date of issue and title (MISSING_FIELDS otherwise). A
 * draft that supersedes a published circular marks that one superseded in the same transaction.
 */
export async function publishCircular(
  db: Db,
  params: { id: string; regencyId: string; version: number },
): Promise<TransitionResult> {
  const row = await lockCircular(
    db,
    params,
    'draft',
    () => new DomainError('ILLEGAL_TRANSITION', messages.publishOnlyDraft),
  );
  const missing: FieldIssue[] = [];
  if (!row.number?.trim())
    missing.push({ path: 'number', text: { id: 'Nomor wajib diisi', en: 'Number is required' } });
  if (row.issued_on === null) {
    missing.push({ path: 'issuedOn', text: { id: 'Tanggal wajib diisi', en: 'Date of issue is required' } });
  }
  if (!row.title?.trim()) missing.push({ path: 'title', text: { id: 'Judul wajib diisi', en: 'Title is required' } });
  if (missing.length > 0) throw new ValidationError(messages.missingForPublish, missing, 'MISSING_FIELDS');

  const before = (await getCircular(db, params.id)) as CircularRecord;
  let supersededId: string | null = null;
  if (row.supersedes_id !== null) {
    const old = await db
      .selectFrom('circulars')
      .select(['id', 'status'])
      .where('id', '=', row.supersedes_id)
      .forUpdate()
      .executeTakeFirst();
    if (old?.status !== 'published') throw new DomainError('CONFLICT', messages.oldNoLongerPublished);
    await db
      .updateTable('circulars')
      .set({ status: 'superseded', version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', old.id)
      .execute();
    supersededId = old.id;
  }
  await db
    .updateTable('circulars')
    .set({ status: 'published', published_at: sql`now()`, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', params.id)
    .execute();
  return { before, after: (await getCircular(db, params.id)) as CircularRecord, supersededId };
}

/** Revokes a published circular (dicabut). */
export async function revokeCircular(
  db: Db,
  params: { id: string; regencyId: string; version: number },
): Promise<TransitionResult> {
  await lockCircular(
    db,
    params,
    'published',
    () => new DomainError('ILLEGAL_TRANSITION', messages.revokeOnlyPublished),
  );
  const before = (await getCircular(db, params.id)) as CircularRecord;
  await db
    .updateTable('circulars')
    .set({ status: 'revoked', version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', params.id)
    .execute();
  return { before, after: (await getCircular(db, params.id)) as CircularRecord, supersededId: null };
}

/**
 * Starts a new version of a published circular: a draft copying its metadata, source text and
 * provisions, with `supersedesId` pointing at it. One open draft per circular (CONFLICT).
 */
export async function supersedeCircular(
  db: Db,
  params: { id: string; regencyId: string; createdBy: string | null },
): Promise<CircularRecord> {
  await lockCircular(
    db,
    params,
    'published',
    () => new DomainError('ILLEGAL_TRANSITION', messages.supersedeOnlyPublished),
  );
  const open = await db
    .selectFrom('circulars')
    .select('id')
    .where('supersedes_id', '=', params.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (open) throw new DomainError('CONFLICT', messages.openSuccessor);
  const old = (await getCircular(db, params.id)) as CircularRecord;
  const created = await db
    .insertInto('circulars')
    .values({
      regency_id: old.regencyId,
      province_code: old.provinceCode,
      number: old.number,
      title: old.title,
      place: old.place,
      issued_on: old.issuedOn,
      issuer_office: old.issuerOffice,
      signatory: old.signatory,
      signatory_nip: old.signatoryNip,
      addressees: JSON.stringify(old.addressees),
      scope: old.scope,
      legal_bases: JSON.stringify(old.legalBases),
      opening_text: old.openingText,
      closing_text: old.closingText,
      source_text: old.sourceText,
      jdih: JSON.stringify(old.jdih),
      supersedes_id: old.id,
      status: 'draft',
      created_by: params.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (old.provisions.length > 0) {
    // Same rows, same order: parents already precede children in position order of a stored tree.
    await insertProvisions(
      db,
      { id: created.id, regencyId: old.regencyId, provinceCode: old.provinceCode },
      old.provisions.map((p) => ({
        path: p.path,
        label: p.label,
        parentPath: p.parentPath,
        order: 0,
        kind: p.kind,
        text: p.text,
        addressee: p.addressee as ProvisionAddressee | null,
        codes: p.codes.filter(isProhibitionCode),
        suggestedCodes: p.suggestedCodes.filter((s): s is { code: ProhibitionCode; score: number } =>
          isProhibitionCode(s.code),
        ),
      })),
    );
  }
  return (await getCircular(db, created.id)) as CircularRecord;
}

// ---------------------------------------------------------------------------------------------
// Import (seed, CLI)

export interface ImportCircularParams {
  /** Null for a governor's circular (then `provinceCode` is required). */
  regencyId: string | null;
  provinceCode?: string | null;
  text: string;
  createdBy: string | null;
  publish: boolean;
}

/**
 * Parses a circular's text, saves it as a draft with the parser's confident codes confirmed, and
 * optionally publishes it. Throws `ValidationError` when the parse lacks what a draft needs
 * (title, issuer) or, with `publish`, what publishing needs. For the seed and the CLI; people
 * import through the API's preview → draft → publish.
 *
 * @example await withAdmin((trx) => importCircular(trx, { regencyId: '63.01', provinceCode: '63', text, createdBy: null, publish: true }))
 */
export async function importCircular(db: Db, params: ImportCircularParams): Promise<CircularRecord> {
  const { metadata, provisions, sourceText } = draftFromParse(parseCircular(params.text), params.text);
  const parsed = circularDraftSchema.safeParse({
    ...metadata,
    regencyId: params.regencyId,
    provinceCode: params.provinceCode ?? null,
    provisions,
    sourceText,
  });
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((issue) => {
      const [id = issue.message, en = issue.message] = issue.message.split(' / ');
      return { path: issue.path.map(String).join('.'), text: { id, en } };
    });
    throw new ValidationError({ id: 'Surat edaran tidak lengkap', en: 'The circular is incomplete' }, issues);
  }
  const draft = await insertCircularDraft(db, { draft: parsed.data, createdBy: params.createdBy });
  if (!params.publish) return draft;
  if (draft.regencyId === null) {
    // lockCircular scopes writes to a regency; a governor's circular is published directly.
    await db
      .updateTable('circulars')
      .set({ status: 'published', published_at: sql`now()`, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', draft.id)
      .execute();
    return (await getCircular(db, draft.id)) as CircularRecord;
  }
  return (await publishCircular(db, { id: draft.id, regencyId: draft.regencyId, version: draft.version })).after;
}

// ---------------------------------------------------------------------------------------------
// Comparison

/** Lower-case word tokens (letters and digits, Unicode-aware) for similarity. */
function tokens(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Token Jaccard similarity in 0..1: shared words over all words. */
export function textSimilarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.size === 0 && tb.size === 0) return 1;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared += 1;
  return shared / (ta.size + tb.size - shared);
}

/** A pair with the same path counts as matched from this similarity (renumbering keeps paths). */
const PATH_MATCH_MIN = 0.3;
/** A pair with different paths counts as matched from this similarity. */
const TEXT_MATCH_MIN = 0.5;

export interface ComparedProvision {
  path: string;
  kind: ProvisionKind;
  text: string;
  codes: string[];
}

export interface ComparisonRow {
  a: ComparedProvision | null;
  b: ComparedProvision | null;
  /** Token Jaccard similarity of the texts; 0 for one-sided rows. */
  similarity: number;
  matchedBy: 'path' | 'text' | null;
}

export type Coverage = 'both' | 'a' | 'b' | 'neither';

export interface CodeCoverage {
  code: string;
  regime: Regime;
  wording: string;
  gloss: string;
  coveredBy: Coverage;
  /** Paths of the provisions of each circular carrying the code (or one of its sub-points). */
  aPaths: string[];
  bPaths: string[];
}

export interface CircularComparison {
  rows: ComparisonRow[];
  coverage: CodeCoverage[];
  counts: Record<Coverage, number>;
}

function compared(p: ProvisionRecord): ComparedProvision {
  return { path: p.path, kind: p.kind, text: p.text, codes: [...p.codes] };
}

/** Paths of provisions per national prohibition type; sub-point codes count for their type. */
function pathsByType(provisions: readonly ProvisionRecord[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const p of provisions) {
    for (const code of p.codes) {
      if (!isProhibitionCode(code)) continue;
      const type = parentProhibitionCode(code);
      const paths = map.get(type) ?? [];
      if (!paths.includes(p.path)) paths.push(p.path);
      map.set(type, paths);
    }
  }
  return map;
}

/**
 * Compares two circulars' provisions side by side — pairs with the same path and similar text
 * first, then the most similar remaining texts — and tells, for every national prohibition type,
 * whether a, b, both or neither cover it (by confirmed codes). Rows follow a's order, with b's
 * unmatched provisions after the row of their nearest preceding b provision.
 */
export function compareProvisions(a: readonly ProvisionRecord[], b: readonly ProvisionRecord[]): CircularComparison {
  const sims = a.map((pa) => b.map((pb) => textSimilarity(pa.text, pb.text)));
  const matchOfA = new Map<number, { j: number; similarity: number; by: 'path' | 'text' }>();
  const takenB = new Set<number>();
  const bIndexByPath = new Map(b.map((p, j) => [p.path, j]));
  a.forEach((pa, i) => {
    const j = bIndexByPath.get(pa.path);
    const similarity = j === undefined ? 0 : (sims[i]?.[j] ?? 0);
    if (j !== undefined && similarity >= PATH_MATCH_MIN) {
      matchOfA.set(i, { j, similarity, by: 'path' });
      takenB.add(j);
    }
  });
  const candidates: { i: number; j: number; similarity: number }[] = [];
  a.forEach((_, i) => {
    if (matchOfA.has(i)) return;
    b.forEach((__, j) => {
      const similarity = sims[i]?.[j] ?? 0;
      if (!takenB.has(j) && similarity >= TEXT_MATCH_MIN) candidates.push({ i, j, similarity });
    });
  });
  candidates.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);
  for (const c of candidates) {
    if (matchOfA.has(c.i) || takenB.has(c.j)) continue;
    matchOfA.set(c.i, { j: c.j, similarity: c.similarity, by: 'text' });
    takenB.add(c.j);
  }

  const rows: (ComparisonRow & { bIndex: number | null })[] = a.map((pa, i) => {
    const match = matchOfA.get(i);
    const pb = match === undefined ? undefined : b[match.j];
    return {
      a: compared(pa),
      b: pb === undefined ? null : compared(pb),
      similarity: match?.similarity ?? 0,
      matchedBy: match?.by ?? null,
      bIndex: match?.j ?? null,
    };
  });
  b.forEach((pb, j) => {
    if (takenB.has(j)) return;
    let at = 0;
    rows.forEach((row, k) => {
      if (row.bIndex !== null && row.bIndex < j) at = k + 1;
    });
    rows.splice(at, 0, { a: null, b: compared(pb), similarity: 0, matchedBy: null, bIndex: j });
  });

  const aTypes = pathsByType(a);
  const bTypes = pathsByType(b);
  const counts: Record<Coverage, number> = { both: 0, a: 0, b: 0, neither: 0 };
  const coverage = prohibitionTypes.map((type): CodeCoverage => {
    const aPaths = aTypes.get(type.code) ?? [];
    const bPaths = bTypes.get(type.code) ?? [];
    const coveredBy: Coverage =
      aPaths.length > 0 && bPaths.length > 0 ? 'both' : aPaths.length > 0 ? 'a' : bPaths.length > 0 ? 'b' : 'neither';
    counts[coveredBy] += 1;
    return {
      code: type.code,
      regime: type.regime,
      wording: type.wording,
      gloss: type.gloss,
      coveredBy,
      aPaths,
      bPaths,
    };
  });
  return { rows: rows.map(({ bIndex: _, ...row }) => row), coverage, counts };
}

/**
 * Loads two circulars the transaction can see and compares them ({@link compareProvisions});
 * undefined when either is not visible.
 */
export async function compareCirculars(
  db: Db,
  aId: string,
  bId: string,
): Promise<(CircularComparison & { a: CircularSummary; b: CircularSummary }) | undefined> {
  const a = await getCircular(db, aId);
  const b = await getCircular(db, bId);
  if (!a || !b) return undefined;
  const { provisions: pa, ...summaryA } = a;
  const { provisions: pb, ...summaryB } = b;
  return { a: summarize(summaryA), b: summarize(summaryB), ...compareProvisions(pa, pb) };
}

function summarize(c: Omit<CircularRecord, 'provisions'>): CircularSummary {
  return {
    id: c.id,
    regencyId: c.regencyId,
    provinceCode: c.provinceCode,
    number: c.number,
    title: c.title,
    issuedOn: c.issuedOn,
    status: c.status,
    version: c.version,
    supersedesId: c.supersedesId,
    provisionCount: c.provisionCount,
    createdAt: c.createdAt,
    publishedAt: c.publishedAt,
    updatedAt: c.updatedAt,
  };
}

/** A compact form of a circular for audit events: no source text, provisions as path/kind/codes. */
export function auditView(c: CircularRecord): JsonValue {
  return {
    id: c.id,
    status: c.status,
    version: c.version,
    number: c.number,
    title: c.title,
    issuedOn: c.issuedOn,
    supersedesId: c.supersedesId,
    provisions: c.provisions.map((p) => ({ path: p.path, kind: p.kind, codes: p.codes })),
  };
}
