/**
 * Helpers shared by the benchmarks: command-line options, timing, percentiles, a tRPC caller
 * context, and the result table.
 */
import { performance } from 'node:perf_hooks';
import type { Context, SessionUser } from '@netral/api/context';
import type { NetralDb } from '@netral/db/create-db';

/** `--name value` from the command line, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? (process.argv[i + 1] as string) : fallback;
}

/** `--name` present on the command line. */
export function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

const t0 = performance.now();
/** A line prefixed with the seconds since the process started. */
export const log = (...parts: unknown[]) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s]`, ...parts);

/** Runs `fn` and logs how long it took. */
export async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  const result = await fn();
  log(`${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return result;
}

export interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

/** Median, 95th percentile (nearest rank), min and max of measured times. */
export function stats(times: readonly number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(mid)] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    median,
    p95: at(0.95),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    runs: sorted.length,
  };
}

/** Times `runs` calls of `fn` in milliseconds, after `warmup` untimed calls (plans, caches). */
export async function measure(runs: number, fn: () => Promise<unknown>, warmup = 1): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return stats(times);
}

/** A tRPC caller context for `user`, as the server would build it (internal transport). */
export function contextFor(netral: NetralDb, user: SessionUser): Context {
  return {
    db: netral,
    user,
    session: { id: 'bench', csrfToken: 'bench' },
    locale: 'id',
    transport: 'internal',
    csrfHeader: null,
    clientKey: 'bench',
    cookies: { set() {}, clear() {} },
    now: () => new Date(),
  };
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;
export const ratio = (baseline: number, x: number) => `${(baseline / x).toFixed(1)}x`;

/** The server URL without credentials, for printing. */
export function printableUrl(url: string): string {
  return url.replace(/\/\/[^@]*@/, '//');
}
