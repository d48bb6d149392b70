import { describeE2e, type E2eHarness, startE2e } from '@netral/e2e';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

const USERNAME = 'satgas.pelaihari';
const PASSWORD = 'rahasia-satgas-2024';

function userRow(page: Page, username: string) {
  return page
    .getByRole('table', { name: 'Daftar pengguna' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${username.replace('.', '\\.')}\\b`) }) });
}

describeE2e()('users of a regency', () => {
  let h: E2eHarness;
  beforeAll(async () => {
    h = await startE2e();
  });
  afterAll(() => h?.close());

  it('creates a user (keeping what was typed after a refusal), grants a role, disables the account', async () => {
    const page = await h.login('tanahlaut', '/r/63.01/users');
    await page.getByRole('heading', { name: 'Pengguna', level: 1 }).waitFor();
    await userRow(page, 'operator.tanahlaut').waitFor();
    expect(await userRow(page, 'tanahlaut').getByRole('rowheader').textContent()).toContain('(Anda)');
    // One cannot disable oneself: no button for it.
    expect(
      await userRow(page, 'tanahlaut')
        .getByRole('button', { name: /Nonaktifkan/ })
        .count(),
    ).toBe(0);
    await h.screenshot(page, 'admin/users-list');
    expect(await h.axe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const form = page.getByRole('region', { name: 'Pengguna baru' });
    await form.getByLabel('Nama pengguna').fill(USERNAME);
    await form.getByLabel('Nama lengkap').fill('Rina Wulandari');
    await form.getByLabel('Kata sandi awal').fill('pendek');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Kata sandi paling sedikit 10 karakter').waitFor();
    expect(await form.getByLabel('Kata sandi awal').getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Nama pengguna').inputValue()).toBe(USERNAME);
    expect(await form.getByLabel('Nama lengkap').inputValue()).toBe('Rina Wulandari');
    await h.screenshot(page, 'admin/users-form-error');
    expect(await h.axe(page)).toEqual([]);

    await form.getByLabel('Kata sandi awal').fill(PASSWORD);
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(`Pengguna "${USERNAME}" dibuat.`).waitFor();
    expect((await userRow(page, USERNAME).getByRole('cell').allTextContents()).join(' ')).toContain(
      'Petugas kabupaten/kota',
    );

    // The new user can sign in, and sees the regency as an officer.
    const { page: officer } = await h.newPage();
    await officer.goto('/r/63.01/cases');
    await officer.getByLabel('Nama pengguna').fill(USERNAME);
    await officer.getByLabel('Kata sandi').fill(PASSWORD);
    await officer.getByRole('button', { name: 'Masuk' }).click();
    await officer.getByRole('button', { name: 'Keluar' }).waitFor();
    expect(await officer.getByRole('navigation', { name: 'Navigasi utama' }).textContent()).not.toContain('Pengguna');

    // Make them an administrator as well.
    await page.getByRole('button', { name: `Ubah ${USERNAME}` }).click();
    const edit = page.getByRole('region', { name: `Ubah pengguna: ${USERNAME}` });
    await edit.getByLabel('Admin kabupaten/kota').check();
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText(`Pengguna "${USERNAME}" disimpan.`).waitFor();
    const roles = (await userRow(page, USERNAME).getByRole('cell').allTextContents()).join(' ');
    expect(roles).toContain('Admin kabupaten/kota');
    expect(roles).toContain('Petugas kabupaten/kota');

    // Disable: the account is marked, and its session ends.
    await page.getByRole('button', { name: `Nonaktifkan ${USERNAME}` }).click();
    await page.getByText(`Pengguna "${USERNAME}" dinonaktifkan; sesinya diakhiri.`).waitFor();
    expect((await userRow(page, USERNAME).getByRole('cell').allTextContents()).join(' ')).toContain('Nonaktif sejak');
    await officer.reload();
    await officer.getByRole('button', { name: 'Masuk' }).waitFor();

    // The audit log of the regency names the user changes.
    await page.getByRole('link', { name: 'Log Audit' }).click();
    const log = page.getByRole('table', { name: 'Peristiwa audit, terbaru lebih dulu' });
    await log.waitFor();
    const actions = await log
      .locator(':scope > tbody > tr')
      .evaluateAll((rows) => rows.slice(0, 3).map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(['user.disable', 'user.update', 'user.create']);
  });
});
