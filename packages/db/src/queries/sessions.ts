/**
 * Server-side sessions and login throttling. Neither is a tenant table: a session is looked up
 * before its user's regencies are known, so these run in `withTenant([], …)` or, for the lookup
 * every request makes, as one plain statement on the admin connection.
 *
 * A session's `id` is the SHA-256 of the cookie's token: a leaked database copy holds no usable
 * tokens. Hashing is the caller's job (`@netral/api/auth`); these functions only see ids.
 */
import type { Role } from '@netral/domain/model';
import type { CompiledQuery, InferResult, Kysely } from 'kysely';
import { prepared } from '../create-db';
import type { DB, Locale } from '../schema';

/** A role of the session's user, as stored in `user_roles`. */
export interface SessionGrant {
  role: Role;
  regencyId: string | null;
  provinceCode: string | null;
}

/** A live session with its user and the user's roles. */
export interface SessionRecord {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  user: {
    id: string;
    username: string;
    displayName: string;
    locale: Locale;
    grants: SessionGrant[];
  };
}

export interface NewSessionInput {
  /** SHA-256 (hex) of the cookie token. */
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  now: Date;
}

/** Stores a new session. */
export async function createSession(db: Kysely<DB>, input: NewSessionInput): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: input.id,
      user_id: input.userId,
      csrf_token: input.csrfToken,
      expires_at: input.expiresAt,
      created_at: input.now,
      last_seen_at: input.now,
    })
    .execute();
}

function findSessionQuery(db: Kysely<DB>, id: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('user_roles as r', 'r.user_id', 'u.id')
    .select([
      's.id',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.locale',
      'r.role',
      'r.regency_id',
      'r.province_code',
    ])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .orderBy('r.role')
    .orderBy('r.regency_id')
    .orderBy('r.province_code');
}

// Every request looks its session up, and building plus compiling the query with Kysely costs
// about as much CPU as sending it: so it is compiled once per database handle, with these
// placeholders, and each lookup puts its own values in their places.
const ID_PARAM = '\u0000session-id';
const NOW_PARAM = new Date(0);
type FindSessionRow = InferResult<ReturnType<typeof findSessionQuery>>[number];
const compiledFindSession = new WeakMap<Kysely<DB>, CompiledQuery<FindSessionRow>>();

/**
 * The unexpired session `id` of an enabled user, with the user's roles, in one query (one row per
 * role, folded here), or undefined.
 *
 * @example const session = await findSession(trx, sha256hex(token), new Date());
 */
export async function findSession(db: Kysely<DB>, id: string, now: Date): Promise<SessionRecord | undefined> {
  let query = db.isTransaction ? undefined : compiledFindSession.get(db);
  if (query === undefined) {
    query = findSessionQuery(db, ID_PARAM, NOW_PARAM).compile();
    if (!db.isTransaction) compiledFindSession.set(db, query);
  }
  const parameters = query.parameters.map((p) => (p === ID_PARAM ? id : p === NOW_PARAM ? now : p));
  const { rows } = await db.executeQuery<FindSessionRow>(prepared({ ...query, parameters }));
  const first = rows[0];
  if (first === undefined) return undefined;
  const grants: SessionGrant[] = [];
  for (const row of rows) {
    if (row.role !== null) grants.push({ role: row.role, regencyId: row.regency_id, provinceCode: row.province_code });
  }
  return {
    id: first.id,
    csrfToken: first.csrf_token,
    expiresAt: first.expires_at,
    lastSeenAt: first.last_seen_at,
    user: {
      id: first.user_id,
      username: first.username,
      displayName: first.display_name,
      locale: first.locale,
      grants,
    },
  };
}

/**
 * Marks a session as used and slides its expiry, if it is still live at `now`. Returns false when
 * it has ended meanwhile (signed out, expired), so a lookup racing a sign-out cannot revive it.
 */
export async function touchSession(db: Kysely<DB>, id: string, now: Date, expiresAt: Date): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends one session. */
export async function deleteSession(db: Kysely<DB>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (disabled, password reset). Returns how many ended. */
export async function deleteUserSessions(db: Kysely<DB>, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Drops a user's expired sessions (at sign-in, so they do not pile up). */
export async function deleteExpiredSessions(db: Kysely<DB>, userId: string, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).where('expires_at', '<=', now).execute();
}

/** Records one login attempt of `key` (username and client address). */
export async function recordLoginAttempt(db: Kysely<DB>, key: string, ok: boolean, now: Date): Promise<void> {
  await db.insertInto('login_attempts').values({ key, ok, attempted_at: now }).execute();
}

/** Failed attempts of `key` since `since`. */
export async function countLoginFailures(db: Kysely<DB>, key: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('ok', '=', false)
    .where('attempted_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Forgets the failures of `key` (after a successful sign-in). */
export async function clearLoginFailures(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', key).where('ok', '=', false).execute();
}
