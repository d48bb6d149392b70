/**
 * Starts Netral: reads the environment, opens the database (PostgreSQL with DATABASE_URL, else
 * PGlite in NETRAL_DATA_DIR), migrates, loads the demo data into an empty database, serves.
 *
 *   pnpm --filter @netral/server start      # http://localhost:3000
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashPassword } from '@netral/api/auth';
import { createDb, type NetralDb } from '@netral/db/create-db';
import type { FastifyInstance } from 'fastify';
import { type Env, EnvError, readEnv } from './env';
import { buildServer } from './server';

export interface Started {
  app: FastifyInstance;
  db: NetralDb;
  /** Where the server listens, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** Stops accepting requests, lets running ones finish, closes the database. */
  close(): Promise<void>;
}

/**
 * Opens the database, migrates, seeds an empty one (unless NETRAL_SEED=none) and listens.
 *
 * @example const { url, close } = await start(readEnv(process.env), console.log);
 */
export async function start(env: Env, print: (line: string) => void = () => {}): Promise<Started> {
  const db =
    env.DATABASE_URL !== undefined
      ? createDb({ url: env.DATABASE_URL })
      : createDb({ pglite: env.NETRAL_DATA_DIR === 'memory' ? 'memory' : resolve(env.NETRAL_DATA_DIR) });
  let app: FastifyInstance | undefined;
  let tempFilesDir: string | undefined;
  try {
    print(
      env.DATABASE_URL !== undefined
        ? 'Basis data / Database: PostgreSQL (DATABASE_URL)'
        : `Basis data / Database: PGlite, ${env.NETRAL_DATA_DIR}`,
    );
    await db.migrate();
    if (env.NETRAL_SEED === 'demo') {
      // Loaded only when needed: the generator is not part of serving requests.
      const { seedIfEmpty } = await import('@netral/db/seed');
      const logins = await seedIfEmpty(db, { hashPassword, log: print });
      for (const login of logins) {
        print(
          `  ${login.username.padEnd(24)} ${login.password}  (${login.role}${login.regencyId ? ` ${login.regencyId}` : ''})`,
        );
      }
    }
    if (env.NETRAL_FILES_DIR === undefined && env.NETRAL_DATA_DIR === 'memory') {
      // Data in memory: files in a folder that goes when the server stops.
      tempFilesDir = await mkdtemp(join(tmpdir(), 'netral-files-'));
    }
    app = await buildServer({
      db,
      filesDir: resolve(env.NETRAL_FILES_DIR ?? tempFilesDir ?? join(env.NETRAL_DATA_DIR, 'files')),
      staticDirs: { admin: env.NETRAL_ADMIN_DIST, analytics: env.NETRAL_ANALYTICS_DIST },
      logger: env.LOG_LEVEL === 'silent' ? false : { level: env.LOG_LEVEL },
      trustProxy: env.TRUST_PROXY,
    });
    await app.listen({ port: env.PORT, host: env.HOST });
  } catch (error) {
    await app?.close();
    await db.close();
    if (tempFilesDir) await rm(tempFilesDir, { recursive: true, force: true });
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : env.PORT;
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const listening = app;
  return {
    app: listening,
    db,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    async close() {
      await listening.close();
      await db.close();
      if (tempFilesDir) await rm(tempFilesDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  let env: Env;
  try {
    env = readEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const started = await start(env, (line) => console.log(line));
  console.log(`Netral berjalan di / is running at ${started.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: berhenti / shutting down…`);
    // A second signal, or a hung close, still ends the process.
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    started.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
