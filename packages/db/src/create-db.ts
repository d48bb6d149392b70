/**
 * The connection factory: one function for PostgreSQL (`pg`) and embedded PGlite, returning the
 * Kysely instance, migrations and the two ways to run work (as a tenant, as the admin).
 *
 * Both backends go through Kysely's own `PostgresDialect` over a `pg.Pool`: PGlite through its
 * node-postgres adapter (`@electric-sql/pglite/node-postgres`) with a pool of one connection. So
 * both run the same driver, the same type parsing, and PGlite's single connection is serialized
 * by the pool's queue: a transaction holds it until it ends, the next waits its turn.
 */
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import {
  CompiledQuery,
  Kysely,
  type KyselyConfig,
  type PostgresCursor,
  PostgresDialect,
  type PostgresPool,
  type PostgresPoolClient,
  sql,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { createMigrator } from './migrator';
import { APP_ROLE, assertRlsSafe, TENANT_SETTING, tenantSetting } from './rls';
import type { DB } from './schema';

/** Where the data lives: a PostgreSQL server, or PGlite in a folder, in memory, or a given instance. */
export type DbTarget =
  | {
      /** `postgres://user@host:port/database` */
      url: string;
      /** Connections in the pool (default 10; at least 2, migrations hold one for their lock). */
      poolSize?: number;
    }
  | {
      /**
       * A data folder, `'memory'`, or a PGlite instance that the caller owns (and closes).
       * On a fresh folder or in memory the first query waits for PGlite's initdb (seconds).
       */
      pglite: string | PGlite;
    };

export interface CreateDbOptions {
  /**
   * Put every table in this PostgreSQL schema (created by `migrate()`), through the connections'
   * search_path. Tests give each file its own schema so files run in parallel on one server.
   */
  schema?: string;
  /** Kysely's query log hook. */
  log?: KyselyConfig['log'];
}

export interface NetralDb {
  /**
   * The Kysely instance, connected as the admin user: no row-level security. For migrations, seed,
   * background jobs; request code uses {@link NetralDb.withTenant}.
   */
  db: Kysely<DB>;
  backend: 'postgres' | 'pglite';
  /** The schema given in the options, if any. */
  schema: string | undefined;
  /** Runs pending migrations, then the row-level security safety check (throws `RlsSafetyError`). */
  migrate(): Promise<void>;
  /**
   * Runs `fn`, a change of schemas (migrating, dropping), while no other process of this server
   * changes one. Kysely's migrator lists the tables of every schema before it takes its own lock,
   * and that listing fails when another process drops a schema under it; every schema change of
   * Netral (`migrate`, test schemas, migrations run by hand) therefore goes through here.
   * On PGlite (one process, one connection) it just runs `fn`.
   */
  withSchemaLock<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction as the app role with the tenant set: only rows of `regencyIds`
   * (or every regency for `'all'`) are visible and writable. `[]` sees no tenant rows (sign-in,
   * session lookup).
   *
   * On PGlite (one connection), never use `db` inside `fn`: it waits for the connection `fn` holds.
   */
  withTenant<T>(regencyIds: readonly string[] | 'all', fn: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction as the admin user (no row-level security). */
  withAdmin<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  /** Closes the pool and, if this factory created it, the PGlite instance. */
  close(): Promise<void>;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Type parsing shared by both backends (the schema types rely on it):
 * `bigint` as number (ids and `count(*)` stay far below 2^53), `date` as the `'YYYY-MM-DD'` text
 * (a JS Date would shift it by the process's time zone). Set per pool, never on pg's globals.
 */
const typeParsers = new Map<number, (value: string) => unknown>([
  [20, Number], // int8
  [1082, (value) => value], // date
]);
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    typeParsers.get(oid) ?? pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Statements prepared on every connection, by text. A statement that runs on every request (the
 * session lookup) or whose planning costs as much as its execution (the analytics read) is parsed
 * and planned once per connection instead of once per call: PostgreSQL keeps its plan, replans
 * it when the schema, the search_path or the role changes, and switches to a generic plan only
 * when that is no dearer than the custom ones. Bounded, so the server's memory per connection is.
 */
const preparedNames = new Map<string, string>();
const MAX_PREPARED = 500;

/**
 * Runs `query` as a prepared statement on whichever connection it lands (see `preparedNames`).
 *
 * @example
 * const { rows } = await db.executeQuery(prepared(findSessionQuery(db).compile()));
 */
export function prepared<Q extends { sql: string }>(query: Q): Q {
  if (!preparedNames.has(query.sql) && preparedNames.size < MAX_PREPARED) {
    preparedNames.set(query.sql, `netral_${preparedNames.size}`);
  }
  return query;
}

/** The pool as Kysely sees it: queries whose text was marked {@link prepared} go by name. */
function preparingPool(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      return {
        query(text: string | PostgresCursor<unknown>, values?: readonly unknown[]) {
          if (typeof text !== 'string') return client.query(text as never);
          const name = preparedNames.get(text);
          return name === undefined
            ? client.query(text, values as unknown[])
            : client.query({ name, text, values: values as unknown[] });
        },
        release: () => client.release(),
      } as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}

/** Advisory lock key held while a schema is migrated or dropped ("netral-schema"). */
const SCHEMA_LOCK_KEY = 0x6e657472616c;

/**
 * Runs `fn` while holding a server-wide advisory lock. PostgreSQL only: the lock is held on a
 * connection of its own while `fn` uses the pool, so the pool needs two connections.
 */
function advisorySchemaLock<T>(db: Kysely<DB>, fn: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${SCHEMA_LOCK_KEY})`.execute(connection);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${SCHEMA_LOCK_KEY})`.execute(connection);
    }
  });
}

/**
 * Creates the database handle. Nothing connects until the first query.
 *
 * @example
 * const { db, migrate, withTenant, close } = createDb({ pglite: './.netral-data' });
 * await migrate();
 * const cases = await withTenant(['63.01'], (trx) => trx.selectFrom('cases').selectAll().execute());
 * await close();
 */
export function createDb(target: DbTarget, options: CreateDbOptions = {}): NetralDb {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new TypeError(`Invalid schema name: ${schema}`);

  let pool: pg.Pool;
  let ownedPglite: PGlite | undefined;
  if ('url' in target) {
    pool = new pg.Pool({
      connectionString: target.url,
      max: Math.max(2, target.poolSize ?? 10),
      application_name: 'netral',
      types,
    });
  } else {
    const owned = typeof target.pglite === 'string';
    const pglite =
      typeof target.pglite === 'string'
        ? new PGlite(target.pglite === 'memory' ? undefined : target.pglite)
        : target.pglite;
    if (owned) ownedPglite = pglite;
    pool = new pg.Pool({
      ...(createPgConfig(pglite) as unknown as pg.PoolConfig),
      // One connection: PGlite has one. Never idle-close it, the adapter keeps the session.
      max: 1,
      idleTimeoutMillis: 0,
      types,
    });
  }
  // An idle connection that the server drops emits 'error' on the pool; pg-pool discards the
  // client and the next query opens a new one. Without a listener the process would crash.
  pool.on('error', () => {});

  const db = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: preparingPool(pool),
      ...(schema !== undefined && {
        onCreateConnection: async (connection) => {
          await connection.executeQuery(CompiledQuery.raw(`SET search_path TO "${schema}"`));
        },
      }),
    }),
    ...(options.log !== undefined && { log: options.log }),
  });

  const withSchemaLock = <T>(fn: () => Promise<T>): Promise<T> => ('url' in target ? advisorySchemaLock(db, fn) : fn());

  return {
    db,
    backend: 'url' in target ? 'postgres' : 'pglite',
    schema,

    async migrate() {
      const migrateToLatest = async () => {
        if (schema !== undefined) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
        const { error } = await createMigrator(db, schema).migrateToLatest();
        if (error !== undefined) throw error;
      };
      await withSchemaLock(migrateToLatest);
      await assertRlsSafe(db);
    },

    withSchemaLock,

    async withTenant(regencyIds, fn) {
      const setting = tenantSetting(regencyIds);
      return db.transaction().execute(async (trx) => {
        // Both transaction-local (third argument true): they end with the transaction, so a pooled
        // connection never carries them to the next request. set_config('role') is SET LOCAL ROLE
        // in a form that shares one round trip with the tenant setting.
        await sql`select set_config('role', ${APP_ROLE}, true), set_config(${TENANT_SETTING}, ${setting}, true)`.execute(
          trx,
        );
        return fn(trx);
      });
    },

    withAdmin(fn) {
      return db.transaction().execute(fn);
    },

    async close() {
      await db.destroy();
      await ownedPglite?.close();
    },
  };
}
