import { describeE2e, type E2eHarness, startE2e } from '@netral/e2e';
import { afterAll, beforeAll, expect, it } from 'vitest';

describeE2e()('signing in and out', () => {
  let h: E2eHarness;
  beforeAll(async () => {
    h = await startE2e();
  });
  afterAll(() => h?.close());

  it('keeps what was typed after a wrong password, then signs in to the regency of the user', async () => {
    const { page } = await h.newPage();
    await page.goto('/');
    await h.screenshot(page, 'admin/login');
    await page.getByLabel('Nama pengguna').fill('tanahlaut');
    await page.getByLabel('Kata sandi').fill('salah');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Nama pengguna atau kata sandi salah');
    expect(await page.getByLabel('Nama pengguna').inputValue()).toBe('tanahlaut');

    await page.getByLabel('Kata sandi').fill('netral-demo');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(/\/r\/63\.01\/cases/);
    expect(await page.getByRole('navigation', { name: 'Navigasi utama' }).textContent()).toContain('Surat Edaran');

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
  });

  it('shows the same "not found / no access" page for another regency', async () => {
    const page = await h.login('tanahlaut');
    await page.goto('/r/21.01/cases');
    await page.getByRole('heading', { name: 'Tidak ditemukan atau tidak ada akses' }).waitFor();
  });

  it('has no serious accessibility violations on the login page', async () => {
    const { page } = await h.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    expect(await h.axe(page)).toEqual([]);
  });
});
