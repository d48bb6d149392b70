/**
 * Kysely table interfaces of Netral's database, one per table, with `Selectable` / `Insertable` /
 * `Updateable` aliases (`Case`, `NewCase`, `CaseUpdate`…).
 *
 * The types describe storage. Query functions turn rows into domain types at their boundary.
 *
 * Conventions of the connection factory (see `create-db.ts`), which these types rely on:
 * - `date` columns are read and written as `'YYYY-MM-DD'` strings (no time zone shifts);
 * - `timestamptz` columns are read as `Date`;
 * - `bigint` columns (and `count(*)`) are read as `number`;
 * - `jsonb` columns are read as parsed JSON and written as JSON **text** (`JSON.stringify(value)`):
 *   node-postgres would turn a JS array into a PostgreSQL array literal, not JSON.
 *
 * @example
 * const open = await trx.selectFrom('cases').selectAll().where('status', '=', 'received').execute();
 * //    ^? Case[]
 */
import type {
  CaseSource,
  CircularScope,
  CircularStatus,
  EmploymentType,
  PositionClass,
  ProvisionKind,
  RegencyKind,
  Role,
  UnitKind,
} from '@netral/domain/model';
import type { PhaseBucket } from '@netral/domain/phases';
import type { SanctionLevel } from '@netral/domain/taxonomy';
import type { CaseStatus } from '@netral/domain/workflow';
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// ---------------------------------------------------------------------------------------------
// Column helpers

/** Any JSON value, as stored in a `jsonb` column. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** `jsonb NOT NULL` without a default: read as `T`, written as JSON text. */
export type Json<T> = ColumnType<T, string, string>;
/** `jsonb NOT NULL DEFAULT …`: read as `T`, written as JSON text, optional on insert. */
export type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;
/** Nullable `jsonb`: read as `T | null`, written as JSON text or null. */
export type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

/** A `date` column: `'YYYY-MM-DD'`. */
export type DateString = string;

/** `timestamptz NOT NULL DEFAULT now()` that is never updated. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `timestamptz NOT NULL DEFAULT now()` that updates set explicitly. */
export type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** `timestamptz NOT NULL` without a default. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Nullable `timestamptz`. */
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** Optimistic-concurrency counter: starts at 1, every update sets `version = version + 1`. */
export type Version = ColumnType<number, number | undefined, number>;
/** A `text[] NOT NULL DEFAULT '{}'` column. */
export type TextArray<T extends string = string> = ColumnType<T[], T[] | undefined, T[]>;

// ---------------------------------------------------------------------------------------------
// Value sets stored as text. The domain owns them (CHECK constraints in the migrations mirror
// them); only the user's locale is the database's own.

/** UI language of a user. */
export type Locale = 'id' | 'en';

// ---------------------------------------------------------------------------------------------
// Reference data (not tenant-scoped)

/** Provinsi; `code` is the Kemendagri code, e.g. `'63'`. */
export interface ProvinceTable {
  code: string;
  name: string;
}

/** Kabupaten/kota; `id` is the Kemendagri code, e.g. `'63.01'`, whose first part is the province. */
export interface RegencyTable {
  id: string;
  name: string;
  kind: RegencyKind;
  province_code: string;
}

/** The national taxonomy of prohibited acts (DOMAIN.md §3), loaded by the seed. */
export interface ProhibitionTypeTable {
  code: string;
  /** Act family (`MEDSOS`, `APK`…) so bakal-calon and calon variants chart together. */
  family: string;
  /** `kode_etik`, `disiplin`, `pp94`, `extra`… */
  regime: string;
  /** Indonesian wording. */
  wording: string;
  /** English gloss. */
  gloss: string;
  default_sanction_level: SanctionLevel | null;
  sanction_source: string | null;
  position: number;
}

/** Per-deployment sanction level of a prohibition type where sources disagree (DS-03, DS-08…). */
export interface TaxonomyOverrideTable {
  code: string;
  sanction_level: SanctionLevel;
  note: string | null;
  updated_by: string | null;
  updated_at: UpdatedAt;
  version: Version;
}

/** An election contest (`PEMILU_2024`, `PILKADA_2024`…) with its timeline as data. */
export interface ContestTable {
  code: string;
  data: Json<JsonObject>;
}

// ---------------------------------------------------------------------------------------------
// Tenant data: every table has `regency_id` and row-level security

/** Perangkat daerah (OPD) or a sub-unit. Retired, never deleted while cases point at it. */
export interface UnitTable {
  id: Generated<string>;
  regency_id: string;
  name: string;
  /** Stored as text without a CHECK: the list of unit kinds grows with regencies' structures. */
  kind: UnitKind;
  parent_id: string | null;
  retired_at: NullableTimestamp;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/**
 * Surat Edaran. `regency_id` is null for a governor's circular, which is then visible to every
 * regency of `province_code` (see the README, "Tenancy").
 */
export interface CircularTable {
  id: Generated<string>;
  regency_id: string | null;
  province_code: string;
  number: string | null;
  /** "tentang …" */
  title: string | null;
  place: string | null;
  issued_on: DateString | null;
  issuer_office: string | null;
  signatory: string | null;
  signatory_nip: string | null;
  /** Addressee lines ("Sekretaris Daerah", "Kepala Perangkat Daerah"…). */
  addressees: JsonWithDefault<string[]>;
  scope: TextArray<CircularScope>;
  /** Cited legal bases, one citation per item. */
  legal_bases: JsonWithDefault<string[]>;
  opening_text: string | null;
  closing_text: string | null;
  /** The original text as imported (OCR, Markdown…). */
  source_text: ColumnType<string, string | undefined, string>;
  /** JDIH metadata fields (DOMAIN.md §8), keyed by field name. */
  jdih: JsonWithDefault<JsonObject>;
  status: ColumnType<CircularStatus, CircularStatus | undefined, CircularStatus>;
  supersedes_id: string | null;
  version: Version;
  created_by: string | null;
  created_at: CreatedAt;
  published_at: NullableTimestamp;
  updated_at: UpdatedAt;
}

/**
 * A node of a circular's provision tree. `regency_id` and `province_code` are copies of the
 * circular's (composite foreign keys keep them equal) so row-level security needs no join.
 */
export interface ProvisionTable {
  circular_id: string;
  regency_id: string | null;
  province_code: string;
  /** Stable path built from labels: `A`, `A.1`, `A.1.b`, `2.1`, `3.a.1`. */
  path: string;
  /** The label as printed (`A.`, `1)`, `b.`). */
  label: string;
  parent_path: string | null;
  kind: ProvisionKind;
  text: string;
  addressee: string | null;
  /** Confirmed prohibition-type codes. */
  codes: TextArray;
  /** The parser's proposals, kept to show what was corrected. */
  suggested_codes: JsonWithDefault<JsonValue[]>;
  /** Order among all provisions of the circular (document order). */
  position: number;
}

/** Dugaan pelanggaran: an alleged violation followed from report to sanction. */
export interface CaseTable {
  id: Generated<string>;
  regency_id: string;
  unit_id: string | null;
  contest: string;
  /** PILPRES, DPR, PILBUP…; optional. */
  race: string | null;
  /** Date of the act; the phase derives from it. */
  act_on: DateString;
  /** Fine campaign phase (`PRA_PENETAPAN`, `KAMPANYE`…), derived by the domain. */
  phase: string;
  phase_bucket: PhaseBucket;
  subject_name: string;
  subject_nip: string | null;
  subject_nik: string | null;
  employment_type: EmploymentType | null;
  position_class: PositionClass | null;
  position_title: string | null;
  source: CaseSource;
  summary: string;
  status: ColumnType<CaseStatus, CaseStatus | undefined, CaseStatus>;
  /** Registration date; intake deadlines count from it. */
  received_on: ColumnType<DateString, DateString | undefined, DateString>;
  /** When the status last changed (for "days in this state"). */
  status_changed_at: UpdatedAt;
  /** Body that issued the recommendation (Bawaslu, KASN, BKN). */
  recommendation_body: string | null;
  recommendation_number: string | null;
  recommendation_issued_on: DateString | null;
  recommended_sanction: string | null;
  /** Date by which the PPK must act on the recommendation; overdue when passed in an open state. */
  ppk_deadline: DateString | null;
  decree_number: string | null;
  decided_on: DateString | null;
  sanction_type: string | null;
  sanction_level: SanctionLevel | null;
  sanction_executed_on: DateString | null;
  /** Date the case reached a terminal state. */
  closed_on: DateString | null;
  version: Version;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A provision a case cites, pinned to the circular version it was judged against. */
export interface CaseProvisionTable {
  case_id: string;
  regency_id: string;
  circular_id: string;
  circular_version: number;
  path: string;
}

/** A prohibition type of a case (derived from its provisions, editable). */
export interface CaseCodeTable {
  case_id: string;
  regency_id: string;
  code: string;
  /** The case's `act_on`, copied by triggers (set on insert, follows the case's updates). */
  act_on: Generated<string>;
}

/** Pelapor: kept apart from the case and shown only to roles that need it. */
export interface ReporterTable {
  id: Generated<string>;
  case_id: string;
  regency_id: string;
  name: string | null;
  contact: string | null;
  /** Bawaslu, SP4N-LAPOR!, BKN SBT, walk-in, social media… */
  channel: string;
  /** Identity withheld from the case handlers (LAPOR! "Anonim"). */
  anonymous: ColumnType<boolean, boolean | undefined, boolean>;
  /** Content not public (LAPOR! "Rahasia"). */
  confidential: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: CreatedAt;
}

/** Bukti: a described item with a link or a file and its SHA-256. */
export interface EvidenceTable {
  id: Generated<string>;
  case_id: string;
  regency_id: string;
  description: string;
  url: string | null;
  file_name: string | null;
  file_size: number | null;
  /** Lower-case hex SHA-256 of the file. */
  sha256: string | null;
  /** Who captured it (a person, not necessarily a user). */
  captured_by: string | null;
  captured_at: NullableTimestamp;
  created_by: string | null;
  created_at: CreatedAt;
}

/** The case timeline: one row per transition or notable act. Append-only for the app role. */
export interface CaseEventTable {
  id: Generated<number>;
  case_id: string;
  regency_id: string;
  /** Transition or act (`verify`, `recommend`, `sanction`, `comment`…). */
  verb: string;
  from_status: CaseStatus | null;
  to_status: CaseStatus | null;
  occurred_on: DateString;
  reason: string | null;
  actor_id: string | null;
  /** Document numbers and other details of the step. */
  data: JsonWithDefault<JsonObject>;
  created_at: CreatedAt;
}

// ---------------------------------------------------------------------------------------------
// Users and sessions (not tenant-scoped: a user may work in several regencies)

export interface UserTable {
  id: Generated<string>;
  /** Lower case, unique. */
  username: string;
  display_name: string;
  /** argon2id hash. */
  password_hash: string;
  locale: ColumnType<Locale, Locale | undefined, Locale>;
  disabled_at: NullableTimestamp;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/**
 * A role held by a user. Regency roles name `regency_id`; an analyst names a regency, a province
 * or neither (national); a national admin names neither.
 */
export interface UserRoleTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  regency_id: string | null;
  province_code: string | null;
  created_at: CreatedAt;
}

/** A server-side session; `id` is the SHA-256 of the cookie's token, never the token itself. */
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: UpdatedAt;
}

/** Login attempts, for throttling by key (username, address). */
export interface LoginAttemptTable {
  id: Generated<number>;
  key: string;
  attempted_at: CreatedAt;
  ok: boolean;
}

// ---------------------------------------------------------------------------------------------
// Audit

/**
 * Append-only, hash-chained audit log (one chain per regency, one for `regency_id` null). Write it
 * with `appendAudit` from `@netral/db/audit`, never directly.
 */
export interface AuditEventTable {
  id: Generated<number>;
  regency_id: string | null;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: NullableJson<JsonValue>;
  after: NullableJson<JsonValue>;
  at: Timestamp;
  prev_hash: string | null;
  hash: string;
}

// ---------------------------------------------------------------------------------------------
// Rollups (analytics): maintained in the same transaction as every case change

/**
 * Case counts by grain and dimension; national rows carry `regency_id = '*'`. Written only through
 * `@netral/db/queries/rollups` (see its doc comment for the grains and definitions).
 */
export interface CaseRollupTable {
  regency_id: string;
  contest: string;
  /** A status or `'*'`. */
  status: string;
  /** A unit kind, `''` (no unit) or `'*'`. */
  unit_kind: string;
  /** First day of the month of the act, `'YYYY-MM-01'`. */
  period: string;
  dim: string;
  key: string;
  n: number;
}

// ---------------------------------------------------------------------------------------------

/** The database. */
export interface DB {
  provinces: ProvinceTable;
  regencies: RegencyTable;
  prohibition_types: ProhibitionTypeTable;
  taxonomy_overrides: TaxonomyOverrideTable;
  contests: ContestTable;
  units: UnitTable;
  circulars: CircularTable;
  provisions: ProvisionTable;
  cases: CaseTable;
  case_provisions: CaseProvisionTable;
  case_codes: CaseCodeTable;
  reporters: ReporterTable;
  evidence: EvidenceTable;
  case_events: CaseEventTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_events: AuditEventTable;
  case_rollup: CaseRollupTable;
}

export type Province = Selectable<ProvinceTable>;
export type NewProvince = Insertable<ProvinceTable>;
export type ProvinceUpdate = Updateable<ProvinceTable>;

export type Regency = Selectable<RegencyTable>;
export type NewRegency = Insertable<RegencyTable>;
export type RegencyUpdate = Updateable<RegencyTable>;

export type ProhibitionType = Selectable<ProhibitionTypeTable>;
export type NewProhibitionType = Insertable<ProhibitionTypeTable>;
export type ProhibitionTypeUpdate = Updateable<ProhibitionTypeTable>;

export type TaxonomyOverride = Selectable<TaxonomyOverrideTable>;
export type NewTaxonomyOverride = Insertable<TaxonomyOverrideTable>;
export type TaxonomyOverrideUpdate = Updateable<TaxonomyOverrideTable>;

export type Contest = Selectable<ContestTable>;
export type NewContest = Insertable<ContestTable>;
export type ContestUpdate = Updateable<ContestTable>;

export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;

export type Circular = Selectable<CircularTable>;
export type NewCircular = Insertable<CircularTable>;
export type CircularUpdate = Updateable<CircularTable>;

export type Provision = Selectable<ProvisionTable>;
export type NewProvision = Insertable<ProvisionTable>;
export type ProvisionUpdate = Updateable<ProvisionTable>;

export type Case = Selectable<CaseTable>;
export type NewCase = Insertable<CaseTable>;
export type CaseUpdate = Updateable<CaseTable>;

export type CaseProvision = Selectable<CaseProvisionTable>;
export type NewCaseProvision = Insertable<CaseProvisionTable>;

export type CaseCode = Selectable<CaseCodeTable>;
export type NewCaseCode = Insertable<CaseCodeTable>;

export type Reporter = Selectable<ReporterTable>;
export type NewReporter = Insertable<ReporterTable>;
export type ReporterUpdate = Updateable<ReporterTable>;

export type Evidence = Selectable<EvidenceTable>;
export type NewEvidence = Insertable<EvidenceTable>;
export type EvidenceUpdate = Updateable<EvidenceTable>;

export type CaseEvent = Selectable<CaseEventTable>;
export type NewCaseEvent = Insertable<CaseEventTable>;

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;

export type UserRole = Selectable<UserRoleTable>;
export type NewUserRole = Insertable<UserRoleTable>;

export type Session = Selectable<SessionTable>;
export type NewSession = Insertable<SessionTable>;
export type SessionUpdate = Updateable<SessionTable>;

export type LoginAttempt = Selectable<LoginAttemptTable>;
export type NewLoginAttempt = Insertable<LoginAttemptTable>;

export type AuditEvent = Selectable<AuditEventTable>;
