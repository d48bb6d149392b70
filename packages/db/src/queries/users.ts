/**
 * Users and their roles. Not tenant tables (a user may work in several regencies): the API
 * scopes these queries by the caller's regencies itself, through `scope`.
 */
import type { Role } from '@netral/domain/model';
import type { Kysely } from 'kysely';
import type { DB, Locale } from '../schema';

/** One role of a user: in a regency, a province (analysts) or nationally (both null). */
export interface UserGrant {
  role: Role;
  regencyId: string | null;
  provinceCode: string | null;
}

/** A user as the administration screens show it (never the password hash). */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  locale: Locale;
  disabledAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  grants: UserGrant[];
}

/** What sign-in needs of a user. */
export interface LoginUser {
  id: string;
  username: string;
  passwordHash: string;
  disabledAt: Date | null;
}

/** Which users a query sees: every user, or users holding a role in one of these regencies. */
export type UserScope = 'all' | readonly string[];

/** The user named `username` (any case), for sign-in. */
export async function findLoginUser(db: Kysely<DB>, username: string): Promise<LoginUser | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'disabled_at'])
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
  return row && { id: row.id, username: row.username, passwordHash: row.password_hash, disabledAt: row.disabled_at };
}

/** Whether a username is taken (any case). */
export async function usernameExists(db: Kysely<DB>, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

async function grantsOf(
  db: Kysely<DB>,
  userIds: readonly string[],
  scope: UserScope,
): Promise<Map<string, UserGrant[]>> {
  const byUser = new Map<string, UserGrant[]>();
  if (userIds.length === 0) return byUser;
  let query = db
    .selectFrom('user_roles')
    .select(['user_id', 'role', 'regency_id', 'province_code'])
    .where('user_id', 'in', userIds)
    .orderBy('role')
    .orderBy('regency_id')
    .orderBy('province_code');
  // A regency admin sees a user's roles in their own regencies only, not where else they work.
  if (scope !== 'all') query = query.where('regency_id', 'in', scope.length > 0 ? scope : ['']);
  for (const row of await query.execute()) {
    const list = byUser.get(row.user_id) ?? [];
    list.push({ role: row.role, regencyId: row.regency_id, provinceCode: row.province_code });
    byUser.set(row.user_id, list);
  }
  return byUser;
}

const userColumns = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.locale',
  'u.disabled_at',
  'u.version',
  'u.created_at',
  'u.updated_at',
] as const;

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  locale: Locale;
  disabled_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
};

function toUser(row: UserRow, grants: UserGrant[]): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    locale: row.locale,
    disabledAt: row.disabled_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    grants,
  };
}

/**
 * Users visible in `scope`, by username, with their roles (inside `scope` only).
 *
 * @example await listUsers(trx, ['63.01']) // the users working in Tanah Laut
 */
export async function listUsers(
  db: Kysely<DB>,
  scope: UserScope,
  filter: { regencyId?: string } = {},
): Promise<UserRecord[]> {
  let query = db.selectFrom('users as u').select(userColumns).orderBy('u.username');
  const regencies = filter.regencyId !== undefined ? [filter.regencyId] : scope;
  if (regencies !== 'all') {
    if (regencies.length === 0) return [];
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('user_roles as r')
          .select('r.id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.regency_id', 'in', regencies),
      ),
    );
  }
  const rows = await query.execute();
  const grants = await grantsOf(
    db,
    rows.map((r) => r.id),
    scope,
  );
  return rows.map((row) => toUser(row, grants.get(row.id) ?? []));
}

/** One user with every role (scope `'all'`) or the roles inside `scope`. */
export async function getUser(db: Kysely<DB>, id: string, scope: UserScope = 'all'): Promise<UserRecord | undefined> {
  const row = await db.selectFrom('users as u').select(userColumns).where('u.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const grants = await grantsOf(db, [id], scope);
  return toUser(row, grants.get(id) ?? []);
}

/** Every role of a user, unscoped: for authorization decisions, never for display. */
export async function allGrantsOf(db: Kysely<DB>, id: string): Promise<UserGrant[]> {
  return (await grantsOf(db, [id], 'all')).get(id) ?? [];
}

export interface NewUserInput {
  username: string;
  displayName: string;
  passwordHash: string;
  locale: Locale;
  grants: readonly UserGrant[];
}

/** Creates a user with their roles; returns the id. */
export async function createUser(db: Kysely<DB>, input: NewUserInput): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      username: input.username.toLowerCase(),
      display_name: input.displayName,
      password_hash: input.passwordHash,
      locale: input.locale,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertGrants(db, row.id, input.grants);
  return row.id;
}

async function insertGrants(db: Kysely<DB>, userId: string, grants: readonly UserGrant[]): Promise<void> {
  if (grants.length === 0) return;
  await db
    .insertInto('user_roles')
    .values(
      grants.map((g) => ({ user_id: userId, role: g.role, regency_id: g.regencyId, province_code: g.provinceCode })),
    )
    .execute();
}

export interface UserChanges {
  displayName?: string;
  locale?: Locale;
  passwordHash?: string;
  /** Sets (a Date) or clears (null) the disabled mark. */
  disabledAt?: Date | null;
}

/**
 * Applies `changes` if the user is still at `version`; bumps the version. Returns false when the
 * user does not exist or was changed meanwhile (the caller tells which).
 */
export async function updateUser(
  db: Kysely<DB>,
  id: string,
  version: number,
  changes: UserChanges,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set((eb) => ({
      ...(changes.displayName !== undefined && { display_name: changes.displayName }),
      ...(changes.locale !== undefined && { locale: changes.locale }),
      ...(changes.passwordHash !== undefined && { password_hash: changes.passwordHash }),
      ...(changes.disabledAt !== undefined && { disabled_at: changes.disabledAt }),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Replaces a user's roles inside `scope` with `grants` (which must lie inside it), leaving roles
 * elsewhere alone: a regency admin manages what a user does in their regency only.
 */
export async function replaceGrants(
  db: Kysely<DB>,
  userId: string,
  scope: UserScope,
  grants: readonly UserGrant[],
): Promise<void> {
  let del = db.deleteFrom('user_roles').where('user_id', '=', userId);
  if (scope !== 'all') del = del.where('regency_id', 'in', scope.length > 0 ? scope : ['']);
  await del.execute();
  await insertGrants(db, userId, grants);
}
