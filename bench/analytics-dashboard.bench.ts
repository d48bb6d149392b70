/**
 * Issue #5: the analytics dashboard in a real Chromium, on the shared 1,000,000-case data set
 * (dataset.ts), signed in as the national analyst `analis`.
 *
 * Measured in the page, from navigation start until every chart has rendered: `[data-dashboard]`
 * present, as many `[data-chart]` as its `data-charts` says, and none of them
 * `aria-busy="true"`. Cold: a fresh browser context (empty HTTP cache, session cookie only);
 * warm: a second page in the same context. Baselines in the same run, interleaved: the static
 * login page of the analytics app (fresh context, until its password field is visible), and the
 * dashboard's own tRPC requests replayed from Node with the same cookie, all at once (the API's
 * share of the wait).
 *
 * Target: cold median under 1.5 s.
 *
 *   pnpm --filter @netral/analytics build && pnpm --filter @netral/bench run bench:browser:analytics
 *
 * Options: --runs K (default 7, at least 5), --cases N (default 1,000,000), --path P (default
 * /analytics/), --screenshot (saves artifacts/bench/analytics-dashboard.png).
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { cookieHeader, printCalls, startBrowserBench, type TrpcCall, timeUntil, visible } from './browser';
import { arg, flag, log, ms, printableUrl, type Stats, stats } from './common';

const RUNS = Math.max(5, Number(arg('runs', '7')));
const N = Number(arg('cases', '1000000'));
const PATH = arg('path', '/analytics/');
const TARGET_MS = 1500;

const chartsRendered = `const root = document.querySelector('[data-dashboard]');
  if (!root) return false;
  const want = Number(root.getAttribute('data-charts'));
  return want > 0 && document.querySelectorAll('[data-chart]').length === want &&
    !document.querySelector('[data-chart][aria-busy="true"]');`;
const loginForm = visible('input[type="password"]');

/** Replays the page's tRPC requests from Node, all at once; the time until the last answered. */
async function replayAll(calls: readonly TrpcCall[], cookie: string): Promise<number> {
  const t = performance.now();
  await Promise.all(
    calls.map(async (c) => {
      const res = await fetch(c.url, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`replay ${c.path}: HTTP ${res.status}`);
    }),
  );
  return performance.now() - t;
}

const bench = await startBrowserBench({ cases: N, fresh: flag('fresh') });
try {
  const state = await bench.signInState('analis', '/analytics/');
  const cookie = cookieHeader(state);
  const times: Record<'login' | 'cold' | 'warm' | 'replay', number[]> = { login: [], cold: [], warm: [], replay: [] };
  let charts = 0;
  // One untimed round: the server's and PostgreSQL's caches.
  {
    const context = await bench.newContext(state);
    const warmup = await timeUntil(context, PATH, chartsRendered);
    charts = Number((await warmup.page.locator('[data-dashboard]').first().getAttribute('data-charts')) ?? 0);
    await context.close();
  }
  for (let run = 0; run < RUNS; run++) {
    const anonymous = await bench.newContext();
    const login = await timeUntil(anonymous, '/analytics/', loginForm);
    times.login.push(login.ms);
    await anonymous.close();

    const context = await bench.newContext(state);
    const cold = await timeUntil(context, PATH, chartsRendered);
    await cold.page.close();
    times.cold.push(cold.ms);
    const warm = await timeUntil(context, PATH, chartsRendered);
    await warm.page.close();
    times.warm.push(warm.ms);
    await context.close();
    if (run === 0) {
      printCalls(`${PATH} (cold)`, cold);
      printCalls(`${PATH} (warm)`, warm);
    }
    // The dashboard's data requests (not the session check) replayed from Node.
    const data = cold.calls.filter((c) => c.status === 200 && /analytics\./.test(c.path));
    if (data.length === 0) throw new Error(`${PATH}: the dashboard made no analytics request`);
    for (let i = 0; i < 3; i++) times.replay.push(await replayAll(data, cookie));
    log(`run ${run + 1}/${RUNS}: cold ${cold.ms.toFixed(0)} ms, warm ${warm.ms.toFixed(0)} ms`);
  }
  if (flag('screenshot')) {
    const context = await bench.newContext(state);
    const timing = await timeUntil(context, PATH, chartsRendered);
    const file = join(
      resolve(dirname(fileURLToPath(import.meta.url)), '..'),
      'artifacts/bench/analytics-dashboard.png',
    );
    await mkdir(dirname(file), { recursive: true });
    await timing.page.screenshot({ path: file, fullPage: true });
    await context.close();
    log(`screenshot ${file}`);
  }

  const s = (key: keyof typeof times): Stats => stats(times[key]);
  const login = s('login');
  const replayStats = s('replay');
  console.log(
    `\nAnalytics dashboard in Chromium (${bench.browser.version()}): ${charts} charts, ${N.toLocaleString('en')} cases ` +
      `(${bench.dataset.schema}), PostgreSQL ${printableUrl(bench.dataset.url)}; ${RUNS} runs each`,
  );
  const row = (measurement: string, x: Stats, target: string) => ({
    measurement,
    median: ms(x.median),
    p95: ms(x.p95),
    min: ms(x.min),
    max: ms(x.max),
    '÷ login page': `${(x.median / login.median).toFixed(2)}x`,
    '÷ API replay': `${(x.median / replayStats.median).toFixed(1)}x`,
    target,
  });
  const cold = s('cold');
  console.table([
    row('login page (baseline: static page, fresh context)', login, '–'),
    row("dashboard's tRPC requests replayed from Node, all at once (baseline)", replayStats, '–'),
    row(
      `${PATH} all charts rendered (cold)`,
      cold,
      cold.median < TARGET_MS ? `ok (<${TARGET_MS} ms)` : `FAIL (<${TARGET_MS} ms)`,
    ),
    row(`${PATH} all charts rendered (warm)`, s('warm'), '–'),
  ]);
  if (cold.median >= TARGET_MS) process.exitCode = 1;
} finally {
  await bench.close();
}
