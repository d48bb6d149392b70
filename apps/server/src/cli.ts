#!/usr/bin/env -S npx tsx
/**
 * The `netral` command line.
 *
 *   pnpm netral circular parse FILE… [--json]
 *   pnpm netral migrate
 *   pnpm netral seed [--cases N] [--seed S]
 *   pnpm netral demo-data --cases N [--seed S]
 *
 * The database is PostgreSQL when DATABASE_URL is set, else PGlite in NETRAL_DATA_DIR (default
 * ./.netral-data, relative to the caller's directory). Only this file reads the environment.
 *
 * Paths are resolved against the directory the command was typed in (pnpm runs
 * root scripts from the workspace root, and keeps the caller's directory in INIT_CWD).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb, type NetralDb } from '@netral/db/create-db';
import { type DemoLogin, generateDemoCases, seedIfEmpty } from '@netral/db/seed';
import { type CircularParseResult, parseCircular, toCircularJson } from '@netral/domain/circular-parser';
import { type Algorithm, hash } from '@node-rs/argon2';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  /** Environment variables (DATABASE_URL, NETRAL_DATA_DIR); the process environment by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

const usage = `Penggunaan / Usage:
  netral circular parse FILE... [--json]   parse Surat Edaran text and print its provision tree
  netral migrate                           run the database migrations
  netral seed [--cases N] [--seed S]       load the demo data set (2,000 cases) when the database has no user
  netral demo-data --cases N [--seed S]    add N generated cases (benchmarks; up to millions)

  Database: DATABASE_URL (PostgreSQL), else PGlite in NETRAL_DATA_DIR (default ./.netral-data).
`;

/** Runs one CLI command and returns the process exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === 'circular' && command === 'parse') return circularParse(rest, io);
  if (group === 'migrate' || group === 'seed' || group === 'demo-data') {
    return databaseCommand(group, argv.slice(1), io);
  }
  io.err(usage);
  return group === undefined || group === '--help' || group === '-h' ? 0 : 2;
}

async function circularParse(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) {
    io.err(`Berkas tidak disebutkan / No FILE given.\n${usage}`);
    return 2;
  }
  const results: ReturnType<typeof toCircularJson>[] = [];
  for (const file of positionals) {
    let text: string;
    try {
      text = await readFile(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
      io.err(`Berkas tidak dapat dibaca / Cannot read file: ${file} (${reason})\n`);
      return 1;
    }
    const result = parseCircular(text);
    if (values.json) results.push(toCircularJson(result));
    else io.out(formatTree(file, result));
  }
  if (values.json) io.out(`${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Database commands

/** The same argon2id parameters as the API's sign-in (`Algorithm` is an ambient const enum: 2 is Argon2id). */
const argon2Options = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };
const hashPassword = (password: string) => hash(password, argon2Options);

/** PostgreSQL from DATABASE_URL, else PGlite in NETRAL_DATA_DIR (default ./.netral-data). */
function openDatabase(io: CliIo): { netral: NetralDb; where: string } {
  const env = io.env ?? process.env;
  const url = env.DATABASE_URL?.trim();
  if (url) return { netral: createDb({ url }), where: 'PostgreSQL (DATABASE_URL)' };
  const dir = resolve(io.cwd, env.NETRAL_DATA_DIR?.trim() || '.netral-data');
  return { netral: createDb({ pglite: dir }), where: `PGlite ${dir}` };
}

const positiveInt = /^[0-9]+$/;

async function databaseCommand(command: 'migrate' | 'seed' | 'demo-data', args: readonly string[], io: CliIo) {
  let cases: number | undefined;
  let seed = 1;
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { cases: { type: 'string' }, seed: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 0) throw new Error(`unexpected argument: ${positionals[0]}`);
    if (command === 'migrate' && (values.cases !== undefined || values.seed !== undefined)) {
      throw new Error('migrate takes no options');
    }
    if (command === 'demo-data' && values.cases === undefined) throw new Error('--cases N is required');
    if (values.cases !== undefined) {
      if (!positiveInt.test(values.cases)) throw new Error('--cases must be a whole number');
      cases = Number(values.cases);
    }
    if (values.seed !== undefined) {
      if (!positiveInt.test(values.seed)) throw new Error('--seed must be a whole number');
      seed = Number(values.seed);
    }
  } catch (error) {
    io.err(`Argumen tidak valid / Invalid arguments: ${error instanceof Error ? error.message : error}\n${usage}`);
    return 2;
  }

  const { netral, where } = openDatabase(io);
  try {
    await netral.migrate();
    if (command === 'migrate') {
      io.out(`Migrasi selesai / Migrations done: ${where}\n`);
    } else if (command === 'seed') {
      const logins = await seedIfEmpty(netral, {
        hashPassword,
        seed,
        ...(cases !== undefined && { cases }),
        log: (m) => io.out(`${m}\n`),
      });
      if (logins.length > 0) io.out(formatLogins(logins));
    } else {
      let last = 0;
      const result = await generateDemoCases(netral, {
        cases: cases ?? 0,
        seed,
        onProgress: (done, total) => {
          // A line per tenth keeps a million-case run readable.
          if (done === total || done - last >= Math.max(total / 10, 1)) {
            last = done;
            io.out(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}\n`);
          }
        },
      });
      io.out(
        `${result.cases.toLocaleString('en')} kasus ditambahkan / cases added in ${result.seconds.toFixed(1)} s (seed ${seed}): ${where}\n`,
      );
    }
    return 0;
  } catch (error) {
    // The message of a database error is for the operator here; there is no client to leak it to.
    io.err(`Gagal / Failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await netral.close();
  }
}

function formatLogins(logins: readonly DemoLogin[]): string {
  const lines = ['Akun demo / Demo logins:'];
  for (const l of logins) {
    lines.push(`  ${l.username.padEnd(20)} ${l.password}   ${l.role}${l.regencyId ? ` ${l.regencyId}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

const kindLabels: Record<string, string> = {
  prohibition: 'larangan',
  obligation: 'kewajiban',
  appeal: 'imbauan',
  basis: 'dasar',
  sanction: 'sanksi',
  other: 'lainnya',
};

/** Human-readable tree: one line per provision, indented by depth, with kind and suggested codes. */
function formatTree(file: string, result: CircularParseResult): string {
  const m = result.metadata;
  const lines = [
    `# ${file}`,
    `Nomor     : ${m.number ?? '-'}`,
    `Tanggal   : ${m.date ?? '-'}   Tempat: ${m.place ?? '-'}`,
    `Tentang   : ${m.title ?? '-'}`,
    `Penerbit  : ${m.issuer ?? '-'}   Penandatangan: ${m.signatory ?? '-'}`,
    `Cakupan   : ${m.scope.join(', ') || '-'}`,
    '',
  ];
  for (const p of result.provisions) {
    const codes = p.codes.length > 0 ? `  [${p.codes.map((c) => c.code).join(', ')}]` : '';
    const text = p.text.length > 90 ? `${p.text.slice(0, 89)}…` : p.text;
    lines.push(`${'  '.repeat(p.depth)}${p.path}  (${kindLabels[p.kind] ?? p.kind})${codes}  ${text}`);
  }
  for (const w of result.warnings) {
    lines.push(`! ${w.line === undefined ? '' : `baris ${w.line}: `}${w.message.id}`);
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const code = await runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.env.INIT_CWD ?? process.cwd(),
  });
  process.exitCode = code;
}
