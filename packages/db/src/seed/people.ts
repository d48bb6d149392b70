/**
 * Invented people for the demo cases: names, NIPs (valid per @netral/domain/nip), NIKs and
 * position titles. Nobody here is real.
 */
import type { EmploymentType, PositionClass, UnitKind } from '@netral/domain/model';
import type { Random } from './random';

const maleNames = [
  'Ahmad',
  'Muhammad',
  'Rahmat',
  'Budi',
  'Agus',
  'Hendra',
  'Rudi',
  'Syahrani',
  'Fajar',
  'Irwan',
  'Joko',
  'Andi',
  'Hasanuddin',
  'Yusuf',
  'Bambang',
  'Dedi',
  'Eko',
  'Gusti',
  'Taufik',
  'Ridwan',
  'Wahyu',
  'Arif',
  'Hamdani',
  'Zulkifli',
  'Sofyan',
  'Made',
  'Nyoman',
  'Rizal',
  'Samsul',
  'Teguh',
];
const femaleNames = [
  'Siti',
  'Nur',
  'Dewi',
  'Rina',
  'Fitri',
  'Lestari',
  'Rahmawati',
  'Aisyah',
  'Wulan',
  'Yuliana',
  'Hj. Aminah',
  'Kartika',
  'Sri',
  'Ratna',
  'Nurul',
  'Erna',
  'Maya',
  'Indah',
  'Putu',
  'Fatimah',
  'Novita',
  'Sari',
  'Mega',
  'Zainab',
  'Halimah',
  'Ayu',
  'Dian',
  'Ika',
  'Lina',
  'Rosmini',
];
const familyNames = [
  'Saputra',
  'Hidayat',
  'Santoso',
  'Rahman',
  'Hakim',
  'Pratama',
  'Wijaya',
  'Kurniawan',
  'Setiawan',
  'Hasibuan',
  'Nasution',
  'Siregar',
  'Mahmud',
  'Noor',
  'Arsyad',
  'Syarifuddin',
  'Sulaiman',
  'Wibowo',
  'Gunawan',
  'Lubis',
  'Daeng',
  'Putri',
  'Anggraini',
  'Handayani',
  'Maulana',
  'Fauzi',
  'Kusuma',
  'Susanto',
  'Ramadhan',
  'Permana',
];

export type Gender = 'male' | 'female';

/** A plausible Indonesian name. */
export function personName(random: Random, gender: Gender): string {
  const first = random.pick(gender === 'male' ? maleNames : femaleNames);
  return random.chance(0.15) ? first : `${first} ${random.pick(familyNames)}`;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * An 18-digit NIP `YYYYMMDD YYYYMM G NNN` that parseNip accepts: a real birth date, appointment
 * at 20–33 years of age and not after `latestYear`, gender digit, sequence 001–999.
 */
export function makeNip(random: Random, gender: Gender, birthYears: [number, number], latestYear: number): string {
  const birthYear = random.int(birthYears[0], birthYears[1]);
  const birthMonth = random.int(1, 12);
  const birthDay = random.int(1, 28);
  const appointmentYear = Math.min(latestYear, birthYear + random.int(20, 33));
  // TMT CPNS falls mostly on the first of January or March (the usual intake months).
  const appointmentMonth = random.pick([1, 1, 3, 3, 2, 4, 12]);
  return (
    `${birthYear}${pad(birthMonth, 2)}${pad(birthDay, 2)}` +
    `${appointmentYear}${pad(appointmentMonth, 2)}${gender === 'male' ? 1 : 2}${pad(random.int(1, 999), 3)}`
  );
}

/** A 16-digit NIK: regency code, district, birth date (day + 40 for women), sequence. */
export function makeNik(random: Random, regencyId: string, gender: Gender): string {
  const day = random.int(1, 28) + (gender === 'female' ? 40 : 0);
  return `${regencyId.replace('.', '')}${pad(random.int(1, 12), 2)}${pad(day, 2)}${pad(random.int(1, 12), 2)}${pad(random.int(60, 99), 2)}${pad(random.int(1, 9999), 4)}`;
}

/** A position and the kinds of unit it is found in (empty: any unit except kecamatan/kelurahan). */
interface Position {
  title: string;
  units: readonly UnitKind[];
}

const positions: Readonly<Record<PositionClass, readonly Position[]>> = {
  jpt: [
    { title: 'Sekretaris Daerah', units: ['sekretariat_daerah'] },
    { title: 'Asisten Pemerintahan dan Kesejahteraan Rakyat', units: ['sekretariat_daerah'] },
    { title: 'Staf Ahli Bupati/Wali Kota', units: ['sekretariat_daerah'] },
    { title: 'Kepala Dinas', units: ['dinas'] },
    { title: 'Kepala Badan', units: ['badan'] },
    { title: 'Inspektur', units: ['inspektorat'] },
    { title: 'Sekretaris DPRD', units: ['sekretariat_dprd'] },
    { title: 'Kepala Satuan Polisi Pamong Praja', units: ['satpol_pp'] },
    { title: 'Direktur RSUD', units: ['rsud'] },
  ],
  administrator: [
    { title: 'Sekretaris Dinas', units: ['dinas'] },
    { title: 'Kepala Bidang', units: ['dinas', 'badan'] },
    { title: 'Kepala Bagian', units: ['sekretariat_daerah', 'sekretariat_dprd'] },
    { title: 'Sekretaris Camat', units: ['kecamatan'] },
  ],
  pengawas: [
    { title: 'Kepala Seksi', units: ['dinas', 'kecamatan', 'satpol_pp'] },
    { title: 'Kepala Subbagian Umum dan Kepegawaian', units: ['dinas', 'badan', 'sekretariat_daerah', 'rsud'] },
    { title: 'Kepala Sekolah', units: ['sekolah', 'dinas'] },
  ],
  fungsional: [
    { title: 'Guru', units: ['sekolah', 'dinas'] },
    { title: 'Guru Ahli Pertama', units: ['sekolah', 'dinas'] },
    { title: 'Dokter', units: ['rsud', 'puskesmas', 'dinas'] },
    { title: 'Perawat Terampil', units: ['rsud', 'puskesmas'] },
    { title: 'Bidan', units: ['puskesmas', 'rsud', 'dinas'] },
    { title: 'Auditor Ahli Muda', units: ['inspektorat'] },
    { title: 'Penyuluh Pertanian', units: ['dinas'] },
    { title: 'Analis Kebijakan', units: ['badan', 'sekretariat_daerah'] },
  ],
  pelaksana: [
    { title: 'Pengadministrasi Umum', units: [] },
    { title: 'Pengelola Keuangan', units: [] },
    { title: 'Operator Layanan Operasional', units: [] },
    { title: 'Pengolah Data dan Informasi', units: [] },
  ],
  kepala_wilayah: [
    { title: 'Camat', units: ['kecamatan'] },
    { title: 'Lurah', units: ['kelurahan', 'kecamatan'] },
  ],
  non_asn: [
    { title: 'Tenaga Honorer', units: [] },
    { title: 'Tenaga Harian Lepas', units: [] },
  ],
};

const villagePositions = ['Kepala Desa', 'Sekretaris Desa', 'Kepala Dusun'];

/** The position a subject holds and the unit kinds that fit it. */
export function pickPosition(
  random: Random,
  positionClass: PositionClass,
  employment: EmploymentType,
): { title: string; units: readonly UnitKind[] } {
  if (employment === 'KADES_PERANGKAT_DESA') {
    // Village officials belong to no regency unit; the case sits with their kecamatan.
    return { title: random.pick(villagePositions), units: ['kecamatan'] };
  }
  return random.pick(positions[positionClass]);
}
