import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar';
import { DomainError } from './errors';
import {
  type CampaignPhase,
  campaignPeriod,
  campaignPhaseLabels,
  campaignPhaseSchema,
  checkPhaseHint,
  contests,
  type ElectionContest,
  electionContestSchema,
  getContest,
  type PhaseBucket,
  type PhaseConfig,
  penetapanDate,
  phaseOf,
  type Race,
} from './phases';
import { phaseHintSchema } from './taxonomy';

const PRA = 'PRA_PENETAPAN';
const ANTARA = 'ANTARA_PENETAPAN_DAN_KAMPANYE';
const K = 'KAMPANYE';
const MT = 'MASA_TENANG';
const PS = 'PEMUNGUTAN';
const PASCA = 'PASCA';

/**
 * [date, phase with the penetapan day in ANTARA (default), phase with it in PRA,
 *  bucket by default (quiet period and voting day "after"), bucket with both "during"].
 */
type Row = readonly [string, CampaignPhase, CampaignPhase, PhaseBucket, PhaseBucket];

const around = (penetapan: string): Row[] => [
  [addDays(penetapan, -1), PRA, PRA, 'before', 'before'],
  [penetapan, ANTARA, PRA, 'before', 'before'],
  [addDays(penetapan, 1), ANTARA, ANTARA, 'before', 'before'],
];

const pemiluCommon: Row[] = [
  ['2023-11-27', ANTARA, ANTARA, 'before', 'before'],
  ['2023-11-28', K, K, 'during', 'during'],
  ['2023-11-29', K, K, 'during', 'during'],
  ['2024-02-09', K, K, 'during', 'during'],
  ['2024-02-10', K, K, 'during', 'during'],
  ['2024-02-11', MT, MT, 'after', 'during'],
  ['2024-02-12', MT, MT, 'after', 'during'],
  ['2024-02-13', MT, MT, 'after', 'during'],
  ['2024-02-14', PS, PS, 'after', 'during'],
  ['2024-02-15', PASCA, PASCA, 'after', 'after'],
  ['2024-02-16', PASCA, PASCA, 'after', 'after'],
];

const pilkadaCommon: Row[] = [
  ['2024-09-24', ANTARA, ANTARA, 'before', 'before'],
  ['2024-09-25', K, K, 'during', 'during'],
  ['2024-09-26', K, K, 'during', 'during'],
  ['2024-11-22', K, K, 'during', 'during'],
  ['2024-11-23', K, K, 'during', 'during'],
  ['2024-11-24', MT, MT, 'after', 'during'],
  ['2024-11-25', MT, MT, 'after', 'during'],
  ['2024-11-26', MT, MT, 'after', 'during'],
  ['2024-11-27', PS, PS, 'after', 'during'],
  ['2024-11-28', PASCA, PASCA, 'after', 'after'],
  ['2024-11-29', PASCA, PASCA, 'after', 'after'],
];

const cases: { contest: ElectionContest; race: Race | undefined; rows: Row[] }[] = [
  // No race: the default cut-off is the legislative DCT of 3 Nov 2023.
  { contest: contests.PEMILU_2024, race: undefined, rows: [...around('2023-11-03'), ...pemiluCommon] },
  ...(['DPR', 'DPD', 'DPRD_PROV', 'DPRD_KABKOTA'] as const).map((race) => ({
    contest: contests.PEMILU_2024,
    race,
    rows: [...around('2023-11-03'), ...pemiluCommon],
  })),
  {
    contest: contests.PEMILU_2024,
    race: 'PILPRES',
    rows: [
      ['2023-11-03', PRA, PRA, 'before', 'before'] as const,
      ['2023-11-04', PRA, PRA, 'before', 'before'] as const,
      ...around('2023-11-13'),
      ...pemiluCommon,
    ],
  },
  ...([undefined, 'PILGUB', 'PILBUP', 'PILWALKOT'] as const).map((race) => ({
    contest: contests.PILKADA_2024,
    race,
    rows: [...around('2024-09-22'), ...pilkadaCommon],
  })),
];

const antaraAfter: Partial<PhaseConfig> = {};
const praDuring: Partial<PhaseConfig> = {
  penetapanDaySide: 'pra',
  quietPeriodBucket: 'during',
  votingDayBucket: 'during',
};

describe('contest data', () => {
  it.each(Object.values(contests))('$code satisfies electionContestSchema', (contest) => {
    const parsed = electionContestSchema.safeParse(contest);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('has the races and penetapan dates of DOMAIN §6', () => {
    const pemilu = getContest('PEMILU_2024');
    expect(pemilu.races.map((r) => r.race).sort()).toEqual(['DPD', 'DPR', 'DPRD_KABKOTA', 'DPRD_PROV', 'PILPRES']);
    expect(penetapanDate(pemilu, 'PILPRES')).toBe('2023-11-13');
    expect(penetapanDate(pemilu, 'DPR')).toBe('2023-11-03');
    expect(penetapanDate(pemilu)).toBe('2023-11-03');
    const pilkada = getContest('PILKADA_2024');
    expect(pilkada.races.map((r) => r.race).sort()).toEqual(['PILBUP', 'PILGUB', 'PILWALKOT']);
    expect(penetapanDate(pilkada)).toBe('2024-09-22');
  });

  it('has campaign periods of 75 and 60 days', () => {
    expect(campaignPeriod(contests.PEMILU_2024)).toEqual({ start: '2023-11-28', end: '2024-02-10', days: 75 });
    expect(campaignPeriod(contests.PILKADA_2024)).toEqual({ start: '2024-09-25', end: '2024-11-23', days: 60 });
  });

  it.each(Object.values(contests))('$code timeline events agree with its phase dates', (contest) => {
    const event = (id: string) => contest.events.find((e) => e.id === id);
    expect(event('CAMPAIGN')).toMatchObject(contest.campaign);
    expect(event('QUIET_PERIOD')).toMatchObject(contest.quietPeriod);
    expect(event('VOTING_DAY')).toMatchObject({ date: contest.votingDay });
    for (const e of contest.events) {
      if ('start' in e) expect(e.start <= e.end).toBe(true);
      expect(e.name.id.length * e.name.en.length).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown contest code with UNKNOWN_CONTEST', () => {
    expect(() => getContest('PILKADA_2029')).toThrowError(DomainError);
    try {
      getContest('toString');
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).code).toBe('UNKNOWN_CONTEST');
      expect((error as DomainError).text.id).toContain('toString');
    }
  });

  it('takes a new contest as data only', () => {
    // Illustrative dates, not the real Pilkada 2029 schedule.
    const pilkada2029 = electionContestSchema.parse({
      code: 'PILKADA_2029',
      kind: 'pilkada',
      year: 2029,
      name: { id: 'Pemilihan Serentak Tahun 2029', en: '2029 Regional Head Elections' },
      legalBasis: [],
      races: [{ race: 'PILBUP', penetapanDate: '2029-09-20' }],
      defaultRace: 'PILBUP',
      campaign: { start: '2029-09-24', end: '2029-11-22' },
      quietPeriod: { start: '2029-11-23', end: '2029-11-25' },
      votingDay: '2029-11-26',
      events: [],
    });
    const registry = { ...contests, PILKADA_2029: pilkada2029 };
    const contest = getContest('PILKADA_2029', registry);
    expect(phaseOf(contest, '2029-09-21').phase).toBe(ANTARA);
    expect(phaseOf(contest, '2029-11-26').phase).toBe(PS);
  });

  it('refuses inconsistent contest data', () => {
    const base = contests.PILKADA_2024;
    const problems = (data: unknown) =>
      electionContestSchema.safeParse(data).error?.issues.map((i) => i.path.join('.'));
    expect(problems({ ...base, quietPeriod: { start: '2024-11-25', end: '2024-11-26' } })).toEqual([
      'quietPeriod.start',
    ]);
    expect(problems({ ...base, votingDay: '2024-11-28' })).toEqual(['votingDay']);
    expect(problems({ ...base, defaultRace: 'DPR' })).toEqual(['defaultRace']);
    expect(problems({ ...base, races: [{ race: 'PILBUP', penetapanDate: '2024-09-25' }] })).toEqual([
      'races.0.penetapanDate',
    ]);
    expect(problems({ ...base, campaign: { start: '2024-11-23', end: '2024-09-25' } })).toContain('campaign.end');
    expect(problems({ ...base, code: 'pilkada 2024' })).toEqual(['code']);
  });
});

describe('phaseOf on every edge date', () => {
  for (const { contest, race, rows } of cases) {
    describe(`${contest.code} race=${race ?? '(default)'}`, () => {
      it.each(rows)('%s → %s / %s, bucket %s / %s', (date, antaraPhase, praPhase, bucketAfter, bucketDuring) => {
        const byDefault = phaseOf(contest, date, { race, config: antaraAfter });
        expect([byDefault.phase, byDefault.bucket]).toEqual([antaraPhase, bucketAfter]);
        const other = phaseOf(contest, date, { race, config: praDuring });
        expect([other.phase, other.bucket]).toEqual([praPhase, bucketDuring]);
        expect(phaseOf(contest, date, { race })).toEqual(byDefault);
      });
    });
  }

  it('puts each bucket switch on its own', () => {
    const pemilu = contests.PEMILU_2024;
    expect(phaseOf(pemilu, '2024-02-12', { config: { quietPeriodBucket: 'during' } }).bucket).toBe('during');
    expect(phaseOf(pemilu, '2024-02-14', { config: { quietPeriodBucket: 'during' } }).bucket).toBe('after');
    expect(phaseOf(pemilu, '2024-02-14', { config: { votingDayBucket: 'during' } }).bucket).toBe('during');
    expect(phaseOf(pemilu, '2024-02-12', { config: { votingDayBucket: 'during' } }).bucket).toBe('after');
  });

  it('reports the cut-off it applied', () => {
    expect(phaseOf(contests.PEMILU_2024, '2023-11-10').penetapanDate).toBe('2023-11-03');
    expect(phaseOf(contests.PEMILU_2024, '2023-11-10', { race: 'PILPRES' }).penetapanDate).toBe('2023-11-13');
  });

  it('refuses a race of another contest with UNKNOWN_RACE', () => {
    expect(() => phaseOf(contests.PEMILU_2024, '2023-11-10', { race: 'PILGUB' })).toThrowError(
      expect.objectContaining({ code: 'UNKNOWN_RACE' }),
    );
  });

  it('refuses an invalid date', () => {
    expect(() => phaseOf(contests.PEMILU_2024, '2024-02-30')).toThrowError(
      expect.objectContaining({ code: 'INVALID_DATE' }),
    );
  });
});

describe('daysFromCampaignStart', () => {
  it('is negative before the campaign and aligns two contests', () => {
    const pemilu = contests.PEMILU_2024;
    const pilkada = contests.PILKADA_2024;
    expect(phaseOf(pemilu, '2023-11-27').daysFromCampaignStart).toBe(-1);
    expect(phaseOf(pemilu, '2023-11-28').daysFromCampaignStart).toBe(0);
    expect(phaseOf(pemilu, '2024-02-10').daysFromCampaignStart).toBe(74);
    expect(phaseOf(pemilu, '2024-02-14').daysFromCampaignStart).toBe(78);
    expect(phaseOf(pilkada, '2024-11-23').daysFromCampaignStart).toBe(59);
    expect(phaseOf(pilkada, '2024-11-27').daysFromCampaignStart).toBe(63);
    expect(phaseOf(pilkada, '2023-11-28').daysFromCampaignStart).toBe(-302);
  });

  it('shows why the contest must be explicit: one date, two phases', () => {
    expect(phaseOf(contests.PEMILU_2024, '2024-03-01').phase).toBe(PASCA);
    expect(phaseOf(contests.PILKADA_2024, '2024-03-01').phase).toBe(PRA);
  });
});

describe('phase properties', () => {
  const order = campaignPhaseSchema.options;
  const dateArb = fc.integer({ min: 0, max: 1000 }).map((n) => addDays('2022-06-01', n));
  const raceArb = fc.constantFrom<Race | undefined>(undefined, 'PILPRES', 'DPR');
  const configArb = fc.record({
    penetapanDaySide: fc.constantFrom('antara' as const, 'pra' as const),
    quietPeriodBucket: fc.constantFrom('during' as const, 'after' as const),
    votingDayBucket: fc.constantFrom('during' as const, 'after' as const),
  });

  it('never goes back in time', () => {
    fc.assert(
      fc.property(dateArb, dateArb, raceArb, configArb, (x, y, race, config) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const pa = phaseOf(contests.PEMILU_2024, a, { race, config });
        const pb = phaseOf(contests.PEMILU_2024, b, { race, config });
        expect(order.indexOf(pa.phase)).toBeLessThanOrEqual(order.indexOf(pb.phase));
        expect(pb.daysFromCampaignStart - pa.daysFromCampaignStart).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('puts exactly the campaign in "during" with the literal reading', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        const { phase, bucket } = phaseOf(contests.PEMILU_2024, date);
        expect(bucket === 'during').toBe(phase === K);
      }),
    );
  });
});

describe('checkPhaseHint', () => {
  for (const hint of phaseHintSchema.options) {
    for (const phase of campaignPhaseSchema.options) {
      const warns = (hint === 'pre_penetapan' && phase !== PRA) || (hint === 'post_penetapan' && phase === PRA);
      it(`${hint} in ${phase} ${warns ? 'warns' : 'passes'}`, () => {
        const warning = checkPhaseHint(hint, phase);
        if (!warns) {
          expect(warning).toBeNull();
          return;
        }
        expect(warning?.id).toContain(campaignPhaseLabels[phase].id);
        expect(warning?.en).toContain(campaignPhaseLabels[phase].en);
        expect(warning?.id).toContain(hint === 'pre_penetapan' ? 'bakal calon' : 'calon (setelah penetapan)');
      });
    }
  }

  it('follows the penetapan-day convention', () => {
    const onPenetapan = (config: Partial<PhaseConfig>) =>
      phaseOf(contests.PILKADA_2024, '2024-09-22', { config }).phase;
    expect(checkPhaseHint('post_penetapan', onPenetapan({ penetapanDaySide: 'antara' }))).toBeNull();
    expect(checkPhaseHint('pre_penetapan', onPenetapan({ penetapanDaySide: 'pra' }))).toBeNull();
  });
});

describe('phase config', () => {
  it('falls back to the defaults for keys given as undefined', () => {
    const result = phaseOf(contests.PEMILU_2024, '2024-02-12', { config: { quietPeriodBucket: undefined } });
    expect(result.bucket).toBe('after');
  });
});
