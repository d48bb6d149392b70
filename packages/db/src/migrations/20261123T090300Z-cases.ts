/**
 * Cases and what hangs off them: cited provisions, prohibition types, reporters, evidence and the
 * timeline, with row-level security.
 *
 * Every child copies the case's regency_id (for row-level security without a join) and references
 * the case by (id, regency_id), so a child can never claim another regency than its case.
 */
import { type MigrationDb, run, tenantTable } from './frozen-sql';

export async function up(db: MigrationDb): Promise<void> {
  await run(db, [
    `CREATE TABLE cases (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       regency_id text NOT NULL REFERENCES regencies (id),
       unit_id uuid,
       contest text NOT NULL REFERENCES contests (code),
       race text,
       act_on date NOT NULL,
       phase text NOT NULL,
       phase_bucket text NOT NULL CHECK (phase_bucket IN ('before', 'during', 'after')),
       subject_name text NOT NULL,
       subject_nip text CHECK (subject_nip ~ '^[0-9]{18}$'),
       subject_nik text CHECK (subject_nik ~ '^[0-9]{16}$'),
       employment_type text CHECK (employment_type IN ('PNS', 'PPPK', 'PPNPN', 'KADES_PERANGKAT_DESA')),
       position_class text CHECK (position_class IN ('jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana', 'kepala_wilayah', 'non_asn')),
       position_title text,
       source text NOT NULL CHECK (source IN ('bawaslu_finding', 'bawaslu_recommendation', 'public_report', 'internal_finding', 'kasn_bkn')),
       summary text NOT NULL,
       status text NOT NULL DEFAULT 'received' CHECK (status IN (
         'received', 'verifying', 'recommended', 'ppk_examination', 'blocked', 'sanctioned', 'sanction_executed',
         'not_proven', 'rejected', 'forwarded', 'cancelled', 'lapsed')),
       received_on date NOT NULL DEFAULT current_date,
       status_changed_at timestamptz NOT NULL DEFAULT now(),
       recommendation_body text,
       recommendation_number text,
       recommendation_issued_on date,
       recommended_sanction text,
       ppk_deadline date,
       decree_number text,
       decided_on date,
       sanction_type text,
       sanction_level text CHECK (sanction_level IN ('moral', 'ringan', 'sedang', 'berat', 'ptdh', 'other')),
       sanction_executed_on date,
       closed_on date,
       version integer NOT NULL DEFAULT 1,
       created_by uuid REFERENCES users (id),
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       -- The unit is one of the case's regency.
       FOREIGN KEY (unit_id, regency_id) REFERENCES units (id, regency_id),
       -- Target of the children's composite foreign keys.
       UNIQUE (id, regency_id)
     )`,
    // Row-level security filters on regency_id; with status it serves the case list per regency.
    'CREATE INDEX cases_regency_id_status_idx ON cases (regency_id, status)',
    // Case lists sorted or filtered by the date of the act, and contest/date filters.
    'CREATE INDEX cases_regency_id_act_on_idx ON cases (regency_id, act_on)',
    // The unit foreign key (a unit cannot be deleted while cases point at it) and "cases of a unit".
    'CREATE INDEX cases_unit_id_idx ON cases (unit_id) WHERE unit_id IS NOT NULL',
    // Overdue cases: open recommendations past their PPK deadline.
    `CREATE INDEX cases_ppk_deadline_idx ON cases (ppk_deadline) WHERE status IN ('recommended', 'ppk_examination')`,
    ...tenantTable('cases'),

    `CREATE TABLE case_provisions (
       case_id uuid NOT NULL,
       regency_id text NOT NULL,
       circular_id uuid NOT NULL,
       -- circulars.version when linked: published circulars are frozen and a change is a new circular,
       -- so the case keeps pointing at the text it was judged against.
       circular_version integer NOT NULL,
       path text NOT NULL,
       PRIMARY KEY (case_id, circular_id, path),
       FOREIGN KEY (case_id, regency_id) REFERENCES cases (id, regency_id) ON DELETE CASCADE,
       -- A cited provision cannot disappear (no cascade).
       FOREIGN KEY (circular_id, path) REFERENCES provisions (circular_id, path)
     )`,
    // Row-level security filters on regency_id.
    'CREATE INDEX case_provisions_regency_id_idx ON case_provisions (regency_id)',
    // The provision foreign key's checks, and "cases citing this provision".
    'CREATE INDEX case_provisions_provision_idx ON case_provisions (circular_id, path)',
    ...tenantTable('case_provisions'),

    `CREATE TABLE case_codes (
       case_id uuid NOT NULL,
       regency_id text NOT NULL,
       code text NOT NULL REFERENCES prohibition_types (code),
       PRIMARY KEY (case_id, code),
       FOREIGN KEY (case_id, regency_id) REFERENCES cases (id, regency_id) ON DELETE CASCADE
     )`,
    // Row-level security filters on regency_id; with code it serves counts by prohibition type.
    'CREATE INDEX case_codes_regency_id_code_idx ON case_codes (regency_id, code)',
    // The prohibition-type foreign key's checks.
    'CREATE INDEX case_codes_code_idx ON case_codes (code)',
    ...tenantTable('case_codes'),

    `CREATE TABLE reporters (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       case_id uuid NOT NULL,
       regency_id text NOT NULL,
       name text,
       contact text,
       channel text NOT NULL,
       anonymous boolean NOT NULL DEFAULT false,
       confidential boolean NOT NULL DEFAULT true,
       created_at timestamptz NOT NULL DEFAULT now(),
       FOREIGN KEY (case_id, regency_id) REFERENCES cases (id, regency_id) ON DELETE CASCADE
     )`,
    // Row-level security filters on regency_id.
    'CREATE INDEX reporters_regency_id_idx ON reporters (regency_id)',
    // The reporters of a case, and the cascade from cases.
    'CREATE INDEX reporters_case_id_idx ON reporters (case_id)',
    ...tenantTable('reporters'),

    `CREATE TABLE evidence (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       case_id uuid NOT NULL,
       regency_id text NOT NULL,
       description text NOT NULL,
       url text,
       file_name text,
       file_size bigint CHECK (file_size >= 0),
       sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
       captured_by text,
       captured_at timestamptz,
       created_by uuid REFERENCES users (id),
       created_at timestamptz NOT NULL DEFAULT now(),
       FOREIGN KEY (case_id, regency_id) REFERENCES cases (id, regency_id) ON DELETE CASCADE
     )`,
    // Row-level security filters on regency_id.
    'CREATE INDEX evidence_regency_id_idx ON evidence (regency_id)',
    // The evidence of a case, and the cascade from cases.
    'CREATE INDEX evidence_case_id_idx ON evidence (case_id)',
    ...tenantTable('evidence'),

    `CREATE TABLE case_events (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       case_id uuid NOT NULL,
       regency_id text NOT NULL,
       verb text NOT NULL,
       from_status text,
       to_status text,
       occurred_on date NOT NULL,
       reason text,
       actor_id uuid REFERENCES users (id),
       data jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
       created_at timestamptz NOT NULL DEFAULT now(),
       FOREIGN KEY (case_id, regency_id) REFERENCES cases (id, regency_id) ON DELETE CASCADE
     )`,
    // Row-level security filters on regency_id.
    'CREATE INDEX case_events_regency_id_idx ON case_events (regency_id)',
    // A case's timeline in order, and the cascade from cases.
    'CREATE INDEX case_events_case_id_idx ON case_events (case_id, id)',
    // The timeline is history: the app role may add to it, not rewrite it.
    ...tenantTable('case_events', 'SELECT, INSERT'),
  ]);
}

export async function down(db: MigrationDb): Promise<void> {
  await run(db, [
    'DROP TABLE case_events',
    'DROP TABLE evidence',
    'DROP TABLE reporters',
    'DROP TABLE case_codes',
    'DROP TABLE case_provisions',
    'DROP TABLE cases',
  ]);
}
