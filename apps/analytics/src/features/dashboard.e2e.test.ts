/**
 * The analytics app in a real Chromium against the real server with the demo data: an analyst
 * filters the dashboard, clicks through a bar to its cases, reloads, exports a chart's data (CSV)
 * and image (PNG), compares two contests; an administrator gets links into the admin case list.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTIFACTS_DIR, describeE2e, type E2eHarness, startE2e } from '@netral/e2e';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

/** Waits until the page's charts (`data-charts` of them) are all drawn (`aria-busy="false"`). */
async function chartsReady(page: Page): Promise<number> {
  await page.waitForFunction(() => {
    const root = document.querySelector('[data-dashboard]');
    if (!root) return false;
    const charts = root.querySelectorAll('[data-chart]');
    return (
      charts.length === Number(root.getAttribute('data-charts')) &&
      [...charts].every((c) => c.getAttribute('aria-busy') === 'false')
    );
  });
  return page.locator('[data-chart]').count();
}

/** Opens a chart's table alternative (built when first opened) and returns its chart. */
async function openTable(page: Page, chart: string) {
  const frame = page.locator(`[data-chart="${chart}"]`);
  const details = frame.locator('details.chart-table');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await frame.locator('table').waitFor();
  return frame;
}

/** The rows of a chart's table alternative: [category, ...values as shown]. */
async function tableRows(page: Page, chart: string): Promise<string[][]> {
  const frame = await openTable(page, chart);
  return frame
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
    );
}

/** A small CSV reader (quoted fields, doubled quotes), enough for the exports. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describeE2e()('analytics dashboard', () => {
  let h: E2eHarness;
  beforeAll(async () => {
    h = await startE2e();
  });
  afterAll(() => h?.close());

  it('filters, clicks through to the cases behind a bar, keeps its state on reload and exports', async () => {
    const page = await h.login('analis', '/analytics/');
    const cspErrors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspErrors.push(msg.text());
    });
    expect(await chartsReady(page)).toBe(10);
    await page.getByRole('heading', { name: 'Dasbor pelanggaran netralitas ASN' }).waitFor();
    const reported = Number(
      (await page.locator('[data-figure="reported"] .figure-value').textContent())?.replace(/\D/g, ''),
    );
    expect(await page.locator('[data-dashboard]').getAttribute('data-charts')).toBe('10');
    expect(reported).toBeGreaterThan(1000);
    // Analysts read de-identified data.
    await page.getByText('Anda melihat data tanpa identitas').waitFor();

    // Charts follow the width of the window.
    const chartWidth = () =>
      page.locator('[data-chart="status"] svg.recharts-surface').evaluate((svg) => svg.getBoundingClientRect().width);
    const wide = await chartWidth();
    const viewport = page.viewportSize();
    if (!viewport) throw new Error('no viewport');
    await page.setViewportSize({ width: 900, height: viewport.height });
    await expect.poll(chartWidth).toBeLessThan(wide - 100);
    await page.setViewportSize(viewport);
    await expect.poll(chartWidth).toBe(wide);

    // Filters: contest and province, in the URL.
    await page.getByLabel('Kontestasi', { exact: true }).selectOption('PILKADA_2024');
    await page.waitForURL(/contest=PILKADA_2024/);
    await page.getByLabel('Provinsi', { exact: true }).selectOption('63');
    await page.waitForURL(/province=63/);
    const reportedNow = async () =>
      Number((await page.locator('[data-figure="reported"] .figure-value').textContent())?.replace(/\D/g, ''));
    await expect.poll(reportedNow).toBeLessThan(reported);
    await chartsReady(page);
    expect(await reportedNow()).toBeGreaterThan(0);
    // The phase chart shows only the chosen contest.
    expect(await (await openTable(page, 'phase')).locator('thead th').allTextContents()).toEqual([
      'Fase',
      'Pilkada 2024',
    ]);

    // A click on a status bar filters the whole dashboard by that status.
    const statusRows = await tableRows(page, 'status');
    const topStatus = statusRows[0];
    if (!topStatus) throw new Error('no status rows');
    // The bars were drawn again for the filtered data (not only the table): their value labels
    // are the table's counts, in order.
    expect(await page.locator('[data-chart="status"] svg text[font-size="11"]').allTextContents()).toEqual(
      statusRows.map((row) => row[1]),
    );
    await page.locator('[data-chart="status"] .recharts-bar-rectangle path').first().click();
    await page.waitForURL(/status=/);
    await expect.poll(() => page.locator('[data-figure="reported"] .figure-value').textContent()).toBe(topStatus[1]);
    await chartsReady(page);
    await page.getByRole('button', { name: `Hapus saringan Status: ${topStatus[0]}` }).waitFor();
    // Status and unit kind exclude each other: the unit-kind filter is off while a status is set.
    expect(await page.getByLabel('Jenis unit kerja', { exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: `Hapus saringan Status: ${topStatus[0]}` }).click();
    await page.waitForURL((url) => !url.search.includes('status='));
    await chartsReady(page);

    // Weeks instead of months, with the campaign shaded.
    await page.locator('[data-chart="time"]').getByRole('button', { name: 'Minggu' }).click();
    await page.waitForURL(/grain=week/);
    await chartsReady(page);
    expect(await page.locator('[data-chart="time"] .recharts-reference-area').count()).toBeGreaterThan(0);
    await h.screenshot(page, 'analytics/dashboard');

    // Reload: everything comes back from the URL.
    const before = page.url();
    await page.reload();
    await chartsReady(page);
    expect(page.url()).toBe(before);
    expect(await page.getByLabel('Kontestasi', { exact: true }).inputValue()).toBe('PILKADA_2024');
    expect(await page.getByLabel('Provinsi', { exact: true }).inputValue()).toBe('63');
    expect(
      await page.locator('[data-chart="time"]').getByRole('button', { name: 'Minggu' }).getAttribute('aria-pressed'),
    ).toBe('true');

    // CSV of a chart: its filters, the time of the data, and the rows of the chart.
    const codeRows = await tableRows(page, 'code');
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh data "Pelanggaran menurut kode larangan" sebagai CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^netral-code-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = parseCsv(await readFile(await csvDownload.path(), 'utf8'));
    expect(csv[0]).toEqual(['Grafik', 'Pelanggaran menurut kode larangan']);
    expect(csv[1]?.[0]).toBe('Saringan');
    expect(csv[1]?.[1]).toContain('Wilayah: Kalimantan Selatan');
    expect(csv[1]?.[1]).toContain('Kontestasi: Pemilihan Gubernur, Bupati, dan Wali Kota Serentak Tahun 2024');
    expect(csv[2]?.[0]).toBe('Data per');
    expect(csv[2]?.[1]).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    const header = csv.findIndex((row) => row[0] === 'Kode');
    expect(csv[header]).toEqual(['Kode', 'Daftar', 'Perkara']);
    const dataRows = csv.slice(header + 1).filter((row) => row.length > 1);
    expect(dataRows.map((r) => [r[0], r[2]])).toEqual(
      codeRows.map((r) => [r[0], r[2]?.replace(/\./g, '')]), // id-ID groups thousands with dots
    );

    // PNG of a chart: drawn through a canvas (CSP allows blob: images), with the same header.
    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh grafik "Pelanggaran dari waktu ke waktu" sebagai gambar PNG' }).click(),
    ]);
    await pngDownload.saveAs(join(ARTIFACTS_DIR, 'screenshots/analytics/export-time-chart.png'));
    const png = await readFile(await pngDownload.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBeGreaterThan(800); // width in pixels (2× scale)
    expect(png.length).toBeGreaterThan(10_000);
    expect(cspErrors).toEqual([]);

    // Click through a bar to its cases: as many de-identified rows as the bar says.
    const topCode = codeRows[0];
    if (!topCode) throw new Error('no code rows');
    await page.locator('[data-chart="code"] .recharts-bar-rectangle path').first().click();
    await page.waitForURL(/\/analytics\/cases\?.*dim=code/);
    await page.getByRole('heading', { name: 'Perkara di balik angka' }).waitFor();
    await page.getByText(`Kode: ${topCode[0]}: ${topCode[2]} perkara`).waitFor();
    expect(page.url()).toContain('contest=PILKADA_2024');
    const header2 = await page.locator('thead th').allTextContents();
    expect(header2).toContain('Bulan kejadian');
    expect(header2).not.toContain('Terlapor');
    const count = Number(topCode[2]?.replace(/\./g, ''));
    for (let shown = await page.locator('tbody tr').count(); shown < count; ) {
      await page.getByRole('button', { name: 'Tampilkan lebih banyak' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length > n, shown);
      shown = await page.locator('tbody tr').count();
    }
    expect(await page.locator('tbody tr').count()).toBe(count);
    await h.screenshot(page, 'analytics/cases');
    expect(await h.axe(page)).toEqual([]);

    // Reload the cases page, then back to the dashboard with the same filters.
    await page.reload();
    await page.getByText(`Kode: ${topCode[0]}: ${topCode[2]} perkara`).waitFor();
    await page.getByRole('link', { name: '← Kembali ke dasbor' }).click();
    await chartsReady(page);
    expect(await page.getByLabel('Kontestasi', { exact: true }).inputValue()).toBe('PILKADA_2024');
  });

  it('has no serious accessibility violations and a keyboard way to every chart’s table', async () => {
    const page = await h.login('analis', '/analytics/');
    await chartsReady(page);
    // Keyboard: the table alternative of the first chart opens from its summary.
    const summary = page.locator('[data-chart="code"] details.chart-table summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-chart="code"] table').waitFor();
    const plot = page.locator('[data-chart="code"] [role="img"]');
    expect(await plot.getAttribute('aria-label')).toMatch(/^Pelanggaran menurut kode larangan\. \d+ kategori/);
    expect(await h.axe(page)).toEqual([]);

    // English, too.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { name: 'Civil-servant neutrality violations' }).waitFor();
    expect(await page.locator('[data-chart="code"] [role="img"]').getAttribute('aria-label')).toMatch(
      /^Violations by prohibition code\. \d+ categories/,
    );
    await page.getByRole('button', { name: 'ID', exact: true }).click();
  });

  it('compares two contests aligned on their campaigns', async () => {
    const page = await h.login('analis', '/analytics/compare');
    expect(await chartsReady(page)).toBe(3);
    expect(await page.getByLabel('Kontestasi pertama', { exact: true }).inputValue()).toBe('PEMILU_2024');
    expect(await page.getByLabel('Kontestasi kedua', { exact: true }).inputValue()).toBe('PILKADA_2024');
    const weeks = await tableRows(page, 'compare_weeks');
    const zero = weeks.find((r) => r[0] === '0');
    // Week 0 starts on the Monday before each campaign's first day (28 Nov 2023, 25 Sep 2024).
    expect(zero?.slice(1, 3)).toEqual(['27 Nov 2023', '23 Sep 2024']);
    expect(await page.locator('[data-chart="compare_weeks"] .recharts-reference-area').count()).toBe(2);
    await page.getByLabel('Provinsi', { exact: true }).selectOption('21');
    await page.waitForURL(/province=21/);
    await chartsReady(page);
    await h.screenshot(page, 'analytics/compare');
    expect(await h.axe(page)).toEqual([]);
  });

  it('links administrators into the admin case list', async () => {
    const page = await h.login('tanahlaut', '/analytics/');
    await chartsReady(page);
    await page.locator('[data-figure="overdue"] .figure-value a').click();
    await page.waitForURL(/\/analytics\/cases\?.*dim=ppk_due/);
    const link = page.getByRole('link', { name: /^Buka di daftar perkara Kabupaten Tanah Laut/ });
    expect(await link.getAttribute('href')).toBe('/r/63.01/cases?overdue=true');
    // Casework rows link to each case in the admin app.
    const first = page.locator('tbody tr a').first();
    expect(await first.getAttribute('href')).toMatch(/^\/r\/63\.01\/cases\/[0-9a-f-]{36}$/);
  });
});
