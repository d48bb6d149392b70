import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isoDateSchema } from './calendar';
import {
  caseInputSchema,
  caseSchema,
  caseSourceLabels,
  caseSourceSchema,
  circularDraftSchema,
  circularSchema,
  employmentTypeLabels,
  employmentTypeSchema,
  evidenceItemSchema,
  jdihMetadataSchema,
  nikSchema,
  positionClassLabels,
  positionClassSchema,
  provinceSchema,
  provisionKindLabels,
  provisionKindSchema,
  provisionSchema,
  recommendationSchema,
  regencySchema,
  reporterSchema,
  roleLabels,
  roleSchema,
  sanctionSchema,
  subjectSchema,
  unitKindLabels,
  unitKindSchema,
  unitSchema,
} from './model';

/** The messages of a failed parse, keyed by path. */
function messages(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected failure, got ${JSON.stringify(result.data)}`);
  const out: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join('.');
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

const pns = {
  name: 'Ahmad Fauzi',
  nip: '19800101 200501 1 001',
  employmentType: 'PNS',
  positionClass: 'administrator',
  positionTitle: 'Kepala Bidang Mutasi',
  unitId: 'unit-bkpsdm',
};

const publishedCircular = {
  id: 'c-1',
  regencyId: '63.01',
  provinceCode: '63',
  number: '863/0321/BKPSDM/2023',
  title: 'Netralitas ASN dalam Pelaksanaan Pemilihan Umum dan Pemilihan Tahun 2024',
  place: 'Pelaihari',
  issuedOn: '2023-01-30',
  issuerOffice: 'BUPATI TANAH LAUT',
  issuerKind: 'bupati',
  signatory: 'H. Sukamta',
  addressees: ['Kepala Satuan Kerja Perangkat Daerah di Lingkungan Pemerintah Kabupaten Tanah Laut'],
  scope: ['ASN'],
  legalBases: [],
  openingText: 'Dalam rangka mewujudkan setiap pegawai ASN yang netral …',
  closingText: 'Demikian disampaikan, untuk dipedomani dan dilaksanakan.',
  sourceText: '…',
  jdih: {
    documentType: 'Peraturan Perundang-undangan',
    teuBody: 'Tanah Laut. Bupati',
    regulationType: 'Surat Edaran Bupati',
    typeAbbreviation: 'SE',
    placeOfEnactment: 'Pelaihari',
    enactedOn: '2023-01-30',
    subject: 'KEPEGAWAIAN - NETRALITAS ASN',
    status: 'Berlaku',
    language: 'Bahasa Indonesia',
    legalField: 'HAN',
    year: 2023,
  },
  status: 'published',
  version: 1,
  createdAt: '2023-01-30T08:00:00+08:00',
  publishedAt: '2023-01-30T09:00:00+08:00',
};

const caseRecord = {
  id: 'case-1',
  regencyId: '63.01',
  unitId: 'unit-bkpsdm',
  contest: 'PILKADA_2024',
  race: 'PILBUP',
  actOn: '2024-10-02',
  reportedOn: '2024-10-04',
  subject: pns,
  provisions: [{ circularId: 'c-1', circularVersion: 1, path: 'A.1.a' }],
  prohibitionCodes: ['PP94-5N-1', 'KE-06'],
  source: 'public_report',
  summary: 'Ikut kampanye pasangan calon bupati pada jam kerja.',
  evidence: [
    {
      description: 'Tangkapan layar unggahan',
      url: 'https://example.org/post/1',
      capturedBy: 'user-7',
      capturedAt: '2024-10-04T10:00:00Z',
    },
  ],
  status: 'DITERIMA',
  version: 1,
  createdAt: '2024-10-04T10:00:00Z',
  updatedAt: '2024-10-04T10:00:00Z',
};

describe('scalars', () => {
  it('isoDateSchema takes real YYYY-MM-DD dates only', () => {
    expect(isoDateSchema.parse('2024-02-29')).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2024-04-31', '2024-13-01', '27/11/2024', '2024-11-27T00:00:00Z']) {
      expect(messages(isoDateSchema, bad)).toEqual({
        '': ['Tanggal harus berformat YYYY-MM-DD dan valid / Date must be a valid YYYY-MM-DD date'],
      });
    }
  });

  it('nikSchema normalises to 16 digits', () => {
    expect(nikSchema.parse('6301 0112 3456 0001')).toBe('6301011234560001');
    expect(messages(nikSchema, '630101123456000')).toEqual({ '': ['NIK harus 16 digit / NIK must be 16 digits'] });
  });
});

describe('places and units', () => {
  it('accepts a province and a regency in it', () => {
    expect(provinceSchema.parse({ code: '63', name: 'Kalimantan Selatan' }).code).toBe('63');
    expect(regencySchema.parse({ code: '63.01', name: 'Tanah Laut', kind: 'kabupaten', provinceCode: '63' })).toEqual({
      code: '63.01',
      name: 'Tanah Laut',
      kind: 'kabupaten',
      provinceCode: '63',
    });
  });

  it('refuses malformed codes and a regency outside its province', () => {
    expect(messages(provinceSchema, { code: '6', name: 'X' })).toEqual({
      code: ['Kode provinsi harus 2 digit, mis. 63 / Province code must be 2 digits, e.g. 63'],
    });
    expect(
      messages(regencySchema, { code: '6301', name: 'Tanah Laut', kind: 'kabupaten', provinceCode: '63' }),
    ).toEqual({ code: ['Kode kabupaten/kota harus berformat 63.01 / Regency code must look like 63.01'] });
    expect(messages(regencySchema, { code: '21.01', name: 'Bintan', kind: 'kabupaten', provinceCode: '63' })).toEqual({
      provinceCode: [
        "Kode kabupaten/kota harus diawali kode provinsinya / The regency code must start with its province's code",
      ],
    });
    expect(messages(regencySchema, { code: '63.71', name: 'Banjarmasin', kind: 'city', provinceCode: '63' })).toEqual({
      kind: ['Jenis daerah harus kabupaten atau kota / Regency kind must be kabupaten or kota'],
    });
  });

  it('accepts a unit and defaults parent and retirement to null', () => {
    expect(unitSchema.parse({ id: 'u-1', regencyId: '63.01', name: 'BKPSDM', kind: 'badan' })).toEqual({
      id: 'u-1',
      regencyId: '63.01',
      name: 'BKPSDM',
      kind: 'badan',
      parentId: null,
      retiredAt: null,
    });
  });

  it('refuses an unknown unit kind, a blank name and a unit parent of itself', () => {
    expect(messages(unitSchema, { id: 'u-1', regencyId: '63.01', name: '  ', kind: 'ministry' })).toEqual({
      name: ['Nama unit kerja wajib diisi / Unit name is required'],
      kind: ['Jenis unit kerja tidak dikenal / Unknown unit kind'],
    });
    expect(messages(unitSchema, { id: 'u-1', regencyId: '63.01', name: 'X', kind: 'upt', parentId: 'u-1' })).toEqual({
      parentId: ['Unit kerja tidak dapat menjadi induk dirinya sendiri / A unit cannot be its own parent'],
    });
  });
});

describe('JDIH metadata', () => {
  it('accepts the fields of DOMAIN.md §8', () => {
    expect(jdihMetadataSchema.parse(publishedCircular.jdih)).toEqual(publishedCircular.jdih);
    expect(jdihMetadataSchema.parse({})).toEqual({});
  });

  it('refuses values outside the standard', () => {
    expect(messages(jdihMetadataSchema, { status: 'Dicabut', subject: 'kepegawaian', typeAbbreviation: 'se' })).toEqual(
      {
        status: ['Status peraturan harus Berlaku atau Tidak Berlaku / Status must be Berlaku or Tidak Berlaku'],
        subject: [
          'Subjek ditulis huruf besar, mis. "KEPEGAWAIAN - NETRALITAS ASN" / Subject is upper case, e.g. "KEPEGAWAIAN - NETRALITAS ASN"',
        ],
        typeAbbreviation: ['Singkatan jenis ditulis huruf besar, mis. SE / Type abbreviation is upper case, e.g. SE'],
      },
    );
  });
});

describe('circulars and provisions', () => {
  it('accepts a published regency circular', () => {
    const circular = circularSchema.parse(publishedCircular);
    expect(circular.signatoryNip).toBeNull();
    expect(circular.supersedesId).toBeNull();
  });

  it("accepts a governor's circular with a province and no regency", () => {
    const parsed = circularSchema.parse({ ...publishedCircular, regencyId: null, issuerKind: 'gubernur' });
    expect(parsed.provinceCode).toBe('63');
  });

  it('normalises a Pj signatory NIP and refuses a bad one with its reason', () => {
    expect(circularSchema.parse({ ...publishedCircular, signatoryNip: '19700505 199803 1 004' }).signatoryNip).toBe(
      '197005051998031004',
    );
    expect(messages(circularSchema, { ...publishedCircular, signatoryNip: '19700505199803100' })).toEqual({
      signatoryNip: ['NIP harus 18 digit (tertulis 17) / NIP must be 18 digits (got 17)'],
    });
  });

  it('requires number, date and publication time once published', () => {
    expect(messages(circularSchema, { ...publishedCircular, number: '  ', issuedOn: null, publishedAt: null })).toEqual(
      {
        number: [
          'Nomor wajib diisi untuk surat edaran yang sudah terbit / Number is required once a circular is published',
        ],
        issuedOn: [
          'Tanggal wajib diisi untuk surat edaran yang sudah terbit / Date of issue is required once a circular is published',
        ],
        publishedAt: [
          'Waktu terbit wajib diisi untuk surat edaran yang sudah terbit / Publication time is required once a circular is published',
        ],
      },
    );
  });

  it('refuses a draft with a publication time, a circular of no place, and self-supersession', () => {
    expect(messages(circularSchema, { ...publishedCircular, status: 'draft' })).toEqual({
      publishedAt: ['Konsep belum memiliki tanggal terbit / A draft has no publication time'],
    });
    expect(messages(circularSchema, { ...publishedCircular, regencyId: null, provinceCode: null })).toEqual({
      regencyId: [
        'Surat edaran harus milik kabupaten/kota atau provinsi / A circular belongs to a regency or, for a governor, a province',
      ],
    });
    expect(messages(circularSchema, { ...publishedCircular, supersedesId: 'c-1' })).toEqual({
      supersedesId: ['Surat edaran tidak dapat menggantikan dirinya sendiri / A circular cannot supersede itself'],
    });
    expect(messages(circularSchema, { ...publishedCircular, provinceCode: '21' })).toEqual({
      provinceCode: ['Kabupaten/kota tidak berada di provinsi tersebut / The regency is not in that province'],
    });
    expect(messages(circularSchema, { ...publishedCircular, version: 0, scope: [] })).toEqual({
      version: ['Versi harus positif / Version must be positive'],
      scope: ['Cakupan surat edaran wajib diisi / Circular scope is required'],
    });
  });

  it('accepts a draft with its provision tree', () => {
    const draft = circularDraftSchema.parse({
      regencyId: '21.01',
      title: 'Netralitas ASN dan Non ASN …',
      issuerOffice: 'BUPATI BINTAN',
      scope: ['ASN', 'NON_ASN'],
      provisions: [
        { path: 'A', label: 'A.', kind: 'prohibition', text: 'Setiap ASN dan Non ASN … dilarang:' },
        {
          path: 'A.1',
          label: '1.',
          parentPath: 'A',
          kind: 'prohibition',
          text: 'Memberikan dukungan … dengan cara:',
          addressee: 'asn_and_non_asn',
        },
        {
          path: 'A.1.a',
          label: 'a.',
          parentPath: 'A.1',
          kind: 'prohibition',
          text: 'Ikut kampanye',
          codes: ['PP94-5N-1'],
          suggestedCodes: [{ code: 'PP94-5N-1', score: 0.92 }],
        },
        { path: 'B', label: 'B.', order: 1, kind: 'obligation', text: 'Setiap Kepala OPD wajib untuk:' },
      ],
    });
    expect(draft.number).toBeNull();
    expect(draft.provisions.map((p) => p.path)).toEqual(['A', 'A.1', 'A.1.a', 'B']);
    expect(draft.provisions[0]).toMatchObject({ parentPath: null, codes: [], suggestedCodes: [], addressee: null });
  });

  it('refuses duplicate paths and missing parents in a draft', () => {
    const base = { regencyId: '21.01', title: 'T', issuerOffice: 'BUPATI BINTAN', scope: ['ASN'] };
    expect(
      messages(circularDraftSchema, {
        ...base,
        provisions: [
          { path: 'A', label: 'A.', kind: 'other', text: 'x' },
          { path: 'A', label: 'A.', kind: 'other', text: 'y' },
          { path: 'B.1', label: '1.', parentPath: 'B', kind: 'other', text: 'z' },
        ],
      }),
    ).toEqual({
      'provisions.1.path': ['Path A muncul dua kali / Path A appears twice'],
      'provisions.2.parentPath': ['Induk B tidak ditemukan / Parent B not found'],
    });
  });

  it('accepts a stored provision', () => {
    const provision = provisionSchema.parse({
      circularId: 'c-1',
      circularVersion: 1,
      path: 'A.2',
      label: '2.',
      parentPath: 'A',
      kind: 'prohibition',
      text: 'Membuat keputusan dan/atau tindakan …',
      codes: ['PP94-5N-5', 'DS-12'],
    });
    expect(provision.codes).toEqual(['PP94-5N-5', 'DS-12']);
  });

  it('refuses a provision outside its parent, codes on non-prohibitions and unknown codes', () => {
    const base = { circularId: 'c-1', circularVersion: 1, label: '1.', text: 't' };
    expect(
      messages(provisionSchema, { ...base, path: 'B.1', parentPath: 'A', kind: 'obligation', codes: ['DS-01'] }),
    ).toEqual({
      parentPath: ['Path B.1 tidak berada di bawah A / Path B.1 is not below A'],
      codes: [
        'Kode larangan hanya untuk ketentuan berjenis larangan / Prohibition codes belong on prohibition provisions only',
      ],
    });
    expect(
      messages(provisionSchema, { ...base, path: 'A 1', kind: 'prohibition', codes: ['DS-14', 'DS-01', 'DS-01'] }),
    ).toEqual({
      path: ['Path ketentuan harus seperti A.1.b / Provision path must look like A.1.b'],
      'codes.0': ['Kode larangan tidak dikenal: DS-14 / Unknown prohibition code: DS-14'],
    });
    expect(messages(provisionSchema, { ...base, path: 'A', kind: 'prohibition', codes: ['DS-01', 'DS-01'] })).toEqual({
      codes: ['Kode larangan tidak boleh berulang / Prohibition codes must not repeat'],
    });
    expect(
      messages(provisionSchema, { ...base, path: 'A', kind: 'rule', suggestedCodes: [{ code: 'DS-01', score: 1.5 }] }),
    ).toEqual({
      kind: ['Jenis ketentuan tidak dikenal / Unknown provision kind'],
      'suggestedCodes.0.score': ['Skor harus antara 0 dan 1 / Score must be between 0 and 1'],
    });
  });
});

describe('subjects', () => {
  it('accepts a PNS with a valid NIP, normalised', () => {
    expect(subjectSchema.parse(pns)).toMatchObject({ nip: '198001012005011001', nik: null });
  });

  it('requires a valid NIP for a PNS, naming each problem', () => {
    expect(messages(subjectSchema, { ...pns, nip: null })).toEqual({
      nip: ['NIP wajib diisi untuk PNS / A PNS needs a NIP'],
    });
    const result = subjectSchema.safeParse({ ...pns, nip: '19990231 200501 1 000' });
    const issues = result.error?.issues ?? [];
    expect(issues.map((i) => (i.code === 'custom' ? i.params?.nipError : i.code))).toEqual([
      'INVALID_BIRTH_DATE',
      'INVALID_SEQUENCE',
    ]);
    expect(issues[1]?.message).toBe('Nomor urut pada NIP tidak boleh 000 / The NIP sequence cannot be 000');
  });

  it('accepts non-ASN staff and village officials with a NIK', () => {
    const honorer = subjectSchema.parse({
      name: 'Siti',
      nik: '6301011234560001',
      employmentType: 'PPNPN',
      positionClass: 'non_asn',
    });
    expect(honorer).toMatchObject({ nip: null, nik: '6301011234560001', unitId: null, positionTitle: null });
    expect(
      subjectSchema.parse({ name: 'Pak Kades', employmentType: 'KADES_PERANGKAT_DESA', positionClass: 'non_asn' }).nik,
    ).toBeNull();
  });

  it('refuses a NIP for non-ASN, a short NIK and mismatched position classes', () => {
    expect(
      messages(subjectSchema, {
        name: 'Siti',
        nip: '198001012005011001',
        nik: '630101123456',
        employmentType: 'PPNPN',
        positionClass: 'pelaksana',
      }),
    ).toEqual({
      nik: ['NIK harus 16 digit / NIK must be 16 digits'],
      nip: [
        'Non-ASN dan perangkat desa tidak memiliki NIP; isi NIK / Non-ASN staff and village officials have no NIP; give the NIK',
      ],
      positionClass: [
        'Non-ASN dan perangkat desa berkelompok jabatan Non-ASN / Non-ASN subjects have the non-ASN position class',
      ],
    });
    expect(messages(subjectSchema, { ...pns, positionClass: 'non_asn' })).toEqual({
      positionClass: [
        'Kelompok jabatan Non-ASN tidak berlaku untuk ASN / An ASN cannot have the non-ASN position class',
      ],
    });
  });

  it('checks only the shape of a PPPK number', () => {
    const pppk = { name: 'Budi', employmentType: 'PPPK', positionClass: 'fungsional' };
    expect(subjectSchema.parse({ ...pppk, nip: '199001012022212001' }).nip).toBe('199001012022212001');
    expect(subjectSchema.parse(pppk).nip).toBeNull();
    expect(messages(subjectSchema, { ...pppk, nip: '1990' })).toEqual({
      nip: ['Nomor induk PPPK harus 18 digit / A PPPK number must be 18 digits'],
    });
  });
});

describe('evidence, reporters, recommendations, sanctions', () => {
  const evidence = { description: 'Foto', capturedBy: 'user-7', capturedAt: '2024-10-04T10:00:00Z' };

  it('accepts evidence with a file and normalises its hash', () => {
    const item = evidenceItemSchema.parse({ ...evidence, fileName: 'foto.jpg', sha256: 'AB'.repeat(32) });
    expect(item).toMatchObject({ url: null, fileName: 'foto.jpg', sha256: 'ab'.repeat(32) });
  });

  it('refuses evidence without link or file, and bad hashes, URLs and timestamps', () => {
    expect(messages(evidenceItemSchema, evidence)).toEqual({
      url: ['Bukti harus berupa tautan atau berkas / Evidence needs a link or a file'],
    });
    expect(
      messages(evidenceItemSchema, { ...evidence, url: 'not a url', sha256: 'xyz', capturedAt: '2024-10-04 10:00' }),
    ).toEqual({
      url: ['URL bukti tidak valid / Invalid evidence URL'],
      sha256: ['SHA-256 harus 64 karakter heksadesimal / SHA-256 must be 64 hexadecimal characters'],
      capturedAt: ['Waktu harus berformat ISO 8601 dengan zona waktu / Timestamp must be ISO 8601 with a time zone'],
    });
  });

  it('lets anonymous reporters omit their name, and no one else', () => {
    expect(reporterSchema.parse({ channel: 'sp4n_lapor', anonymous: true })).toEqual({
      name: null,
      contact: null,
      channel: 'sp4n_lapor',
      externalRef: null,
      anonymous: true,
      confidential: true,
    });
    expect(messages(reporterSchema, { channel: 'bawaslu', name: ' ' })).toEqual({
      name: ['Nama pelapor wajib diisi kecuali anonim / Reporter name is required unless anonymous'],
    });
    expect(messages(reporterSchema, { channel: 'twitter', name: 'A' })).toEqual({
      channel: ['Kanal pelaporan tidak dikenal / Unknown reporting channel'],
    });
  });

  it('accepts a recommendation and refuses an unknown body or sanction', () => {
    const rec = {
      issuingBody: 'BKN',
      number: 'R-1/2024',
      issuedOn: '2024-10-20',
      recommendedSanction: 'MORAL_TERBUKA',
    };
    expect(recommendationSchema.parse(rec)).toEqual(rec);
    expect(messages(recommendationSchema, { ...rec, issuingBody: 'KPU', recommendedSanction: 'PENJARA' })).toEqual({
      issuingBody: ['Lembaga pemberi rekomendasi tidak dikenal / Unknown issuing body'],
      recommendedSanction: ['Jenis sanksi tidak dikenal / Unknown sanction type'],
    });
  });

  it('derives the sanction level from its type and refuses a contradicting one', () => {
    const sanction = { decreeNumber: '800/12/BKPSDM/2024', decidedOn: '2024-11-01', type: 'SEDANG_TUKIN25_6' };
    expect(sanctionSchema.parse(sanction).level).toBe('sedang');
    expect(sanctionSchema.parse({ ...sanction, level: 'sedang' }).level).toBe('sedang');
    expect(messages(sanctionSchema, { ...sanction, level: 'berat' })).toEqual({
      level: ['Tingkat sanksi tidak sesuai jenisnya / The sanction level does not match its type'],
    });
  });
});

describe('cases', () => {
  it('accepts a full case', () => {
    const parsed = caseSchema.parse({
      ...caseRecord,
      recommendation: {
        issuingBody: 'BKN',
        number: 'R-1',
        issuedOn: '2024-10-20',
        recommendedSanction: 'MORAL_TERBUKA',
      },
      sanction: { decreeNumber: 'K-1', decidedOn: '2024-11-01', type: 'MORAL_TERBUKA' },
    });
    expect(parsed.subject.nip).toBe('198001012005011001');
    expect(parsed.sanction?.level).toBe('moral');
    expect(parsed.place).toBeNull();
  });

  it('refuses contradictions', () => {
    expect(
      messages(caseSchema, {
        ...caseRecord,
        contest: 'pilkada 2024',
        reportedOn: '2024-10-01',
        prohibitionCodes: ['KE-06', 'KE-06'],
      }),
    ).toEqual({
      contest: [
        'Kode kontestasi harus huruf besar, mis. PILKADA_2024 / Contest code must be upper case, e.g. PILKADA_2024',
      ],
      prohibitionCodes: ['Kode larangan tidak boleh berulang / Prohibition codes must not repeat'],
      reportedOn: ['Tanggal laporan sebelum tanggal kejadian / The report date is before the date of the act'],
    });
    expect(messages(caseSchema, { ...caseRecord, race: 'PILKADES' })).toEqual({
      race: ['Jenis pemilihan tidak dikenal / Unknown race'],
    });
  });

  it('refuses a sanction that does not apply to the subject', () => {
    const honorer = { name: 'Siti', employmentType: 'PPNPN', positionClass: 'non_asn' };
    expect(
      messages(caseSchema, {
        ...caseRecord,
        subject: honorer,
        recommendation: { issuingBody: 'BKN', number: 'R-1', issuedOn: '2024-10-20', recommendedSanction: 'PPNPN_PHK' },
        sanction: { decreeNumber: 'K-1', decidedOn: '2024-09-01', type: 'SEDANG_TUKIN25_6' },
      }),
    ).toEqual({
      'sanction.type': ['Jenis sanksi ini tidak berlaku untuk PPNPN / This sanction type does not apply to PPNPN'],
      'sanction.decidedOn': [
        'Tanggal keputusan sebelum tanggal kejadian / The decision date is before the date of the act',
      ],
    });
  });

  it('accepts case input with a reporter and defaults the rest', () => {
    const input = caseInputSchema.parse({
      regencyId: '63.01',
      unitId: 'unit-bkpsdm',
      contest: 'PEMILU_2024',
      actOn: '2024-01-10',
      subject: pns,
      source: 'bawaslu_finding',
      summary: 'Membagikan unggahan akun pemenangan.',
      reporter: { channel: 'bawaslu', name: 'Panwaslu Kecamatan' },
    });
    expect(input).toMatchObject({
      race: null,
      reportedOn: null,
      provisions: [],
      prohibitionCodes: [],
      evidence: [],
      reporter: { name: 'Panwaslu Kecamatan', anonymous: false, confidential: true },
    });
    expect('status' in input).toBe(false);
  });

  it('refuses case input missing required fields, with readable messages', () => {
    expect(messages(caseInputSchema, { regencyId: '63.01', unitId: 'u', subject: pns, source: 'rumor' })).toEqual({
      contest: ['Kontestasi wajib diisi / Contest is required'],
      actOn: ['Tanggal harus berformat YYYY-MM-DD dan valid / Date must be a valid YYYY-MM-DD date'],
      source: ['Sumber kasus tidak dikenal / Unknown case source'],
      summary: ['Uraian kejadian wajib diisi / Summary is required'],
    });
  });
});

describe('labels', () => {
  const cases = [
    [unitKindSchema.options, unitKindLabels],
    [positionClassSchema.options, positionClassLabels],
    [employmentTypeSchema.options, employmentTypeLabels],
    [caseSourceSchema.options, caseSourceLabels],
    [provisionKindSchema.options, provisionKindLabels],
    [roleSchema.options, roleLabels],
  ] as const;

  it('label every option of the enums a UI shows, in both languages', () => {
    for (const [options, labels] of cases) {
      expect(Object.keys(labels).sort()).toEqual([...options].sort());
      for (const label of Object.values(labels)) {
        expect(label.id).not.toBe('');
        expect(label.en).not.toBe('');
      }
    }
  });
});
