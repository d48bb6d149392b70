/**
 * Test support for procedure tests: a migrated database (PostgreSQL when TEST_DATABASE_URL or
 * DATABASE_URL is set, PGlite otherwise) holding two regencies of two provinces, a unit in each,
 * and one user per role, plus a caller per user through `createCallerFactory`.
 *
 * @example
 * const world = await createTestWorld();
 * const list = await world.callers.tanahlaut.cases.list({ regencyId: '63.01' });
 * await world.close();
 */
import { createTestDb, type TestDb } from '@netral/db/testing';
import type { Context, Locale, RoleGrant, SessionUser } from './context';
import { appRouter } from './router';
import { createCallerFactory } from './trpc';

export const TANAH_LAUT = '63.01';
export const BINTAN = '21.01';

/**
 * A real argon2id hash of "netral-test" (m=19456, t=2, p=1), so test users can sign in without
 * paying for hashing in every test file.
 */
export const TEST_PASSWORD = 'netral-test';
export const TEST_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$2xrr15F2pNgghzddCeS0nQ$D0YxeWchMV3FEEk5OJ3xB9uqBr7XHMCmWkNG3495Mw4';

interface UserSpec {
  username: string;
  displayName: string;
  grants: RoleGrant[];
}

const userSpecs = {
  nasional: {
    username: 'nasional',
    displayName: 'Admin Nasional',
    grants: [{ role: 'national_admin', regencyId: null, provinceCode: null }],
  },
  tanahlaut: {
    username: 'tanahlaut',
    displayName: 'Admin Tanah Laut',
    grants: [{ role: 'regency_admin', regencyId: TANAH_LAUT, provinceCode: null }],
  },
  bintan: {
    username: 'bintan',
    displayName: 'Admin Bintan',
    grants: [{ role: 'regency_admin', regencyId: BINTAN, provinceCode: null }],
  },
  operator: {
    username: 'operator.tanahlaut',
    displayName: 'Operator Tanah Laut',
    grants: [{ role: 'regency_officer', regencyId: TANAH_LAUT, provinceCode: null }],
  },
  analis: {
    username: 'analis',
    displayName: 'Analis Nasional',
    grants: [{ role: 'analyst', regencyId: null, provinceCode: null }],
  },
} satisfies Record<string, UserSpec>;

export type TestUserName = keyof typeof userSpecs;

export interface TestWorld {
  db: TestDb;
  users: Record<TestUserName, SessionUser>;
  units: { tanahLaut: string; bintan: string };
  callers: Record<TestUserName, ReturnType<typeof createCaller>>;
  /** A caller for any context (anonymous, another locale, HTTP transport…). */
  callerFor(ctx: Partial<Context>): ReturnType<typeof createCaller>;
  close(): Promise<void>;
}

const createCaller = createCallerFactory(appRouter);

/** An in-process context for `user` (or anonymous), as the server would build it. */
export function createTestContext(db: TestDb, user: SessionUser | null, locale: Locale = 'id'): Context {
  return {
    db,
    user,
    session: user ? { id: `test-session-${user.id}`, csrfToken: 'test-csrf' } : null,
    locale,
    transport: 'internal',
    csrfHeader: null,
    clientKey: '127.0.0.1',
    cookies: { set() {}, clear() {} },
    now: () => new Date(),
  };
}

export async function createTestWorld(): Promise<TestWorld> {
  const db = await createTestDb();
  const ids = await db.withAdmin(async (trx) => {
    await trx
      .insertInto('provinces')
      .values([
        { code: '63', name: 'Kalimantan Selatan' },
        { code: '21', name: 'Kepulauan Riau' },
      ])
      .execute();
    await trx
      .insertInto('regencies')
      .values([
        { id: TANAH_LAUT, name: 'Kabupaten Tanah Laut', kind: 'kabupaten', province_code: '63' },
        { id: BINTAN, name: 'Kabupaten Bintan', kind: 'kabupaten', province_code: '21' },
      ])
      .execute();
    const tl = await trx
      .insertInto('units')
      .values({ regency_id: TANAH_LAUT, name: 'Dinas Pendidikan', kind: 'dinas' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const bt = await trx
      .insertInto('units')
      .values({ regency_id: BINTAN, name: 'Dinas Kesehatan', kind: 'dinas' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const users = {} as Record<TestUserName, SessionUser>;
    for (const [key, spec] of Object.entries(userSpecs) as [TestUserName, UserSpec][]) {
      const row = await trx
        .insertInto('users')
        .values({ username: spec.username, display_name: spec.displayName, password_hash: TEST_PASSWORD_HASH })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const g of spec.grants) {
        await trx
          .insertInto('user_roles')
          .values({ user_id: row.id, role: g.role, regency_id: g.regencyId, province_code: g.provinceCode })
          .execute();
      }
      users[key] = {
        id: row.id,
        username: spec.username,
        displayName: spec.displayName,
        locale: 'id',
        grants: spec.grants,
      };
    }
    return { users, units: { tanahLaut: tl.id, bintan: bt.id } };
  });
  const callers = Object.fromEntries(
    Object.entries(ids.users).map(([key, user]) => [key, createCaller(createTestContext(db, user))]),
  ) as Record<TestUserName, ReturnType<typeof createCaller>>;
  return {
    db,
    users: ids.users,
    units: ids.units,
    callers,
    callerFor: (ctx) => createCaller({ ...createTestContext(db, null), ...ctx }),
    close: () => db.close(),
  };
}
