/**
 * The application role and the reference tables (provinces, regencies, taxonomy, contests).
 */
import { APP_ROLE_SQL, type MigrationDb, run } from './frozen-sql';

export async function up(db: MigrationDb): Promise<void> {
  await run(db, [
    // Roles are cluster-wide: create it once, whichever schema or database migrates first. The
    // exception handler covers two migrations racing past the NOT EXISTS check.
    `DO $$
     BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_ROLE_SQL}') THEN
         CREATE ROLE ${APP_ROLE_SQL} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
       END IF;
     EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
     END $$`,
    // SET LOCAL ROLE needs membership; superusers have it implicitly.
    `DO $$
     BEGIN
       IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
          AND NOT pg_has_role(current_user, '${APP_ROLE_SQL}', 'MEMBER') THEN
         EXECUTE format('GRANT ${APP_ROLE_SQL} TO %I', current_user);
       END IF;
     END $$`,
    `DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO ${APP_ROLE_SQL}', current_schema()); END $$`,

    `CREATE TABLE provinces (
       code text PRIMARY KEY CHECK (code ~ '^[0-9]{2}$'),
       name text NOT NULL
     )`,
    `CREATE TABLE regencies (
       id text PRIMARY KEY CHECK (id ~ '^[0-9]{2}\\.[0-9]{2}$'),
       name text NOT NULL,
       kind text NOT NULL CHECK (kind IN ('kabupaten', 'kota')),
       province_code text NOT NULL REFERENCES provinces (code),
       -- Row-level security derives a regency's province from its code: keep them consistent.
       CHECK (split_part(id, '.', 1) = province_code),
       -- Target of composite foreign keys that keep a circular's regency inside its province.
       UNIQUE (id, province_code)
     )`,
    // Lists regencies by province (analyst scopes, governor circulars).
    'CREATE INDEX regencies_province_code_idx ON regencies (province_code)',

    `CREATE TABLE prohibition_types (
       code text PRIMARY KEY,
       family text NOT NULL,
       regime text NOT NULL,
       wording text NOT NULL,
       gloss text NOT NULL,
       default_sanction_level text CHECK (default_sanction_level IN ('moral', 'ringan', 'sedang', 'berat', 'ptdh', 'other')),
       sanction_source text,
       position integer NOT NULL
     )`,
    `CREATE TABLE taxonomy_overrides (
       code text PRIMARY KEY REFERENCES prohibition_types (code) ON DELETE CASCADE,
       sanction_level text NOT NULL CHECK (sanction_level IN ('moral', 'ringan', 'sedang', 'berat', 'ptdh', 'other')),
       note text,
       updated_by uuid,
       updated_at timestamptz NOT NULL DEFAULT now(),
       version integer NOT NULL DEFAULT 1
     )`,
    `CREATE TABLE contests (
       code text PRIMARY KEY,
       data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object')
     )`,

    // Reference data is loaded by the seed (as the admin); the app reads it. National admins may
    // register regencies and set the deployment's sanction levels.
    `GRANT SELECT ON provinces, prohibition_types, contests TO ${APP_ROLE_SQL}`,
    `GRANT SELECT, INSERT, UPDATE ON regencies TO ${APP_ROLE_SQL}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON taxonomy_overrides TO ${APP_ROLE_SQL}`,
  ]);
}

export async function down(db: MigrationDb): Promise<void> {
  await run(db, [
    'DROP TABLE contests',
    'DROP TABLE taxonomy_overrides',
    'DROP TABLE prohibition_types',
    'DROP TABLE regencies',
    'DROP TABLE provinces',
    `DO $$ BEGIN EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM ${APP_ROLE_SQL}', current_schema()); END $$`,
    // The role stays: it is cluster-wide and other schemas or databases may still use it.
  ]);
}
