import { describeE2e, type E2eHarness, startE2e } from '@netral/e2e';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

/** A small circular as a BKPSDM would type it: a "dilarang" list a.–e. and one obligation. */
const CIRCULAR_TEXT = `BUPATI TANAH LAUT
PROVINSI KALIMANTAN SELATAN

Pelaihari, 2 September 2024

SURAT EDARAN
NOMOR 800.1.6/0915/BKPSDM/2024

TENTANG
NETRALITAS PEGAWAI APARATUR SIPIL NEGARA DALAM PEMILIHAN GUBERNUR DAN BUPATI TAHUN 2024

Dalam rangka menjaga netralitas Pegawai Aparatur Sipil Negara pada Pemilihan Serentak Tahun 2024, dengan ini disampaikan hal-hal sebagai berikut:

A. Pegawai ASN di Lingkungan Pemerintah Kabupaten Tanah Laut dilarang:
a. ikut kampanye;
b. menjadi peserta kampanye dengan menggunakan atribut partai atau atribut PNS;
c. sebagai peserta kampanye dengan menggunakan fasilitas negara;
d. memasang spanduk atau baliho calon Bupati di kantor;
e. mengunggah foto bersama calon Bupati di media sosial.
B. Kepala Perangkat Daerah wajib melakukan pembinaan dan pengawasan netralitas pegawai di lingkungan kerjanya.

Demikian Surat Edaran ini untuk dilaksanakan dengan penuh tanggung jawab.

BUPATI TANAH LAUT,

H. SUKAMTA
`;
const NUMBER = '800.1.6/0915/BKPSDM/2024';

/** The chips of one provision of the editor, as their accessible names start ("PP94-5N-1", …). */
async function chipsOf(page: Page, path: string): Promise<string[]> {
  const group = page.getByRole('group', { name: `Ketentuan ${path}`, exact: true });
  const items = await group.getByRole('list', { name: 'Kode larangan' }).getByRole('listitem').allTextContents();
  return items.map((s) => s.replace('×', '').trim());
}

describeE2e()('circulars', () => {
  let h: E2eHarness;
  beforeAll(async () => {
    h = await startE2e();
  });
  afterAll(() => h?.close());

  it('imports a circular from a text file, corrects a code, keeps everything through a reload and a failed save, publishes it', async () => {
    const page = await h.login('tanahlaut', '/r/63.01/circulars');
    await page.getByRole('heading', { name: 'Surat Edaran', level: 1 }).waitFor();
    await page.getByRole('link', { name: '863/0321/BKPSDM/2023' }).waitFor();
    await h.screenshot(page, 'admin/circulars-list');
    expect(await h.axe(page)).toEqual([]);

    await page.getByRole('link', { name: 'Impor surat edaran' }).click();
    await page.waitForURL(/\/r\/63\.01\/circulars\/import$/);
    await page.getByRole('heading', { name: '1. Teks sumber' }).waitFor();
    expect(await h.axe(page)).toEqual([]);

    // Upload the text as a .md file: it lands in the text box, where it could still be edited.
    await page.getByLabel('Unggah berkas teks (.txt, .md)').setInputFiles({
      name: 'se-0915-2024.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(CIRCULAR_TEXT, 'utf8'),
    });
    await expect.poll(() => page.getByLabel('Teks surat edaran').inputValue()).toBe(CIRCULAR_TEXT);
    await page.getByRole('button', { name: 'Baca teks' }).click();

    await page.getByRole('heading', { name: '2. Periksa dan perbaiki' }).waitFor();
    // The parser's metadata, its note about the missing "Yth." block, and its proposed codes.
    expect(await page.getByLabel('Nomor', { exact: true }).inputValue()).toBe(NUMBER);
    expect(await page.getByLabel('Tanggal', { exact: true }).inputValue()).toBe('2024-09-02');
    expect(await page.getByText('Alamat tujuan (Yth.) tidak ditemukan.').count()).toBe(1);
    expect(await chipsOf(page, 'A.a')).toEqual(['PP94-5N-1']);
    expect(await chipsOf(page, 'A.b')).toEqual(['PP94-5N-2']);
    expect(await chipsOf(page, 'A.c')).toEqual(['PP94-5N-4']);
    expect(await chipsOf(page, 'A.e')).toEqual(['DS-07']);

    // Correct A.e: a photo with a candidate is sub-point a of DS-07.
    const e = page.getByRole('group', { name: 'Ketentuan A.e', exact: true });
    await e.getByRole('button', { name: 'Hapus kode DS-07' }).click();
    await e.getByRole('button', { name: 'Pilih kode' }).click();
    await e.getByRole('searchbox', { name: 'Saring kode atau kata' }).fill('DS-07');
    await e.getByRole('checkbox', { name: /^DS-07a\b/ }).check();
    expect(await chipsOf(page, 'A.e')).toEqual(['DS-07a']);
    await h.screenshot(page, 'admin/circulars-import-review');
    expect(await h.axe(page)).toEqual([]);

    // A reload keeps the wizard where it was, with the correction.
    await page.reload();
    await page.getByRole('heading', { name: '2. Periksa dan perbaiki' }).waitFor();
    expect(await chipsOf(page, 'A.e')).toEqual(['DS-07a']);

    // A failed save (no title) shows the server's message beside the field and loses nothing.
    const title = page.getByLabel('Judul (tentang)');
    const parsedTitle = await title.inputValue();
    expect(parsedTitle).toContain('NETRALITAS PEGAWAI APARATUR SIPIL NEGARA');
    await title.fill('');
    await page.getByRole('button', { name: 'Simpan sebagai konsep' }).click();
    await page.getByText('Judul (tentang) wajib diisi').waitFor();
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('Konsep belum tersimpan').count()).toBe(1);
    expect(await chipsOf(page, 'A.e')).toEqual(['DS-07a']);

    await title.fill(parsedTitle);
    await page.getByRole('button', { name: 'Simpan sebagai konsep' }).click();
    await page.getByRole('heading', { name: '3. Terbitkan' }).waitFor();
    expect(await page.getByText('Konsep tersimpan (versi 1).').count()).toBe(1);
    await h.screenshot(page, 'admin/circulars-import-saved');
    await page.getByRole('button', { name: 'Terbitkan' }).click();

    // The published circular: metadata, provision tree with the corrected code, source beside it.
    await page.waitForURL(/\/r\/63\.01\/circulars\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: `SE ${NUMBER}` }).waitFor();
    const tree = page.getByRole('table', { name: 'Ketentuan' });
    await tree.waitFor();
    const row = (path: string) =>
      tree.getByRole('row').filter({ has: page.getByRole('rowheader', { name: path, exact: true }) });
    expect(await row('A.e').textContent()).toContain('DS-07a');
    expect(await row('A.e').textContent()).not.toContain('DS-07 ');
    expect(await row('A.a').textContent()).toContain('PP94-5N-1');
    expect(await row('B').textContent()).toContain('Kewajiban');
    expect(await tree.getByRole('row').count()).toBe(1 + 7);
    // The code's wording is on the chip (title) for sighted users and in the text for screen readers.
    expect(await row('A.a').locator('.code-chip').getAttribute('title')).toBe('ikut kampanye');
    expect(await page.getByRole('region', { name: 'Teks sumber' }).textContent()).toContain('H. SUKAMTA');
    expect(await page.getByRole('button', { name: 'Buat versi baru' }).count()).toBe(1);
    await h.screenshot(page, 'admin/circulars-detail');
    expect(await h.axe(page)).toEqual([]);

    // The list shows it as published with its seven provisions; the search finds it.
    await page.getByRole('link', { name: '← Kembali ke daftar' }).click();
    await page.getByLabel('Cari nomor atau judul').fill('0915');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/q=0915/);
    const listed = page.getByRole('table', { name: 'Daftar surat edaran' }).getByRole('row');
    await expect.poll(() => listed.count()).toBe(2);
    const cells = await listed.nth(1).getByRole('cell').allTextContents();
    expect(cells[0]).toBe(NUMBER);
    expect(cells).toContain('Berlaku');
    expect(cells.at(-1)).toBe('7');
  });

  it('starts a new version of the published circular, adds a provision, publishes it over the old one, then revokes it', async () => {
    const page = await h.login('tanahlaut', '/r/63.01/circulars?q=0915');
    await page.getByRole('link', { name: NUMBER }).click();
    await page.getByRole('button', { name: 'Buat versi baru' }).click();
    await page.waitForURL(/\/circulars\/[0-9a-f-]{36}\/edit$/);
    await page.getByRole('heading', { name: 'Ubah konsep surat edaran' }).waitFor();
    expect(await chipsOf(page, 'A.e')).toEqual(['DS-07a']);

    await page.getByRole('button', { name: 'Tambah ketentuan' }).click();
    const added = page.getByRole('group', { name: 'Ketentuan (baru)' });
    await added.getByLabel('Path').fill('A.f');
    const f = page.getByRole('group', { name: 'Ketentuan A.f', exact: true });
    await f.getByLabel('Jenis').selectOption({ label: 'Larangan' });
    await f.getByLabel('Teks').fill('menjadi anggota dan/atau pengurus partai politik.');
    await f.getByRole('button', { name: 'Pilih kode' }).click();
    await f.getByRole('checkbox', { name: /^DS-05\b/ }).check();
    await h.screenshot(page, 'admin/circulars-edit');
    expect(await h.axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Simpan sebagai konsep' }).click();

    // The new version is a draft that names the one it supersedes.
    await page.waitForURL(/\/circulars\/[0-9a-f-]{36}$/);
    await page.getByText('Konsep', { exact: true }).first().waitFor();
    const supersedes = page.getByRole('link', { name: new RegExp(`^SE ${NUMBER.replace(/\./g, '\\.')} \\(Versi`) });
    await supersedes.waitFor();
    await page.getByRole('button', { name: 'Terbitkan' }).click();
    await page.getByText('Surat edaran telah diterbitkan.').waitFor();
    const tree = page.getByRole('table', { name: 'Ketentuan' });
    await expect.poll(() => tree.getByRole('row').count()).toBe(1 + 8);
    expect(await tree.getByRole('row').filter({ hasText: 'partai politik' }).textContent()).toContain('DS-05');
    const newUrl = page.url();

    await supersedes.click();
    await page.getByText('Diganti', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Buat versi baru' }).count()).toBe(0);

    await page.goto(newUrl);
    await page.getByRole('button', { name: 'Cabut' }).click();
    await page.getByLabel('Alasan pencabutan').fill('Diganti surat edaran Pj. Bupati.');
    await page.getByRole('button', { name: 'Ya, cabut surat edaran ini' }).click();
    await page.getByText('Surat edaran telah dicabut.').waitFor();
    await page.getByText('Dicabut', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Cabut' }).count()).toBe(0);
  });

  it("compares Tanah Laut's and Bintan's circulars: codes covered by both, by one, by neither", async () => {
    const page = await h.login('nasional', '/r/63.01/circulars/compare');
    await page.getByRole('heading', { name: 'Bandingkan surat edaran' }).waitFor();
    const choose = async (side: 'A' | 'B', text: string) => {
      const select = page.getByLabel(`Surat edaran ${side}`);
      const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
      await select.selectOption(value ?? '');
    };
    await choose('A', '863/0321/BKPSDM/2023');
    await choose('B', '13/2023');
    await page.waitForURL(/a=.*b=/);
    const coverage = page.getByRole('table', { name: /Kode larangan nasional/ });
    await coverage.waitFor();
    const code = (c: string) =>
      coverage.getByRole('row').filter({ has: page.getByRole('rowheader', { name: c, exact: true }) });
    const pp7 = await code('PP94-5N-7').getByRole('cell').allTextContents();
    expect(pp7.slice(-3)).toEqual(['A.4', 'tidak ada', 'Hanya A']);
    expect((await code('PP94-5N-1').getByRole('cell').allTextContents()).slice(-3)).toEqual([
      'A.1.a',
      'A.1.a',
      'Keduanya',
    ]);
    expect((await code('DS-11').getByRole('cell').allTextContents()).slice(-1)).toEqual(['Tidak keduanya']);
    expect(await page.getByRole('definition').first().textContent()).toBe('6');
    await h.screenshot(page, 'admin/circulars-compare');
    expect(await h.axe(page)).toEqual([]);

    // Only the differences: one code, covered by A alone.
    await page.getByLabel('Tampilkan hanya kode yang dicakup salah satu').check();
    await expect.poll(() => coverage.getByRole('row').count()).toBe(2);
  });
});
