/**
 * Users, their roles, server-side sessions and login throttling. Not tenant tables: a user may
 * work in several regencies, and a session is looked up before its regencies are known.
 */
import { APP_ROLE_SQL, type MigrationDb, run } from './frozen-sql';

export async function up(db: MigrationDb): Promise<void> {
  await run(db, [
    `CREATE TABLE users (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       -- Stored lower case so the unique constraint is case-insensitive and lookups stay exact.
       username text NOT NULL UNIQUE CHECK (username = lower(username) AND username <> ''),
       display_name text NOT NULL,
       password_hash text NOT NULL,
       locale text NOT NULL DEFAULT 'id' CHECK (locale IN ('id', 'en')),
       disabled_at timestamptz,
       version integer NOT NULL DEFAULT 1,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE user_roles (
       id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
       user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       role text NOT NULL CHECK (role IN ('national_admin', 'regency_admin', 'regency_officer', 'analyst')),
       regency_id text REFERENCES regencies (id),
       province_code text REFERENCES provinces (code),
       created_at timestamptz NOT NULL DEFAULT now(),
       CHECK (CASE role
                WHEN 'national_admin' THEN regency_id IS NULL AND province_code IS NULL
                WHEN 'analyst' THEN regency_id IS NULL OR province_code IS NULL
                ELSE regency_id IS NOT NULL AND province_code IS NULL
              END),
       -- One row per grant; NULLS NOT DISTINCT so a national grant cannot be duplicated either.
       -- Its leading user_id also serves "the roles of this user" at every request.
       UNIQUE NULLS NOT DISTINCT (user_id, role, regency_id, province_code)
     )`,
    // "Users of this regency" for regency admins.
    'CREATE INDEX user_roles_regency_id_idx ON user_roles (regency_id)',

    `CREATE TABLE sessions (
       id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
       user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
       csrf_token text NOT NULL,
       created_at timestamptz NOT NULL DEFAULT now(),
       expires_at timestamptz NOT NULL,
       last_seen_at timestamptz NOT NULL DEFAULT now()
     )`,
    // Ending every session of a user (password change, disabling); also the cascade from users.
    'CREATE INDEX sessions_user_id_idx ON sessions (user_id)',
    // Purging expired sessions.
    'CREATE INDEX sessions_expires_at_idx ON sessions (expires_at)',

    `CREATE TABLE login_attempts (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       key text NOT NULL,
       attempted_at timestamptz NOT NULL DEFAULT now(),
       ok boolean NOT NULL
     )`,
    // Throttling counts recent attempts of one key; purging drops old ones.
    'CREATE INDEX login_attempts_key_attempted_at_idx ON login_attempts (key, attempted_at)',
    'CREATE INDEX login_attempts_attempted_at_idx ON login_attempts (attempted_at)',

    `GRANT SELECT, INSERT, UPDATE, DELETE ON users, user_roles, sessions, login_attempts TO ${APP_ROLE_SQL}`,
  ]);
}

export async function down(db: MigrationDb): Promise<void> {
  await run(db, ['DROP TABLE login_attempts', 'DROP TABLE sessions', 'DROP TABLE user_roles', 'DROP TABLE users']);
}
