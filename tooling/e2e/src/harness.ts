/**
 * End-to-end harness for the SPAs: the real server (in-memory PGlite, demo data, the built apps)
 * and a real Chromium (Debian's, driven by playwright-core).
 *
 * A test file skips itself when no Chromium is installed, except in CI (`CI` set), where a
 * missing browser fails the run: `.ci/run` installs it.
 *
 * @example
 * const e2e = describeE2e();
 * e2e('case list', () => {
 *   let h: E2eHarness;
 *   beforeAll(async () => { h = await startE2e(); });
 *   afterAll(() => h?.close());
 *   it('shows cases', async () => { const page = await h.login('tanahlaut'); … });
 * });
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEnv } from '@netral/server/env';
import { type Started, start } from '@netral/server/main';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from './chromium';

export { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from './chromium';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Screenshots and other artifacts of the browser tests. */
export const ARTIFACTS_DIR = join(root, 'artifacts');

/** Whether browser tests can run here; in CI a missing Chromium is an error, not a skip. */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI)
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; CI must install it (apt-get install -y chromium)`);
  return false;
}

/** `describe` for browser tests: skipped (with the reason in its name) when there is no Chromium. */
export function describeE2e(): typeof describe {
  if (chromiumAvailable()) return describe;
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium).`);
  return describe.skip as unknown as typeof describe;
}

export const DEMO_PASSWORD = 'netral-demo';

export interface E2eHarness {
  /** The server's base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  server: Started;
  browser: Browser;
  /** A fresh browser context (own cookies) with a page, not signed in. */
  newPage(options?: { locale?: 'id' | 'en' }): Promise<{ context: BrowserContext; page: Page }>;
  /** A fresh context signed in as a demo user through the login form at `path`. */
  login(username: string, path?: string): Promise<Page>;
  /** Saves a full-page screenshot as `artifacts/screenshots/<name>.png`. */
  screenshot(page: Page, name: string): Promise<string>;
  /** Runs axe-core on the page; returns the serious and critical violations (empty = pass). */
  axe(page: Page): Promise<AxeViolation[]>;
  close(): Promise<void>;
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

let axeSource: Promise<string> | undefined;
function loadAxe(): Promise<string> {
  const require = createRequire(import.meta.url);
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Starts the server (PGlite in memory, demo data, the built SPAs of apps/admin and
 * apps/analytics) and Chromium. Build the apps first (`turbo run build`; `test` depends on it).
 */
export async function startE2e(): Promise<E2eHarness> {
  const env = readEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    NETRAL_DATA_DIR: 'memory',
    NETRAL_SEED: 'demo',
    LOG_LEVEL: 'silent',
    NETRAL_ADMIN_DIST: join(root, 'apps/admin/dist'),
    NETRAL_ANALYTICS_DIST: join(root, 'apps/analytics/dist'),
  });
  const server = await start(env);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  const url = server.url;
  const contexts: BrowserContext[] = [];

  const newPage: E2eHarness['newPage'] = async ({ locale = 'id' } = {}) => {
    const context = await browser.newContext({
      baseURL: url,
      locale: locale === 'id' ? 'id-ID' : 'en-GB',
      acceptDownloads: true,
      viewport: { width: 1366, height: 900 },
    });
    contexts.push(context);
    // The apps read their language from localStorage; set it before any page script runs.
    await context.addInitScript((l) => {
      try {
        if (!localStorage.getItem('netral.locale')) localStorage.setItem('netral.locale', l);
      } catch {
        // about:blank has no storage
      }
    }, locale);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return { context, page };
  };

  return {
    url,
    server,
    browser,
    newPage,
    async login(username, path = '/') {
      const { page } = await newPage();
      await page.goto(path);
      await page.getByLabel('Nama pengguna').fill(username);
      await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.getByRole('button', { name: 'Keluar' }).waitFor();
      return page;
    },
    async screenshot(page, name) {
      const file = join(ARTIFACTS_DIR, 'screenshots', `${name}.png`);
      await mkdir(dirname(file), { recursive: true });
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async axe(page) {
      // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') stays as shipped.
      await page.evaluate(await loadAxe());
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
        return axe.run(document, { resultTypes: ['violations'] });
      });
      const violations = (
        result as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }
      ).violations;
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}
