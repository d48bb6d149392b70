/**
 * The server's environment, validated at start-up. Only the app reads `process.env`; packages
 * take their configuration as arguments.
 */
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const appsDir = fileURLToPath(new URL('../../', import.meta.url));

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** A PostgreSQL server; without it the server runs on PGlite in NETRAL_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }).optional()),
  /** PGlite's data folder (or `memory`). */
  NETRAL_DATA_DIR: z.string().min(1).default('./.netral-data'),
  /** Uploaded evidence files; default `<NETRAL_DATA_DIR>/files` (a temporary folder when the data is in memory). */
  NETRAL_FILES_DIR: z.string().min(1).optional(),
  /** `demo`: load the demo data set into an empty database at start-up; `none`: leave it empty. */
  NETRAL_SEED: z.enum(['demo', 'none']).default('demo'),
  /** Built SPAs; missing folders are skipped. */
  NETRAL_ADMIN_DIST: z.string().min(1).default(`${appsDir}admin/dist`),
  NETRAL_ANALYTICS_DIST: z.string().min(1).default(`${appsDir}analytics/dist`),
  /** Behind a reverse proxy: trust its X-Forwarded-For / -Proto. */
  TRUST_PROXY: flag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Env = z.infer<typeof envSchema>;

/** Thrown with every problem of the environment, one per line. */
export class EnvError extends Error {
  override name = 'EnvError';
}

/**
 * Reads and checks the environment.
 *
 * @example const env = readEnv(process.env); // { PORT: 3000, HOST: '0.0.0.0', … }
 */
export function readEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}
