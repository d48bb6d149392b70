import { describeE2e, type E2eHarness, startE2e } from '@netral/e2e';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

const UNIT = 'Dinas Komunikasi dan Informatika';
const SUB = 'UPT Layanan Pengadaan Secara Elektronik';
const THEIRS = 'Dinas Kominfo dan Persandian';
const MINE = 'Dinas Komunikasi, Informatika dan Statistik';

/** The row of the units table whose name cell is `name`. */
function unitRow(page: Page, name: string) {
  return page
    .getByRole('table', { name: 'Daftar unit kerja' })
    .getByRole('row')
    .filter({
      has: page.getByRole('rowheader', { name: new RegExp(`^(└ )?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }),
    });
}

describeE2e()('work units and the audit log', () => {
  let h: E2eHarness;
  beforeAll(async () => {
    h = await startE2e();
  });
  afterAll(() => h?.close());

  it('creates, edits (through a conflict), retires and deletes units; the audit log shows it all', async () => {
    const page = await h.login('tanahlaut', '/r/63.01/units');
    await page.getByRole('heading', { name: 'Unit Kerja', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Daftar unit kerja' }).waitFor();
    await h.screenshot(page, 'admin/units-list');
    expect(await h.axe(page)).toEqual([]);

    // Create: the server's messages show beside the fields, then a unit and a sub-unit.
    await page.getByRole('button', { name: 'Tambah unit kerja' }).click();
    const form = page.getByRole('region', { name: 'Unit kerja baru' });
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Nama unit kerja wajib diisi').waitFor();
    expect(await form.getByLabel('Nama unit kerja').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByText('Jenis unit kerja tidak dikenal').count()).toBe(1);
    await form.getByLabel('Nama unit kerja').fill(UNIT);
    await form.getByLabel('Jenis').selectOption({ label: 'Dinas' });
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(`Unit kerja "${UNIT}" ditambahkan.`).waitFor();
    await unitRow(page, UNIT).waitFor();

    await page.getByRole('button', { name: 'Tambah unit kerja' }).click();
    await form.getByLabel('Nama unit kerja').fill(SUB);
    await form.getByLabel('Jenis').selectOption({ label: 'Unit Pelaksana Teknis' });
    await form.getByLabel('Unit induk').selectOption({ label: UNIT });
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(`Unit kerja "${SUB}" ditambahkan.`).waitFor();
    expect(await unitRow(page, SUB).getByRole('cell').allTextContents()).toEqual(
      expect.arrayContaining(['Unit Pelaksana Teknis', UNIT, '0', 'Aktif']),
    );

    // A stale edit: the national admin renames the unit while this form is open.
    await page.getByRole('button', { name: `Ubah ${UNIT}` }).click();
    const edit = page.getByRole('region', { name: `Ubah unit kerja: ${UNIT}` });
    await edit.getByLabel('Nama unit kerja').fill(MINE);

    const other = await h.login('nasional', '/r/63.01/units');
    await other.getByRole('button', { name: `Ubah ${UNIT}` }).click();
    await other.getByLabel('Nama unit kerja').fill(THEIRS);
    await other.getByRole('button', { name: 'Simpan' }).click();
    await other.getByText(`Unit kerja "${THEIRS}" disimpan.`).waitFor();

    await edit.getByRole('button', { name: 'Simpan' }).click();
    const conflict = edit.getByRole('alert');
    await conflict.getByText('Data ini telah diubah oleh pengguna lain').waitFor();
    expect(
      await conflict
        .getByRole('row', { name: /Nama unit kerja/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual([THEIRS, MINE]);
    // What I typed is still in the form.
    expect(await edit.getByLabel('Nama unit kerja').inputValue()).toBe(MINE);
    await h.screenshot(page, 'admin/units-conflict');
    expect(await h.axe(page)).toEqual([]);
    await conflict.getByRole('button', { name: 'Simpan isian saya' }).click();
    await page.getByText(`Unit kerja "${MINE}" disimpan.`).waitFor();
    await unitRow(page, MINE).waitFor();
    expect(await unitRow(page, SUB).getByRole('cell').allTextContents()).toContain(MINE);

    // Retire the sub-unit: hidden by default, shown with the retired ones.
    await page.getByRole('button', { name: `Nonaktifkan ${SUB}` }).click();
    await page.getByText(`Unit kerja "${SUB}" dinonaktifkan.`).waitFor();
    await expect.poll(() => unitRow(page, SUB).count()).toBe(0);
    await page.getByLabel('Tampilkan unit nonaktif').check();
    expect((await unitRow(page, SUB).getByRole('cell').allTextContents()).join(' ')).toContain('Nonaktif sejak');

    // A unit that cases name cannot be deleted: the server says to retire it instead.
    const withCases = page
      .getByRole('table', { name: 'Daftar unit kerja' })
      .getByRole('row')
      .filter({ hasNot: page.getByRole('cell', { name: /^0$/ }) })
      .nth(1);
    const busyName = (await withCases.getByRole('rowheader').textContent())?.replace(/^└ /, '') ?? '';
    expect(Number((await withCases.getByRole('cell').nth(2).textContent()) ?? '0')).toBeGreaterThan(0);
    await withCases.getByRole('button', { name: `Hapus ${busyName}` }).click();
    await withCases.getByRole('button', { name: 'Ya, hapus' }).click();
    await page.getByText('Unit kerja ini dirujuk oleh kasus sehingga tidak dapat dihapus').waitFor();
    await unitRow(page, busyName).waitFor();

    // The sub-unit has no cases: it can be deleted.
    await page.getByRole('button', { name: `Hapus ${SUB}` }).click();
    await page.getByRole('button', { name: 'Ya, hapus' }).click();
    await page.getByText(`Unit kerja "${SUB}" dihapus.`).waitFor();
    await expect.poll(() => unitRow(page, SUB).count()).toBe(0);

    // The audit log: newest first, with who did it and what changed.
    await page.getByRole('link', { name: 'Log Audit' }).click();
    await page.getByRole('heading', { name: 'Log Audit', level: 1 }).waitFor();
    const log = page.getByRole('table', { name: 'Peristiwa audit, terbaru lebih dulu' });
    await log.waitFor();
    const actions = await log
      .locator(':scope > tbody > tr')
      .evaluateAll((rows) => rows.slice(0, 6).map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(['unit.delete', 'unit.retire', 'unit.update', 'unit.update', 'unit.create', 'unit.create']);
    const created = log.locator(':scope > tbody > tr[data-action="unit.create"]').last();
    expect(await created.textContent()).toContain('Menambah unit kerja');
    expect(await created.textContent()).toContain(UNIT);
    expect(await created.textContent()).toContain('tanahlaut');
    const theirEdit = log.locator(':scope > tbody > tr[data-action="unit.update"]').last();
    expect(await theirEdit.textContent()).toContain('nasional');
    await theirEdit.getByText(/Lihat \d+ perubahan/).click();
    expect(
      await theirEdit
        .getByRole('row', { name: /^Nama name / })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual([UNIT, THEIRS]);

    await page.getByRole('button', { name: 'Periksa rantai hash' }).click();
    await page.getByText(/Rantai hash utuh: \d+ peristiwa diperiksa/).waitFor();
    await h.screenshot(page, 'admin/audit-log');
    expect(await h.axe(page)).toEqual([]);
  });
});
