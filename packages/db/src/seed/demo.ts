/**
 * The demo data set: reference data, the two real circulars (Tanah Laut, Bintan) imported and
 * published, units, one user per role and generated cases, in one transaction.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Role } from '@netral/domain/model';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { NetralDb } from '../create-db';
import { importCircular } from '../queries/circulars';
import { rebuildRollups } from '../queries/rollups';
import type { DB } from '../schema';
import { generateCasesIn } from './generate';
import { seedReference } from './reference';
import { seedUnits } from './units';

/** The password of every demo user. */
export const DEMO_PASSWORD = 'netral-demo';

/** A demo login, as printed after seeding. */
export interface DemoLogin {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  /** The regency of a regency role; null for national ones. */
  regencyId: string | null;
}

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  regencyId: string | null;
}

/** One user per role: the two regency admins, an officer, the national admin, a national analyst. */
export const demoUsers: readonly DemoUser[] = [
  { username: 'nasional', displayName: 'Admin Nasional', role: 'national_admin', regencyId: null },
  { username: 'tanahlaut', displayName: 'Admin BKPSDM Tanah Laut', role: 'regency_admin', regencyId: '63.01' },
  { username: 'bintan', displayName: 'Admin BKPSDM Bintan', role: 'regency_admin', regencyId: '21.01' },
  {
    username: 'operator.tanahlaut',
    displayName: 'Operator Satgas Tanah Laut',
    role: 'regency_officer',
    regencyId: '63.01',
  },
  { username: 'analis', displayName: 'Analis Nasional', role: 'analyst', regencyId: null },
];

/** The real circulars shipped as parser fixtures in @netral/domain, and the regency each belongs to. */
export const demoCirculars: readonly { regencyId: string; provinceCode: string; fixture: string }[] = [
  { regencyId: '63.01', provinceCode: '63', fixture: 'tanah-laut-se-863-0321-bkpsdm-2023.md' },
  { regencyId: '21.01', provinceCode: '21', fixture: 'bintan-se-13-2023.md' },
];

/** Reads a circular's text from @netral/domain's fixtures (resolved through its `exports`). */
export function readCircularFixture(fixture: string): string {
  const path = createRequire(import.meta.url).resolve(`@netral/domain/fixtures/circulars/${fixture}`);
  return readFileSync(path, 'utf8');
}

export interface SeedDemoOptions {
  /** argon2id in the server; injected so this package needs no native dependency. */
  hashPassword: (password: string) => Promise<string>;
  /** Generated cases (default 2,000). */
  cases?: number;
  /** PRNG seed of the cases (default 1). */
  seed?: number;
}

/** Everything but the password hashing, inside the caller's transaction. */
async function seedDemoIn(
  trx: Transaction<DB> | Kysely<DB>,
  hashes: ReadonlyMap<string, string>,
  options: SeedDemoOptions,
): Promise<DemoLogin[]> {
  await seedReference(trx);

  const userIds = new Map<string, string>();
  for (const user of demoUsers) {
    const hash = hashes.get(user.username) as string;
    const row = await trx
      .insertInto('users')
      .values({ username: user.username, display_name: user.displayName, password_hash: hash })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    const id =
      row?.id ??
      (await trx.selectFrom('users').select('id').where('username', '=', user.username).executeTakeFirstOrThrow()).id;
    userIds.set(user.username, id);
    await trx
      .insertInto('user_roles')
      .values({ user_id: id, role: user.role, regency_id: user.regencyId, province_code: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  for (const circular of demoCirculars) {
    const present = await trx
      .selectFrom('circulars')
      .select('id')
      .where('regency_id', '=', circular.regencyId)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (present) continue;
    await importCircular(trx, {
      regencyId: circular.regencyId,
      provinceCode: circular.provinceCode,
      text: readCircularFixture(circular.fixture),
      createdBy: userIds.get(circular.regencyId === '63.01' ? 'tanahlaut' : 'bintan') ?? null,
      publish: true,
    });
  }

  await seedUnits(trx);
  await generateCasesIn(trx, { cases: options.cases ?? 2000, seed: options.seed ?? 1 });
  await rebuildRollups(trx);

  return demoUsers.map((u) => ({
    username: u.username,
    password: DEMO_PASSWORD,
    displayName: u.displayName,
    role: u.role,
    regencyId: u.regencyId,
  }));
}

async function hashAll(options: SeedDemoOptions): Promise<Map<string, string>> {
  // Hashed before the transaction opens: argon2 takes tens of milliseconds per password, and on
  // PGlite the transaction holds the only connection.
  const hashes = new Map<string, string>();
  for (const user of demoUsers) hashes.set(user.username, await options.hashPassword(DEMO_PASSWORD));
  return hashes;
}

/**
 * Loads the whole demo data set in one transaction and returns the demo logins. Meant for an empty
 * database; reference data, users and circulars already there are kept, but cases are always added.
 *
 * @example
 * import { hash } from '@node-rs/argon2';
 * const logins = await seedDemo(netral, { hashPassword: (p) => hash(p, { algorithm: 2 }) });
 */
export async function seedDemo(db: NetralDb, options: SeedDemoOptions): Promise<DemoLogin[]> {
  const hashes = await hashAll(options);
  return db.withAdmin((trx) => seedDemoIn(trx, hashes, options));
}

/** Serializes concurrent seeders (two server processes starting on one empty database). */
const SEED_LOCK = 0x6e657472; // "netr"

/**
 * Runs {@link seedDemo} when the database has no user yet, and returns the demo logins to print
 * (empty when it did nothing). Safe to call at every start-up and from two processes at once.
 *
 * @example
 * const logins = await seedIfEmpty(netral, { hashPassword, log: console.log });
 */
export async function seedIfEmpty(
  db: NetralDb,
  options: SeedDemoOptions & { log?: (message: string) => void },
): Promise<DemoLogin[]> {
  const log = options.log ?? (() => {});
  const hasUsers = async (trx: Transaction<DB> | Kysely<DB>) =>
    (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
  if (await hasUsers(db.db)) {
    log('Basis data sudah berisi pengguna; seed dilewati / The database has users; seed skipped.');
    return [];
  }
  const hashes = await hashAll(options);
  const logins = await db.withAdmin(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    if (await hasUsers(trx)) return [];
    log('Memuat data demo / Loading the demo data…');
    return seedDemoIn(trx, hashes, options);
  });
  if (logins.length > 0) log(`Data demo dimuat / Demo data loaded: ${options.cases ?? 2000} kasus / cases.`);
  return logins;
}
