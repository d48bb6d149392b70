import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@netral/db/create-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './cli';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tanahLaut = 'packages/domain/fixtures/circulars/tanah-laut-se-863-0321-bkpsdm-2023.md';

async function run(argv: string[], cwd = root) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

describe('netral circular parse', () => {
  it('prints the JSON shape of DESIGN.md for a real circular', async () => {
    const { code, out } = await run(['circular', 'parse', tanahLaut, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'number',
        'date',
        'title',
        'place',
        'issuer',
        'signatory',
        'scope',
        'provisions',
        'warnings',
      ]),
    );
    expect(json.number).toBe('863/0321/BKPSDM/2023');
    expect(json.date).toBe('2023-01-30');
    expect(json.provisions.find((p: { path: string }) => p.path === 'A.1.a')).toMatchObject({
      kind: 'prohibition',
      codes: expect.arrayContaining(['PP94-5N-1']),
    });
  });

  it('prints a readable tree with kinds and codes', async () => {
    const { code, out } = await run(['circular', 'parse', tanahLaut]);
    expect(code).toBe(0);
    expect(out).toContain('Nomor     : 863/0321/BKPSDM/2023');
    expect(out).toMatch(/A\.1\.a {2}\(larangan\) {2}\[PP94-5N-1/);
  });

  it('resolves paths against the caller directory and never crashes on odd input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'netral-cli-'));
    await writeFile(join(dir, 'junk.txt'), '\u0000\u0001 ))) 1. 1. a) ### \n\n\n');
    const { code, out } = await run(['circular', 'parse', 'junk.txt', '--json'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(out).provisions).toBeInstanceOf(Array);
  });

  it('explains a missing file in Indonesian and English', async () => {
    const { code, err } = await run(['circular', 'parse', 'no-such-file.md']);
    expect(code).toBe(1);
    expect(err).toContain('Berkas tidak dapat dibaca / Cannot read file: no-such-file.md');
  });

  it('prints usage for an unknown command', async () => {
    const { code, err } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(err).toContain('Penggunaan / Usage');
  });
});

describe('netral migrate / seed / demo-data', () => {
  // One PGlite folder for the sequence: each command opens and closes it as a user would.
  let env: Record<string, string>;
  beforeAll(async () => {
    env = { NETRAL_DATA_DIR: await mkdtemp(join(tmpdir(), 'netral-cli-db-')) };
  });
  afterAll(() => rm(env.NETRAL_DATA_DIR as string, { recursive: true, force: true }));
  const runDb = async (argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), cwd: root, env });
    return { code, out, err };
  };

  it('migrates a new PGlite folder', async () => {
    const { code, out } = await runDb(['migrate']);
    expect(code).toBe(0);
    expect(out).toContain(`Migrations done: PGlite ${env.NETRAL_DATA_DIR}`);
  }, 60_000);

  it('seeds an empty database once and prints the demo logins', async () => {
    const first = await runDb(['seed', '--cases', '60']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('Demo logins');
    expect(first.out).toMatch(/tanahlaut\s+netral-demo\s+regency_admin 63\.01/);
    expect(first.out).toMatch(/analis\s+netral-demo\s+analyst/);
    const second = await runDb(['seed']);
    expect(second.code).toBe(0);
    expect(second.out).toContain('seed skipped');
    expect(second.out).not.toContain('Demo logins');
  }, 60_000);

  it('adds generated cases with demo-data and checks its arguments', async () => {
    const { code, out } = await runDb(['demo-data', '--cases', '40', '--seed', '5']);
    expect(code).toBe(0);
    expect(out).toMatch(/40 kasus ditambahkan \/ cases added in [0-9.]+ s \(seed 5\)/);
    const netral = createDb({ pglite: env.NETRAL_DATA_DIR as string });
    try {
      const { n } = await netral.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(n).toBe(100);
      const hash = await netral.db
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', 'nasional')
        .executeTakeFirstOrThrow();
      expect(hash.password_hash).toMatch(/^\$argon2id\$/);
    } finally {
      await netral.close();
    }
    expect((await runDb(['demo-data'])).code).toBe(2);
    expect((await runDb(['demo-data', '--cases', 'many'])).err).toContain('--cases must be a whole number');
  }, 60_000);
});
