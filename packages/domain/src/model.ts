/**
 * The domain model of Netral as zod schemas with their inferred types.
 * Every boundary (API input, parser output, seed data) validates with these.
 *
 * Messages are "Indonesian / English" so one string serves both UI languages; the NIP checks
 * also carry a code and both texts in `params` (see nip.ts).
 */
import { z } from 'zod';
import { isoDateSchema } from './calendar';
import type { LocalizedText } from './errors';
import { nipSchema, parseNip } from './nip';
import { contestCodeSchema, raceSchema } from './phases';
import {
  prohibitionCodeSchema,
  type SanctionType,
  sanctionLevelOf,
  sanctionLevelSchema,
  sanctionTypeSchema,
  sanctionTypes,
} from './taxonomy';

/** One message in both UI languages. */
const msg = (id: string, en: string) => `${id} / ${en}`;

/** A required, trimmed, non-empty text field. */
function requiredText(id: string, en: string, max = 500) {
  const missing = msg(`${id} wajib diisi`, `${en} is required`);
  return z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: msg(`${id} paling banyak ${max} karakter`, `${en} must be at most ${max} characters`) });
}

/** An optional free text: absent, null or blank all mean "not given" and become null. */
function optionalText(id: string, en: string, max = 500) {
  return z
    .string({ error: msg(`${id} harus berupa teks`, `${en} must be text`) })
    .trim()
    .max(max, { error: msg(`${id} paling banyak ${max} karakter`, `${en} must be at most ${max} characters`) })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null);
}

/** A long text (source text, opening, closing) that may be empty. */
function longText(id: string, en: string) {
  return z.string({ error: msg(`${id} harus berupa teks`, `${en} must be text`) }).default('');
}

/** The message when a nested record is missing or not an object. */
function objectError(id: string, en: string) {
  return { error: msg(`${id} wajib diisi`, `${en} is required`) };
}

/** An array with a readable message when it is not one. */
function list<T extends z.ZodType>(item: T, id: string, en: string) {
  return z.array(item, { error: msg(`${id} harus berupa daftar`, `${en} must be a list`) });
}

function hasDuplicates(values: readonly string[]): boolean {
  return new Set(values).size !== values.length;
}

// ---------------------------------------------------------------------------------------------
// Enums kept from the first version of this file
// ---------------------------------------------------------------------------------------------

/** Peran pengguna. */
export const roleSchema = z.enum(['national_admin', 'regency_admin', 'regency_officer', 'analyst'], {
  error: msg('Peran tidak dikenal', 'Unknown role'),
});
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, LocalizedText> = {
  national_admin: { id: 'Admin nasional', en: 'National administrator' },
  regency_admin: { id: 'Admin kabupaten/kota', en: 'Regency administrator' },
  regency_officer: { id: 'Petugas kabupaten/kota', en: 'Regency officer' },
  analyst: { id: 'Analis', en: 'Analyst' },
};

/** Jenis ketentuan: what a provision of a circular does. */
export const provisionKindSchema = z.enum(['prohibition', 'obligation', 'appeal', 'basis', 'sanction', 'other'], {
  error: msg('Jenis ketentuan tidak dikenal', 'Unknown provision kind'),
});
export type ProvisionKind = z.infer<typeof provisionKindSchema>;

export const provisionKindLabels: Record<ProvisionKind, LocalizedText> = {
  prohibition: { id: 'Larangan', en: 'Prohibition' },
  obligation: { id: 'Kewajiban', en: 'Obligation' },
  appeal: { id: 'Imbauan', en: 'Appeal' },
  basis: { id: 'Dasar hukum', en: 'Legal basis' },
  sanction: { id: 'Sanksi', en: 'Sanction' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** Who a circular applies to: ASN only, also Non-ASN (PPNPN/honorer), also village officials. */
export const circularScopeSchema = z.enum(['ASN', 'NON_ASN', 'VILLAGE_OFFICIALS'], {
  error: msg('Cakupan surat edaran tidak dikenal', 'Unknown circular scope'),
});
export type CircularScope = z.infer<typeof circularScopeSchema>;

export const circularScopeLabels: Record<CircularScope, LocalizedText> = {
  ASN: { id: 'ASN', en: 'Civil servants (ASN)' },
  NON_ASN: { id: 'Non-ASN (PPNPN)', en: 'Non-ASN staff (PPNPN)' },
  VILLAGE_OFFICIALS: { id: 'Kepala desa dan perangkat desa', en: 'Village heads and officials' },
};

/** Jenis kepegawaian of a case's subject. */
export const employmentTypeSchema = z.enum(['PNS', 'PPPK', 'PPNPN', 'KADES_PERANGKAT_DESA'], {
  error: msg('Jenis kepegawaian tidak dikenal', 'Unknown employment type'),
});
export type EmploymentType = z.infer<typeof employmentTypeSchema>;

export const employmentTypeLabels: Record<EmploymentType, LocalizedText> = {
  PNS: { id: 'PNS', en: 'Civil servant (PNS)' },
  PPPK: { id: 'PPPK', en: 'Contract civil servant (PPPK)' },
  PPNPN: { id: 'Non-ASN (PPNPN/honorer)', en: 'Non-ASN staff (PPNPN)' },
  KADES_PERANGKAT_DESA: { id: 'Kepala desa/perangkat desa', en: 'Village head or official' },
};

/** Kelompok jabatan; `kepala_wilayah` (camat/lurah) is reported apart in the statistics. */
export const positionClassSchema = z.enum(
  ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana', 'kepala_wilayah', 'non_asn'],
  { error: msg('Kelompok jabatan tidak dikenal', 'Unknown position class') },
);
export type PositionClass = z.infer<typeof positionClassSchema>;

export const positionClassLabels: Record<PositionClass, LocalizedText> = {
  jpt: { id: 'Jabatan Pimpinan Tinggi (JPT)', en: 'Senior executive (JPT)' },
  administrator: { id: 'Jabatan administrator', en: 'Administrator' },
  pengawas: { id: 'Jabatan pengawas', en: 'Supervisor' },
  fungsional: { id: 'Jabatan fungsional', en: 'Functional (professional)' },
  pelaksana: { id: 'Jabatan pelaksana', en: 'Staff' },
  kepala_wilayah: { id: 'Kepala wilayah (camat/lurah)', en: 'Area head (camat/lurah)' },
  non_asn: { id: 'Non-ASN', en: 'Non-ASN' },
};

/** Sumber laporan: where a case came from. */
export const caseSourceSchema = z.enum(
  ['bawaslu_finding', 'bawaslu_recommendation', 'public_report', 'internal_finding', 'kasn_bkn'],
  { error: msg('Sumber kasus tidak dikenal', 'Unknown case source') },
);
export type CaseSource = z.infer<typeof caseSourceSchema>;

export const caseSourceLabels: Record<CaseSource, LocalizedText> = {
  bawaslu_finding: { id: 'Temuan Bawaslu', en: 'Bawaslu finding' },
  bawaslu_recommendation: { id: 'Rekomendasi Bawaslu', en: 'Bawaslu recommendation' },
  public_report: { id: 'Laporan masyarakat', en: 'Public report' },
  internal_finding: { id: 'Temuan internal', en: 'Internal finding' },
  kasn_bkn: { id: 'Rekomendasi KASN/BKN', en: 'KASN/BKN recommendation' },
};

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

/**
 * A timestamp in ISO 8601 with a time zone (`2024-11-27T08:00:00Z`, `…+07:00`).
 *
 * @example isoDateTimeSchema.parse('2024-11-27T08:00:00+07:00')
 */
export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: msg('Waktu harus berformat ISO 8601 dengan zona waktu', 'Timestamp must be ISO 8601 with a time zone'),
});

/** An opaque record id (the database decides its shape). */
export const idSchema = z
  .string({ error: msg('ID wajib diisi', 'ID is required') })
  .trim()
  .min(1, { error: msg('ID wajib diisi', 'ID is required') })
  .max(100, { error: msg('ID terlalu panjang', 'ID is too long') });

/** Kode provinsi (Kemendagri), two digits: `63` Kalimantan Selatan. */
export const provinceCodeSchema = z
  .string({ error: msg('Kode provinsi wajib diisi', 'Province code is required') })
  .regex(/^\d{2}$/, { error: msg('Kode provinsi harus 2 digit, mis. 63', 'Province code must be 2 digits, e.g. 63') });

/**
 * Kode kabupaten/kota (Kemendagri) `PP.RR`: `63.01` Kabupaten Tanah Laut. It is also the
 * regency's id everywhere (`regencyId`): stable, public and readable in exports.
 */
export const regencyCodeSchema = z
  .string({ error: msg('Kode kabupaten/kota wajib diisi', 'Regency code is required') })
  .regex(/^\d{2}\.\d{2}$/, {
    error: msg('Kode kabupaten/kota harus berformat 63.01', 'Regency code must look like 63.01'),
  });

/**
 * NIK (Nomor Induk Kependudukan), 16 digits; separators are removed.
 *
 * @example nikSchema.parse('6301 0112 3456 0001') // '6301011234560001'
 */
export const nikSchema = z
  .string({ error: msg('NIK harus berupa teks', 'NIK must be a string') })
  .overwrite((v) => v.replace(/[\s.-]+/g, ''))
  .regex(/^\d{16}$/, { error: msg('NIK harus 16 digit', 'NIK must be 16 digits') });

/** Optimistic-lock counter; an update names the version it read. */
export const versionSchema = z
  .number({ error: msg('Versi harus berupa angka', 'Version must be a number') })
  .int({ error: msg('Versi harus bilangan bulat', 'Version must be an integer') })
  .positive({ error: msg('Versi harus positif', 'Version must be positive') });

// ---------------------------------------------------------------------------------------------
// Places and units
// ---------------------------------------------------------------------------------------------

/** Provinsi. */
export const provinceSchema = z.object(
  {
    code: provinceCodeSchema,
    name: requiredText('Nama provinsi', 'Province name', 100),
  },
  objectError('Provinsi', 'Province'),
);
export type Province = z.infer<typeof provinceSchema>;

/** Kabupaten or kota. */
export const regencyKindSchema = z.enum(['kabupaten', 'kota'], {
  error: msg('Jenis daerah harus kabupaten atau kota', 'Regency kind must be kabupaten or kota'),
});
export type RegencyKind = z.infer<typeof regencyKindSchema>;

/** Kabupaten/kota. */
export const regencySchema = z
  .object(
    {
      code: regencyCodeSchema,
      name: requiredText('Nama kabupaten/kota', 'Regency name', 100),
      kind: regencyKindSchema,
      provinceCode: provinceCodeSchema,
    },
    objectError('Kabupaten/kota', 'Regency'),
  )
  // Zod runs this even after a format error on `code`; one message per mistake is enough.
  .refine((r) => !/^\d{2}\.\d{2}$/.test(r.code) || r.code.startsWith(`${r.provinceCode}.`), {
    path: ['provinceCode'],
    error: msg(
      'Kode kabupaten/kota harus diawali kode provinsinya',
      "The regency code must start with its province's code",
    ),
  });
export type Regency = z.infer<typeof regencySchema>;

/** Jenis perangkat daerah. */
export const unitKindSchema = z.enum(
  [
    'sekretariat_daerah',
    'sekretariat_dprd',
    'inspektorat',
    'dinas',
    'badan',
    'satpol_pp',
    'kecamatan',
    'kelurahan',
    'rsud',
    'sekolah',
    'puskesmas',
    'upt',
    'other',
  ],
  { error: msg('Jenis unit kerja tidak dikenal', 'Unknown unit kind') },
);
export type UnitKind = z.infer<typeof unitKindSchema>;

export const unitKindLabels: Record<UnitKind, LocalizedText> = {
  sekretariat_daerah: { id: 'Sekretariat Daerah', en: 'Regional Secretariat' },
  sekretariat_dprd: { id: 'Sekretariat DPRD', en: 'Council Secretariat' },
  inspektorat: { id: 'Inspektorat', en: 'Inspectorate' },
  dinas: { id: 'Dinas', en: 'Service (dinas)' },
  badan: { id: 'Badan', en: 'Agency (badan)' },
  satpol_pp: { id: 'Satuan Polisi Pamong Praja', en: 'Civil Service Police' },
  kecamatan: { id: 'Kecamatan', en: 'District (kecamatan)' },
  kelurahan: { id: 'Kelurahan', en: 'Urban village (kelurahan)' },
  rsud: { id: 'Rumah Sakit Umum Daerah', en: 'Regional hospital' },
  sekolah: { id: 'Sekolah', en: 'School' },
  puskesmas: { id: 'Puskesmas', en: 'Community health centre' },
  upt: { id: 'Unit Pelaksana Teknis', en: 'Technical unit (UPT)' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** Perangkat daerah / OPD. Retired, never deleted, while cases point at it. */
export const unitSchema = z
  .object(
    {
      id: idSchema,
      regencyId: regencyCodeSchema,
      name: requiredText('Nama unit kerja', 'Unit name', 200),
      kind: unitKindSchema,
      parentId: idSchema.nullable().default(null),
      retiredAt: isoDateSchema.nullable().default(null),
    },
    objectError('Unit kerja', 'Unit'),
  )
  .refine((u) => u.parentId !== u.id, {
    path: ['parentId'],
    error: msg('Unit kerja tidak dapat menjadi induk dirinya sendiri', 'A unit cannot be its own parent'),
  });
export type Unit = z.infer<typeof unitSchema>;

// ---------------------------------------------------------------------------------------------
// JDIH metadata
// ---------------------------------------------------------------------------------------------

/** Tipe Dokumen (Permenkumham 8/2019). */
export const jdihDocumentTypeSchema = z.enum(
  ['Peraturan Perundang-undangan', 'Monografi Hukum', 'Artikel Hukum', 'Putusan Pengadilan'],
  { error: msg('Tipe dokumen JDIH tidak dikenal', 'Unknown JDIH document type') },
);
export type JdihDocumentType = z.infer<typeof jdihDocumentTypeSchema>;

/** Status Peraturan. */
export const jdihStatusSchema = z.enum(['Berlaku', 'Tidak Berlaku'], {
  error: msg('Status peraturan harus Berlaku atau Tidak Berlaku', 'Status must be Berlaku or Tidak Berlaku'),
});
export type JdihStatus = z.infer<typeof jdihStatusSchema>;

const jdihText = (id: string, en: string, max = 500) =>
  z
    .string({ error: msg(`${id} harus berupa teks`, `${en} must be text`) })
    .trim()
    .max(max, { error: msg(`${id} terlalu panjang`, `${en} is too long`) })
    .optional();

/**
 * Metadata of a circular as catalogued in JDIH (the 14 fields of Permenkumham 8/2019, DOMAIN.md
 * §8, then the extra fields). All optional: drafts fill them in over time.
 */
export const jdihMetadataSchema = z.object(
  {
    /** 1. Tipe Dokumen. */
    documentType: jdihDocumentTypeSchema.optional(),
    /** 2. Judul: type, number, year, "tentang …". */
    title: jdihText('Judul', 'Title', 1000),
    /** 3. T.E.U. Badan/Pengarang, e.g. "Tanah Laut. Bupati". */
    teuBody: jdihText('T.E.U. Badan', 'Corporate author'),
    /** 4. Nomor Peraturan (number only). */
    number: jdihText('Nomor peraturan', 'Number', 100),
    /** 5. Jenis/Bentuk Peraturan, e.g. "Surat Edaran Bupati". */
    regulationType: jdihText('Jenis peraturan', 'Regulation type', 200),
    /** 6. Singkatan Jenis, e.g. "SE", "PERBUP". */
    typeAbbreviation: z
      .string({ error: msg('Singkatan jenis harus berupa teks', 'Type abbreviation must be text') })
      .trim()
      .regex(/^[A-Z0-9 ./-]{1,30}$/, {
        error: msg('Singkatan jenis ditulis huruf besar, mis. SE', 'Type abbreviation is upper case, e.g. SE'),
      })
      .optional(),
    /** 7. Tempat Penetapan, e.g. "Pelaihari". */
    placeOfEnactment: jdihText('Tempat penetapan', 'Place of enactment', 100),
    /** 8a. Tanggal Penetapan. */
    enactedOn: isoDateSchema.optional(),
    /** 8b. Tanggal Pengundangan. */
    promulgatedOn: isoDateSchema.optional(),
    /** 9. Sumber, e.g. "BD 2023 (5): 3 hlm". */
    source: jdihText('Sumber', 'Source', 200),
    /** 10. Subjek, upper case "TOPIC - SUBTOPIC". */
    subject: z
      .string({ error: msg('Subjek harus berupa teks', 'Subject must be text') })
      .trim()
      .max(300, { error: msg('Subjek terlalu panjang', 'Subject is too long') })
      .refine((s) => s === s.toUpperCase(), {
        error: msg(
          'Subjek ditulis huruf besar, mis. "KEPEGAWAIAN - NETRALITAS ASN"',
          'Subject is upper case, e.g. "KEPEGAWAIAN - NETRALITAS ASN"',
        ),
      })
      .optional(),
    /** 11. Status Peraturan. */
    status: jdihStatusSchema.optional(),
    /** 12. Bahasa. */
    language: jdihText('Bahasa', 'Language', 50),
    /** 13. Lokasi: the unit holding the document, e.g. "Bagian Hukum Setda". */
    location: jdihText('Lokasi', 'Location', 200),
    /** 14. Bidang Hukum, e.g. "HAN". */
    legalField: jdihText('Bidang hukum', 'Field of law', 100),
    /** Tahun. */
    year: z
      .number({ error: msg('Tahun harus berupa angka', 'Year must be a number') })
      .int({ error: msg('Tahun harus bilangan bulat', 'Year must be an integer') })
      .min(1945, { error: msg('Tahun tidak wajar', 'Implausible year') })
      .max(2100, { error: msg('Tahun tidak wajar', 'Implausible year') })
      .optional(),
    /** Penandatangan, without academic titles. */
    signer: jdihText('Penandatangan', 'Signer', 200),
    /** Pemrakarsa, e.g. "BKPSDM". */
    initiator: jdihText('Pemrakarsa', 'Initiator', 200),
    /** Peraturan Terkait. */
    relatedRegulations: list(z.string().trim().min(1), 'Peraturan terkait', 'Related regulations').optional(),
    /** Dokumen Terkait. */
    relatedDocuments: list(z.string().trim().min(1), 'Dokumen terkait', 'Related documents').optional(),
    /** Keterangan Status: mengubah, diubah, mencabut, dicabut … */
    statusNote: jdihText('Keterangan status', 'Status note', 1000),
    /** Abstrak. */
    abstract: jdihText('Abstrak', 'Abstract', 5000),
    /** Nomor panggil (JDIHN `noPanggil`). */
    callNumber: jdihText('Nomor panggil', 'Call number', 100),
    /** Penerbit (JDIHN `penerbit`). */
    publisher: jdihText('Penerbit', 'Publisher', 200),
    /** Deskripsi fisik (JDIHN `deskripsiFisik`), e.g. "3 hlm". */
    physicalDescription: jdihText('Deskripsi fisik', 'Physical description', 200),
    /** Full-text file name, e.g. `2023se1101001.pdf`. */
    fileName: jdihText('Nama berkas', 'File name', 255),
    /** Abstract file name, e.g. `2023absse1101001.pdf`. */
    abstractFileName: jdihText('Nama berkas abstrak', 'Abstract file name', 255),
    /** Page of the record in a JDIH portal (JDIHN `urlDetailPeraturan`). */
    detailUrl: z.url({ error: msg('URL tidak valid', 'Invalid URL') }).optional(),
  },
  objectError('Metadata JDIH', 'JDIH metadata'),
);
export type JdihMetadata = z.infer<typeof jdihMetadataSchema>;

// ---------------------------------------------------------------------------------------------
// Circulars and provisions
// ---------------------------------------------------------------------------------------------

/** Status surat edaran: `draft → published → revoked | superseded`. */
export const circularStatusSchema = z.enum(['draft', 'published', 'revoked', 'superseded'], {
  error: msg('Status surat edaran tidak dikenal', 'Unknown circular status'),
});
export type CircularStatus = z.infer<typeof circularStatusSchema>;

export const circularStatusLabels: Record<CircularStatus, LocalizedText> = {
  draft: { id: 'Konsep', en: 'Draft' },
  published: { id: 'Berlaku', en: 'Published' },
  revoked: { id: 'Dicabut', en: 'Revoked' },
  superseded: { id: 'Diganti', en: 'Superseded' },
};

/** Who signed the circular; its office decides the JDIH corporate author. */
export const issuerKindSchema = z.enum(
  ['bupati', 'pj_bupati', 'wali_kota', 'pj_wali_kota', 'sekda', 'gubernur', 'pj_gubernur', 'other'],
  { error: msg('Jenis penerbit tidak dikenal', 'Unknown issuer kind') },
);
export type IssuerKind = z.infer<typeof issuerKindSchema>;

/**
 * A provision's path: its labels joined by dots (`A`, `A.1`, `A.1.b`, `2.1`, `3.a.1`).
 *
 * A segment may carry a `-N` suffix: the parser marks the N-th list that restarts its numbering
 * under the same parent (`A.1-2` is the second list's item 1), so no path is ever lost.
 *
 * @example provisionPathSchema.parse('A.1.b')
 */
export const provisionPathSchema = z
  .string({ error: msg('Path ketentuan wajib diisi', 'Provision path is required') })
  .regex(/^[A-Za-z0-9]+(?:-\d+)?(\.[A-Za-z0-9]+(?:-\d+)?)*$/, {
    error: msg('Path ketentuan harus seperti A.1.b', 'Provision path must look like A.1.b'),
  });

/** Addressee of a provision: who must (not) do what it says. */
export const provisionAddresseeSchema = z.enum(
  ['asn', 'asn_and_non_asn', 'pns', 'non_asn', 'heads_of_units', 'village_officials', 'other'],
  { error: msg('Sasaran ketentuan tidak dikenal', 'Unknown provision addressee') },
);
export type ProvisionAddressee = z.infer<typeof provisionAddresseeSchema>;

export const provisionAddresseeLabels: Record<ProvisionAddressee, LocalizedText> = {
  asn: { id: 'Seluruh ASN', en: 'All civil servants (ASN)' },
  asn_and_non_asn: { id: 'ASN dan Non-ASN', en: 'ASN and non-ASN staff' },
  pns: { id: 'PNS', en: 'Permanent civil servants (PNS)' },
  non_asn: { id: 'Non-ASN', en: 'Non-ASN staff' },
  heads_of_units: { id: 'Kepala Perangkat Daerah', en: 'Heads of units' },
  village_officials: { id: 'Kepala desa dan perangkat desa', en: 'Village heads and officials' },
  other: { id: 'Lainnya', en: 'Other' },
};

/** A code the parser proposes, with its confidence in 0–1. */
export const suggestedCodeSchema = z.object(
  {
    code: prohibitionCodeSchema,
    score: z
      .number({ error: msg('Skor harus berupa angka', 'Score must be a number') })
      .min(0, { error: msg('Skor harus antara 0 dan 1', 'Score must be between 0 and 1') })
      .max(1, { error: msg('Skor harus antara 0 dan 1', 'Score must be between 0 and 1') }),
  },
  objectError('Saran kode', 'Suggested code'),
);
export type SuggestedCode = z.infer<typeof suggestedCodeSchema>;

const provisionFields = {
  path: provisionPathSchema,
  /** The label as printed: `A.`, `1.`, `a.`, `1)`, `2.1.`. */
  label: z
    .string({ error: msg('Label ketentuan harus berupa teks', 'Provision label must be text') })
    .trim()
    .max(20, {
      error: msg('Label ketentuan terlalu panjang', 'Provision label is too long'),
    }),
  parentPath: provisionPathSchema.nullable().default(null),
  /** Sibling order inside the parent, from 0. */
  order: z
    .number({ error: msg('Urutan harus berupa angka', 'Order must be a number') })
    .int({ error: msg('Urutan harus bilangan bulat', 'Order must be an integer') })
    .nonnegative({ error: msg('Urutan tidak boleh negatif', 'Order cannot be negative') })
    .default(0),
  kind: provisionKindSchema,
  text: requiredText('Teks ketentuan', 'Provision text', 10_000),
  addressee: provisionAddresseeSchema.nullable().default(null),
  /** Codes an administrator confirmed. */
  codes: list(prohibitionCodeSchema, 'Kode larangan', 'Prohibition codes').default([]),
  /** Codes the parser proposed, best first; kept to show what was corrected. */
  suggestedCodes: list(suggestedCodeSchema, 'Saran kode', 'Suggested codes').default([]),
};

type ProvisionShape = {
  path: string;
  parentPath: string | null;
  kind: ProvisionKind;
  codes: readonly string[];
};

function checkProvision(p: ProvisionShape, ctx: z.RefinementCtx): void {
  if (p.parentPath !== null && !p.path.startsWith(`${p.parentPath}.`)) {
    ctx.addIssue({
      code: 'custom',
      path: ['parentPath'],
      message: msg(
        `Path ${p.path} tidak berada di bawah ${p.parentPath}`,
        `Path ${p.path} is not below ${p.parentPath}`,
      ),
    });
  }
  if (p.kind !== 'prohibition' && p.codes.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['codes'],
      message: msg(
        'Kode larangan hanya untuk ketentuan berjenis larangan',
        'Prohibition codes belong on prohibition provisions only',
      ),
    });
  }
  if (hasDuplicates(p.codes)) {
    ctx.addIssue({
      code: 'custom',
      path: ['codes'],
      message: msg('Kode larangan tidak boleh berulang', 'Prohibition codes must not repeat'),
    });
  }
}

/** Ketentuan: one node of a circular's tree, as stored for one version of the circular. */
export const provisionSchema = z
  .object(
    {
      circularId: idSchema,
      circularVersion: versionSchema,
      ...provisionFields,
    },
    objectError('Ketentuan', 'Provision'),
  )
  .superRefine(checkProvision);
export type Provision = z.infer<typeof provisionSchema>;

/** A provision while its circular is being drafted (no circular yet). */
export const provisionDraftSchema = z
  .object(provisionFields, objectError('Ketentuan', 'Provision'))
  .superRefine(checkProvision);
export type ProvisionDraft = z.infer<typeof provisionDraftSchema>;

type IssuerShape = { regencyId: string | null; provinceCode: string | null };

function checkIssuerPlace(c: IssuerShape, ctx: z.RefinementCtx): void {
  if (c.regencyId === null && c.provinceCode === null) {
    ctx.addIssue({
      code: 'custom',
      path: ['regencyId'],
      message: msg(
        'Surat edaran harus milik kabupaten/kota atau provinsi',
        'A circular belongs to a regency or, for a governor, a province',
      ),
    });
  }
  if (c.regencyId !== null && c.provinceCode !== null && !c.regencyId.startsWith(`${c.provinceCode}.`)) {
    ctx.addIssue({
      code: 'custom',
      path: ['provinceCode'],
      message: msg('Kabupaten/kota tidak berada di provinsi tersebut', 'The regency is not in that province'),
    });
  }
}

/** Fields a circular has both as a draft and once stored. */
const circularFields = {
  /** Null for a governor's circular. */
  regencyId: regencyCodeSchema.nullable().default(null),
  /** Set for a governor's circular; optional (but consistent) for a regency's. */
  provinceCode: provinceCodeSchema.nullable().default(null),
  number: optionalText('Nomor surat edaran', 'Circular number', 100),
  /** The "tentang …" title. */
  title: requiredText('Judul (tentang)', 'Title', 1000),
  place: optionalText('Tempat penetapan', 'Place of issue', 100),
  issuedOn: isoDateSchema.nullable().default(null),
  /** As printed above the signature, e.g. "BUPATI TANAH LAUT". */
  issuerOffice: requiredText('Jabatan penerbit', 'Issuing office', 200),
  issuerKind: issuerKindSchema.nullable().default(null),
  signatory: optionalText('Nama penanda tangan', 'Signatory', 200),
  /** Only appointed officials (Pj, Sekda) sign with a NIP; elected heads have none. */
  signatoryNip: nipSchema.nullable().default(null),
  addressees: list(requiredText('Alamat tujuan', 'Addressee'), 'Alamat tujuan', 'Addressees').default([]),
  scope: list(circularScopeSchema, 'Cakupan', 'Scope')
    .min(1, { error: msg('Cakupan surat edaran wajib diisi', 'Circular scope is required') })
    .refine((s) => !hasDuplicates(s), { error: msg('Cakupan tidak boleh berulang', 'Scope must not repeat') }),
  /** Dasar: the citations listed as legal basis. */
  legalBases: list(requiredText('Dasar hukum', 'Legal basis', 1000), 'Dasar hukum', 'Legal bases').default([]),
  openingText: longText('Teks pembuka', 'Opening text'),
  closingText: longText('Teks penutup', 'Closing text'),
  /** The text as imported, kept to show the parse beside its source. */
  sourceText: longText('Teks sumber', 'Source text'),
  jdih: jdihMetadataSchema.default({}),
  supersedesId: idSchema.nullable().default(null),
};

/**
 * Surat Edaran, one version of it. Published versions are immutable; a change is a new version.
 */
export const circularSchema = z
  .object(
    {
      id: idSchema,
      ...circularFields,
      status: circularStatusSchema,
      version: versionSchema,
      createdAt: isoDateTimeSchema,
      publishedAt: isoDateTimeSchema.nullable().default(null),
    },
    objectError('Surat edaran', 'Circular'),
  )
  .superRefine((c, ctx) => {
    checkIssuerPlace(c, ctx);
    if (c.supersedesId === c.id) {
      ctx.addIssue({
        code: 'custom',
        path: ['supersedesId'],
        message: msg('Surat edaran tidak dapat menggantikan dirinya sendiri', 'A circular cannot supersede itself'),
      });
    }
    if (c.status === 'draft') {
      if (c.publishedAt !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['publishedAt'],
          message: msg('Konsep belum memiliki tanggal terbit', 'A draft has no publication time'),
        });
      }
      return;
    }
    // Once out of draft a circular is an official letter: it must be identifiable and dated.
    const required: [keyof typeof c, string, string][] = [
      ['number', 'Nomor', 'Number'],
      ['issuedOn', 'Tanggal', 'Date of issue'],
      ['publishedAt', 'Waktu terbit', 'Publication time'],
    ];
    for (const [field, id, en] of required) {
      if (c[field] === null) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: msg(
            `${id} wajib diisi untuk surat edaran yang sudah terbit`,
            `${en} is required once a circular is published`,
          ),
        });
      }
    }
  });
export type Circular = z.infer<typeof circularSchema>;

/**
 * Input to save a circular as a draft, with its provisions (import: parse → correct → save).
 *
 * @example circularDraftSchema.parse({ regencyId: '63.01', title: 'Netralitas ASN …', issuerOffice: 'BUPATI TANAH LAUT', scope: ['ASN'] })
 */
export const circularDraftSchema = z
  .object(
    {
      ...circularFields,
      provisions: list(provisionDraftSchema, 'Ketentuan', 'Provisions').default([]),
    },
    objectError('Konsep surat edaran', 'Circular draft'),
  )
  .superRefine((c, ctx) => {
    checkIssuerPlace(c, ctx);
    const paths = new Set<string>();
    c.provisions.forEach((p, i) => {
      if (paths.has(p.path)) {
        ctx.addIssue({
          code: 'custom',
          path: ['provisions', i, 'path'],
          message: msg(`Path ${p.path} muncul dua kali`, `Path ${p.path} appears twice`),
        });
      }
      paths.add(p.path);
    });
    c.provisions.forEach((p, i) => {
      if (p.parentPath !== null && !paths.has(p.parentPath)) {
        ctx.addIssue({
          code: 'custom',
          path: ['provisions', i, 'parentPath'],
          message: msg(`Induk ${p.parentPath} tidak ditemukan`, `Parent ${p.parentPath} not found`),
        });
      }
    });
  });
export type CircularDraft = z.infer<typeof circularDraftSchema>;

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

/** Terlapor: the person a case is about. */
export const subjectSchema = z
  .object(
    {
      name: requiredText('Nama terlapor', 'Subject name', 200),
      /** Validated per employment type below; normalised to digits. */
      nip: z
        .string({ error: msg('NIP harus berupa teks', 'NIP must be a string') })
        .overwrite((v) => v.replace(/[\s.-]+/g, ''))
        .nullable()
        .default(null),
      nik: nikSchema.nullable().default(null),
      employmentType: employmentTypeSchema,
      positionClass: positionClassSchema,
      /** Nama jabatan as written, e.g. "Kepala Bidang Mutasi". */
      positionTitle: optionalText('Nama jabatan', 'Position title', 200),
      /** Where the person works; null for village officials, who belong to no regency unit. */
      unitId: idSchema.nullable().default(null),
    },
    objectError('Terlapor', 'Subject'),
  )
  .superRefine((s, ctx) => {
    const isAsn = s.employmentType === 'PNS' || s.employmentType === 'PPPK';
    if (s.employmentType === 'PNS') {
      if (s.nip === null || s.nip === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['nip'],
          message: msg('NIP wajib diisi untuk PNS', 'A PNS needs a NIP'),
        });
      } else {
        const result = parseNip(s.nip);
        if (!result.ok) {
          for (const e of result.errors) {
            ctx.addIssue({
              code: 'custom',
              path: ['nip'],
              message: msg(e.message.id, e.message.en),
              params: { nipError: e.code, text: e.message },
            });
          }
        }
      }
    } else if (s.employmentType === 'PPPK') {
      // PPPK numbers follow other rules (DOMAIN.md §1): only their shape is checked.
      if (s.nip !== null && s.nip !== '' && !/^\d{18}$/.test(s.nip)) {
        ctx.addIssue({
          code: 'custom',
          path: ['nip'],
          message: msg('Nomor induk PPPK harus 18 digit', 'A PPPK number must be 18 digits'),
        });
      }
    } else if (s.nip !== null && s.nip !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['nip'],
        message: msg(
          'Non-ASN dan perangkat desa tidak memiliki NIP; isi NIK',
          'Non-ASN staff and village officials have no NIP; give the NIK',
        ),
      });
    }
    if (isAsn === (s.positionClass === 'non_asn')) {
      ctx.addIssue({
        code: 'custom',
        path: ['positionClass'],
        message: isAsn
          ? msg('Kelompok jabatan Non-ASN tidak berlaku untuk ASN', 'An ASN cannot have the non-ASN position class')
          : msg(
              'Non-ASN dan perangkat desa berkelompok jabatan Non-ASN',
              'Non-ASN subjects have the non-ASN position class',
            ),
      });
    }
  })
  .transform((s) => ({ ...s, nip: s.nip === '' ? null : s.nip }));
export type Subject = z.infer<typeof subjectSchema>;

/** Bukti: a link or a file, with its hash so later tampering shows. */
export const evidenceItemSchema = z
  .object(
    {
      description: requiredText('Keterangan bukti', 'Evidence description', 1000),
      url: z
        .url({ error: msg('URL bukti tidak valid', 'Invalid evidence URL') })
        .nullable()
        .default(null),
      fileName: optionalText('Nama berkas', 'File name', 255),
      sha256: z
        .string({ error: msg('SHA-256 harus berupa teks', 'SHA-256 must be text') })
        .trim()
        .toLowerCase()
        .regex(/^[0-9a-f]{64}$/, {
          error: msg('SHA-256 harus 64 karakter heksadesimal', 'SHA-256 must be 64 hexadecimal characters'),
        })
        .nullable()
        .default(null),
      capturedBy: requiredText('Pengambil bukti', 'Captured by', 200),
      capturedAt: isoDateTimeSchema,
    },
    objectError('Bukti', 'Evidence item'),
  )
  .refine((e) => e.url !== null || e.fileName !== null, {
    path: ['url'],
    error: msg('Bukti harus berupa tautan atau berkas', 'Evidence needs a link or a file'),
  });
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

/** Kanal pengaduan: where a report came in. */
export const reporterChannelSchema = z.enum(
  ['bawaslu', 'sp4n_lapor', 'bkn_sbt', 'inspektorat_desk', 'social_media', 'direct', 'internal', 'other'],
  { error: msg('Kanal pelaporan tidak dikenal', 'Unknown reporting channel') },
);
export type ReporterChannel = z.infer<typeof reporterChannelSchema>;

export const reporterChannelLabels: Record<ReporterChannel, LocalizedText> = {
  bawaslu: { id: 'Bawaslu (posko/SIGAPLAPOR)', en: 'Bawaslu (desk/SIGAPLAPOR)' },
  sp4n_lapor: { id: 'SP4N-LAPOR!', en: 'SP4N-LAPOR!' },
  bkn_sbt: { id: 'BKN SBT (Pelaporan Publik)', en: 'BKN SBT (public reporting)' },
  inspektorat_desk: { id: 'Meja pengaduan Inspektorat', en: 'Inspectorate complaints desk' },
  social_media: { id: 'Media sosial', en: 'Social media' },
  direct: { id: 'Datang langsung/surat', en: 'In person or by letter' },
  internal: { id: 'Internal (Satgas/atasan)', en: 'Internal (Satgas, superiors)' },
  other: { id: 'Lainnya', en: 'Other' },
};

/**
 * Pelapor, stored apart from the case and shown only to roles that need it. `anonymous` hides
 * the identity (LAPOR! *Anonim*); `confidential` keeps the report itself from the public (*Rahasia*).
 */
export const reporterSchema = z
  .object(
    {
      name: optionalText('Nama pelapor', 'Reporter name', 200),
      contact: optionalText('Kontak pelapor', 'Reporter contact', 200),
      channel: reporterChannelSchema,
      /** Tracking number in the channel (LAPOR! ID, SBT *nomor aduan*, Bawaslu register). */
      externalRef: optionalText('Nomor pengaduan', 'Complaint number', 100),
      anonymous: z.boolean({ error: msg('Anonim harus ya/tidak', 'Anonymous must be true or false') }).default(false),
      confidential: z
        .boolean({ error: msg('Rahasia harus ya/tidak', 'Confidential must be true or false') })
        .default(true),
    },
    objectError('Pelapor', 'Reporter'),
  )
  .refine((r) => r.anonymous || r.name !== null, {
    path: ['name'],
    error: msg('Nama pelapor wajib diisi kecuali anonim', 'Reporter name is required unless anonymous'),
  });
export type Reporter = z.infer<typeof reporterSchema>;

/** Who issued a recommendation to the PPK (or to the Satgas). */
export const issuingBodySchema = z.enum(['KASN', 'BKN', 'BAWASLU', 'SATGAS', 'INSPEKTORAT'], {
  error: msg('Lembaga pemberi rekomendasi tidak dikenal', 'Unknown issuing body'),
});
export type IssuingBody = z.infer<typeof issuingBodySchema>;

export const issuingBodyLabels: Record<IssuingBody, LocalizedText> = {
  KASN: { id: 'Komisi Aparatur Sipil Negara', en: 'Civil Service Commission (KASN)' },
  BKN: { id: 'Badan Kepegawaian Negara', en: 'National Civil Service Agency (BKN)' },
  BAWASLU: { id: 'Badan Pengawas Pemilihan Umum', en: 'Election Supervisory Agency (Bawaslu)' },
  SATGAS: { id: 'Satgas Netralitas ASN', en: 'ASN Neutrality Task Force' },
  INSPEKTORAT: { id: 'Inspektorat', en: 'Inspectorate' },
};

/** Rekomendasi. */
export const recommendationSchema = z.object(
  {
    issuingBody: issuingBodySchema,
    number: requiredText('Nomor rekomendasi', 'Recommendation number', 100),
    issuedOn: isoDateSchema,
    recommendedSanction: sanctionTypeSchema,
  },
  objectError('Rekomendasi', 'Recommendation'),
);
export type Recommendation = z.infer<typeof recommendationSchema>;

/**
 * Sanksi as decided by the PPK. `level` follows from `type`; input may leave it out, and a
 * contradicting level is refused rather than silently replaced.
 */
export const sanctionSchema = z
  .object(
    {
      decreeNumber: requiredText('Nomor keputusan', 'Decree number', 100),
      decidedOn: isoDateSchema,
      type: sanctionTypeSchema,
      level: sanctionLevelSchema.optional(),
    },
    objectError('Sanksi', 'Sanction'),
  )
  .refine((s) => s.level === undefined || s.level === sanctionLevelOf(s.type), {
    path: ['level'],
    error: msg('Tingkat sanksi tidak sesuai jenisnya', 'The sanction level does not match its type'),
  })
  .transform((s) => ({ ...s, level: sanctionLevelOf(s.type) }));
export type Sanction = z.infer<typeof sanctionSchema>;

/** The provision a case cites, pinned to a circular version so the case survives later versions. */
export const provisionRefSchema = z.object(
  {
    circularId: idSchema,
    circularVersion: versionSchema,
    path: provisionPathSchema,
  },
  objectError('Rujukan ketentuan', 'Provision reference'),
);
export type ProvisionRef = z.infer<typeof provisionRefSchema>;

function sanctionFitsSubject(type: SanctionType, employmentType: EmploymentType): boolean {
  // DOMAIN.md lists no sanction types for village officials (village law applies): not checked.
  if (employmentType === 'KADES_PERANGKAT_DESA') return true;
  return sanctionTypes[type].appliesTo.includes(employmentType);
}

const caseFields = {
  regencyId: regencyCodeSchema,
  unitId: idSchema,
  contest: contestCodeSchema,
  race: raceSchema.nullable().default(null),
  /** Tanggal kejadian: the phase is derived from it. */
  actOn: isoDateSchema,
  /** Tanggal laporan diterima, when known; deadlines run from it. */
  reportedOn: isoDateSchema.nullable().default(null),
  /** Tempat kejadian. */
  place: optionalText('Tempat kejadian', 'Place of the act', 300),
  subject: subjectSchema,
  provisions: list(provisionRefSchema, 'Ketentuan yang dilanggar', 'Provisions').default([]),
  /** Derived from the provisions, editable. */
  prohibitionCodes: list(prohibitionCodeSchema, 'Kode larangan', 'Prohibition codes')
    .default([])
    .refine((codes) => !hasDuplicates(codes), {
      error: msg('Kode larangan tidak boleh berulang', 'Prohibition codes must not repeat'),
    }),
  source: caseSourceSchema,
  /** Uraian kejadian. */
  summary: requiredText('Uraian kejadian', 'Summary', 10_000),
};

type CaseShape = {
  actOn: string;
  reportedOn: string | null;
  subject: { employmentType: EmploymentType };
  recommendation?: Recommendation | null;
  sanction?: Sanction | null;
};

function checkCase(c: CaseShape, ctx: z.RefinementCtx): void {
  if (c.reportedOn !== null && c.reportedOn < c.actOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['reportedOn'],
      message: msg('Tanggal laporan sebelum tanggal kejadian', 'The report date is before the date of the act'),
    });
  }
  const employment = c.subject.employmentType;
  if (c.recommendation && !sanctionFitsSubject(c.recommendation.recommendedSanction, employment)) {
    ctx.addIssue({
      code: 'custom',
      path: ['recommendation', 'recommendedSanction'],
      message: msg(
        `Jenis sanksi ini tidak berlaku untuk ${employment}`,
        `This sanction type does not apply to ${employment}`,
      ),
    });
  }
  if (c.sanction) {
    if (!sanctionFitsSubject(c.sanction.type, employment)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sanction', 'type'],
        message: msg(
          `Jenis sanksi ini tidak berlaku untuk ${employment}`,
          `This sanction type does not apply to ${employment}`,
        ),
      });
    }
    if (c.sanction.decidedOn < c.actOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['sanction', 'decidedOn'],
        message: msg('Tanggal keputusan sebelum tanggal kejadian', 'The decision date is before the date of the act'),
      });
    }
  }
}

/**
 * Kasus (dugaan pelanggaran). `status` is a workflow state (workflow.ts owns the values).
 */
export const caseSchema = z
  .object(
    {
      id: idSchema,
      ...caseFields,
      evidence: list(evidenceItemSchema, 'Bukti', 'Evidence').default([]),
      status: requiredText('Status kasus', 'Case status', 50),
      version: versionSchema,
      recommendation: recommendationSchema.nullable().default(null),
      sanction: sanctionSchema.nullable().default(null),
      createdAt: isoDateTimeSchema,
      updatedAt: isoDateTimeSchema,
    },
    objectError('Kasus', 'Case'),
  )
  .superRefine(checkCase);
export type Case = z.infer<typeof caseSchema>;

/**
 * Input to register a case; the reporter travels with it but is stored apart.
 *
 * @example caseInputSchema.parse({ regencyId: '63.01', unitId: 'u1', contest: 'PILKADA_2024', actOn: '2024-10-01', subject, source: 'public_report', summary: '…' })
 */
export const caseInputSchema = z
  .object(
    {
      ...caseFields,
      evidence: list(evidenceItemSchema, 'Bukti', 'Evidence').default([]),
      reporter: reporterSchema.nullable().default(null),
    },
    objectError('Kasus', 'Case'),
  )
  .superRefine(checkCase);
export type CaseInput = z.infer<typeof caseInputSchema>;
