/**
 * Test databases: a migrated, empty database per call, isolated from every other.
 *
 * With `TEST_DATABASE_URL` (or `DATABASE_URL`) set: a fresh schema on that PostgreSQL server,
 * dropped by `close()`. Otherwise: an in-memory PGlite, started from the migrated template that
 * `@netral/db/vitest-global-setup` prepared (or migrated from scratch without it).
 *
 * This is the one module of the package that reads the environment.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { createDb, type NetralDb } from './create-db';

export interface TestDb extends NetralDb {
  /** Closes the connections and drops the test's schema (PostgreSQL) or PGlite instance. */
  close(): Promise<void>;
}

/** Environment variable naming the PGlite template tarball made by the global setup. */
export const PGLITE_TEMPLATE_ENV = 'NETRAL_TEST_PGLITE_TEMPLATE';

/** The PostgreSQL server tests run against, if any. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  return url === '' ? undefined : url;
}

/**
 * A migrated, empty database of its own. Call it once per test file (`beforeAll`) and close it
 * in `afterAll`; files then run in parallel.
 *
 * @example
 * let t: TestDb;
 * beforeAll(async () => { t = await createTestDb(); });
 * afterAll(() => t.close());
 */
export async function createTestDb(): Promise<TestDb> {
  const url = testDatabaseUrl();
  if (url === undefined) {
    const template = process.env[PGLITE_TEMPLATE_ENV];
    const pglite = new PGlite(
      template === undefined ? {} : { loadDataDir: new Blob([new Uint8Array(await readFile(template))]) },
    );
    const netral = createDb({ pglite });
    try {
      await netral.migrate();
    } catch (error) {
      await netral.close();
      await pglite.close();
      throw error;
    }
    return {
      ...netral,
      async close() {
        await netral.close();
        await pglite.close();
      },
    };
  }

  const schema = `test_${randomBytes(6).toString('hex')}`;
  const netral = createDb({ url, poolSize: 4 }, { schema });
  const drop = async () => {
    await netral.withSchemaLock(() => sql`drop schema if exists ${sql.id(schema)} cascade`.execute(netral.db));
    await netral.close();
  };
  try {
    await netral.migrate();
  } catch (error) {
    await drop();
    throw error;
  }
  return { ...netral, close: drop };
}
