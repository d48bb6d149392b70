/**
 * Cases (dugaan pelanggaran): register, list, read, edit, move through the workflow, attach
 * evidence. Every write updates the rollups in the same transaction ({@link applyCaseDelta}) and
 * the timeline (`case_events`); the caller writes the one audit event of the mutation with the
 * `before` / `after` these functions return.
 *
 * Run them inside `withTenant` (row-level security scopes every read and write) and pass the
 * transaction. Domain rules come from `@netral/domain`: phases from `phaseOf`, the workflow from
 * `transition`, deadlines from `deadlinesFor`.
 */
import { ConflictError, DomainError, type FieldIssue, ValidationError } from '@netral/domain/errors';
import type { CaseSource, EmploymentType, PositionClass, Role } from '@netral/domain/model';
import { getContest, phaseOf, type Race } from '@netral/domain/phases';
import {
  getProhibitionType,
  isProhibitionCode,
  prohibitionCodeSchema,
  type SanctionLevel,
  type SanctionType,
} from '@netral/domain/taxonomy';
import {
  availableTransitions,
  type CaseDeadlines,
  type CaseStatus,
  type CaseWorkflowState,
  deadlinesFor,
  isOverdue,
  isTerminal,
  type TransitionVerb,
  transition,
} from '@netral/domain/workflow';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, JsonObject } from '../schema';
import {
  applyCaseDelta,
  type CaseFacts,
  loadCaseFacts,
  PPK_OPEN_STATUSES,
  PROVEN_STATUSES,
  type RollupFlag,
  SANCTIONED_STATUSES,
} from './rollups';

type Db = Kysely<DB> | Transaction<DB>;

/** Rows per page of a case list. */
export const CASE_PAGE_SIZE = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notFound = () => new DomainError('NOT_FOUND', { id: 'Kasus tidak ditemukan.', en: 'Case not found.' });

// ---------------------------------------------------------------------------------------------
// Shapes

export interface ProvisionRefInput {
  circularId: string;
  circularVersion: number;
  path: string;
}

export interface SubjectInput {
  name: string;
  nip: string | null;
  nik: string | null;
  employmentType: EmploymentType;
  positionClass: PositionClass;
  positionTitle: string | null;
}

export interface ReporterInput {
  name: string | null;
  contact: string | null;
  channel: string;
  anonymous: boolean;
  confidential: boolean;
}

export interface NewCaseInput {
  regencyId: string;
  unitId: string | null;
  contest: string;
  race: Race | null;
  actOn: string;
  /** Registration date; today when omitted. */
  receivedOn?: string | null;
  /** When the reporter learnt of the act (starts the 7-day filing limit). */
  knownOn?: string | null;
  subject: SubjectInput;
  provisions: readonly ProvisionRefInput[];
  /** Overrides the codes derived from the provisions; null or omitted: derived. */
  prohibitionCodes?: readonly string[] | null;
  source: CaseSource;
  summary: string;
  reporter: ReporterInput | null;
}

export interface CaseRecord {
  id: string;
  regencyId: string;
  unitId: string | null;
  contest: string;
  race: string | null;
  actOn: string;
  phase: string;
  phaseBucket: string;
  subject: SubjectInput;
  source: CaseSource;
  summary: string;
  status: CaseStatus;
  receivedOn: string;
  recommendation: {
    body: string | null;
    number: string;
    issuedOn: string | null;
    recommendedSanction: string | null;
  } | null;
  ppkDeadline: string | null;
  sanction: {
    decreeNumber: string | null;
    decidedOn: string | null;
    type: string | null;
    level: SanctionLevel | null;
    executedOn: string | null;
  } | null;
  closedOn: string | null;
  codes: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseEventRecord {
  id: number;
  verb: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  occurredOn: string;
  reason: string | null;
  actorId: string | null;
  data: JsonObject;
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Helpers

type CaseRow = Awaited<ReturnType<typeof selectCase>>;

function selectCase(db: Db, id: string, forUpdate = false) {
  let q = db.selectFrom('cases').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

function toRecord(row: NonNullable<CaseRow>, codes: string[]): CaseRecord {
  return {
    id: row.id,
    regencyId: row.regency_id,
    unitId: row.unit_id,
    contest: row.contest,
    race: row.race,
    actOn: row.act_on,
    phase: row.phase,
    phaseBucket: row.phase_bucket,
    subject: {
      name: row.subject_name,
      nip: row.subject_nip,
      nik: row.subject_nik,
      employmentType: row.employment_type as EmploymentType,
      positionClass: row.position_class as PositionClass,
      positionTitle: row.position_title,
    },
    source: row.source,
    summary: row.summary,
    status: row.status,
    receivedOn: row.received_on,
    recommendation:
      row.recommendation_number === null
        ? null
        : {
            body: row.recommendation_body,
            number: row.recommendation_number,
            issuedOn: row.recommendation_issued_on,
            recommendedSanction: row.recommended_sanction,
          },
    ppkDeadline: row.ppk_deadline,
    sanction:
      row.decree_number === null
        ? null
        : {
            decreeNumber: row.decree_number,
            decidedOn: row.decided_on,
            type: row.sanction_type,
            level: row.sanction_level,
            executedOn: row.sanction_executed_on,
          },
    closedOn: row.closed_on,
    codes,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function codesOf(db: Db, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('case_codes').select('code').where('case_id', '=', caseId).orderBy('code').execute();
  return rows.map((r) => r.code);
}

/** Phase and bucket of the act, from the domain's contest data (UNKNOWN_CONTEST / UNKNOWN_RACE otherwise). */
function phaseFor(contest: string, actOn: string, race: Race | null) {
  const result = phaseOf(getContest(contest), actOn, race === null ? {} : { race });
  return { phase: result.phase, phase_bucket: result.bucket };
}

async function checkUnit(db: Db, regencyId: string, unitId: string | null, issues: FieldIssue[]): Promise<void> {
  if (unitId === null) return;
  const unit = UUID.test(unitId)
    ? await db
        .selectFrom('units')
        .select(['id', 'retired_at'])
        .where('id', '=', unitId)
        .where('regency_id', '=', regencyId)
        .executeTakeFirst()
    : undefined;
  if (!unit) {
    issues.push({
      path: 'unitId',
      text: { id: 'Unit kerja tidak ditemukan di kabupaten/kota ini.', en: 'No such unit in this regency.' },
    });
  } else if (unit.retired_at !== null) {
    issues.push({
      path: 'unitId',
      text: { id: 'Unit kerja sudah tidak aktif.', en: 'The unit has been retired.' },
    });
  }
}

async function checkContest(db: Db, contest: string, issues: FieldIssue[]): Promise<void> {
  const row = await db.selectFrom('contests').select('code').where('code', '=', contest).executeTakeFirst();
  if (!row) {
    issues.push({
      path: 'contest',
      text: { id: `Kontestasi ${contest} belum terdaftar.`, en: `Contest ${contest} is not registered.` },
    });
  }
}

/**
 * The cited provisions, each in a published circular the transaction can read (the regency's own
 * or its governor's), at the version given. Returns the codes they carry.
 */
async function resolveProvisions(db: Db, refs: readonly ProvisionRefInput[], issues: FieldIssue[]): Promise<string[]> {
  const codes = new Set<string>();
  for (const [i, ref] of refs.entries()) {
    const found = UUID.test(ref.circularId)
      ? await db
          .selectFrom('provisions as p')
          .innerJoin('circulars as c', 'c.id', 'p.circular_id')
          .select(['p.codes'])
          .where('p.circular_id', '=', ref.circularId)
          .where('p.path', '=', ref.path)
          .where('c.status', '=', 'published')
          .where('c.version', '=', ref.circularVersion)
          .executeTakeFirst()
      : undefined;
    if (!found) {
      issues.push({
        path: `provisions.${i}`,
        text: {
          id: `Ketentuan ${ref.path} tidak ditemukan pada surat edaran yang telah diterbitkan (versi ${ref.circularVersion}).`,
          en: `Provision ${ref.path} was not found in a published circular (version ${ref.circularVersion}).`,
        },
      });
      continue;
    }
    for (const code of found.codes) codes.add(code);
  }
  return [...codes].sort();
}

function checkCodes(codes: readonly string[], issues: FieldIssue[]): void {
  for (const [i, code] of codes.entries()) {
    if (!isProhibitionCode(code)) {
      issues.push({
        path: `prohibitionCodes.${i}`,
        text: { id: `Kode larangan tidak dikenal: ${code}.`, en: `Unknown prohibition code: ${code}.` },
      });
    }
  }
}

function invalid(issues: FieldIssue[]): ValidationError {
  return new ValidationError(
    {
      id: `Periksa kembali isian: ${issues.map((i) => i.path).join(', ')}.`,
      en: `Please check: ${issues.map((i) => i.path).join(', ')}.`,
    },
    issues,
  );
}

async function replaceLinks(
  db: Db,
  caseId: string,
  regencyId: string,
  provisions: readonly ProvisionRefInput[] | undefined,
  codes: readonly string[] | undefined,
): Promise<void> {
  if (provisions !== undefined) {
    await db.deleteFrom('case_provisions').where('case_id', '=', caseId).execute();
    const unique = new Map(provisions.map((p) => [`${p.circularId}\u0000${p.path}`, p]));
    if (unique.size > 0) {
      await db
        .insertInto('case_provisions')
        .values(
          [...unique.values()].map((p) => ({
            case_id: caseId,
            regency_id: regencyId,
            circular_id: p.circularId,
            circular_version: p.circularVersion,
            path: p.path,
          })),
        )
        .execute();
    }
  }
  if (codes !== undefined) {
    await db.deleteFrom('case_codes').where('case_id', '=', caseId).execute();
    const unique = [...new Set(codes)];
    if (unique.length > 0) {
      await db
        .insertInto('case_codes')
        .values(unique.map((code) => ({ case_id: caseId, regency_id: regencyId, code })))
        .execute();
    }
  }
}

// Built once: `toLocaleDateString` with options builds a formatter per call (about 50 µs of CPU,
// on every case request).
const wibDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Jakarta' });

/** Today in Indonesia's western time zone (WIB), where the earliest deadlines fall. */
export function todayInIndonesia(now: Date = new Date()): string {
  return wibDate.format(now);
}

// ---------------------------------------------------------------------------------------------
// Create

/**
 * The checks {@link createCase} runs before it writes anything: the unit (of the regency, not
 * retired), the contest, the cited provisions (published, readable, at that version), the codes,
 * the received date. Returns one issue per bad field (none: the case can be saved) and the codes
 * the case would get. Writes nothing, so an import preview judges each row as a save would.
 */
export async function checkNewCase(
  db: Db,
  input: Omit<NewCaseInput, 'subject' | 'source' | 'summary' | 'reporter'>,
): Promise<{ issues: FieldIssue[]; codes: string[] }> {
  const issues: FieldIssue[] = [];
  await checkUnit(db, input.regencyId, input.unitId, issues);
  await checkContest(db, input.contest, issues);
  const derived = await resolveProvisions(db, input.provisions, issues);
  const codes = [...(input.prohibitionCodes ?? derived)];
  checkCodes(codes, issues);
  if (input.receivedOn && input.receivedOn < input.actOn) {
    issues.push({
      path: 'receivedOn',
      text: { id: 'Tanggal diterima sebelum tanggal kejadian.', en: 'Received before the date of the act.' },
    });
  }
  return { issues, codes };
}

/**
 * Registers a case (DITERIMA): checks the unit (of the regency, not retired), the contest, the
 * cited provisions (published, readable, at that version); derives phase and codes; stores the
 * reporter apart; writes the first timeline event and the rollups.
 * Throws `ValidationError` with one issue per bad field.
 *
 * With `deferRollups`, the rollups are left to the caller, who gets the case's `facts` to apply
 * with `applyCaseDeltas` once for a whole batch (an import): updating the same rollup rows once
 * per case in one transaction slows down with every row version it leaves behind.
 *
 * @example
 * const { after } = await createCase(trx, input, { id: userId });
 */
export async function createCase(
  db: Db,
  input: NewCaseInput,
  actor: { id: string },
  options: { deferRollups?: boolean } = {},
): Promise<{ id: string; after: CaseRecord; facts: CaseFacts | null }> {
  const { issues, codes } = await checkNewCase(db, input);
  if (issues.length > 0) throw invalid(issues);
  const phase = phaseFor(input.contest, input.actOn, input.race);

  const row = await db
    .insertInto('cases')
    .values({
      regency_id: input.regencyId,
      unit_id: input.unitId,
      contest: input.contest,
      race: input.race,
      act_on: input.actOn,
      ...phase,
      subject_name: input.subject.name,
      subject_nip: input.subject.nip,
      subject_nik: input.subject.nik,
      employment_type: input.subject.employmentType,
      position_class: input.subject.positionClass,
      position_title: input.subject.positionTitle,
      source: input.source,
      summary: input.summary,
      ...(input.receivedOn ? { received_on: input.receivedOn } : {}),
      created_by: actor.id,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await replaceLinks(db, row.id, row.regency_id, input.provisions, codes);
  if (input.reporter) {
    await db
      .insertInto('reporters')
      .values({
        case_id: row.id,
        regency_id: row.regency_id,
        name: input.reporter.anonymous ? null : input.reporter.name,
        contact: input.reporter.contact,
        channel: input.reporter.channel,
        anonymous: input.reporter.anonymous,
        confidential: input.reporter.confidential,
      })
      .execute();
  }
  await db
    .insertInto('case_events')
    .values({
      case_id: row.id,
      regency_id: row.regency_id,
      verb: 'register',
      from_status: null,
      to_status: 'received',
      occurred_on: row.received_on,
      reason: null,
      actor_id: actor.id,
      data: JSON.stringify(input.knownOn ? { knownOn: input.knownOn } : {}),
    })
    .execute();
  const facts = await loadCaseFacts(db, row.id);
  if (!options.deferRollups) await applyCaseDelta(db, null, facts);
  return { id: row.id, after: toRecord(row, [...new Set(codes)].sort()), facts };
}

// ---------------------------------------------------------------------------------------------
// List

export type CaseSort = 'act_on' | 'received_on' | 'status' | 'updated_at';

export interface ListCasesParams {
  /** Restrict to these regencies (row-level security restricts further). */
  regencyIds?: readonly string[];
  statuses?: readonly CaseStatus[];
  unitId?: string;
  unitKind?: string;
  /** A prohibition code; a type code also matches its sub-points. */
  code?: string;
  family?: string;
  regime?: string;
  phase?: string;
  phaseBucket?: string;
  contest?: string;
  positionClass?: string;
  sanctionLevel?: string;
  /** Inclusive bounds on `act_on`. */
  from?: string;
  to?: string;
  /** A headline figure: proven, sanctioned, recommended, followed up (definitions in rollups.ts). */
  flag?: RollupFlag;
  /** Only cases whose PPK deadline passed (before `today`) in an open state. */
  overdue?: boolean;
  /** Subject name, NIP or summary contains it (case-insensitive). */
  search?: string;
  sort?: CaseSort;
  direction?: 'asc' | 'desc';
  cursor?: string | null;
  /** Rows to skip (instead of a cursor). */
  offset?: number;
  limit?: number;
  /** `'YYYY-MM-DD'`, for the overdue flag and filter. */
  today: string;
}

export interface CaseListRow {
  id: string;
  regencyId: string;
  unitId: string | null;
  unitName: string | null;
  unitKind: string | null;
  contest: string;
  actOn: string;
  phase: string;
  phaseBucket: string;
  subjectName: string;
  subjectNip: string | null;
  positionClass: string | null;
  status: CaseStatus;
  receivedOn: string;
  ppkDeadline: string | null;
  overdue: boolean;
  sanctionLevel: string | null;
  codes: string[];
  version: number;
  updatedAt: string;
}

interface Cursor {
  v: string;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    if (typeof c.v === 'string' && typeof c.id === 'string' && UUID.test(c.id)) return c;
  } catch {
    // fall through
  }
  throw new ValidationError({ id: 'Kursor halaman tidak valid.', en: 'Invalid page cursor.' }, [
    { path: 'cursor', text: { id: 'Kursor halaman tidak valid.', en: 'Invalid page cursor.' } },
  ]);
}

/** The taxonomy codes (sub-points included) of a family and/or regime. */
function codesWhere(family: string | undefined, regime: string | undefined): string[] {
  return prohibitionCodeSchema.options.filter((code) => {
    const type = getProhibitionType(code);
    return (!family || type.family === family) && (!regime || type.regime === regime);
  });
}

/** The taxonomy codes matching a type code (itself and its sub-points). */
function codeFamily(code: string): string[] {
  return [code, ...'abcdefgh'.split('').map((s) => `${code}${s}`)].filter(isProhibitionCode);
}

/** The most index walks one page merges (codes × regencies) before it falls back to the plain query. */
const MAX_CODE_WALKS = 64;
/** The deepest row (offset + page) served by the walks; deeper offset pages use the plain query. */
const MAX_CODE_WALK_ROWS = 2_000;

/**
 * For a page of cases with a code, family or regime filter in date order and no filter on other
 * case columns: a superset of the page's cases, read from `case_codes (code[, regency], act_on,
 * case_id)` — each code's (and regency's) first rows after the cursor, in page order. The page's
 * own conditions still select and order the rows; these only spare the planner from joining every
 * case of the code and sorting them (it cannot estimate the row-level-security condition, so it
 * never walks the date order on its own). A case with several of the codes may appear in several
 * walks; every row of a walk is a row of the list (same codes, regencies, dates and cursor), so
 * each walk holds every case of its code up to the page's last row, and the union holds the page.
 * `null`: not such a page.
 */
function codeWalkCandidates(db: Db, params: ListCasesParams, sort: CaseSort, direction: 'asc' | 'desc', limit: number) {
  if (sort !== 'act_on' || !(params.code || params.family || params.regime)) return null;
  if (
    params.statuses?.length ||
    params.unitId ||
    params.unitKind !== undefined ||
    params.phase ||
    params.phaseBucket ||
    params.contest ||
    params.positionClass !== undefined ||
    params.sanctionLevel !== undefined ||
    params.flag ||
    params.overdue ||
    params.search?.trim()
  ) {
    return null;
  }
  const codes = params.code ? codeFamily(params.code) : codesWhere(params.family, params.regime);
  // With a code and a family or regime, the walks of the code's rows hold the page only when the
  // code implies the family (rows ahead in a walk must all be rows of the page's list).
  if (params.code && (params.family || params.regime)) {
    const implied = new Set(codesWhere(params.family, params.regime));
    if (!codes.every((code) => implied.has(code))) return null;
  }
  const regencies: readonly (string | null)[] = params.regencyIds ?? [null];
  const rows = (params.offset ?? 0) + limit + 1;
  if (!codes.length || !regencies.length || codes.length * regencies.length > MAX_CODE_WALKS) return null;
  if (rows > MAX_CODE_WALK_ROWS) return null;
  const cursor = params.cursor ? decodeCursor(params.cursor) : null;
  const walks = codes.flatMap((code) =>
    regencies.map((regencyId) => {
      let w = db.selectFrom('case_codes as k').select('k.case_id').where('k.code', '=', code);
      if (regencyId !== null) w = w.where('k.regency_id', '=', regencyId);
      if (params.from) w = w.where('k.act_on', '>=', params.from);
      if (params.to) w = w.where('k.act_on', '<=', params.to);
      if (cursor) {
        const cmp = direction === 'desc' ? sql.raw('<') : sql.raw('>');
        w = w.where(sql<boolean>`(k.act_on, k.case_id) ${cmp} (${cursor.v}::date, ${cursor.id}::uuid)`);
      }
      return sql`(${w.orderBy('k.act_on', direction).orderBy('k.case_id', direction).limit(rows)})`;
    }),
  );
  return sql.join(walks, sql` union all `);
}

/**
 * One page of cases (50 rows), newest act first by default, with keyset pagination
 * (`nextCursor`). Filters combine with AND. Served by the `cases_list_*` indexes.
 */
export async function listCases(
  db: Db,
  params: ListCasesParams,
): Promise<{ rows: CaseListRow[]; nextCursor: string | null }> {
  const sort = params.sort ?? 'act_on';
  const direction = params.direction ?? 'desc';
  const limit = Math.min(params.limit ?? CASE_PAGE_SIZE, 200);
  const sortExpr =
    sort === 'updated_at'
      ? sql<string>`to_char(c.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`
      : sql<string>`${sql.ref(`c.${sort}`)}::text`;
  const sortColumn = sql.ref(`c.${sort}`);

  let q = db
    .selectFrom('cases as c')
    .leftJoin('units as u', 'u.id', 'c.unit_id')
    .select([
      'c.id',
      'c.regency_id',
      'c.unit_id',
      'u.name as unit_name',
      'u.kind as unit_kind',
      'c.contest',
      'c.act_on',
      'c.phase',
      'c.phase_bucket',
      'c.subject_name',
      'c.subject_nip',
      'c.position_class',
      'c.status',
      'c.received_on',
      'c.ppk_deadline',
      'c.sanction_level',
      'c.version',
      'c.updated_at',
      sortExpr.as('sort_value'),
      sql<string[]>`array(select cc.code from case_codes cc where cc.case_id = c.id order by cc.code)`.as('codes'),
    ]);
  if (params.regencyIds) q = q.where('c.regency_id', 'in', params.regencyIds.length ? params.regencyIds : ['']);
  if (params.statuses?.length) q = q.where('c.status', 'in', params.statuses);
  if (params.unitId) q = q.where('c.unit_id', '=', UUID.test(params.unitId) ? params.unitId : null);
  if (params.unitKind !== undefined) {
    q = params.unitKind === '' ? q.where('c.unit_id', 'is', null) : q.where('u.kind', '=', params.unitKind as never);
  }
  if (params.phase) q = q.where('c.phase', '=', params.phase);
  if (params.phaseBucket) q = q.where('c.phase_bucket', '=', params.phaseBucket as never);
  if (params.contest) q = q.where('c.contest', '=', params.contest);
  if (params.positionClass !== undefined) {
    q =
      params.positionClass === ''
        ? q.where('c.position_class', 'is', null)
        : q.where('c.position_class', '=', params.positionClass as never);
  }
  if (params.sanctionLevel !== undefined) {
    q =
      params.sanctionLevel === ''
        ? q.where('c.sanction_level', 'is', null)
        : q.where('c.sanction_level', '=', params.sanctionLevel as never);
  }
  if (params.from) q = q.where('c.act_on', '>=', params.from);
  if (params.to) q = q.where('c.act_on', '<=', params.to);
  if (params.code) {
    const codes = codeFamily(params.code);
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_codes as cc')
          .select(sql`1`.as('one'))
          .whereRef('cc.case_id', '=', 'c.id')
          .where('cc.code', 'in', codes.length ? codes : ['']),
      ),
    );
  }
  if (params.family || params.regime) {
    const codes = codesWhere(params.family, params.regime);
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_codes as cc')
          .select(sql`1`.as('one'))
          .whereRef('cc.case_id', '=', 'c.id')
          .where('cc.code', 'in', codes.length ? codes : ['']),
      ),
    );
  }
  if (params.flag === 'proven') {
    q = q.where((eb) =>
      eb.or([
        eb('c.status', 'in', PROVEN_STATUSES),
        eb.and([eb('c.status', '=', 'lapsed'), eb('c.recommendation_number', 'is not', null)]),
      ]),
    );
  }
  if (params.flag === 'sanctioned' || params.flag === 'followed_up') q = q.where('c.status', 'in', SANCTIONED_STATUSES);
  if (params.flag === 'recommended' || params.flag === 'followed_up') {
    q = q.where('c.recommendation_number', 'is not', null);
  }
  if (params.overdue) {
    q = q.where('c.status', 'in', PPK_OPEN_STATUSES).where('c.ppk_deadline', '<', params.today);
  }
  if (params.search?.trim()) {
    const term = `%${params.search.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('c.subject_name', 'ilike', term), eb('c.subject_nip', 'like', term), eb('c.summary', 'ilike', term)]),
    );
  }
  const candidates = codeWalkCandidates(db, params, sort, direction, limit);
  if (candidates) q = q.where(sql<boolean>`c.id in (${candidates})`);
  if (params.cursor) {
    const cursor = decodeCursor(params.cursor);
    const cmp = direction === 'desc' ? sql.raw('<') : sql.raw('>');
    const value =
      sort === 'updated_at'
        ? sql`${cursor.v}::timestamp at time zone 'UTC'`
        : sort === 'status'
          ? sql`${cursor.v}::text`
          : sql`${cursor.v}::date`;
    q = q.where(sql<boolean>`(${sortColumn}, c.id) ${cmp} (${value}, ${cursor.id}::uuid)`);
  }
  q = q
    .orderBy(sortColumn, direction)
    .orderBy('c.id', direction)
    .limit(limit + 1);

  const rows = await q.execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({
      id: r.id,
      regencyId: r.regency_id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitKind: r.unit_kind,
      contest: r.contest,
      actOn: r.act_on,
      phase: r.phase,
      phaseBucket: r.phase_bucket,
      subjectName: r.subject_name,
      subjectNip: r.subject_nip,
      positionClass: r.position_class,
      status: r.status,
      receivedOn: r.received_on,
      ppkDeadline: r.ppk_deadline,
      overdue: PPK_OPEN_STATUSES.includes(r.status) && r.ppk_deadline !== null && r.ppk_deadline < params.today,
      sanctionLevel: r.sanction_level,
      codes: r.codes,
      version: r.version,
      updatedAt: r.updated_at.toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ v: last.sort_value, id: last.id }) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Read

export interface CaseDetail extends CaseRecord {
  unitName: string | null;
  provisions: (ProvisionRefInput & { kind: string | null; text: string | null; circularNumber: string | null })[];
  events: CaseEventRecord[];
  evidence: {
    id: string;
    description: string;
    url: string | null;
    fileName: string | null;
    fileSize: number | null;
    sha256: string | null;
    capturedBy: string | null;
    capturedAt: string | null;
    createdAt: string;
  }[];
  /** Present only when asked for (roles that may see the reporter). */
  reporter?: {
    name: string | null;
    contact: string | null;
    channel: string;
    anonymous: boolean;
    confidential: boolean;
  } | null;
  deadlines: CaseDeadlines;
  overdue: boolean;
}

export async function caseTimeline(db: Db, caseId: string): Promise<CaseEventRecord[]> {
  const rows = await db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((e) => ({
    id: e.id,
    verb: e.verb,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    occurredOn: e.occurred_on,
    reason: e.reason,
    actorId: e.actor_id,
    data: e.data,
    createdAt: e.created_at.toISOString(),
  }));
}

/** The workflow state of a stored case: its row plus the dates only the timeline keeps. */
function workflowState(row: NonNullable<CaseRow>, events: readonly CaseEventRecord[]): CaseWorkflowState {
  // Edits and evidence are on the timeline too, but only a status change starts "status since".
  const last = events.findLast((e) => e.fromStatus === null || e.fromStatus !== e.toStatus);
  const register = events.find((e) => e.verb === 'register');
  const recommend = events.findLast((e) => e.verb === 'recommend');
  const block = events.findLast((e) => e.verb === 'block');
  const knownOn = register?.data.knownOn;
  const state: CaseWorkflowState = {
    status: row.status,
    receivedOn: row.received_on,
    statusSince: last?.occurredOn ?? row.received_on,
    ...(typeof knownOn === 'string' ? { knownOn } : {}),
  };
  if (row.recommendation_number !== null && row.recommendation_issued_on !== null) {
    state.recommendation = {
      issuingBody: (row.recommendation_body ?? 'BKN') as NonNullable<
        CaseWorkflowState['recommendation']
      >['issuingBody'],
      number: row.recommendation_number,
      issuedOn: row.recommendation_issued_on,
      recommendedSanction: row.recommended_sanction as SanctionType,
      receivedOn: recommend?.occurredOn ?? row.recommendation_issued_on,
    };
  }
  if (row.decree_number !== null && row.decided_on !== null && row.sanction_type !== null && row.sanction_level) {
    state.sanction = {
      decreeNumber: row.decree_number,
      decidedOn: row.decided_on,
      type: row.sanction_type as SanctionType,
      level: row.sanction_level,
      ...(row.sanction_executed_on ? { executedOn: row.sanction_executed_on } : {}),
    };
  }
  const blockedOn = block?.data.blockedOn;
  if (typeof blockedOn === 'string') state.blockedOn = blockedOn;
  return state;
}

/**
 * A case with its provisions, codes, timeline, evidence and deadlines; the reporter only when
 * `includeReporter` (regency and national admins). Throws NOT_FOUND when invisible.
 */
export async function getCase(
  db: Db,
  caseId: string,
  options: { includeReporter: boolean; today: string; roles?: readonly Role[] },
): Promise<CaseDetail & { availableVerbs: TransitionVerb[] }> {
  if (!UUID.test(caseId)) throw notFound();
  const row = await selectCase(db, caseId);
  if (!row) throw notFound();
  const [codes, events, provisions, evidence, unit] = await Promise.all([
    codesOf(db, caseId),
    caseTimeline(db, caseId),
    db
      .selectFrom('case_provisions as cp')
      .leftJoin('provisions as p', (j) =>
        j.onRef('p.circular_id', '=', 'cp.circular_id').onRef('p.path', '=', 'cp.path'),
      )
      .leftJoin('circulars as ci', 'ci.id', 'cp.circular_id')
      .select(['cp.circular_id', 'cp.circular_version', 'cp.path', 'p.kind', 'p.text', 'ci.number'])
      .where('cp.case_id', '=', caseId)
      .orderBy('cp.circular_id')
      .orderBy('p.position')
      .execute(),
    db.selectFrom('evidence').selectAll().where('case_id', '=', caseId).orderBy('created_at').execute(),
    row.unit_id === null
      ? Promise.resolve(undefined)
      : db.selectFrom('units').select('name').where('id', '=', row.unit_id).executeTakeFirst(),
  ]);
  const state = workflowState(row, events);
  const detail: CaseDetail & { availableVerbs: TransitionVerb[] } = {
    ...toRecord(row, codes),
    unitName: unit?.name ?? null,
    provisions: provisions.map((p) => ({
      circularId: p.circular_id,
      circularVersion: p.circular_version,
      path: p.path,
      kind: p.kind,
      text: p.text,
      circularNumber: p.number,
    })),
    events,
    evidence: evidence.map((e) => ({
      id: e.id,
      description: e.description,
      url: e.url,
      fileName: e.file_name,
      fileSize: e.file_size,
      sha256: e.sha256,
      capturedBy: e.captured_by,
      capturedAt: e.captured_at?.toISOString() ?? null,
      createdAt: e.created_at.toISOString(),
    })),
    deadlines: deadlinesFor(state),
    overdue: isOverdue(state, options.today),
    availableVerbs: options.roles ? availableTransitions(row.status, options.roles) : [],
  };
  if (options.includeReporter) {
    const reporter = await db
      .selectFrom('reporters')
      .select(['name', 'contact', 'channel', 'anonymous', 'confidential'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .executeTakeFirst();
    detail.reporter = reporter ?? null;
  }
  return detail;
}

// ---------------------------------------------------------------------------------------------
// Update

export interface CasePatch {
  unitId?: string | null;
  contest?: string;
  race?: Race | null;
  actOn?: string;
  subject?: SubjectInput;
  provisions?: readonly ProvisionRefInput[];
  prohibitionCodes?: readonly string[];
  source?: CaseSource;
  summary?: string;
}

async function lockForChange(db: Db, caseId: string, version: number) {
  if (!UUID.test(caseId)) throw notFound();
  const row = await selectCase(db, caseId, true);
  if (!row) throw notFound();
  if (row.version !== version) throw new ConflictError();
  return row;
}

/**
 * Edits a case's facts (not its status: see {@link transitionCase}) if `version` is current;
 * recomputes the phase, replaces provisions and codes when given. Throws CONFLICT on a stale
 * version, NOT_FOUND when invisible, VALIDATION for bad fields.
 */
export async function updateCase(
  db: Db,
  params: { id: string; version: number; patch: CasePatch; actorId: string; today: string },
): Promise<{ before: CaseRecord; after: CaseRecord }> {
  const row = await lockForChange(db, params.id, params.version);
  const { patch } = params;
  const beforeFacts = await loadCaseFacts(db, row.id);
  const before = toRecord(row, await codesOf(db, row.id));
  const issues: FieldIssue[] = [];
  if (patch.unitId !== undefined && patch.unitId !== row.unit_id)
    await checkUnit(db, row.regency_id, patch.unitId, issues);
  if (patch.contest !== undefined && patch.contest !== row.contest) await checkContest(db, patch.contest, issues);
  let codes: readonly string[] | undefined = patch.prohibitionCodes;
  if (patch.provisions !== undefined) {
    const derived = await resolveProvisions(db, patch.provisions, issues);
    codes ??= derived;
  }
  if (codes) checkCodes(codes, issues);
  if (issues.length > 0) throw invalid(issues);

  const contest = patch.contest ?? row.contest;
  const actOn = patch.actOn ?? row.act_on;
  const race = patch.race !== undefined ? patch.race : (row.race as Race | null);
  const updated = await db
    .updateTable('cases')
    .set({
      ...(patch.unitId !== undefined ? { unit_id: patch.unitId } : {}),
      contest,
      race,
      act_on: actOn,
      ...phaseFor(contest, actOn, race),
      ...(patch.subject
        ? {
            subject_name: patch.subject.name,
            subject_nip: patch.subject.nip,
            subject_nik: patch.subject.nik,
            employment_type: patch.subject.employmentType,
            position_class: patch.subject.positionClass,
            position_title: patch.subject.positionTitle,
          }
        : {}),
      ...(patch.source ? { source: patch.source } : {}),
      ...(patch.summary ? { summary: patch.summary } : {}),
      version: row.version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', row.id)
    .where('version', '=', params.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new ConflictError();
  await replaceLinks(db, row.id, row.regency_id, patch.provisions, codes);
  const changed = Object.keys(patch).filter((k) => patch[k as keyof CasePatch] !== undefined);
  await db
    .insertInto('case_events')
    .values({
      case_id: row.id,
      regency_id: row.regency_id,
      verb: 'edit',
      from_status: row.status,
      to_status: row.status,
      occurred_on: params.today,
      reason: null,
      actor_id: params.actorId,
      // Field names only: the timeline is no second copy of personal data.
      data: JSON.stringify({ fields: changed }),
    })
    .execute();
  await applyCaseDelta(db, beforeFacts, await loadCaseFacts(db, row.id));
  return { before, after: toRecord(updated, await codesOf(db, row.id)) };
}

// ---------------------------------------------------------------------------------------------
// Transition

/**
 * Applies a workflow verb with `transition()` from `@netral/domain/workflow` and stores its
 * result: the case row (status, recommendation, PPK deadline, decree…), one timeline event, the
 * rollup delta. Throws TransitionError (ILLEGAL_TRANSITION, TRANSITION_FORBIDDEN), ValidationError
 * (MISSING_FIELDS), ConflictError (stale version), NOT_FOUND.
 */
export async function transitionCase(
  db: Db,
  params: {
    id: string;
    version: number;
    verb: TransitionVerb;
    input: unknown;
    actor: { id: string; roles: readonly Role[] };
  },
): Promise<{ before: CaseRecord; after: CaseRecord; event: CaseEventRecord; warnings: { id: string; en: string }[] }> {
  const row = await lockForChange(db, params.id, params.version);
  const beforeFacts: CaseFacts | null = await loadCaseFacts(db, row.id);
  const codes = await codesOf(db, row.id);
  const before = toRecord(row, codes);
  const events = await caseTimeline(db, row.id);
  const result = transition(workflowState(row, events), params.verb, params.input as never, params.actor);
  const { event, state } = result;

  const set: Record<string, unknown> = {
    status: result.status,
    status_changed_at: new Date(),
    version: row.version + 1,
    updated_at: new Date(),
  };
  if (params.verb === 'recommend' && state.recommendation) {
    set.recommendation_body = state.recommendation.issuingBody;
    set.recommendation_number = state.recommendation.number;
    set.recommendation_issued_on = state.recommendation.issuedOn;
    set.recommended_sanction = state.recommendation.recommendedSanction;
    set.ppk_deadline = result.deadlines.ppkExecution?.due ?? null;
  }
  if (params.verb === 'impose' && state.sanction) {
    set.decree_number = state.sanction.decreeNumber;
    set.decided_on = state.sanction.decidedOn;
    set.sanction_type = state.sanction.type;
    set.sanction_level = state.sanction.level;
  }
  if (params.verb === 'execute') set.sanction_executed_on = event.occurredOn;
  if (isTerminal(result.status)) set.closed_on = event.occurredOn;

  const updated = await db
    .updateTable('cases')
    .set(set)
    .where('id', '=', row.id)
    .where('version', '=', params.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw new ConflictError();
  const inserted = await db
    .insertInto('case_events')
    .values({
      case_id: row.id,
      regency_id: row.regency_id,
      verb: event.verb,
      from_status: event.from,
      to_status: event.to,
      occurred_on: event.occurredOn,
      reason: event.reason,
      actor_id: params.actor.id,
      data: JSON.stringify(event.data),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await applyCaseDelta(db, beforeFacts, await loadCaseFacts(db, row.id));
  return {
    before,
    after: toRecord(updated, codes),
    event: {
      id: inserted.id,
      verb: inserted.verb,
      fromStatus: inserted.from_status,
      toStatus: inserted.to_status,
      occurredOn: inserted.occurred_on,
      reason: inserted.reason,
      actorId: inserted.actor_id,
      data: inserted.data,
      createdAt: inserted.created_at.toISOString(),
    },
    warnings: result.warnings,
  };
}

// ---------------------------------------------------------------------------------------------
// Evidence

export interface EvidenceInput {
  description: string;
  url: string | null;
  fileName: string | null;
  fileSize: number | null;
  /** Lower-case hex SHA-256, computed by the server from the uploaded file. */
  sha256: string | null;
  capturedBy: string | null;
  capturedAt: string | null;
}

/** Attaches an evidence item to a case and notes it on the timeline. NOT_FOUND when invisible. */
export async function addEvidence(
  db: Db,
  params: { caseId: string; evidence: EvidenceInput; actorId: string; today: string },
): Promise<{ id: string; regencyId: string; after: EvidenceInput & { id: string } }> {
  if (!UUID.test(params.caseId)) throw notFound();
  const row = await selectCase(db, params.caseId);
  if (!row) throw notFound();
  const e = params.evidence;
  const inserted = await db
    .insertInto('evidence')
    .values({
      case_id: row.id,
      regency_id: row.regency_id,
      description: e.description,
      url: e.url,
      file_name: e.fileName,
      file_size: e.fileSize,
      sha256: e.sha256,
      captured_by: e.capturedBy,
      captured_at: e.capturedAt,
      created_by: params.actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_events')
    .values({
      case_id: row.id,
      regency_id: row.regency_id,
      verb: 'evidence',
      from_status: row.status,
      to_status: row.status,
      occurred_on: params.today,
      reason: e.description,
      actor_id: params.actorId,
      data: JSON.stringify({ evidenceId: inserted.id, sha256: e.sha256 }),
    })
    .execute();
  return { id: inserted.id, regencyId: row.regency_id, after: { ...e, id: inserted.id } };
}
