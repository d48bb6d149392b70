/**
 * Issue #4: the admin's case list in a real Chromium, on the shared 1,000,000-case data set
 * (dataset.ts; Kabupaten Tanah Laut holds about 58,000 of them), signed in as `tanahlaut`.
 *
 * Measured in the page, from navigation start until the first row of the case table
 * (`main table tbody tr`) is visible, for `/r/63.01/cases` and a filtered URL:
 * - cold: a fresh browser context (empty HTTP cache, session cookie only), as after signing in;
 * - warm: a second page in the same context (scripts cached), as when coming back to the list.
 * Baselines in the same run, interleaved with the runs: the static login page (navigation start
 * until its password field is visible, fresh context) and the page's own `cases.list` request
 * replayed from Node with the same cookie (the API's share of the wait).
 *
 * Target: cold median under 1 s.
 *
 *   pnpm --filter @netral/admin build && pnpm --filter @netral/bench run bench:browser:admin
 *   pnpm --filter @netral/bench run bench:browser:admin -- --runs 9 --cases 1000000
 *
 * Options: --runs K (default 9, at least 7), --cases N (default 1,000,000), --filter QUERY
 * (default status=received), --screenshot (saves artifacts/bench/admin-case-list.png).
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { cookieHeader, printCalls, replay, startBrowserBench, type TrpcCall, timeUntil, visible } from './browser';
import { arg, flag, log, ms, printableUrl, type Stats, stats } from './common';

const RUNS = Math.max(7, Number(arg('runs', '9')));
const N = Number(arg('cases', '1000000'));
const FILTER = arg('filter', 'status=received');
const TARGET_MS = 1000;

const ROW = 'main table tbody tr';
/** A row of the loaded table: visible, and not inside something still loading. */
const firstRow = `const el = document.querySelector(${JSON.stringify(ROW)});
  return !!el && el.checkVisibility() && !el.closest('[aria-busy="true"]');`;
const loginForm = visible('input[type="password"]');

const pages = [
  { label: '/r/63.01/cases', path: '/r/63.01/cases' },
  { label: `/r/63.01/cases?${FILTER}`, path: `/r/63.01/cases?${FILTER}` },
];

const bench = await startBrowserBench({ cases: N, fresh: flag('fresh') });
try {
  const state = await bench.signInState('tanahlaut', '/');
  const cookie = cookieHeader(state);
  const times: Record<string, number[]> = { login: [], replay: [] };
  for (const p of pages) {
    times[`${p.label} cold`] = [];
    times[`${p.label} warm`] = [];
    times[`${p.label} replay`] = [];
  }
  const firstCalls = new Map<string, TrpcCall[]>();
  const measureList = async (context: BrowserContext, p: (typeof pages)[number], kind: 'cold' | 'warm') => {
    const timing = await timeUntil(context, p.path, firstRow);
    await timing.page.close();
    times[`${p.label} ${kind}`]?.push(timing.ms);
    if (!firstCalls.has(`${p.label} ${kind}`)) {
      firstCalls.set(`${p.label} ${kind}`, timing.calls);
      printCalls(`${p.label} (${kind})`, timing);
    }
    return timing;
  };

  // One untimed round: the server's and PostgreSQL's caches, as for every other measurement.
  {
    const context = await bench.newContext(state);
    for (const p of pages) await (await timeUntil(context, p.path, firstRow)).page.close();
    await context.close();
  }
  for (let run = 0; run < RUNS; run++) {
    const anonymous = await bench.newContext();
    const login = await timeUntil(anonymous, '/', loginForm);
    times.login?.push(login.ms);
    await anonymous.close();
    for (const p of pages) {
      const context = await bench.newContext(state);
      const cold = await measureList(context, p, 'cold');
      await measureList(context, p, 'warm');
      await context.close();
      // The page's own case-list request, replayed from Node.
      const listCall = cold.calls.find((c) => c.path.includes('cases.list'));
      if (!listCall) throw new Error(`${p.path}: the page made no cases.list request`);
      times[`${p.label} replay`]?.push(...(await replay(listCall.url, cookie, 3)));
    }
    log(
      `run ${run + 1}/${RUNS}: ${pages.map((p) => `${p.label} ${times[`${p.label} cold`]?.at(-1)?.toFixed(0)} ms`).join(', ')}`,
    );
  }
  if (flag('screenshot')) {
    const context = await bench.newContext(state);
    const timing = await timeUntil(context, pages[0]?.path ?? '/', firstRow);
    const file = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'artifacts/bench/admin-case-list.png');
    await mkdir(dirname(file), { recursive: true });
    await timing.page.screenshot({ path: file, fullPage: true });
    await context.close();
    log(`screenshot ${file}`);
  }

  const s = (key: string): Stats => stats(times[key] ?? []);
  const login = s('login');
  console.log(
    `\nAdmin case list in Chromium (${bench.browser.version()}): ${N.toLocaleString('en')} cases (${bench.dataset.schema}), ` +
      `PostgreSQL ${printableUrl(bench.dataset.url)}; ${RUNS} runs each, medians`,
  );
  console.table([
    {
      measurement: 'login page (baseline: static page, fresh context)',
      median: ms(login.median),
      p95: ms(login.p95),
      min: ms(login.min),
      max: ms(login.max),
      '÷ login page': '1.0x',
      '÷ cases.list fetch': '–',
      target: '–',
    },
    ...pages.flatMap((p) => {
      const replayStats = s(`${p.label} replay`);
      return (['cold', 'warm'] as const).map((kind) => {
        const x = s(`${p.label} ${kind}`);
        return {
          measurement: `${p.label} first row (${kind})`,
          median: ms(x.median),
          p95: ms(x.p95),
          min: ms(x.min),
          max: ms(x.max),
          '÷ login page': `${(x.median / login.median).toFixed(2)}x`,
          '÷ cases.list fetch': `${(x.median / replayStats.median).toFixed(1)}x (fetch ${ms(replayStats.median)})`,
          target: kind === 'cold' ? (x.median < TARGET_MS ? `ok (<${TARGET_MS} ms)` : `FAIL (<${TARGET_MS} ms)`) : '–',
        };
      });
    }),
  ]);
  const failed = pages.filter((p) => s(`${p.label} cold`).median >= TARGET_MS);
  if (failed.length > 0) process.exitCode = 1;
} finally {
  await bench.close();
}
