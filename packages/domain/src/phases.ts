/**
 * Election contests as data (DOMAIN.md §6) and the campaign phase of an incident date.
 *
 * A contest (Pemilu 2024, Pilkada 2024, later Pilkada 2029…) is a value of
 * `electionContestSchema`: its races with their candidate-designation (penetapan) dates, its
 * campaign, quiet period and voting day, and its whole timeline for display. Adding a contest
 * is adding data; no code here names a contest.
 *
 * @example
 * const { phase, bucket } = phaseOf(getContest('PILKADA_2024'), '2024-09-23')
 * // phase 'ANTARA_PENETAPAN_DAN_KAMPANYE', bucket 'before'
 */
import { z } from 'zod';
import { addDays, daysBetween, type IsoDate, isoDateSchema } from './calendar';
import { DomainError, type LocalizedText } from './errors';
import type { PhaseHint } from './taxonomy';

const localizedTextSchema = z.object({ id: z.string().min(1), en: z.string().min(1) });

/** Jenis pemilihan: Pemilu (UU 7/2017) or Pilkada / Pemilihan (UU 10/2016). */
export const contestKindSchema = z.enum(['pemilu', 'pilkada']);
export type ContestKind = z.infer<typeof contestKindSchema>;

/** Kode kontestasi, e.g. `PEMILU_2024`, `PILKADA_2029`. */
export const contestCodeSchema = z
  .string({ error: 'Kontestasi wajib diisi / Contest is required' })
  .regex(/^[A-Z][A-Z0-9_]*$/, {
    error: 'Kode kontestasi harus huruf besar, mis. PILKADA_2024 / Contest code must be upper case, e.g. PILKADA_2024',
  });
export type ContestCode = z.infer<typeof contestCodeSchema>;

/** A race (jenis pemilihan) of a contest: the office whose candidates are designated. */
export const raceSchema = z.enum(
  ['PILPRES', 'DPR', 'DPD', 'DPRD_PROV', 'DPRD_KABKOTA', 'PILGUB', 'PILBUP', 'PILWALKOT'],
  { error: 'Jenis pemilihan tidak dikenal / Unknown race' },
);
export type Race = z.infer<typeof raceSchema>;

export const raceLabels: Readonly<Record<Race, LocalizedText>> = {
  PILPRES: { id: 'Presiden dan Wakil Presiden', en: 'President and Vice President' },
  DPR: { id: 'DPR', en: 'House of Representatives (DPR)' },
  DPD: { id: 'DPD', en: 'Regional Representative Council (DPD)' },
  DPRD_PROV: { id: 'DPRD Provinsi', en: 'Provincial council (DPRD Provinsi)' },
  DPRD_KABKOTA: { id: 'DPRD Kabupaten/Kota', en: 'Regency/city council (DPRD Kabupaten/Kota)' },
  PILGUB: { id: 'Gubernur dan Wakil Gubernur', en: 'Governor and Vice Governor' },
  PILBUP: { id: 'Bupati dan Wakil Bupati', en: 'Regent and Vice Regent' },
  PILWALKOT: { id: 'Wali Kota dan Wakil Wali Kota', en: 'Mayor and Vice Mayor' },
};

/** An inclusive span of days. */
export const dateRangeSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .refine((range) => range.start <= range.end, { message: 'start must not be after end', path: ['end'] });
export type DateRange = z.infer<typeof dateRangeSchema>;

/** Tahapan: one step of a contest's timeline, on a day or over a span of days. */
export const timelineEventSchema = z.union([
  z.object({ id: z.string().min(1), name: localizedTextSchema, date: isoDateSchema }),
  z.object({ id: z.string().min(1), name: localizedTextSchema, start: isoDateSchema, end: isoDateSchema }),
]);
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** A race of a contest with its penetapan date (KPU designates the candidates: bakal calon become calon). */
export const contestRaceSchema = z.object({ race: raceSchema, penetapanDate: isoDateSchema });
export type ContestRace = z.infer<typeof contestRaceSchema>;

/**
 * Kontestasi: an election contest as data. Phases need the campaign, quiet period and voting
 * day to follow each other without a gap, and every penetapan to come before the campaign.
 */
export const electionContestSchema = z
  .object({
    code: contestCodeSchema,
    kind: contestKindSchema,
    year: z.int().min(2000).max(9999),
    name: localizedTextSchema,
    /** Regulations that set the schedule, e.g. 'PKPU 3/2022'. */
    legalBasis: z.array(z.string().min(1)),
    races: z.array(contestRaceSchema).min(1),
    /** The race whose penetapan is the cut-off when a case names no race. */
    defaultRace: raceSchema,
    campaign: dateRangeSchema,
    quietPeriod: dateRangeSchema,
    votingDay: isoDateSchema,
    events: z.array(timelineEventSchema),
  })
  .superRefine((contest, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const races = contest.races.map((r) => r.race);
    if (new Set(races).size !== races.length) issue(['races'], 'each race may appear once');
    if (!races.includes(contest.defaultRace)) issue(['defaultRace'], 'defaultRace must be one of the races');
    contest.races.forEach((r, i) => {
      if (r.penetapanDate >= contest.campaign.start) {
        issue(['races', i, 'penetapanDate'], 'penetapan must come before the campaign starts');
      }
    });
    if (contest.quietPeriod.start !== addDays(contest.campaign.end, 1)) {
      issue(['quietPeriod', 'start'], 'the quiet period must start the day after the campaign ends');
    }
    if (contest.votingDay !== addDays(contest.quietPeriod.end, 1)) {
      issue(['votingDay'], 'voting day must be the day after the quiet period ends');
    }
    const ids = contest.events.map((e) => e.id);
    if (new Set(ids).size !== ids.length) issue(['events'], 'event ids must be unique');
  });
export type ElectionContest = z.infer<typeof electionContestSchema>;

/** Pemilu 2024 (PKPU 3/2022; presidential race PKPU 19/2023). */
const pemilu2024: ElectionContest = {
  code: 'PEMILU_2024',
  kind: 'pemilu',
  year: 2024,
  name: { id: 'Pemilihan Umum Tahun 2024', en: '2024 General Election' },
  legalBasis: ['PKPU 3/2022', 'PKPU 19/2023'],
  races: [
    { race: 'PILPRES', penetapanDate: '2023-11-13' },
    { race: 'DPR', penetapanDate: '2023-11-03' },
    { race: 'DPD', penetapanDate: '2023-11-03' },
    { race: 'DPRD_PROV', penetapanDate: '2023-11-03' },
    { race: 'DPRD_KABKOTA', penetapanDate: '2023-11-03' },
  ],
  // The legislative DCT (3 Nov) rather than the presidential pairs (13 Nov): regency civil
  // servants are mostly reported for supporting local legislative candidates, and from 3 Nov
  // the contest has "calon" in the sense of the SKB, so the earlier cut-off fits most cases.
  defaultRace: 'DPRD_KABKOTA',
  campaign: { start: '2023-11-28', end: '2024-02-10' },
  quietPeriod: { start: '2024-02-11', end: '2024-02-13' },
  votingDay: '2024-02-14',
  events: [
    { id: 'STAGES_BEGIN', date: '2022-06-14', name: { id: 'Tahapan Pemilu dimulai', en: 'Election stages begin' } },
    {
      id: 'PARTIES_SET',
      date: '2022-12-14',
      name: { id: 'Penetapan partai politik peserta Pemilu', en: 'Participating parties set' },
    },
    {
      id: 'PRESIDENTIAL_REGISTRATION',
      start: '2023-10-19',
      end: '2023-10-25',
      name: {
        id: 'Pendaftaran bakal pasangan calon presiden dan wakil presiden',
        en: 'Presidential tickets register',
      },
    },
    {
      id: 'LEGISLATIVE_CANDIDATES_SET',
      date: '2023-11-03',
      name: {
        id: 'Penetapan Daftar Calon Tetap (DCT) DPR, DPD, dan DPRD',
        en: 'Final candidate lists (DCT) set for DPR, DPD and DPRD',
      },
    },
    {
      id: 'PRESIDENTIAL_PAIRS_SET',
      date: '2023-11-13',
      name: { id: 'Penetapan pasangan calon presiden dan wakil presiden', en: 'Presidential pairs set' },
    },
    {
      id: 'PRESIDENTIAL_NUMBERS_DRAWN',
      date: '2023-11-14',
      name: { id: 'Pengundian nomor urut pasangan calon', en: 'Ballot numbers drawn for the presidential pairs' },
    },
    {
      id: 'BEFORE_CAMPAIGN',
      start: '2023-11-04',
      end: '2023-11-27',
      name: { id: 'Setelah penetapan DCT, belum masa kampanye', en: 'After the DCT, no campaigning yet' },
    },
    { id: 'CAMPAIGN', start: '2023-11-28', end: '2024-02-10', name: { id: 'Masa kampanye', en: 'Campaign period' } },
    { id: 'QUIET_PERIOD', start: '2024-02-11', end: '2024-02-13', name: { id: 'Masa tenang', en: 'Quiet period' } },
    { id: 'VOTING_DAY', date: '2024-02-14', name: { id: 'Pemungutan suara', en: 'Voting day' } },
    {
      id: 'RECAPITULATION',
      start: '2024-02-15',
      end: '2024-03-20',
      name: { id: 'Rekapitulasi hasil penghitungan suara', en: 'Recapitulation of the count' },
    },
  ],
};

/** Pilkada 2024 (PKPU 2/2024). */
const pilkada2024: ElectionContest = {
  code: 'PILKADA_2024',
  kind: 'pilkada',
  year: 2024,
  name: {
    id: 'Pemilihan Gubernur, Bupati, dan Wali Kota Serentak Tahun 2024',
    en: '2024 Simultaneous Regional Head Elections',
  },
  legalBasis: ['PKPU 2/2024'],
  races: [
    { race: 'PILGUB', penetapanDate: '2024-09-22' },
    { race: 'PILBUP', penetapanDate: '2024-09-22' },
    { race: 'PILWALKOT', penetapanDate: '2024-09-22' },
  ],
  // All races were designated the same day; the regent race is the one a regency sees most.
  defaultRace: 'PILBUP',
  campaign: { start: '2024-09-25', end: '2024-11-23' },
  quietPeriod: { start: '2024-11-24', end: '2024-11-26' },
  votingDay: '2024-11-27',
  events: [
    {
      id: 'PAIRS_REGISTRATION',
      start: '2024-08-27',
      end: '2024-08-29',
      name: { id: 'Pendaftaran pasangan calon', en: 'Candidate pairs register' },
    },
    { id: 'PAIRS_SET', date: '2024-09-22', name: { id: 'Penetapan pasangan calon', en: 'Candidate pairs set' } },
    {
      id: 'NUMBERS_DRAWN',
      date: '2024-09-23',
      name: { id: 'Pengundian nomor urut pasangan calon', en: 'Ballot numbers drawn' },
    },
    { id: 'CAMPAIGN', start: '2024-09-25', end: '2024-11-23', name: { id: 'Masa kampanye', en: 'Campaign period' } },
    { id: 'QUIET_PERIOD', start: '2024-11-24', end: '2024-11-26', name: { id: 'Masa tenang', en: 'Quiet period' } },
    { id: 'VOTING_DAY', date: '2024-11-27', name: { id: 'Pemungutan suara', en: 'Voting day' } },
    {
      id: 'COUNTING_AND_RECAPITULATION',
      start: '2024-11-27',
      end: '2024-12-16',
      name: { id: 'Penghitungan dan rekapitulasi suara', en: 'Counting and recapitulation' },
    },
  ],
};

/** The contests shipped with Netral, by code. */
export const contests = {
  PEMILU_2024: pemilu2024,
  PILKADA_2024: pilkada2024,
} as const satisfies Readonly<Record<string, ElectionContest>>;

/** The shipped contests, the most recent campaign first (as lists and comparisons show them). */
// ISO dates order as plain strings; `localeCompare` would build an ICU collator at import (~15 ms
// in a browser), for every app that imports this module.
export const contestsNewestFirst: readonly ElectionContest[] = Object.values(contests).sort((a, b) =>
  a.campaign.start < b.campaign.start ? 1 : a.campaign.start > b.campaign.start ? -1 : 0,
);

/**
 * The contest with `code`, from the shipped contests or a deployment's own registry.
 *
 * @example
 * getContest('PEMILU_2024').votingDay // '2024-02-14'
 * getContest('PILKADA_2029', { ...contests, PILKADA_2029: pilkada2029 })
 */
export function getContest(
  code: string,
  registry: Readonly<Record<string, ElectionContest>> = contests,
): ElectionContest {
  const contest = Object.hasOwn(registry, code) ? registry[code] : undefined;
  if (!contest) {
    throw new DomainError('UNKNOWN_CONTEST', {
      id: `Kontestasi tidak dikenal: ${code}. Pilih salah satu dari: ${Object.keys(registry).join(', ')}.`,
      en: `Unknown contest: ${code}. Choose one of: ${Object.keys(registry).join(', ')}.`,
    });
  }
  return contest;
}

/**
 * The contest's masa kampanye, with its length in days (both ends included).
 *
 * @example
 * campaignPeriod(getContest('PEMILU_2024')) // { start: '2023-11-28', end: '2024-02-10', days: 75 }
 */
export function campaignPeriod(contest: ElectionContest): DateRange & { days: number } {
  const { start, end } = contest.campaign;
  return { start, end, days: daysBetween(start, end) + 1 };
}

/**
 * The penetapan date that separates bakal calon from calon for `race`, or for the contest's
 * default race when the case names none.
 *
 * @example
 * penetapanDate(getContest('PEMILU_2024'), 'PILPRES') // '2023-11-13'
 */
export function penetapanDate(contest: ElectionContest, race?: Race): IsoDate {
  const wanted = race ?? contest.defaultRace;
  const found = contest.races.find((r) => r.race === wanted);
  if (!found) {
    throw new DomainError('UNKNOWN_RACE', {
      id: `Jenis pemilihan ${wanted} tidak termasuk dalam ${contest.code}.`,
      en: `Race ${wanted} is not part of ${contest.code}.`,
    });
  }
  return found.penetapanDate;
}

// ---------------------------------------------------------------------------------------------
// Phases

/** Fase kampanye of an incident date, finest grain. */
export const campaignPhaseSchema = z.enum([
  'PRA_PENETAPAN',
  'ANTARA_PENETAPAN_DAN_KAMPANYE',
  'KAMPANYE',
  'MASA_TENANG',
  'PEMUNGUTAN',
  'PASCA',
]);
export type CampaignPhase = z.infer<typeof campaignPhaseSchema>;

export const campaignPhaseLabels: Readonly<Record<CampaignPhase, LocalizedText>> = {
  PRA_PENETAPAN: { id: 'Sebelum penetapan calon', en: 'Before candidates are designated' },
  ANTARA_PENETAPAN_DAN_KAMPANYE: {
    id: 'Antara penetapan calon dan masa kampanye',
    en: 'Between designation and the campaign',
  },
  KAMPANYE: { id: 'Masa kampanye', en: 'Campaign period' },
  MASA_TENANG: { id: 'Masa tenang', en: 'Quiet period' },
  PEMUNGUTAN: { id: 'Hari pemungutan suara', en: 'Voting day' },
  PASCA: { id: 'Setelah pemungutan suara', en: 'After voting day' },
};

/** "Sebelum, selama, dan sesudah masa kampanye": the phases rolled up as the SKB words it. */
export const phaseBucketSchema = z.enum(['before', 'during', 'after']);
export type PhaseBucket = z.infer<typeof phaseBucketSchema>;

export const phaseBucketLabels: Readonly<Record<PhaseBucket, LocalizedText>> = {
  before: { id: 'Sebelum masa kampanye', en: 'Before the campaign' },
  during: { id: 'Selama masa kampanye', en: 'During the campaign' },
  after: { id: 'Sesudah masa kampanye', en: 'After the campaign' },
};

/**
 * Conventions where DOMAIN.md §6 leaves a choice. Defaults: the penetapan day belongs to
 * ANTARA (as DOMAIN's table has it), and the quiet period and voting day are "after" the
 * campaign (the literal reading of "sebelum, selama, dan sesudah masa kampanye").
 */
export const phaseConfigSchema = z.object({
  penetapanDaySide: z.enum(['antara', 'pra']).default('antara'),
  quietPeriodBucket: z.enum(['during', 'after']).default('after'),
  votingDayBucket: z.enum(['during', 'after']).default('after'),
});
export type PhaseConfig = z.output<typeof phaseConfigSchema>;

export const defaultPhaseConfig: PhaseConfig = phaseConfigSchema.parse({});

export interface PhaseOfOptions {
  /** The race the case concerns; without it the contest's default race sets the penetapan cut-off. */
  race?: Race;
  config?: Partial<PhaseConfig>;
}

export interface PhaseResult {
  phase: CampaignPhase;
  bucket: PhaseBucket;
  /** Negative before the campaign, 0 on its first day: aligns two contests on one axis. */
  daysFromCampaignStart: number;
  /** The penetapan cut-off that was applied. */
  penetapanDate: IsoDate;
}

/**
 * The campaign phase of an incident `date` in `contest`.
 *
 * @example
 * phaseOf(getContest('PEMILU_2024'), '2023-11-10') // ANTARA…: DPRD candidates were set on 3 Nov
 * phaseOf(getContest('PEMILU_2024'), '2023-11-10', { race: 'PILPRES' }) // PRA_PENETAPAN
 * phaseOf(getContest('PEMILU_2024'), '2024-02-12', { config: { quietPeriodBucket: 'during' } }).bucket // 'during'
 */
export function phaseOf(contest: ElectionContest, date: IsoDate, options: PhaseOfOptions = {}): PhaseResult {
  // Key by key, so an explicit `undefined` from a form falls back to the default.
  const config: PhaseConfig = {
    penetapanDaySide: options.config?.penetapanDaySide ?? defaultPhaseConfig.penetapanDaySide,
    quietPeriodBucket: options.config?.quietPeriodBucket ?? defaultPhaseConfig.quietPeriodBucket,
    votingDayBucket: options.config?.votingDayBucket ?? defaultPhaseConfig.votingDayBucket,
  };
  const cutoff = penetapanDate(contest, options.race);
  const daysFromCampaignStart = daysBetween(contest.campaign.start, date);

  let phase: CampaignPhase;
  let bucket: PhaseBucket;
  if (date < cutoff || (date === cutoff && config.penetapanDaySide === 'pra')) {
    phase = 'PRA_PENETAPAN';
    bucket = 'before';
  } else if (date < contest.campaign.start) {
    phase = 'ANTARA_PENETAPAN_DAN_KAMPANYE';
    bucket = 'before';
  } else if (date <= contest.campaign.end) {
    phase = 'KAMPANYE';
    bucket = 'during';
  } else if (date <= contest.quietPeriod.end) {
    phase = 'MASA_TENANG';
    bucket = config.quietPeriodBucket;
  } else if (date === contest.votingDay) {
    phase = 'PEMUNGUTAN';
    bucket = config.votingDayBucket;
  } else {
    phase = 'PASCA';
    bucket = 'after';
  }
  return { phase, bucket, daysFromCampaignStart, penetapanDate: cutoff };
}

/**
 * A warning when a prohibition code's phase hint does not fit the incident's phase, else null.
 * It warns and never rejects: the hints are a proposal (DOMAIN.md §3) and dates can be rough.
 *
 * @example
 * checkPhaseHint('pre_penetapan', 'KAMPANYE')?.en
 * // 'This code concerns prospective candidates (before designation), but the incident falls in: Campaign period. …'
 * checkPhaseHint('any', 'KAMPANYE') // null
 */
export function checkPhaseHint(codeHint: PhaseHint, phase: CampaignPhase): LocalizedText | null {
  const label = campaignPhaseLabels[phase];
  if (codeHint === 'pre_penetapan' && phase !== 'PRA_PENETAPAN') {
    return {
      id: `Kode ini untuk bakal calon (sebelum penetapan), tetapi kejadian jatuh pada fase: ${label.id}. Periksa kode atau tanggal kejadian.`,
      en: `This code concerns prospective candidates (before designation), but the incident falls in: ${label.en}. Check the code or the incident date.`,
    };
  }
  if (codeHint === 'post_penetapan' && phase === 'PRA_PENETAPAN') {
    return {
      id: `Kode ini untuk calon (setelah penetapan), tetapi kejadian jatuh pada fase: ${label.id}. Periksa kode atau tanggal kejadian.`,
      en: `This code concerns designated candidates (after designation), but the incident falls in: ${label.en}. Check the code or the incident date.`,
    };
  }
  return null;
}
