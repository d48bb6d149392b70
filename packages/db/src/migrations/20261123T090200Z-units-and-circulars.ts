/**
 * Work units, circulars and their provisions, with row-level security.
 *
 * A governor's circular has no regency (`regency_id` null): every regency of its province may read
 * it, only a national transaction (`'*'`) may write it.
 */
import { APP_ROLE_SQL, type MigrationDb, provinceMatch, run, tenantMatch, tenantTable } from './frozen-sql';

/** Read and write policies shared by circulars and provisions (both carry regency_id + province_code). */
function circularLikePolicies(table: string): string[] {
  return [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
    // Own regencies (or national): read and write. A null regency passes only with '*'.
    `CREATE POLICY ${table}_tenant ON ${table} USING ${tenantMatch('regency_id')} WITH CHECK ${tenantMatch('regency_id')}`,
    // A governor's circular: read-only for the regencies of its province.
    `CREATE POLICY ${table}_province_read ON ${table} FOR SELECT USING (regency_id IS NULL AND ${provinceMatch('province_code')})`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${APP_ROLE_SQL}`,
  ];
}

export async function up(db: MigrationDb): Promise<void> {
  await run(db, [
    `CREATE TABLE units (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       regency_id text NOT NULL REFERENCES regencies (id),
       name text NOT NULL,
       kind text NOT NULL,
       parent_id uuid,
       retired_at timestamptz,
       version integer NOT NULL DEFAULT 1,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now(),
       -- Target of composite foreign keys: a case's unit and a unit's parent are in the same regency.
       UNIQUE (id, regency_id),
       FOREIGN KEY (parent_id, regency_id) REFERENCES units (id, regency_id)
     )`,
    // Row-level security filters on regency_id; it also leads "the units of this regency".
    'CREATE INDEX units_regency_id_idx ON units (regency_id)',
    // Children of a unit (tree display) and the parent foreign key's checks on delete.
    'CREATE INDEX units_parent_id_idx ON units (parent_id) WHERE parent_id IS NOT NULL',
    ...tenantTable('units'),

    `CREATE TABLE circulars (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       regency_id text REFERENCES regencies (id),
       province_code text NOT NULL REFERENCES provinces (code),
       number text,
       title text,
       place text,
       issued_on date,
       issuer_office text,
       signatory text,
       signatory_nip text CHECK (signatory_nip ~ '^[0-9]{18}$'),
       addressees jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(addressees) = 'array'),
       scope text[] NOT NULL DEFAULT '{}' CHECK (scope <@ ARRAY['ASN', 'NON_ASN', 'VILLAGE_OFFICIALS']),
       legal_bases jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(legal_bases) = 'array'),
       opening_text text,
       closing_text text,
       source_text text NOT NULL DEFAULT '',
       jdih jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(jdih) = 'object'),
       status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'revoked', 'superseded')),
       supersedes_id uuid REFERENCES circulars (id),
       version integer NOT NULL DEFAULT 1,
       created_by uuid REFERENCES users (id),
       created_at timestamptz NOT NULL DEFAULT now(),
       published_at timestamptz,
       updated_at timestamptz NOT NULL DEFAULT now(),
       -- A regency's circular belongs to that regency's province.
       FOREIGN KEY (regency_id, province_code) REFERENCES regencies (id, province_code),
       -- Drafts may be incomplete; what was published is a citable document.
       CHECK (status = 'draft' OR (number IS NOT NULL AND title IS NOT NULL AND issued_on IS NOT NULL AND published_at IS NOT NULL)),
       CHECK (supersedes_id <> id),
       -- Targets of the provisions' composite foreign keys.
       UNIQUE (id, regency_id),
       UNIQUE (id, province_code)
     )`,
    // Row-level security filters on regency_id; it also serves listing a regency's circulars.
    'CREATE INDEX circulars_regency_id_idx ON circulars (regency_id, status)',
    // The province-read policy looks for governor circulars by province.
    'CREATE INDEX circulars_governor_province_idx ON circulars (province_code) WHERE regency_id IS NULL',
    // Finding the newer version of a circular.
    'CREATE INDEX circulars_supersedes_id_idx ON circulars (supersedes_id) WHERE supersedes_id IS NOT NULL',
    ...circularLikePolicies('circulars'),

    `CREATE TABLE provisions (
       circular_id uuid NOT NULL,
       regency_id text,
       province_code text NOT NULL,
       path text NOT NULL CHECK (path <> ''),
       label text NOT NULL,
       parent_path text,
       kind text NOT NULL CHECK (kind IN ('prohibition', 'obligation', 'appeal', 'basis', 'sanction', 'other')),
       text text NOT NULL,
       addressee text,
       codes text[] NOT NULL DEFAULT '{}',
       suggested_codes jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(suggested_codes) = 'array'),
       position integer NOT NULL,
       PRIMARY KEY (circular_id, path),
       -- The copied regency_id / province_code must be the circular's, or row-level security on
       -- provisions would not mean the same as on circulars. (circular_id, province_code) is never
       -- null so it is always checked; (circular_id, regency_id) is checked whenever regency_id is set,
       -- and a null regency_id can only be written by a national transaction.
       FOREIGN KEY (circular_id, province_code) REFERENCES circulars (id, province_code) ON DELETE CASCADE,
       FOREIGN KEY (circular_id, regency_id) REFERENCES circulars (id, regency_id) ON DELETE CASCADE,
       FOREIGN KEY (circular_id, parent_path) REFERENCES provisions (circular_id, path) ON DELETE CASCADE
     )`,
    // Row-level security filters on regency_id.
    'CREATE INDEX provisions_regency_id_idx ON provisions (regency_id)',
    // The parent foreign key: children of a provision, and cascades when a draft tree is replaced.
    'CREATE INDEX provisions_parent_idx ON provisions (circular_id, parent_path) WHERE parent_path IS NOT NULL',
    ...circularLikePolicies('provisions'),
  ]);
}

export async function down(db: MigrationDb): Promise<void> {
  await run(db, ['DROP TABLE provisions', 'DROP TABLE circulars', 'DROP TABLE units']);
}
