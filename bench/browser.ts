/**
 * Browser benchmarks' harness: the real server (`buildServer`) on the shared data set with the
 * built SPAs, Debian's Chromium (the e2e harness's launcher, `@netral/e2e/chromium`), sign-in
 * through the login form, and a timer that runs inside the page: from navigation start
 * (`performance.timeOrigin`) until a condition on the DOM first holds, taken at the next
 * animation frame (the frame that shows it).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, launchChromium } from '@netral/e2e/chromium';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { log } from './common';
import { type Dataset, openDataset } from './dataset';
import { type BenchServer, startServer } from './http-client';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ADMIN_DIST = join(root, 'apps/admin/dist');
export const ANALYTICS_DIST = join(root, 'apps/analytics/dist');

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface BrowserBench {
  dataset: Dataset;
  server: BenchServer;
  browser: Browser;
  url: string;
  /** Signs `username` in through the login form at `path` once; returns the cookies to reuse. */
  signInState(username: string, path: string): Promise<StorageState>;
  /** A fresh context (empty cache), signed in when `state` is given. */
  newContext(state?: StorageState): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * Opens the data set, starts the server with both built SPAs and launches Chromium. Throws with
 * the build command when a SPA has not been built.
 */
export async function startBrowserBench(options: { cases: number; fresh?: boolean }): Promise<BrowserBench> {
  for (const [dir, pkg] of [
    [ADMIN_DIST, '@netral/admin'],
    [ANALYTICS_DIST, '@netral/analytics'],
  ] as const) {
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir} missing: run pnpm --filter ${pkg} build`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`No Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  const dataset = await openDataset({ cases: options.cases, poolSize: 10, fresh: options.fresh ?? false, log });
  log(
    dataset.built
      ? `data set ${dataset.schema} built in ${dataset.info.seconds.total} s`
      : `data set ${dataset.schema} reused (${dataset.seconds.toFixed(1)} s)`,
  );
  const server = await startServer(dataset.netral, { admin: ADMIN_DIST, analytics: ANALYTICS_DIST });
  const browser = await launchChromium();
  const url = server.url;
  const newContext = (state?: StorageState) =>
    browser.newContext({
      baseURL: url,
      locale: 'id-ID',
      viewport: { width: 1366, height: 900 },
      ...(state && { storageState: state }),
    });
  return {
    dataset,
    server,
    browser,
    url,
    newContext,
    async signInState(username, path) {
      const context = await newContext();
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(30_000);
        await page.goto(path);
        await page.getByLabel('Nama pengguna').fill(username);
        await page.getByLabel('Kata sandi').fill('netral-demo');
        await page.getByRole('button', { name: 'Masuk' }).click();
        await page.getByRole('button', { name: 'Keluar' }).waitFor();
        return await context.storageState();
      } finally {
        await context.close();
      }
    },
    async close() {
      await browser.close().catch(() => {});
      await server.close();
      await dataset.netral.close();
    },
  };
}

/** A tRPC call the page made during a measured navigation. */
export interface TrpcCall {
  /** The procedure path(s), e.g. `cases.list` or `auth.me,regencies.list` for a batch. */
  path: string;
  /** The whole URL (to replay it). */
  url: string;
  /** Milliseconds from navigation start to the request, and its duration. */
  start: number;
  duration: number;
  status: number;
}

export interface PageTiming {
  /** In the page: navigation start → the frame after the condition first held. */
  ms: number;
  /** In Node: `page.goto` called → the page reported it. */
  wallMs: number;
  /** The tRPC calls made before the condition held. */
  calls: TrpcCall[];
  /** Scripts and styles the page loaded: count, bytes over the wire, when the last one arrived. */
  assets: { files: number; transferKb: number; decodedKb: number; lastEnd: number };
}

/**
 * Opens a new page in `context`, navigates to `path` and measures until `condition` (the body of
 * a function over `document`, checked on every DOM mutation) first returns true. Returns the page
 * too (the caller closes it). Fails after `timeoutMs`.
 *
 * @example
 * const { ms, page } = await timeUntil(context, '/r/63.01/cases', visible('main table tbody tr'));
 */
export async function timeUntil(
  context: BrowserContext,
  path: string,
  condition: string,
  timeoutMs = 30_000,
): Promise<PageTiming & { page: Page }> {
  const page = await context.newPage();
  let report!: (ms: number) => void;
  const reported = new Promise<number>((resolvePromise) => {
    report = resolvePromise;
  });
  // A binding and an init script through the DevTools protocol: the app's CSP (script-src 'self',
  // no eval) stays as shipped; the condition is part of the injected script's own source.
  await page.exposeBinding('__benchReport', (_source, ms: number) => report(ms));
  await page.addInitScript({
    content: `(() => {
      const cond = () => { ${condition} };
      let seen = false;
      const check = () => {
        if (seen) return;
        let ok = false;
        try { ok = cond(); } catch { ok = false; }
        if (!ok) return;
        seen = true;
        requestAnimationFrame(() => window.__benchReport(performance.now()));
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    })();`,
  });
  const raw: { path: string; url: string; at: number; duration: number; status: number }[] = [];
  page.on('requestfinished', (request) => {
    const u = new URL(request.url());
    if (!u.pathname.startsWith('/trpc/')) return;
    const timing = request.timing();
    request.response().then(
      (response) =>
        raw.push({
          path: decodeURIComponent(u.pathname.slice('/trpc/'.length)),
          url: request.url(),
          at: timing.startTime,
          duration: timing.responseEnd,
          status: response?.status() ?? 0,
        }),
      () => {},
    );
  });
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await page.goto(path, { waitUntil: 'commit' });
    const ms = await Promise.race([
      reported,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${path}: condition not met in ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    const wallMs = performance.now() - t0;
    const origin = await page.evaluate(() => performance.timeOrigin);
    const assets = await page.evaluate(() => {
      type Resource = { name: string; transferSize: number; decodedBodySize: number; responseEnd: number };
      const entries = (performance.getEntriesByType('resource') as unknown as Resource[]).filter((e) =>
        /\.(js|css)(\?|$)/.test(e.name),
      );
      return {
        files: entries.length,
        transferKb: entries.reduce((sum, e) => sum + e.transferSize, 0) / 1024,
        decodedKb: entries.reduce((sum, e) => sum + e.decodedBodySize, 0) / 1024,
        lastEnd: Math.max(0, ...entries.map((e) => e.responseEnd)),
      };
    });
    const calls = raw
      .map((c) => ({ path: c.path, url: c.url, start: c.at - origin, duration: c.duration, status: c.status }))
      .filter((c) => c.start <= ms)
      .sort((a, b) => a.start - b.start);
    return { ms, wallMs, calls, assets, page };
  } catch (error) {
    await page.close().catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Prints the tRPC calls of a measured navigation, in the order they started. */
export function printCalls(label: string, timing: PageTiming): void {
  const a = timing.assets;
  console.log(
    `  ${label} shown at ${timing.ms.toFixed(0)} ms; ${a.files} scripts/styles, ${a.transferKb.toFixed(0)} KB over the wire ` +
      `(${a.decodedKb.toFixed(0)} KB decoded), the last one in at ${a.lastEnd.toFixed(0)} ms; tRPC calls:`,
  );
  for (const c of timing.calls) {
    console.log(
      `    +${c.start.toFixed(0).padStart(5)} ms  ${c.duration.toFixed(0).padStart(5)} ms  ${c.status}  ${c.path}`,
    );
  }
}

/** Times `n` fetches of a URL the page requested, with the session cookie of `state`. */
export async function replay(url: string, cookie: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n + 1; i++) {
    const t = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`replay ${url}: HTTP ${res.status}`);
    if (i > 0) times.push(performance.now() - t);
  }
  return times;
}

/** The `Cookie` header of a signed-in state. */
export function cookieHeader(state: StorageState): string {
  return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** The condition "an element matching `selector` is visible". */
export function visible(selector: string): string {
  return `const el = document.querySelector(${JSON.stringify(selector)}); return !!el && el.checkVisibility();`;
}
