/**
 * Authentication: argon2id passwords, server-side sessions, login throttling.
 *
 * A session is a random 32-byte token in the `netral_session` cookie (httpOnly, SameSite=Lax).
 * The database keeps only `sha256(token)` as the session id, with a CSRF token that the SPA
 * reads from `auth.me` and sends back as `x-csrf-token` on mutations. Sessions slide: each use
 * extends them to 12 hours from now, written at most once a minute to keep requests lean.
 *
 * @example
 * const token = readCookie(req);
 * const found = token ? await lookupSession(db, token, new Date()) : null;
 * if (found) console.log(found.user.username, found.session.csrfToken);
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendAudit } from '@netral/db/audit';
import type { NetralDb } from '@netral/db/create-db';
import {
  clearLoginFailures,
  countLoginFailures,
  createSession,
  deleteExpiredSessions,
  findSession,
  recordLoginAttempt,
  touchSession,
} from '@netral/db/queries/sessions';
import { findLoginUser } from '@netral/db/queries/users';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import type { SessionUser } from './context';

/** The session cookie's name. */
export const SESSION_COOKIE = 'netral_session';
/** A session ends after this long without use. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** A session's last use is written at most this often. */
export const SESSION_TOUCH_MS = 60 * 1000;
/** Failed sign-ins of one username from one address allowed per window… */
export const LOGIN_MAX_FAILURES = 5;
/** …and the window. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Shortest password an administrator may set. */
export const PASSWORD_MIN_LENGTH = 10;

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1), stated so a library default change cannot
// silently weaken new hashes.
// `Algorithm` is an ambient const enum, which isolated modules cannot read: 2 is its Argon2id.
const argon2Options = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** An argon2id hash of `password` (PHC string with its salt and parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

/** Whether `password` matches `passwordHash`; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * A hash to verify against when the user does not exist, so that "no such user" takes as long
 * as "wrong password" and response times do not reveal which usernames exist.
 */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

/** The session id stored for a cookie token. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A live session as the request context needs it. */
export interface FoundSession {
  user: SessionUser;
  session: { id: string; csrfToken: string };
  expiresAt: Date;
  /** True when this lookup slid the expiry: the server then re-sends the cookie with it. */
  renewed: boolean;
}

/** Tokens are 32 random bytes as base64url (43 characters); anything else is not a session. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The user and session of a cookie token, or null when the token is unknown, expired, or its
 * user is disabled.
 *
 * Every request pays for this, so it is one plain statement on the admin connection, with no
 * transaction and no role switch (a transaction would cost three more round trips). That is
 * safe because it reads only users, roles and sessions, which are not tenant tables: row-level
 * security guards none of them. Once a minute per session a second statement slides the expiry.
 */
export async function lookupSession(db: NetralDb, token: string, now: Date = new Date()): Promise<FoundSession | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const id = sessionIdOf(token);
  const found = await findSession(db.db, id, now);
  if (!found) return null;
  let expiresAt = found.expiresAt;
  let renewed = false;
  if (now.getTime() - found.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    // Touches only a live session: one that ended since the lookup (sign-out) stays ended.
    if (!(await touchSession(db.db, id, now, expiresAt))) return null;
    renewed = true;
  }
  return {
    user: {
      id: found.user.id,
      username: found.user.username,
      displayName: found.user.displayName,
      locale: found.user.locale,
      grants: found.user.grants,
    },
    session: { id: found.id, csrfToken: found.csrfToken },
    expiresAt,
    renewed,
  };
}

/** Why a sign-in failed. */
export type SignInFailure = 'throttled' | 'invalid';

export type SignInResult =
  | { ok: true; user: SessionUser; token: string; sessionId: string; csrfToken: string; expiresAt: Date }
  | { ok: false; reason: SignInFailure };

/** The throttling key: one username from one client address. */
export function loginAttemptKey(username: string, clientKey: string): string {
  return `${username.trim().toLowerCase()}|${clientKey}`;
}

/**
 * Checks a username and password and opens a session. Failures are counted per username and
 * address; after {@link LOGIN_MAX_FAILURES} within {@link LOGIN_WINDOW_MS} the answer is
 * `throttled` without checking the password. A successful sign-in clears the count and writes
 * one audit event (`auth.login`) in the transaction that opens the session. Password hashing runs between two short
 * transactions, never inside one: it takes tens of milliseconds, and PGlite has one connection.
 *
 * @example
 * const result = await signIn(db, { username: 'tanahlaut', password, clientKey: req.ip, now: new Date() });
 */
export async function signIn(
  db: NetralDb,
  input: { username: string; password: string; clientKey: string; now: Date },
): Promise<SignInResult> {
  const { now } = input;
  const key = loginAttemptKey(input.username, input.clientKey);
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);

  const before = await db.withTenant([], async (trx) => {
    const failures = await countLoginFailures(trx, key, since);
    if (failures >= LOGIN_MAX_FAILURES) return { throttled: true as const };
    return { throttled: false as const, user: await findLoginUser(trx, input.username.trim()) };
  });
  if (before.throttled) return { ok: false, reason: 'throttled' };

  const user = before.user;
  const usable = user !== undefined && user.disabledAt === null;
  const matches = await verifyPassword(usable ? user.passwordHash : await dummyPasswordHash(), input.password);

  if (!usable || !matches) {
    await db.withTenant([], (trx) => recordLoginAttempt(trx, key, false, now));
    return { ok: false, reason: 'invalid' };
  }

  const token = randomBytes(32).toString('base64url');
  const sessionId = sessionIdOf(token);
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  const signedIn = await db.withTenant([], async (trx) => {
    await clearLoginFailures(trx, key);
    await deleteExpiredSessions(trx, user.id, now);
    await createSession(trx, { id: sessionId, userId: user.id, csrfToken, expiresAt, now });
    await appendAudit(trx, {
      regencyId: null,
      actorId: user.id,
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      after: { username: user.username },
    });
    // Read back through the session, so the user and roles are exactly what later requests see.
    return findSession(trx, sessionId, now);
  });
  if (!signedIn) throw new Error('the new session was not found');
  return { ok: true, user: signedIn.user, token, sessionId, csrfToken, expiresAt };
}
