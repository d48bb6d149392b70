/**
 * The demo case generator: cases whose shares follow the reference statistics of DOMAIN.md §7,
 * with timelines that the case workflow (@netral/domain/workflow) accepts, inserted in batches
 * through `unnest` so a million cases take minutes.
 *
 * Deterministic: the same seed and the same database contents (regencies, units, circulars) give
 * the same cases; only the row ids (random UUIDs) differ, so running the generator twice adds
 * cases instead of colliding.
 */
import { randomUUID } from 'node:crypto';
import { addDays, type IsoDate } from '@netral/domain/calendar';
import type { CaseSource, EmploymentType, PositionClass, ReporterChannel, UnitKind } from '@netral/domain/model';
import { contests, phaseOf, type Race } from '@netral/domain/phases';
import {
  getProhibitionType,
  isProhibitionCode,
  type ProhibitionFamily,
  type SanctionType,
  sanctionLevelOf,
  sanctionTypesOfLevel,
} from '@netral/domain/taxonomy';
import {
  type CaseStatus,
  type CaseWorkflowState,
  deadlinesFor,
  defaultIssuingBodyCutover,
  type TransitionVerb,
} from '@netral/domain/workflow';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { NetralDb } from '../create-db';
import { rebuildRollups } from '../queries/rollups';
import type { DB } from '../schema';
import { type Gender, makeNik, makeNip, personName, pickPosition } from './people';
import { Deck, Random } from './random';
import { referenceRegencies, seedReference } from './reference';
import { seedUnits } from './units';

/** The shipped contests the demo cases belong to. */
type ContestCode = keyof typeof contests;

// ---------------------------------------------------------------------------------------------
// Target shares (DOMAIN.md §7 "Demo ranges")

/** Kelompok jabatan: fungsional ~25%, JPT 15–25%, pelaksana 15–18%, administrator 10–15%, pengawas ~12%, camat/lurah 7–17%. */
const positionClassWeights: Record<PositionClass, number> = {
  fungsional: 25,
  jpt: 19,
  pelaksana: 16.5,
  administrator: 12.5,
  pengawas: 12,
  kepala_wilayah: 10,
  non_asn: 5,
};

/**
 * Where cases end. Proven (a recommendation or the PPK's examination onwards) 66% of reported,
 * sanctioned (imposed or executed) 49 of those 66 (74%): inside 45–80% and 50–90%.
 */
const statusWeights: Record<CaseStatus, number> = {
  received: 3,
  verifying: 7,
  rejected: 5,
  cancelled: 2,
  forwarded: 3,
  not_proven: 12,
  lapsed: 2,
  recommended: 7,
  ppk_examination: 6,
  blocked: 4,
  sanctioned: 9,
  sanction_executed: 40,
};

/** Statuses that count as proven in the statistics (Bawaslu/KASN/BKN found a violation). */
export const provenStatuses: readonly CaseStatus[] = [
  'recommended',
  'ppk_examination',
  'blocked',
  'sanctioned',
  'sanction_executed',
];
/** Statuses that count as sanctioned. */
export const sanctionedStatuses: readonly CaseStatus[] = ['sanctioned', 'sanction_executed'];

/** About half of the acts before the campaign (47.1% in Pilkada 2020). */
const bucketWeights = { before: 50, during: 36, after: 14 } as const;

const contestWeights: Record<ContestCode, number> = { PEMILU_2024: 45, PILKADA_2024: 55 };

/**
 * Act families of cases in regencies without a circular to cite. Social media (MEDSOS + AKUN) is
 * 37% here; the two regencies with real circulars cite provisions that have no social-media code,
 * which brings the whole set to about a third (27–45%).
 */
const familyWeights: Partial<Record<ProhibitionFamily, number>> = {
  MEDSOS: 24,
  AKUN: 13,
  KEGIATAN: 14,
  FOTO: 10,
  HADIR: 8,
  IKUT: 7,
  PENDEKATAN: 6,
  APK: 5,
  KEPUTUSAN: 4,
  PARPOL: 3,
  FASILITAS: 2,
  TIM: 2,
  KTP: 1,
  PENGERAHAN: 1,
};

/** The code of an act family before and after KPU's penetapan (bakal calon vs calon). */
const familyCodes: Partial<Record<ProhibitionFamily, { pre: string; post: string }>> = {
  MEDSOS: { pre: 'KE-02', post: 'DS-02' },
  AKUN: { pre: 'KE-04', post: 'DS-06' },
  KEGIATAN: { pre: 'DS-08', post: 'DS-08' },
  FOTO: { pre: 'KE-05', post: 'DS-07' },
  HADIR: { pre: 'KE-03', post: 'DS-04' },
  IKUT: { pre: 'KE-06', post: 'PP94-5N-1' },
  PENDEKATAN: { pre: 'DS-03', post: 'DS-03' },
  APK: { pre: 'KE-01', post: 'DS-01' },
  KEPUTUSAN: { pre: 'DS-12', post: 'DS-12' },
  PARPOL: { pre: 'DS-05', post: 'DS-05' },
  FASILITAS: { pre: 'PP94-5N-4', post: 'PP94-5N-4' },
  TIM: { pre: 'DS-09', post: 'DS-10' },
  KTP: { pre: 'DS-11', post: 'DS-11' },
  PENGERAHAN: { pre: 'PP94-5N-3', post: 'PP94-5N-3' },
};

/** Weights of the provisions a Tanah Laut or Bintan case cites, by the provision's first code. */
const provisionCodeWeights: Record<string, number> = {
  'PP94-5N-1': 25,
  'PP94-5N-2': 8,
  'PP94-5N-3': 5,
  'PP94-5N-4': 10,
  'PP94-5N-5': 10,
  'PP94-5N-6': 30,
  'PP94-5N-7': 5,
};

/** More cases where the reported figures were highest (Sultra, Sulsel, NTB, Jateng). */
const regencyWeights: Record<string, number> = {
  '63.01': 6,
  '21.01': 5,
  '73.71': 6,
  '73.06': 4,
  '74.71': 6,
  '74.72': 4,
  '52.71': 6,
  '33.74': 5,
  '33.72': 4,
};
const DEFAULT_REGENCY_WEIGHT = 3;

/** Disciplinary levels for PNS: sedang the commonest ("mostly sedang", Nov 2020). */
const disciplinaryLevelWeights = { sedang: 50, berat: 28, ringan: 22 } as const;

const sourceWeights: Record<CaseSource, number> = {
  bawaslu_finding: 22,
  bawaslu_recommendation: 28,
  public_report: 32,
  internal_finding: 10,
  kasn_bkn: 8,
};

/** Act dates by contest and bucket; the phase itself comes from phaseOf. */
const actWindows: Record<ContestCode, Record<keyof typeof bucketWeights, [IsoDate, IsoDate]>> = {
  PEMILU_2024: {
    before: ['2023-05-01', '2023-11-27'],
    during: ['2023-11-28', '2024-02-10'],
    after: ['2024-02-11', '2024-03-31'],
  },
  PILKADA_2024: {
    before: ['2024-05-15', '2024-09-24'],
    during: ['2024-09-25', '2024-11-23'],
    after: ['2024-11-24', '2024-12-31'],
  },
};

/** No generated step is dated after this: the data set reads as of mid-2025, whatever the clock. */
const AS_OF: IsoDate = '2025-06-30';

// ---------------------------------------------------------------------------------------------
// Context: what the database already holds

export interface UnitRef {
  id: string;
  kind: UnitKind;
  name: string;
}

/** A provision a case may cite: a prohibition of a published circular, with confirmed codes. */
export interface CitableProvision {
  circularId: string;
  circularVersion: number;
  path: string;
  codes: string[];
}

export interface RegencyContext {
  id: string;
  name: string;
  kind: 'kabupaten' | 'kota';
  units: UnitRef[];
  citable: CitableProvision[];
  /** Users who record the steps (the officer registers and forwards, the admin decides). */
  officerId: string | null;
  adminId: string | null;
}

export interface GenerationContext {
  regencies: RegencyContext[];
}

/** Reads regencies, units, citable provisions and acting users. */
export async function loadGenerationContext(trx: Transaction<DB> | Kysely<DB>): Promise<GenerationContext> {
  const known = new Map(referenceRegencies.map((r) => [r.id, r]));
  const regencies = await trx.selectFrom('regencies').select(['id', 'name', 'kind']).orderBy('id').execute();
  const units = await trx
    .selectFrom('units')
    .select(['id', 'regency_id', 'kind', 'name'])
    .where('retired_at', 'is', null)
    .orderBy('regency_id')
    .orderBy('name')
    .orderBy('id')
    .execute();
  const provisions = await trx
    .selectFrom('provisions as p')
    .innerJoin('circulars as c', 'c.id', 'p.circular_id')
    .select(['c.regency_id', 'p.circular_id', 'c.version', 'p.path', 'p.codes'])
    .where('c.status', '=', 'published')
    .where('p.kind', '=', 'prohibition')
    .where('c.regency_id', 'is not', null)
    .orderBy('c.regency_id')
    .orderBy('p.position')
    .execute();
  const grants = await trx
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.username', 'r.role', 'r.regency_id'])
    .where('u.disabled_at', 'is', null)
    .orderBy('u.username')
    .execute();
  const national = grants.find((g) => g.role === 'national_admin')?.id ?? null;

  const result: RegencyContext[] = [];
  for (const regency of regencies) {
    // Only the demo regencies get cases: a regency an administrator registered is real.
    if (!known.has(regency.id)) continue;
    const own = units.filter((u) => u.regency_id === regency.id).map((u) => ({ id: u.id, kind: u.kind, name: u.name }));
    if (own.length === 0) continue;
    const citable = provisions
      .filter((p) => p.regency_id === regency.id)
      .map((p) => ({
        circularId: p.circular_id,
        circularVersion: p.version,
        path: p.path,
        codes: p.codes.filter((code) => isProhibitionCode(code)),
      }))
      .filter((p) => p.codes.length > 0);
    const admin = grants.find((g) => g.role === 'regency_admin' && g.regency_id === regency.id)?.id ?? national;
    const officer = grants.find((g) => g.role === 'regency_officer' && g.regency_id === regency.id)?.id ?? admin;
    result.push({
      id: regency.id,
      name: regency.name,
      kind: regency.kind,
      units: own,
      citable,
      officerId: officer,
      adminId: admin,
    });
  }
  return { regencies: result };
}

// ---------------------------------------------------------------------------------------------
// One case

interface GeneratedEvent {
  verb: TransitionVerb | 'receive';
  from: CaseStatus | null;
  to: CaseStatus;
  on: IsoDate;
  reason: string;
  actorId: string | null;
  data: Record<string, unknown>;
}

/** A case with its children, as rows to insert. */
export interface GeneratedCase {
  id: string;
  regencyId: string;
  unitId: string;
  contest: ContestCode;
  race: Race;
  actOn: IsoDate;
  phase: string;
  phaseBucket: 'before' | 'during' | 'after';
  subjectName: string;
  subjectNip: string | null;
  subjectNik: string | null;
  employmentType: EmploymentType;
  positionClass: PositionClass;
  positionTitle: string;
  source: CaseSource;
  summary: string;
  status: CaseStatus;
  receivedOn: IsoDate;
  statusChangedOn: IsoDate;
  recommendation: { body: string; number: string; issuedOn: IsoDate; sanction: SanctionType; deadline: IsoDate } | null;
  sanction: { decreeNumber: string; decidedOn: IsoDate; type: SanctionType; executedOn: IsoDate | null } | null;
  closedOn: IsoDate | null;
  createdBy: string | null;
  codes: string[];
  provisions: { circularId: string; circularVersion: number; path: string }[];
  events: GeneratedEvent[];
  reporter: { name: string | null; contact: string | null; channel: ReporterChannel; anonymous: boolean } | null;
  evidence: { description: string; url: string; sha256: string; capturedBy: string; capturedOn: IsoDate } | null;
}

const summaries: Partial<Record<ProhibitionFamily, readonly string[]>> = {
  MEDSOS: [
    'Mengunggah konten ajakan memilih {c} di akun Facebook pribadi.',
    'Membagikan video kampanye {c} di status WhatsApp dan Instagram.',
    'Menulis unggahan dukungan terhadap {c} di TikTok.',
  ],
  AKUN: [
    'Memberi tanda suka dan komentar dukungan pada unggahan akun pemenangan {c}.',
    'Bergabung dan aktif dalam grup WhatsApp tim pemenangan {c}.',
    'Membagikan ulang unggahan akun relawan {c}.',
  ],
  KEGIATAN: [
    'Mengadakan pertemuan warga yang mengarah pada keberpihakan kepada {c}.',
    'Membagikan sembako bergambar {c} kepada warga.',
    'Mengajak bawahan dalam rapat kantor untuk mendukung {c}.',
  ],
  FOTO: [
    'Berfoto bersama {c} dengan simbol jari nomor urut dan mengunggahnya di media sosial.',
    'Mengunggah foto bersama tim sukses {c} dengan atribut partai.',
  ],
  HADIR: ['Menghadiri deklarasi {c} dan ikut menyampaikan dukungan.', 'Hadir di panggung kampanye {c}.'],
  IKUT: ['Ikut kampanye terbuka {c} pada hari kerja.', 'Menjadi peserta kegiatan sosialisasi {c}.'],
  PENDEKATAN: [
    'Mendaftar penjaringan bakal calon di partai politik tanpa cuti di luar tanggungan negara.',
    'Memasang spanduk perkenalan diri sebagai bakal calon kepala daerah.',
  ],
  APK: ['Memasang spanduk {c} di pagar rumah dinas.', 'Memasang baliho {c} di lingkungan kantor.'],
  KEPUTUSAN: [
    'Menerbitkan keputusan penyaluran bantuan yang menguntungkan {c}.',
    'Memindahkan pegawai yang tidak mendukung {c}.',
  ],
  PARPOL: ['Tercatat sebagai pengurus partai politik dalam SIPOL.', 'Menjadi anggota partai politik.'],
  FASILITAS: [
    'Menggunakan mobil dinas untuk menghadiri kampanye {c}.',
    'Menggunakan aula kantor untuk kegiatan tim {c}.',
  ],
  TIM: ['Tercantum dalam susunan tim kampanye {c}.', 'Menjadi koordinator relawan {c} tingkat kecamatan.'],
  KTP: ['Mengumpulkan fotokopi KTP warga untuk dukungan calon perseorangan.'],
  PENGERAHAN: ['Mengerahkan pegawai kecamatan untuk menghadiri kampanye {c}.'],
  ATRIBUT: ['Mengenakan seragam dinas saat menghadiri kampanye {c}.'],
};

const pemiluCandidates = [
  'calon anggota DPRD kabupaten/kota',
  'calon anggota DPRD provinsi',
  'calon anggota DPR',
  'calon anggota DPD',
  'pasangan calon presiden dan wakil presiden',
];

function candidateFor(random: Random, contest: ContestCode, race: Race): string {
  if (contest === 'PEMILU_2024') {
    if (race === 'PILPRES') return 'pasangan calon presiden dan wakil presiden';
    if (race === 'DPD') return 'calon anggota DPD';
    if (race === 'DPR') return 'calon anggota DPR';
    return random.pick(pemiluCandidates.slice(0, 2));
  }
  if (race === 'PILGUB') return 'pasangan calon gubernur';
  return race === 'PILWALKOT' ? 'pasangan calon wali kota' : 'pasangan calon bupati';
}

const romanMonths = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const roman = (date: IsoDate) => romanMonths[Number(date.slice(5, 7)) - 1] ?? 'I';

function dateBetween(random: Random, from: IsoDate, to: IsoDate): IsoDate {
  const span = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return addDays(from, random.int(0, Math.max(0, span)));
}

const minDate = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** Draws the shares; one instance per generated data set keeps the decks' strata. */
export class CaseFactory {
  private readonly random: Random;
  private readonly regencyDeck: Deck<string>;
  private readonly contestDeck: Deck<ContestCode>;
  private readonly bucketDeck: Deck<keyof typeof bucketWeights>;
  private readonly classDeck: Deck<PositionClass>;
  private readonly statusDeck: Deck<CaseStatus>;
  private readonly familyDeck: Deck<ProhibitionFamily>;
  private readonly levelDeck: Deck<keyof typeof disciplinaryLevelWeights>;
  private readonly sourceDeck: Deck<CaseSource>;
  private readonly byId: Map<string, RegencyContext>;

  constructor(context: GenerationContext, seed: number) {
    if (context.regencies.length === 0) {
      throw new Error('No regency with units to generate cases for: run the seed (reference data and units) first.');
    }
    this.random = new Random(seed);
    this.byId = new Map(context.regencies.map((r) => [r.id, r]));
    const regencyWeightsHere = Object.fromEntries(
      context.regencies.map((r) => [r.id, regencyWeights[r.id] ?? DEFAULT_REGENCY_WEIGHT]),
    );
    this.regencyDeck = new Deck(this.random, regencyWeightsHere, 1000);
    this.contestDeck = new Deck(this.random, contestWeights, 100);
    this.bucketDeck = new Deck(this.random, bucketWeights, 100);
    this.classDeck = new Deck(this.random, positionClassWeights, 200);
    this.statusDeck = new Deck(this.random, statusWeights, 100);
    this.familyDeck = new Deck(this.random, familyWeights as Record<ProhibitionFamily, number>, 100);
    this.levelDeck = new Deck(this.random, disciplinaryLevelWeights, 50);
    this.sourceDeck = new Deck(this.random, sourceWeights, 50);
  }

  next(): GeneratedCase {
    const r = this.random;
    const regency = this.byId.get(this.regencyDeck.draw()) as RegencyContext;

    // When and in which contest.
    const contestCode = this.contestDeck.draw();
    const contest = contests[contestCode];
    const race: Race =
      contestCode === 'PEMILU_2024'
        ? r.weighted({ PILPRES: 30, DPR: 15, DPD: 5, DPRD_PROV: 15, DPRD_KABKOTA: 35 })
        : r.chance(0.3)
          ? 'PILGUB'
          : regency.kind === 'kota'
            ? 'PILWALKOT'
            : 'PILBUP';
    const [from, to] = actWindows[contestCode][this.bucketDeck.draw()];
    const actOn = dateBetween(r, from, to);
    const phase = phaseOf(contest, actOn, { race });
    const prePenetapan = phase.phase === 'PRA_PENETAPAN';

    // Who.
    const positionClass = this.classDeck.draw();
    const employmentType: EmploymentType =
      positionClass === 'non_asn'
        ? r.chance(0.7)
          ? 'PPNPN'
          : 'KADES_PERANGKAT_DESA'
        : (positionClass === 'fungsional' && r.chance(0.2)) || (positionClass === 'pelaksana' && r.chance(0.15))
          ? 'PPPK'
          : 'PNS';
    const position = pickPosition(r, positionClass, employmentType);
    const fitting = regency.units.filter((u) =>
      position.units.length > 0 ? position.units.includes(u.kind) : u.kind !== 'kecamatan' && u.kind !== 'kelurahan',
    );
    const unit = r.pick(fitting.length > 0 ? fitting : regency.units);
    const gender: Gender = r.chance(0.62) ? 'male' : 'female';
    const subjectName = personName(r, gender);
    let subjectNip: string | null = null;
    let subjectNik: string | null = null;
    if (employmentType === 'PNS') {
      subjectNip = makeNip(r, gender, positionClass === 'jpt' ? [1965, 1982] : [1966, 1997], 2022);
    } else if (employmentType === 'PPPK') {
      subjectNip = makeNip(r, gender, [1975, 1998], 2023);
    } else {
      subjectNik = makeNik(r, regency.id, gender);
    }

    // What: a provision of the regency's own circular, else an act family of the taxonomy.
    let codes: string[];
    let caseProvisions: GeneratedCase['provisions'] = [];
    let family: ProhibitionFamily;
    if (regency.citable.length > 0) {
      const weights = regency.citable.map((p) => provisionCodeWeights[p.codes[0] ?? ''] ?? 5);
      const total = weights.reduce((a, b) => a + b, 0);
      let u = r.next() * total;
      let chosen = regency.citable[0] as CitableProvision;
      for (let i = 0; i < weights.length; i++) {
        u -= weights[i] ?? 0;
        if (u < 0) {
          chosen = regency.citable[i] as CitableProvision;
          break;
        }
      }
      codes = [...chosen.codes];
      caseProvisions = [{ circularId: chosen.circularId, circularVersion: chosen.circularVersion, path: chosen.path }];
      family = getProhibitionType(codes[0] as string).family;
    } else {
      family = this.familyDeck.draw();
      const pair = familyCodes[family] ?? { pre: 'DS-08', post: 'DS-08' };
      codes = [prePenetapan ? pair.pre : pair.post];
    }
    const primary = getProhibitionType(codes[0] as string);
    const template = r.pick(summaries[family] ?? summaries.KEGIATAN ?? ['Dugaan pelanggaran netralitas.']);
    const summary = template.replaceAll('{c}', candidateFor(r, contestCode, race));

    // How it ended. Village officials are not the regency's to sanction: such cases go on to the
    // authority that has them (or Gakkumdu) instead.
    let status = this.statusDeck.draw();
    if (employmentType === 'KADES_PERANGKAT_DESA' && (provenStatuses.includes(status) || status === 'lapsed')) {
      status = 'forwarded';
    }
    const source = this.sourceDeck.draw();

    // The sanction that fits the subject and the act.
    let sanctionType: SanctionType;
    if (employmentType === 'PPPK') sanctionType = 'PPPK_LAIN';
    else if (employmentType === 'PPNPN') sanctionType = r.chance(0.3) ? 'PPNPN_PHK' : 'PPNPN_LAIN';
    else if (primary.regime === 'kode_etik') sanctionType = r.chance(0.6) ? 'MORAL_TERBUKA' : 'MORAL_TERTUTUP';
    else if (primary.family === 'PARPOL') sanctionType = 'PTDH';
    else sanctionType = r.pick(sanctionTypesOfLevel(this.levelDeck.draw()));

    const c = this.timeline(regency, { actOn, status, source, sanctionType, positionClass });
    return {
      id: randomUUID(),
      regencyId: regency.id,
      unitId: unit.id,
      contest: contestCode,
      race,
      actOn,
      phase: phase.phase,
      phaseBucket: phase.bucket,
      subjectName,
      subjectNip,
      subjectNik,
      employmentType,
      positionClass,
      positionTitle: position.title,
      source,
      summary,
      status,
      codes,
      provisions: caseProvisions,
      createdBy: regency.officerId,
      ...c,
    };
  }

  /** The workflow steps from registration to `status`, each dated after the previous one. */
  private timeline(
    regency: RegencyContext,
    input: {
      actOn: IsoDate;
      status: CaseStatus;
      source: CaseSource;
      sanctionType: SanctionType;
      positionClass: PositionClass;
    },
  ): Pick<
    GeneratedCase,
    'receivedOn' | 'statusChangedOn' | 'recommendation' | 'sanction' | 'closedOn' | 'events' | 'reporter' | 'evidence'
  > {
    const r = this.random;
    const { actOn, status, sanctionType } = input;
    const officer = regency.officerId;
    const admin = regency.adminId;
    const events: GeneratedEvent[] = [];
    let current: CaseStatus = 'received';
    let day = minDate(addDays(actOn, r.int(1, 9)), AS_OF);
    const receivedOn = day;
    events.push({
      verb: 'receive',
      from: null,
      to: 'received',
      on: day,
      reason: 'Laporan diterima dan dicatat',
      actorId: officer,
      data: {},
    });
    const step = (
      verb: TransitionVerb,
      to: CaseStatus,
      after: [number, number],
      reason: string,
      actorId: string | null,
      data: Record<string, unknown> = {},
      on?: IsoDate,
    ) => {
      day = minDate(on ?? addDays(day, r.int(after[0], after[1])), AS_OF);
      events.push({ verb, from: current, to, on: day, reason, actorId, data });
      current = to;
    };

    let recommendation: GeneratedCase['recommendation'] = null;
    let sanction: GeneratedCase['sanction'] = null;
    const regencyCode = regency.id.replace('.', '');
    const serial = () => String(r.int(1, 999)).padStart(3, '0');

    const recommend = () => {
      const issuedOn = minDate(addDays(day, r.int(7, 40)), AS_OF);
      const body = issuedOn < defaultIssuingBodyCutover ? 'KASN' : 'BKN';
      const number =
        body === 'KASN'
          ? `R-${serial()}/KASN/${roman(issuedOn)}/${issuedOn.slice(0, 4)}`
          : `${serial()}/R-AK.02.03/SD/K/${issuedOn.slice(0, 4)}`;
      // Mostly the sanction the PPK will impose; sometimes the PPK decides another of the same regime.
      const recommended: SanctionType =
        r.chance(0.15) && sanctionLevelOf(sanctionType) !== 'other' && sanctionType !== 'PTDH'
          ? r.pick(sanctionTypesOfLevel(sanctionLevelOf(sanctionType)))
          : sanctionType;
      step(
        'recommend',
        'recommended',
        [0, 0],
        `Rekomendasi ${body} diterima PPK`,
        officer,
        { issuingBody: body, number, issuedOn, recommendedSanction: recommended },
        minDate(addDays(issuedOn, r.int(1, 6)), AS_OF),
      );
      const state: CaseWorkflowState = {
        status: 'recommended',
        receivedOn,
        statusSince: day,
        recommendation: { issuingBody: body, number, issuedOn, recommendedSanction: recommended, receivedOn: day },
      };
      const deadline = deadlinesFor(state).ppkExecution?.due ?? addDays(day, 20);
      recommendation = { body, number, issuedOn, sanction: recommended, deadline };
      return deadline;
    };

    const verify = () =>
      step(
        'startVerification',
        'verifying',
        [0, 3],
        'Laporan memenuhi syarat formil; klarifikasi dan kajian dimulai',
        officer,
      );

    switch (status) {
      case 'received':
        break;
      case 'verifying':
        verify();
        break;
      case 'rejected': {
        const ground = r.chance(0.6) ? 'formal' : 'material';
        step(
          'reject',
          'rejected',
          [1, 5],
          ground === 'formal'
            ? 'Laporan tidak memenuhi syarat formil: identitas pelapor tidak lengkap'
            : 'Laporan tidak memenuhi syarat materiil: bukti tidak cukup',
          officer,
          { ground },
        );
        break;
      }
      case 'cancelled':
        if (r.chance(0.5)) verify();
        step('cancel', 'cancelled', [1, 7], r.pick(['Laporan dicabut oleh pelapor', 'Pencatatan ganda']), officer);
        break;
      case 'forwarded': {
        verify();
        const gakkumdu = r.chance(0.6);
        step(
          'forward',
          'forwarded',
          [3, 14],
          gakkumdu
            ? 'Dugaan tindak pidana pemilihan; dilimpahkan ke Sentra Gakkumdu'
            : 'Terlapor berada di bawah kewenangan pejabat lain',
          officer,
          {
            destination: gakkumdu
              ? { kind: 'gakkumdu' }
              : { kind: 'other_ppk', ppkName: `Bupati/Wali Kota (${regency.name})` },
          },
        );
        break;
      }
      case 'not_proven':
        verify();
        if (r.chance(0.3))
          step('startPpkExamination', 'ppk_examination', [3, 10], 'Pemeriksaan oleh Inspektorat dan BKPSDM', officer);
        step('notProven', 'not_proven', [5, 30], 'Hasil klarifikasi tidak membuktikan pelanggaran netralitas', admin);
        break;
      case 'lapsed': {
        verify();
        if (r.chance(0.5)) recommend();
        const ground = r.pick(['retired', 'resigned', 'dismissed', 'died'] as const);
        step('lapse', 'lapsed', [5, 60], `Terlapor tidak lagi berstatus pegawai (${ground})`, officer, { ground });
        break;
      }
      default: {
        // Proven: a recommendation reached the PPK.
        verify();
        const deadline = recommend();
        if (status === 'recommended') break;
        const examine = status === 'ppk_examination' || r.chance(0.6);
        if (examine)
          step('startPpkExamination', 'ppk_examination', [1, 7], 'Pemeriksaan oleh Inspektorat dan BKPSDM', officer);
        if (status === 'ppk_examination') break;
        const block = status === 'blocked' || r.chance(0.08);
        if (block) {
          const blockedOn = minDate(addDays(deadline, r.int(1, 20)), AS_OF);
          step(
            'block',
            'blocked',
            [0, 0],
            'Batas waktu tindak lanjut PPK terlampaui; data kepegawaian diblokir di SIASN',
            admin,
            { blockedOn },
            maxDate(blockedOn, day),
          );
        }
        if (status === 'blocked') break;
        const decidedOn = minDate(addDays(day, r.int(2, 15)), AS_OF);
        const decreeNumber = `800.1.6/${serial()}/BKPSDM-${regencyCode}/${decidedOn.slice(0, 4)}`;
        step(
          'impose',
          'sanctioned',
          [0, 0],
          'Keputusan hukuman ditetapkan PPK',
          admin,
          { decreeNumber, decidedOn, type: sanctionType, level: sanctionLevelOf(sanctionType) },
          decidedOn,
        );
        sanction = { decreeNumber, decidedOn, type: sanctionType, executedOn: null };
        if (status === 'sanctioned') break;
        step('execute', 'sanction_executed', [3, 30], 'Sanksi telah dilaksanakan dan dilaporkan', admin);
        sanction = { ...sanction, executedOn: day };
      }
    }

    const terminal = ['sanction_executed', 'not_proven', 'rejected', 'forwarded', 'cancelled', 'lapsed'].includes(
      status,
    );
    const reporter = this.reporter(input.source);
    const evidence = r.chance(0.6)
      ? {
          description: r.pick(['Tangkapan layar unggahan', 'Foto kegiatan', 'Rekaman video', 'Salinan surat']),
          url: `https://bukti.example.id/${r.hex(12)}`,
          sha256: r.hex(64),
          capturedBy: r.pick(['Pengawas Kelurahan/Desa', 'Panwaslu Kecamatan', 'Pelapor', 'Tim Satgas Netralitas']),
          capturedOn: minDate(addDays(actOn, r.int(0, 3)), receivedOn),
        }
      : null;
    return {
      receivedOn,
      statusChangedOn: day,
      recommendation,
      sanction,
      closedOn: terminal ? day : null,
      events,
      reporter,
      evidence,
    };
  }

  private reporter(source: CaseSource): GeneratedCase['reporter'] {
    const r = this.random;
    switch (source) {
      case 'bawaslu_finding':
      case 'bawaslu_recommendation':
        return { name: 'Bawaslu Kabupaten/Kota', contact: null, channel: 'bawaslu', anonymous: false };
      case 'public_report': {
        const channel = r.weighted({
          sp4n_lapor: 30,
          bkn_sbt: 20,
          bawaslu: 25,
          social_media: 15,
          inspektorat_desk: 10,
        });
        const anonymous = channel === 'sp4n_lapor' && r.chance(0.4);
        return {
          name: anonymous ? null : personName(r, r.chance(0.5) ? 'male' : 'female'),
          contact: anonymous ? null : `08${r.int(11, 59)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
          channel,
          anonymous,
        };
      }
      case 'internal_finding':
        return { name: 'Satgas Netralitas ASN', contact: null, channel: 'internal', anonymous: false };
      case 'kasn_bkn':
        return { name: 'BKN (Sistem Berbagi Terintegrasi)', contact: null, channel: 'bkn_sbt', anonymous: false };
      default:
        return null;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Batch insert

const at = (date: IsoDate) => `${date}T02:00:00Z`;

function column<T>(items: readonly T[], pick: (item: T) => unknown) {
  return items.map(pick);
}

/**
 * Inserts generated cases and their children with one `INSERT … SELECT FROM unnest(…)` per table:
 * one round trip and one plan per table and batch, whatever the batch size.
 */
export async function insertCases(trx: Transaction<DB> | Kysely<DB>, batch: readonly GeneratedCase[]): Promise<void> {
  if (batch.length === 0) return;
  await sql`
    insert into cases (id, regency_id, unit_id, contest, race, act_on, phase, phase_bucket, subject_name, subject_nip,
      subject_nik, employment_type, position_class, position_title, source, summary, status, received_on,
      status_changed_at, recommendation_body, recommendation_number, recommendation_issued_on, recommended_sanction,
      ppk_deadline, decree_number, decided_on, sanction_type, sanction_level, sanction_executed_on, closed_on,
      created_by, created_at, updated_at)
    select * from unnest(
      ${column(batch, (c) => c.id)}::uuid[], ${column(batch, (c) => c.regencyId)}::text[],
      ${column(batch, (c) => c.unitId)}::uuid[], ${column(batch, (c) => c.contest)}::text[],
      ${column(batch, (c) => c.race)}::text[], ${column(batch, (c) => c.actOn)}::date[],
      ${column(batch, (c) => c.phase)}::text[], ${column(batch, (c) => c.phaseBucket)}::text[],
      ${column(batch, (c) => c.subjectName)}::text[], ${column(batch, (c) => c.subjectNip)}::text[],
      ${column(batch, (c) => c.subjectNik)}::text[], ${column(batch, (c) => c.employmentType)}::text[],
      ${column(batch, (c) => c.positionClass)}::text[], ${column(batch, (c) => c.positionTitle)}::text[],
      ${column(batch, (c) => c.source)}::text[], ${column(batch, (c) => c.summary)}::text[],
      ${column(batch, (c) => c.status)}::text[], ${column(batch, (c) => c.receivedOn)}::date[],
      ${column(batch, (c) => at(c.statusChangedOn))}::timestamptz[],
      ${column(batch, (c) => c.recommendation?.body ?? null)}::text[],
      ${column(batch, (c) => c.recommendation?.number ?? null)}::text[],
      ${column(batch, (c) => c.recommendation?.issuedOn ?? null)}::date[],
      ${column(batch, (c) => c.recommendation?.sanction ?? null)}::text[],
      ${column(batch, (c) => c.recommendation?.deadline ?? null)}::date[],
      ${column(batch, (c) => c.sanction?.decreeNumber ?? null)}::text[],
      ${column(batch, (c) => c.sanction?.decidedOn ?? null)}::date[],
      ${column(batch, (c) => c.sanction?.type ?? null)}::text[],
      ${column(batch, (c) => (c.sanction ? sanctionLevelOf(c.sanction.type) : null))}::text[],
      ${column(batch, (c) => c.sanction?.executedOn ?? null)}::date[],
      ${column(batch, (c) => c.closedOn)}::date[], ${column(batch, (c) => c.createdBy)}::uuid[],
      ${column(batch, (c) => at(c.receivedOn))}::timestamptz[],
      ${column(batch, (c) => at(c.statusChangedOn))}::timestamptz[]
    )`.execute(trx);

  const codes = batch.flatMap((c) => c.codes.map((code) => ({ c, code })));
  await sql`
    insert into case_codes (case_id, regency_id, code, act_on)
    select * from unnest(${column(codes, (x) => x.c.id)}::uuid[], ${column(codes, (x) => x.c.regencyId)}::text[],
      ${column(codes, (x) => x.code)}::text[], ${column(codes, (x) => x.c.actOn)}::date[])`.execute(trx);

  const cited = batch.flatMap((c) => c.provisions.map((p) => ({ c, p })));
  if (cited.length > 0) {
    await sql`
      insert into case_provisions (case_id, regency_id, circular_id, circular_version, path)
      select * from unnest(${column(cited, (x) => x.c.id)}::uuid[], ${column(cited, (x) => x.c.regencyId)}::text[],
        ${column(cited, (x) => x.p.circularId)}::uuid[], ${column(cited, (x) => x.p.circularVersion)}::int[],
        ${column(cited, (x) => x.p.path)}::text[])`.execute(trx);
  }

  // with ordinality keeps the timeline's order in the identity column.
  const events = batch.flatMap((c) => c.events.map((e) => ({ c, e })));
  await sql`
    insert into case_events (case_id, regency_id, verb, from_status, to_status, occurred_on, reason, actor_id, data,
      created_at)
    select case_id, regency_id, verb, from_status, to_status, occurred_on, reason, actor_id, data, created_at
    from unnest(${column(events, (x) => x.c.id)}::uuid[], ${column(events, (x) => x.c.regencyId)}::text[],
      ${column(events, (x) => x.e.verb)}::text[], ${column(events, (x) => x.e.from)}::text[],
      ${column(events, (x) => x.e.to)}::text[], ${column(events, (x) => x.e.on)}::date[],
      ${column(events, (x) => x.e.reason)}::text[], ${column(events, (x) => x.e.actorId)}::uuid[],
      ${column(events, (x) => JSON.stringify(x.e.data))}::jsonb[],
      ${column(events, (x) => at(x.e.on))}::timestamptz[])
      with ordinality as t(case_id, regency_id, verb, from_status, to_status, occurred_on, reason, actor_id, data,
        created_at, n)
    order by n`.execute(trx);

  const reporters = batch.filter((c) => c.reporter !== null);
  if (reporters.length > 0) {
    await sql`
      insert into reporters (case_id, regency_id, name, contact, channel, anonymous, confidential, created_at)
      select * from unnest(${column(reporters, (c) => c.id)}::uuid[], ${column(reporters, (c) => c.regencyId)}::text[],
        ${column(reporters, (c) => c.reporter?.name ?? null)}::text[],
        ${column(reporters, (c) => c.reporter?.contact ?? null)}::text[],
        ${column(reporters, (c) => c.reporter?.channel)}::text[],
        ${column(reporters, (c) => c.reporter?.anonymous ?? false)}::boolean[],
        ${column(reporters, () => true)}::boolean[],
        ${column(reporters, (c) => at(c.receivedOn))}::timestamptz[])`.execute(trx);
  }

  const evidence = batch.filter((c) => c.evidence !== null);
  if (evidence.length > 0) {
    await sql`
      insert into evidence (case_id, regency_id, description, url, sha256, captured_by, captured_at, created_by,
        created_at)
      select * from unnest(${column(evidence, (c) => c.id)}::uuid[], ${column(evidence, (c) => c.regencyId)}::text[],
        ${column(evidence, (c) => c.evidence?.description)}::text[], ${column(evidence, (c) => c.evidence?.url)}::text[],
        ${column(evidence, (c) => c.evidence?.sha256)}::text[],
        ${column(evidence, (c) => c.evidence?.capturedBy)}::text[],
        ${column(evidence, (c) => at(c.evidence?.capturedOn ?? c.receivedOn))}::timestamptz[],
        ${column(evidence, (c) => c.createdBy)}::uuid[],
        ${column(evidence, (c) => at(c.receivedOn))}::timestamptz[])`.execute(trx);
  }
}

/**
 * Generates `count` cases in one transaction (the seed's few thousand). Call `rebuildRollups`
 * afterwards.
 */
export async function generateCasesIn(
  trx: Transaction<DB> | Kysely<DB>,
  options: { cases: number; seed: number; batchSize?: number },
): Promise<number> {
  const factory = new CaseFactory(await loadGenerationContext(trx), options.seed);
  const batchSize = options.batchSize ?? 2000;
  for (let done = 0; done < options.cases; done += batchSize) {
    const n = Math.min(batchSize, options.cases - done);
    await insertCases(
      trx,
      Array.from({ length: n }, () => factory.next()),
    );
  }
  return options.cases;
}

export interface GenerateDemoCasesOptions {
  /** How many cases to add. */
  cases: number;
  /** PRNG seed: the same seed gives the same cases (default 1). */
  seed?: number;
  /** Cases per transaction (default 5,000). */
  batchSize?: number;
  /** Called after each committed batch. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Adds `cases` generated cases to the demo regencies (reference data and units are created if
 * missing), in transactions of `batchSize` cases, then rebuilds the rollups once.
 *
 * @example
 * const { cases, seconds } = await generateDemoCases(netral, { cases: 1_000_000, seed: 7 });
 */
export async function generateDemoCases(
  db: NetralDb,
  options: GenerateDemoCasesOptions,
): Promise<{ cases: number; seconds: number }> {
  if (!Number.isInteger(options.cases) || options.cases < 0) throw new RangeError('cases must be a whole number ≥ 0');
  const started = performance.now();
  const batchSize = options.batchSize ?? 5000;
  const { context, superuser } = await db.withAdmin(async (trx) => {
    await seedReference(trx);
    await seedUnits(trx);
    const role = await sql<{
      super: boolean;
    }>`select rolsuper as super from pg_roles where rolname = current_user`.execute(trx);
    return { context: await loadGenerationContext(trx), superuser: role.rows[0]?.super === true };
  });
  // Foreign-key checks are per-row triggers and cost more than the inserts themselves. Every id
  // the generator writes was read from the database in this run, so a superuser may skip them
  // (session_replication_role, transaction-local); another role keeps them. Skipped triggers
  // include the one copying `act_on` into `case_codes`, so the insert below writes it itself.
  const skipTriggers = superuser;
  const factory = new CaseFactory(context, options.seed ?? 1);
  // The next batch is generated while the database writes this one, in slices that yield to the
  // event loop so the write's round trips go on meanwhile: both cores stay busy.
  const make = async (n: number) => {
    const out: GeneratedCase[] = [];
    while (out.length < n) {
      const slice = Math.min(500, n - out.length);
      for (let i = 0; i < slice; i++) out.push(factory.next());
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return out;
  };
  // On PostgreSQL two batches are written at once (one per core); PGlite's single connection
  // queues the second, which costs nothing.
  const inFlight: Promise<number>[] = [];
  let done = 0;
  let made = 0;
  const settleOldest = async () => {
    done += await (inFlight.shift() as Promise<number>);
    options.onProgress?.(done, options.cases);
  };
  while (made < options.cases) {
    const batch = await make(Math.min(batchSize, options.cases - made));
    made += batch.length;
    const writing = db.withAdmin(async (trx) => {
      if (skipTriggers) await sql`set local session_replication_role = replica`.execute(trx);
      await insertCases(trx, batch);
      return batch.length;
    });
    // Awaited in order below; this only keeps a failure from counting as unhandled meanwhile.
    writing.catch(() => {});
    inFlight.push(writing);
    if (inFlight.length >= 2) await settleOldest();
  }
  while (inFlight.length > 0) await settleOldest();
  await db.withAdmin((trx) => rebuildRollups(trx));
  return { cases: done, seconds: (performance.now() - started) / 1000 };
}
