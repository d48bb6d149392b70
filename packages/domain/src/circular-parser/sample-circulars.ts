/**
 * Invented circulars in styles the two real fixtures do not use, for the parser's tests and
 * benchmarks. Regency names and number shapes are realistic; the documents are not real.
 */

/** Letter format (Nomor/Sifat/Lampiran/Perihal), numbered Yth., decimal 2.1 obligations, a.n. signature with NIP. */
export const LETTER_DECIMAL = `PEMERINTAH KABUPATEN HULU SUNGAI TENGAH
SEKRETARIAT DAERAH
Jalan Murakata No. 1 Barabai 71312 Telepon (0517) 41018

                                    Barabai, 5 Okt 2023
Nomor    : 800.1.6/ 1234 /BKPSDM
Sifat    : Penting
Lampiran : -
Perihal  : Netralitas Pegawai ASN dan
           Non-ASN pada Pemilu 2024

Kepada
Yth. 1. Para Asisten Sekretaris Daerah;
     2. Kepala Perangkat Daerah;
     3. Camat se-Kabupaten Hulu Sungai Tengah;
di -
   Barabai

Menindaklanjuti Surat Edaran Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 1 Tahun 2023, dengan ini diminta kepada Saudara untuk:

1. Dasar:
   1.1 Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;
   1.2 Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil.
2. Kepala Perangkat Daerah wajib:
   2.1. Melakukan sosialisasi netralitas kepada seluruh pegawai di lingkungan masing-
        masing unit kerja;
   2.2. Melaksanakan pembinaan dan pengawasan secara berjenjang;
   2.3. Menandatangani pakta integritas netralitas ASN.
3. Melaporkan dugaan pelanggaran netralitas kepada Bupati melalui BKPSDM.
4. Pegawai ASN yang terbukti melanggar dikenakan sanksi sesuai ketentuan peraturan perundang-undangan.

Demikian untuk menjadi perhatian dan dilaksanakan.

a.n. BUPATI HULU SUNGAI TENGAH
SEKRETARIS DAERAH,

ttd

**Drs. H. MUHAMMAD YANI, M.Si**
Pembina Utama Madya (IV/d)
NIP. 19680512 199303 1 012

Tembusan:
1. Bupati Hulu Sungai Tengah;
2. Arsip.
`;

/** Governor's decree-like SE: A. DASAR with citations, 1) and a) levels, Ditetapkan di / pada tanggal. */
export const PROVINCE_DECREE = `GUBERNUR KALIMANTAN SELATAN

SURAT EDARAN GUBERNUR KALIMANTAN SELATAN
NOMOR 100.3.4.2/ 0045 /B.Pem.Kes/2024

TENTANG

NETRALITAS APARATUR SIPIL NEGARA, PEGAWAI PEMERINTAH NON PEGAWAI NEGERI,
DAN KEPALA DESA DALAM PEMILIHAN KEPALA DAERAH SERENTAK TAHUN 2024

Yth.
1. Bupati/Wali Kota se-Kalimantan Selatan;
2. Kepala Perangkat Daerah Provinsi Kalimantan Selatan.

Dalam rangka menjaga netralitas menjelang Pemilihan Kepala Daerah Serentak Tahun 2024, disampaikan hal-hal sebagai berikut:

A. DASAR
1. Undang-Undang Nomor 10 Tahun 2016 tentang Perubahan Kedua atas Undang-Undang Nomor 1 Tahun 2015;
2. Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil;
3. Keputusan Bersama Menteri PANRB, Menteri Dalam Negeri, Kepala BKN, Ketua KASN dan Ketua Bawaslu Nomor 2 Tahun 2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN.
B. KETENTUAN
1. Pegawai ASN, PPNPN dan kepala desa dilarang:
   1) melakukan pendekatan kepada partai politik sebagai bakal calon Gubernur dengan tidak dalam status cuti di luar tanggungan negara;
   2) menjadi anggota dan/atau pengurus partai politik;
   3) menjadi tim pemenangan bagi calon atau pasangan calon setelah penetapan peserta pemilihan;
   4) memposting pada media sosial foto bersama calon Bupati dengan memperagakan simbol keberpihakan.
2. Bupati/Wali Kota diminta untuk:
   a) melakukan pengawasan terhadap ASN di lingkungan pemerintah kabupaten/kota;
   b) menyampaikan laporan kepada Gubernur:
      1) setiap bulan; dan
      2) sewaktu-waktu apabila terdapat dugaan pelanggaran.
C. Menghimbau seluruh ASN untuk menggunakan hak pilihnya di tempat pemungutan suara.

Demikian Surat Edaran ini untuk dilaksanakan dengan penuh tanggung jawab.

Ditetapkan di Banjarbaru
pada tanggal 12 Agustus 2024

GUBERNUR KALIMANTAN SELATAN,

H. SAHBIRIN NOOR
`;

/** City SE listing the SKB kode etik forms (bakal calon) as a flat "* 1." list without sections. */
export const SKB_BAKAL_CALON = `# WALI KOTA BANJARMASIN

Banjarmasin, 2 Jan 2023

Yth. Kepala Perangkat Daerah
di Lingkungan Pemerintah Kota Banjarmasin
di -
Tempat

SURAT EDARAN
NOMOR 800/ 12 /BKD/2023
TENTANG
NETRALITAS PEGAWAI ASN PADA MASA PRA PENETAPAN BAKAL CALON

Sehubungan dengan tahapan Pemilihan Umum Tahun 2024, bentuk pelanggaran kode etik Pegawai ASN yang dilarang adalah sebagai berikut:

* 1. Memasang spanduk/baliho/alat peraga lainnya terkait bakal calon peserta Pemilu dan Pemilihan;
* 2. Sosialisasi/kampanye media sosial/online bakal calon Presiden/Wakil Presiden/DPR/DPD/DPRD/Gubernur/Wakil Gubernur/Bupati/Wakil Bupati/Wali Kota/Wakil Wali Kota;
* 3. Menghadiri deklarasi/kampanye pasangan bakal calon dan memberikan tindakan/dukungan secara aktif;
* 4. Membuat posting, comment, share, like, bergabung/follow dalam grup/akun pemenangan bakal calon;
* 5. Memposting pada media sosial/media lain yang dapat diakses publik, foto bersama dengan bakal calon, tim sukses dengan menunjukkan/memperagakan simbol keberpihakan;
* 6. Ikut dalam kegiatan kampanye/sosialisasi/pengenalan bakal calon/partai politik;
* 7. Mengikuti deklarasi/kampanye bagi suami/isteri calon dengan tidak dalam status cuti di luar tanggungan negara (CLTN).

Demikian disampaikan untuk dipedomani.

WALI KOTA BANJARMASIN,

IBNU SINA
`;

/** Two numbered lists in a row, the second introduced by an unnumbered paragraph, with a skipped number. */
export const TWO_LISTS = `SURAT EDARAN
Nomor: 5 Tahun 2024
Tentang: Netralitas ASN

Berkenaan dengan Pilkada 2024, disampaikan:

1. Pegawai ASN dilarang menjadi anggota partai politik.
2. Pegawai ASN dilarang menjadi narasumber dalam kegiatan partai politik, kecuali dalam rangka tugas kedinasan disertai surat tugas dari atasan.

Kepala Perangkat Daerah wajib melaksanakan hal-hal berikut:

1. Melakukan sosialisasi surat edaran ini.
2. Melaporkan pelanggaran kepada Bupati.
4. Membuat pakta integritas.
`;

/** Roman sections, (a) items, a wrapped "(2)" that is not an item, a pipe table, older EX-* wording. */
export const ROMAN_OLDER_LIST = `PEMERINTAH KOTA TANJUNGPINANG

SURAT EDARAN WALI KOTA TANJUNGPINANG
NOMOR : 270/ 88 -Huk

TENTANG

NETRALITAS ASN DAN PERANGKAT DESA

I. PENDAHULUAN
Netralitas merupakan asas bahwa setiap Pegawai ASN tidak berpihak dari segala bentuk pengaruh manapun dan tidak memihak kepada kepentingan siapapun.
II. LARANGAN
(a) menjadi narasumber dalam kegiatan partai politik;
(b) mendeklarasikan diri sebagai bakal calon kepala daerah tanpa cuti di luar tanggungan negara;
(c) ikut sebagai pelaksana kampanye sebelum dan sesudah kampanye sebagaimana diatur dalam Pasal 280 ayat
(2) huruf f Undang-Undang Nomor 7 Tahun 2017;
(d) berfoto bersama dengan mengikuti simbol tangan yang menunjukkan keberpihakan.
III. Pegawai ASN juga dilarang:

| No | Bentuk | Keterangan |
|----|--------|------------|
| 1 | Menggunakan fasilitas negara terkait jabatan dalam kegiatan kampanye | kendaraan dinas |

IV. SANKSI
Pegawai ASN yang terbukti melanggar dijatuhi hukuman disiplin sesuai Peraturan Pemerintah Nomor 94 Tahun 2021.

Tanjungpinang, 1 Desember 2023
Pj. WALI KOTA TANJUNGPINANG,

HASAN, S.Sos
Pembina Utama Muda (IV/c)
NIP 19720315 199203 1 004
`;

/**
 * Letter with "Hal", a blank day in the date, CRLF line ends and tabs, a "bentuk pelanggaran"
 * lead-in, sub-points under a coded act and an unnumbered sanction paragraph.
 */
export const LETTER_KODE_ETIK_CRLF = [
  'PEMERINTAH KABUPATEN KUTAI KARTANEGARA',
  'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA',
  '',
  'Nomor\t: B/800.8/ 77 /BKPSDM/2024',
  'Hal\t: Himbauan Netralitas ASN',
  '',
  'Tenggarong,    Mei 2024',
  '',
  'Kepada Yth.',
  'Kepala Perangkat Daerah, Camat dan Lurah',
  'se-Kabupaten Kutai Kartanegara',
  'di -',
  'Tenggarong',
  '',
  'Menjelang tahapan Pemilihan Bupati dan Wakil Bupati Tahun 2024, Saudara diminta memperhatikan bentuk pelanggaran kode etik berikut:',
  '',
  'a. Memasang spanduk/baliho/alat peraga lainnya terkait bakal calon peserta Pemilu dan Pemilihan;',
  'b. Memposting pada media sosial/media lain yang dapat diakses publik, foto bersama dengan:',
  '   1) bakal calon Bupati/Wakil Bupati;',
  '   2) tim sukses dengan menunjukkan/memperagakan simbol keberpihakan/memakai atribut partai politik;',
  '   3) alat peraga terkait partai politik/bakal calon.',
  'c. Melakukan pendekatan kepada partai politik sebagai bakal calon Bupati dengan tidak dalam status CLTN;',
  'd. Menjadi anggota partai politik.',
  '',
  'Bagi ASN yang melanggar ketentuan tersebut di atas dikenakan sanksi sesuai ketentuan peraturan perundang-undangan.',
  '',
  'Pj. BUPATI KUTAI KARTANEGARA,',
  '',
  'ttd',
  '',
  'AKMAL MALIK',
  'NIP. 19700113 199203 1 003',
  '',
  'Tembusan Yth.:',
  '1. Gubernur Kalimantan Timur;',
  '2. Ketua Bawaslu Kabupaten Kutai Kartanegara.',
].join('\r\n');

/** OCR-like flat list: no blank lines, wrapped items with random indentation, one-line title. */
export const FLAT_NO_BLANKS = `BUPATI  LOMBOK  TIMUR
Selong, 7 September 2023
SURAT EDARAN NOMOR 12 TAHUN 2023 TENTANG NETRALITAS ASN, NON ASN DAN
KEPALA DESA PADA PEMILU 2024
Dalam rangka menjaga netralitas Aparatur Sipil Negara pada Pemilu 2024,
dengan ini disampaikan hal-hal sebagai berikut:
1. Netralitas ASN merupakan asas bahwa setiap pegawai tidak berpihak dari
   segala bentuk pengaruh manapun;
2. ASN dilarang melakukan kegiatan yang mengarah kepada keberpihakan terhadap partai
politik atau calon atau pasangan calon yang menjadi peserta pemilu atau pemilihan sebelum,
selama, dan sesudah masa kampanye meliputi pertemuan, ajakan, himbauan, seruan, dan pemberian
   barang kepada ASN dalam lingkungan unit kerja, anggota dan masyarakat;
3. Kepala Desa dan perangkat desa diimbau untuk menjaga netralitas dan tidak
      terlibat dalam kampanye;
4. Pelanggaran terhadap ketentuan angka 2 dijatuhi hukuman disiplin berat.
Demikian untuk dilaksanakan.
BUPATI LOMBOK TIMUR,
H. M. SUKIMAN AZMY
`;
