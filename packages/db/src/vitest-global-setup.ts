/**
 * Vitest global setup for packages whose tests use `createTestDb()`: on PGlite, prepares one
 * migrated data folder as a tarball, which every test database then starts from. A fresh PGlite
 * spends seconds in initdb; loading the tarball takes a fraction of that.
 *
 * The tarball is cached in the OS temp folder under a hash of the PGlite version and of every
 * migration source file, so it is rebuilt whenever either changes.
 *
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { globalSetup: ['@netral/db/vitest-global-setup'] } });
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { createDb } from './create-db';
import { PGLITE_TEMPLATE_ENV, testDatabaseUrl } from './testing';

const CACHE_PREFIX = 'netral-pglite-template-';

async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  hash.update(await readFile(join(dirname(pgliteEntry), '..', 'package.json')));
  const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
  for (const name of (await readdir(migrationsDir)).sort()) {
    hash.update(name).update(await readFile(join(migrationsDir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function buildTemplate(file: string): Promise<void> {
  const pglite = new PGlite();
  const netral = createDb({ pglite });
  try {
    await netral.migrate();
  } finally {
    await netral.close();
  }
  const tarball = await pglite.dumpDataDir('none');
  await pglite.close();
  // Write then rename: parallel runs never read a half-written file.
  const partial = `${file}.${randomBytes(4).toString('hex')}.partial`;
  await writeFile(partial, new Uint8Array(await tarball.arrayBuffer()));
  await rename(partial, file);
}

export async function setup(): Promise<void> {
  if (testDatabaseUrl() !== undefined) return;
  const key = await templateKey();
  const file = join(tmpdir(), `${CACHE_PREFIX}${key}.tar`);
  const cached = await readdir(tmpdir()).then((names) => names.filter((name) => name.startsWith(CACHE_PREFIX)));
  if (!cached.includes(`${CACHE_PREFIX}${key}.tar`)) {
    await buildTemplate(file);
    // Templates of older migrations are dead weight (tens of MB each).
    for (const name of cached) {
      if (name.endsWith('.tar')) await rm(join(tmpdir(), name), { force: true });
    }
  }
  // Test workers start after this and inherit the environment.
  process.env[PGLITE_TEMPLATE_ENV] = file;
}
