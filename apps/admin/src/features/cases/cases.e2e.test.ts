import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describeE2e, type E2eHarness, startE2e } from '@netral/e2e';
import Papa from 'papaparse';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

const TANAH_LAUT = '63.01';
const BINTAN = '21.01';
const NIP = '198001012005011001';

/** A tRPC query over HTTP with the page's cookies. */
async function query<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const res = await request.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** A tRPC mutation over HTTP with the page's cookies and the session's CSRF token. */
async function mutate<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const me = await query<{ csrfToken: string }>(request, 'auth.me', undefined);
  const res = await request.post(`/trpc/${path}`, {
    headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
    data: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

interface ListPage {
  rows: { id: string; status: string; contest: string; subjectName: string }[];
  nextCursor: string | null;
}

async function listAll(request: APIRequestContext, input: Record<string, unknown>): Promise<ListPage['rows']> {
  const rows: ListPage['rows'] = [];
  let cursor: string | null = null;
  do {
    const page: ListPage = await query<ListPage>(request, 'cases.list', { ...input, cursor, limit: 200 });
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

async function step(page: Page, action: string, fill: (page: Page) => Promise<void>, status: string) {
  await page.getByRole('button', { name: action, exact: true }).click();
  await page.getByRole('heading', { name: action }).waitFor();
  await fill(page);
  await page.getByRole('button', { name: 'Simpan tindakan' }).click();
  await page.getByText(`Tersimpan: status sekarang ${status}.`).waitFor();
}

describeE2e()('cases', () => {
  let h: E2eHarness;
  beforeAll(async () => {
    h = await startE2e();
  });
  afterAll(() => h?.close());

  it('registers a case against a prohibition of the published circular and takes it to a sanction', async () => {
    const page = await h.login('tanahlaut');
    await page.goto(`/r/${TANAH_LAUT}/cases/new`);
    await page.getByRole('heading', { name: 'Kasus baru' }).waitFor();

    await page.getByLabel('Unit kerja', { exact: true }).selectOption({ label: 'Dinas Pendidikan' });
    await page.getByLabel('Kontestasi', { exact: true }).selectOption('PILKADA_2024');
    await page.getByLabel('Tanggal kejadian', { exact: true }).fill('2024-10-01');
    await page.getByText('Fase: Masa kampanye (Selama masa kampanye)').waitFor();
    await page.getByLabel('Nama terlapor', { exact: true }).fill('Rahmat Uji Peramban');
    await page.getByLabel('Jenis kepegawaian', { exact: true }).selectOption('PNS');
    // The NIP is judged as it is typed, in the UI language.
    await page.getByLabel('NIP', { exact: true }).fill('1980 0101');
    await page.getByText('NIP harus 18 digit (tertulis 8)').waitFor();
    await page.getByLabel('NIP', { exact: true }).fill('19800231 200501 1 001');
    await page.getByText('Tanggal lahir pada NIP (1980-02-31) tidak valid').waitFor();
    await page.getByLabel('NIP', { exact: true }).fill(NIP);
    await page.getByText('NIP sah: lahir 1 Januari 1980, TMT CPNS 2005-01, laki-laki.').waitFor();

    // An unfinished form survives a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'Kasus baru' }).waitFor();
    expect(await page.getByLabel('Nama terlapor', { exact: true }).inputValue()).toBe('Rahmat Uji Peramban');
    expect(await page.getByLabel('NIP', { exact: true }).inputValue()).toBe(NIP);

    await page.getByLabel('Kelompok jabatan', { exact: true }).selectOption('fungsional');
    await page.getByLabel('Nama jabatan', { exact: true }).fill('Guru Ahli Pertama');
    // Provisions of Tanah Laut's published circular: A.1.a "ikut kampanye" is PP94-5N-1.
    await page.getByRole('checkbox', { name: /^A\.1\.a\b/ }).check();
    await page.getByText('Kode larangan dari ketentuan: PP94-5N-1').waitFor();
    await page.getByLabel('Sumber', { exact: true }).selectOption('bawaslu_finding');
    await page
      .getByLabel('Uraian kejadian', { exact: true })
      .fill('Ikut kampanye pasangan calon bupati di lapangan kecamatan.');
    await page.getByLabel('Ada pelapor yang dicatat', { exact: true }).check();
    await page.getByLabel('Kanal pelaporan', { exact: true }).selectOption('bawaslu');
    await page.getByLabel('Nama pelapor', { exact: true }).fill('Pelapor Rahasia E2E');
    expect(await h.axe(page)).toEqual([]);
    await h.screenshot(page, 'admin/case-new');

    await page.getByRole('button', { name: 'Simpan kasus' }).click();
    await page.waitForURL(/\/r\/63\.01\/cases\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop() as string;
    await page.getByRole('heading', { name: 'Rahmat Uji Peramban' }).waitFor();
    await page.getByText('DITERIMA').first().waitFor();
    // The admin sees the confidential reporter.
    await page.getByText('Pelapor Rahasia E2E').waitFor();

    await step(
      page,
      'Mulai verifikasi',
      (p) => p.getByLabel('Alasan / keterangan', { exact: true }).fill('Laporan memenuhi syarat formil'),
      'VERIFIKASI',
    );
    await step(
      page,
      'Catat rekomendasi',
      async (p) => {
        await p.getByLabel('Nomor rekomendasi', { exact: true }).fill('R-77/BKN/2024');
        await p.getByLabel('Tanggal rekomendasi', { exact: true }).fill('2024-10-20');
        await p.getByLabel('Sanksi yang direkomendasikan', { exact: true }).selectOption('SEDANG_TUKIN25_6');
        await p.getByText('Tingkat sanksi: Hukuman disiplin sedang').waitFor();
        await p.getByLabel('Alasan / keterangan', { exact: true }).fill('Rekomendasi BKN diterima');
      },
      'REKOMENDASI',
    );
    // A sanction without its decree number is refused per field; nothing typed is lost.
    await page.getByRole('button', { name: 'Jatuhkan sanksi', exact: true }).click();
    await page.getByLabel('Tanggal keputusan', { exact: true }).fill('2024-11-01');
    await page.getByLabel('Jenis sanksi', { exact: true }).selectOption('SEDANG_TUKIN25_6');
    await page.getByLabel('Alasan / keterangan', { exact: true }).fill('Keputusan PPK');
    await page.getByRole('button', { name: 'Simpan tindakan' }).click();
    await page.getByRole('alert').filter({ hasText: 'decreeNumber' }).waitFor();
    expect(await page.getByLabel('Tanggal keputusan', { exact: true }).inputValue()).toBe('2024-11-01');
    await page.getByLabel('Nomor keputusan', { exact: true }).fill('KEP-800/77/2024');
    await page.getByRole('button', { name: 'Simpan tindakan' }).click();
    await page.getByText('Tersimpan: status sekarang SANKSI_DIJATUHKAN.').waitFor();

    const timeline = page.locator('ol.timeline > li');
    await expect
      .poll(() => timeline.evaluateAll((items) => items.map((li) => li.getAttribute('data-verb'))))
      .toEqual(['register', 'startVerification', 'recommend', 'impose']);
    const timelineText = await page.locator('ol.timeline').textContent();
    expect(timelineText).toContain('R-77/BKN/2024');
    expect(timelineText).toContain('KEP-800/77/2024');
    expect(timelineText).toContain('Hukuman disiplin sedang');

    // Evidence: the server hashes the file; the page shows the hash, and the browser's agrees.
    const file = Buffer.from(`Tangkapan layar ${caseId}`);
    const sha = createHash('sha256').update(file).digest('hex');
    await page.getByLabel('Keterangan bukti', { exact: true }).fill('Foto kegiatan kampanye');
    await page
      .getByLabel('Berkas (paling besar 10 MB)', { exact: true })
      .setInputFiles({ name: 'foto-kampanye.txt', mimeType: 'text/plain', buffer: file });
    await page.getByRole('button', { name: 'Unggah bukti' }).click();
    await page.getByText(`SHA-256 dihitung server: ${sha}`).waitFor();
    await page.getByText('Cocok dengan SHA-256 yang dihitung peramban Anda.').waitFor();
    await page.locator('.evidence-list code', { hasText: sha }).waitFor();
    await page.getByRole('link', { name: 'Unduh foto-kampanye.txt' }).waitFor();

    expect(await h.axe(page)).toEqual([]);
    await h.screenshot(page, 'admin/case-detail');

    // The audit log records the registration, each transition and the evidence.
    const audit = await query<{ items: { action: string; entityId: string | null; after: { caseId?: string } }[] }>(
      page.request,
      'audit.list',
      { regencyId: TANAH_LAUT, limit: 50 },
    );
    const actions = audit.items
      .filter((e) => e.entityId === caseId || e.after?.caseId === caseId)
      .map((e) => e.action)
      .reverse();
    expect(actions).toEqual([
      'case.create',
      'case.transition.startVerification',
      'case.transition.recommend',
      'case.transition.impose',
      'case.evidence.add',
    ]);
  });

  it('filters the list, keeps the filters over a reload, and exports exactly the filtered rows', async () => {
    const page = await h.login('tanahlaut');
    await page.goto(`/r/${TANAH_LAUT}/cases`);
    await page.locator('main table tbody tr').first().waitFor();
    expect(await h.axe(page)).toEqual([]);
    await h.screenshot(page, 'admin/cases-list');

    await page.getByText('Status: Semua').click();
    await page.getByRole('checkbox', { name: 'VERIFIKASI' }).check();
    await page.getByRole('checkbox', { name: 'REKOMENDASI' }).check();
    await page.getByLabel('Kontestasi', { exact: true }).selectOption('PILKADA_2024');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/status=verifying&status=recommended&.*contest=PILKADA_2024/);
    const statusCells = page.locator('main table tbody tr td:nth-child(6)');
    await expect
      .poll(async () => (await statusCells.allTextContents()).every((s) => /VERIFIKASI|REKOMENDASI/.test(s)))
      .toBe(true);

    await page.reload();
    await page.locator('main table tbody tr').first().waitFor();
    await page.getByText('Status (2 dipilih)').click();
    expect(await page.getByRole('checkbox', { name: 'VERIFIKASI' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'REKOMENDASI' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Kontestasi', { exact: true }).inputValue()).toBe('PILKADA_2024');
    const shown = await statusCells.allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((s) => /VERIFIKASI|REKOMENDASI/.test(s))).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ekspor CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kasus-6301-\d{12}\.csv$/);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
    const meta = new Map(lines.slice(0, 6).map((l) => [l[0], l[1]]));
    expect(meta.get('Saringan')).toBe('Status: VERIFIKASI, REKOMENDASI; Kontestasi: PILKADA_2024');
    expect(meta.get('Data per')).toMatch(/\d{4}-\d{2}-\d{2}T/);
    const headerAt = lines.findIndex((l) => l[0] === 'ID Kasus');
    const header = lines[headerAt] as string[];
    const rows = lines
      .slice(headerAt + 1)
      .filter((l) => l.length > 1)
      .map((l) => Object.fromEntries(header.map((name, i) => [name, l[i] ?? ''])));
    expect(rows.length).toBeGreaterThan(0);
    expect(meta.get('Jumlah baris')).toBe(String(rows.length));
    for (const row of rows) {
      expect(['VERIFIKASI', 'REKOMENDASI']).toContain(row.Status);
      expect(row.Kontestasi).toBe('PILKADA_2024');
    }
    // Exactly the cases the API returns for the same filter.
    const expected = await listAll(page.request, {
      regencyId: TANAH_LAUT,
      status: ['verifying', 'recommended'],
      contest: 'PILKADA_2024',
    });
    expect(rows.map((r) => r['ID Kasus']).sort()).toEqual(expected.map((r) => r.id).sort());
    await page.getByText(`dibuat: ${rows.length} baris`).waitFor();
  });

  it("shows 'not found or no access' and nothing of a Bintan case to Tanah Laut", async () => {
    const { page: bintan } = await h.newPage();
    await bintan.goto('/');
    const login = await bintan.request.post('/trpc/auth.login', {
      headers: { 'content-type': 'application/json' },
      data: JSON.stringify({ username: 'bintan', password: 'netral-demo' }),
    });
    expect(login.status()).toBe(200);
    const bintanCase = (await query<ListPage>(bintan.request, 'cases.list', { regencyId: BINTAN })).rows[0];
    if (!bintanCase) throw new Error('the demo data has no Bintan case');

    const page = await h.login('tanahlaut');
    for (const regency of [BINTAN, TANAH_LAUT]) {
      await page.goto(`/r/${regency}/cases/${bintanCase.id}`);
      await page.getByRole('heading', { name: 'Tidak ditemukan atau tidak ada akses' }).waitFor();
      const content = (await page.locator('main').textContent()) ?? '';
      expect(content).not.toContain(bintanCase.subjectName);
      expect(await page.locator('ol.timeline').count()).toBe(0);
    }
  });

  it('shows what changed on the server when an edit is stale, and reapplies the edit', async () => {
    const page = await h.login('tanahlaut');
    const [first] = (await query<ListPage>(page.request, 'cases.list', { regencyId: TANAH_LAUT, status: ['received'] }))
      .rows;
    if (!first) throw new Error('no received case in the demo data');
    await page.goto(`/r/${TANAH_LAUT}/cases/${first.id}`);
    await page.getByRole('button', { name: 'Ubah data kasus' }).click();
    await page.getByLabel('Nama jabatan', { exact: true }).fill('Kepala Seksi Uji');

    // Meanwhile someone else edits the summary.
    const current = await query<{ version: number }>(page.request, 'cases.get', {
      regencyId: TANAH_LAUT,
      id: first.id,
    });
    await mutate(page.request, 'cases.update', {
      regencyId: TANAH_LAUT,
      id: first.id,
      version: current.version,
      patch: { summary: 'Diubah oleh petugas lain.' },
    });

    await page.getByRole('button', { name: 'Simpan perubahan' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Kasus ini telah diubah oleh orang lain' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Uraian kejadian:');
    expect(await conflict.textContent()).toContain('“Diubah oleh petugas lain.”');
    expect(await conflict.textContent()).toContain('Nama jabatan:');
    await page.getByRole('button', { name: 'Terapkan ulang perubahan saya' }).click();
    await page.getByText(`Perubahan tersimpan (versi ${current.version + 2}).`).waitFor();
    const after = await query<{ summary: string; subject: { positionTitle: string } }>(page.request, 'cases.get', {
      regencyId: TANAH_LAUT,
      id: first.id,
    });
    expect(after.summary).toBe('Diubah oleh petugas lain.');
    expect(after.subject.positionTitle).toBe('Kepala Seksi Uji');
  });

  it('imports the ready rows of a sheet and reports the bad one', async () => {
    const page = await h.login('tanahlaut');
    await page.goto(`/r/${TANAH_LAUT}/cases/import`);
    const csv = [
      'Rekap Bawaslu Kabupaten Tanah Laut',
      '',
      'No;Nama Terlapor;NIP;Jenis Kepegawaian;Kategori Jabatan;Unit Kerja;Kontestasi;Tanggal Kejadian;Sumber;Uraian Kejadian;Ketentuan',
      `1;Impor Peramban Satu;${NIP};PNS;Pelaksana;Dinas Pendidikan;Pilkada 2024;5/10/2024;Temuan Bawaslu;Hadir di kampanye;A.3`,
      '2;Impor Peramban Rusak;123;PNS;Pelaksana;Dinas Pendidikan;Pilkada 2024;5/10/2024;Temuan Bawaslu;Hadir di kampanye;A.3',
    ].join('\r\n');
    await page
      .getByLabel('Berkas CSV atau XLSX', { exact: true })
      .setInputFiles({ name: 'rekap.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('rekap.csv: judul kolom di baris 3; 1 baris siap diimpor, 1 baris bermasalah.').waitFor();
    await page.getByText('NIP harus 18 digit (tertulis 3)').waitFor();
    await page.getByRole('button', { name: 'Impor 1 baris yang siap' }).click();
    await page.getByText('1 kasus berhasil diimpor.').waitFor();
    const found = await query<ListPage>(page.request, 'cases.list', {
      regencyId: TANAH_LAUT,
      search: 'Impor Peramban',
    });
    expect(found.rows.map((r) => r.subjectName)).toEqual(['Impor Peramban Satu']);
  });
});
