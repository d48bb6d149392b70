import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extendCalendar, indonesianCalendar } from './calendar';
import { DomainError, TransitionError, ValidationError } from './errors';
import type { roleSchema } from './model';
import {
  type Actor,
  availableTransitions,
  type CaseStatus,
  type CaseWorkflowState,
  caseEventSchema,
  caseStatusLabels,
  caseStatusSchema,
  caseWorkflowStateSchema,
  deadlinesFor,
  isOverdue,
  isTerminal,
  openCase,
  overdueDeadlines,
  type TransitionInput,
  type TransitionVerb,
  terminalStatuses,
  transition,
  transitions,
  transitionVerbSchema,
} from './workflow';

type Role = (typeof roleSchema.options)[number];

const admin: Actor = { id: 'admin-1', roles: ['regency_admin'] };
const nationalAdmin: Actor = { id: 'nat-1', roles: ['national_admin'] };
const officer: Actor = { id: 'officer-1', roles: ['regency_officer'] };
const analyst: Actor = { id: 'analyst-1', roles: ['analyst'] };

/** DOMAIN.md §5's state table, written out independently of `transitions`. */
const domainTable: Record<CaseStatus, CaseStatus[]> = {
  received: ['verifying', 'rejected', 'cancelled'],
  verifying: ['recommended', 'ppk_examination', 'not_proven', 'forwarded', 'cancelled', 'lapsed'],
  recommended: ['ppk_examination', 'sanctioned', 'blocked', 'lapsed'],
  ppk_examination: ['sanctioned', 'not_proven', 'blocked', 'lapsed'],
  blocked: ['sanctioned', 'lapsed'],
  sanctioned: ['sanction_executed'],
  sanction_executed: [],
  not_proven: [],
  rejected: [],
  forwarded: [],
  cancelled: [],
  lapsed: [],
};

const verbTarget: Record<TransitionVerb, CaseStatus> = {
  startVerification: 'verifying',
  reject: 'rejected',
  cancel: 'cancelled',
  recommend: 'recommended',
  startPpkExamination: 'ppk_examination',
  notProven: 'not_proven',
  forward: 'forwarded',
  lapse: 'lapsed',
  block: 'blocked',
  impose: 'sanctioned',
  execute: 'sanction_executed',
};

/** A complete, valid input for each verb. */
function validInput<V extends TransitionVerb>(verb: V, occurredOn = '2024-10-01'): TransitionInput<V> {
  const base = { occurredOn, reason: 'Alasan tercatat' };
  const inputs: { [K in TransitionVerb]: TransitionInput<K> } = {
    startVerification: base,
    reject: { ...base, ground: 'formal' },
    cancel: base,
    recommend: { ...base, number: 'R-1/BKN/2024', issuedOn: occurredOn, recommendedSanction: 'SEDANG_TUKIN25_6' },
    startPpkExamination: base,
    notProven: base,
    forward: { ...base, destination: { kind: 'gakkumdu' } },
    lapse: { ...base, ground: 'retired' },
    block: { ...base, blockedOn: occurredOn },
    impose: { ...base, decreeNumber: '800/12/BKPSDM/2024', decidedOn: occurredOn, type: 'SEDANG_TUKIN25_6' },
    execute: base,
  };
  return inputs[verb];
}

function stateIn(status: CaseStatus): CaseWorkflowState {
  return { status, receivedOn: '2024-09-01', statusSince: '2024-09-15' };
}

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('statuses', () => {
  it('labels every status with the Indonesian names of DOMAIN §5', () => {
    expect(Object.values(caseStatusLabels).map((l) => l.id)).toEqual([
      'DITERIMA',
      'VERIFIKASI',
      'REKOMENDASI',
      'PEMERIKSAAN_PPK',
      'DIBLOKIR',
      'SANKSI_DIJATUHKAN',
      'SANKSI_DILAKSANAKAN',
      'TIDAK_TERBUKTI',
      'DITOLAK',
      'DILIMPAHKAN',
      'DIBATALKAN',
      'GUGUR',
    ]);
    expect(Object.keys(caseStatusLabels)).toEqual(caseStatusSchema.options);
  });

  it('has the terminal statuses of DOMAIN §5, and nothing leaves them', () => {
    expect([...terminalStatuses].sort()).toEqual(
      caseStatusSchema.options.filter((s) => domainTable[s].length === 0).sort(),
    );
    for (const status of terminalStatuses) {
      expect(isTerminal(status)).toBe(true);
      expect(availableTransitions(status, ['national_admin'])).toEqual([]);
    }
    expect(isTerminal('blocked')).toBe(false);
  });

  it('matches the DOMAIN table edge for edge', () => {
    for (const status of caseStatusSchema.options) {
      const reachable = transitionVerbSchema.options
        .filter((verb) => transitions[verb].from.includes(status))
        .map((verb) => transitions[verb].to);
      expect(reachable.sort()).toEqual([...domainTable[status]].sort());
    }
    for (const verb of transitionVerbSchema.options) expect(transitions[verb].to).toBe(verbTarget[verb]);
  });
});

describe('illegal transitions', () => {
  const pairs = caseStatusSchema.options.flatMap((status) =>
    transitionVerbSchema.options.map((verb) => [status, verb] as const),
  );
  const illegal = pairs.filter(([status, verb]) => !domainTable[status].includes(verbTarget[verb]));
  const legal = pairs.filter(([status, verb]) => domainTable[status].includes(verbTarget[verb]));

  it('enumerates all 132 pairs: 20 legal, 112 illegal', () => {
    expect([pairs.length, legal.length, illegal.length]).toEqual([132, 20, 112]);
  });

  it.each(illegal)('%s --%s--> refused with ILLEGAL_TRANSITION', (status, verb) => {
    const error = thrown(() => transition(stateIn(status), verb, validInput(verb), nationalAdmin));
    expect(error).toBeInstanceOf(TransitionError);
    expect(error.code).toBe('ILLEGAL_TRANSITION');
    expect(error.text.id).toContain(caseStatusLabels[status].id);
    expect(error.text.id).toContain(caseStatusLabels[verbTarget[verb]].id);
    expect(error.text.en).toContain(caseStatusLabels[status].id);
    expect(error.text.en).toContain(caseStatusLabels[verbTarget[verb]].id);
  });

  it.each(legal)('%s --%s--> allowed for an admin', (status, verb) => {
    const result = transition(stateIn(status), verb, validInput(verb), admin);
    expect(result.status).toBe(verbTarget[verb]);
    expect(result.event).toMatchObject({ verb, from: status, to: verbTarget[verb] });
  });

  it('checks the state before the role', () => {
    const error = thrown(() => transition(stateIn('received'), 'impose', validInput('impose'), analyst));
    expect(error.code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('roles', () => {
  const officerMay: TransitionVerb[] = [
    'startVerification',
    'reject',
    'cancel',
    'recommend',
    'startPpkExamination',
    'forward',
    'lapse',
  ];
  const adminsOnly: TransitionVerb[] = ['notProven', 'block', 'impose', 'execute'];

  const legalFrom = (verb: TransitionVerb) => transitions[verb].from.map((status) => [status, verb] as const);

  it.each(adminsOnly.flatMap(legalFrom))('a regency officer may not, from %s, %s', (status, verb) => {
    const error = thrown(() => transition(stateIn(status), verb, validInput(verb), officer));
    expect(error).toBeInstanceOf(TransitionError);
    expect(error.code).toBe('TRANSITION_FORBIDDEN');
    expect(error.text.id).toContain('petugas kabupaten/kota');
  });

  it.each(officerMay.flatMap(legalFrom))('a regency officer may, from %s, %s', (status, verb) => {
    expect(transition(stateIn(status), verb, validInput(verb), officer).status).toBe(verbTarget[verb]);
  });

  it.each(transitionVerbSchema.options.flatMap(legalFrom))('analystsNeverAct: from %s, %s', (status, verb) => {
    expect((transitions[verb].roles as readonly Role[]).includes('analyst')).toBe(false);
    expect(thrown(() => transition(stateIn(status), verb, validInput(verb), analyst)).code).toBe(
      'TRANSITION_FORBIDDEN',
    );
    expect(availableTransitions(status, ['analyst'])).toEqual([]);
  });

  it('refuses an actor without roles, and accepts any one allowed role among several', () => {
    const nobody: Actor = { id: 'x', roles: [] };
    expect(thrown(() => transition(stateIn('received'), 'cancel', validInput('cancel'), nobody)).code).toBe(
      'TRANSITION_FORBIDDEN',
    );
    const both: Actor = { id: 'y', roles: ['analyst', 'regency_admin'] };
    expect(transition(stateIn('sanctioned'), 'execute', validInput('execute'), both).status).toBe('sanction_executed');
  });

  it('lists the available verbs for the UI', () => {
    expect(availableTransitions('received', ['regency_officer'])).toEqual(['startVerification', 'reject', 'cancel']);
    expect(availableTransitions('recommended', ['regency_officer'])).toEqual(['startPpkExamination', 'lapse']);
    expect(availableTransitions('recommended', ['regency_admin'])).toEqual([
      'startPpkExamination',
      'lapse',
      'block',
      'impose',
    ]);
    expect(availableTransitions('verifying', ['national_admin'])).toEqual([
      'cancel',
      'recommend',
      'startPpkExamination',
      'notProven',
      'forward',
      'lapse',
    ]);
  });
});

describe('required fields', () => {
  const issuesOf = (fn: () => unknown) => {
    const error = thrown(fn);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe('MISSING_FIELDS');
    return Object.fromEntries(error.issues.map((i) => [i.path, i.text]));
  };

  it('names every missing field of a recommendation', () => {
    const issues = issuesOf(() => transition(stateIn('verifying'), 'recommend', {} as never, admin));
    expect(Object.keys(issues).sort()).toEqual(['issuedOn', 'number', 'occurredOn', 'reason', 'recommendedSanction']);
    expect(issues.number).toEqual({ id: 'Wajib diisi.', en: 'Required.' });
  });

  it('names every missing field of a sanction, block, forward and lapse', () => {
    const missing = (status: CaseStatus, verb: TransitionVerb) =>
      Object.keys(
        issuesOf(() => transition(stateIn(status), verb, { occurredOn: '2024-10-01', reason: 'x' } as never, admin)),
      ).sort();
    expect(missing('ppk_examination', 'impose')).toEqual(['decidedOn', 'decreeNumber', 'type']);
    expect(missing('recommended', 'block')).toEqual(['blockedOn']);
    expect(missing('verifying', 'forward')).toEqual(['destination']);
    expect(missing('verifying', 'lapse')).toEqual(['ground']);
    expect(missing('received', 'reject')).toEqual(['ground']);
  });

  it('requires a non-empty reason and an occurredOn date on every transition', () => {
    for (const verb of transitionVerbSchema.options) {
      const from = transitions[verb].from[0] as CaseStatus;
      const issues = issuesOf(() =>
        transition(stateIn(from), verb, { ...validInput(verb), reason: '   ', occurredOn: undefined } as never, admin),
      );
      expect(issues.reason).toEqual({ id: 'Tidak boleh kosong.', en: 'Must not be empty.' });
      expect(issues.occurredOn).toEqual({ id: 'Wajib diisi.', en: 'Required.' });
    }
  });

  it('explains invalid values per field', () => {
    const issues = issuesOf(() =>
      transition(
        stateIn('ppk_examination'),
        'impose',
        { ...validInput('impose'), decidedOn: '2024-02-30', type: 'HUKUMAN_MATI' } as never,
        admin,
      ),
    );
    expect(issues.decidedOn?.id).toContain('Tanggal tidak valid');
    expect(issues.type?.id).toContain('SEDANG_TUKIN25_6');
  });

  it('needs the PPK named when forwarding to another PPK', () => {
    const issues = issuesOf(() =>
      transition(
        stateIn('verifying'),
        'forward',
        { ...validInput('forward'), destination: { kind: 'other_ppk' } } as never,
        admin,
      ),
    );
    expect(Object.keys(issues)).toEqual(['destination.ppkName']);
  });

  it('refuses document dates after the step, and steps dated before the current status', () => {
    const late = issuesOf(() =>
      transition(stateIn('ppk_examination'), 'impose', { ...validInput('impose'), decidedOn: '2024-10-02' }, admin),
    );
    expect(late.decidedOn?.id).toContain('Tanggal keputusan tidak boleh setelah');
    const recommendation = issuesOf(() =>
      transition(stateIn('verifying'), 'recommend', { ...validInput('recommend'), issuedOn: '2024-10-05' }, admin),
    );
    expect(recommendation.issuedOn?.en).toContain('must not be after');
    const backdated = issuesOf(() =>
      transition(stateIn('received'), 'cancel', validInput('cancel', '2024-09-14'), admin),
    );
    expect(backdated.occurredOn?.id).toContain('2024-09-15');
  });
});

describe('a full case', () => {
  it('goes received → verifying → recommended → ppk_examination → sanctioned → sanction_executed', () => {
    let state = openCase({ receivedOn: '2024-03-01', knownOn: '2024-02-27' });
    expect(caseWorkflowStateSchema.parse(state)).toEqual(state);
    const events = [];

    let step = transition(
      state,
      'startVerification',
      { occurredOn: '2024-03-04', reason: 'Laporan memenuhi syarat formil' },
      officer,
    );
    events.push(step.event);
    state = step.state;

    step = transition(
      state,
      'recommend',
      {
        occurredOn: '2024-04-05',
        reason: 'Rekomendasi KASN diterima',
        number: 'B-1234/KASN/4/2024',
        issuedOn: '2024-04-02',
        recommendedSanction: 'SEDANG_TUKIN25_6',
        documentNumber: 'B-1234/KASN/4/2024',
      },
      officer,
    );
    events.push(step.event);
    state = step.state;
    expect(state.recommendation).toEqual({
      issuingBody: 'KASN',
      number: 'B-1234/KASN/4/2024',
      issuedOn: '2024-04-02',
      recommendedSanction: 'SEDANG_TUKIN25_6',
      receivedOn: '2024-04-05',
    });
    expect(step.deadlines.ppkExecution).toMatchObject({ start: '2024-04-05', due: '2024-05-06', running: true });
    expect(step.deadlines.verification.running).toBe(false);

    step = transition(
      state,
      'startPpkExamination',
      { occurredOn: '2024-04-16', reason: 'Inspektorat dan BKPSDM memeriksa' },
      officer,
    );
    events.push(step.event);
    state = step.state;

    step = transition(
      state,
      'impose',
      {
        occurredOn: '2024-04-30',
        reason: 'Terbukti melanggar DS-02',
        decreeNumber: '800.1.6/45/BKPSDM/2024',
        decidedOn: '2024-04-29',
        type: 'SEDANG_TUKIN25_6',
      },
      admin,
    );
    events.push(step.event);
    state = step.state;
    expect(step.warnings).toEqual([]);
    expect(state.sanction).toEqual({
      decreeNumber: '800.1.6/45/BKPSDM/2024',
      decidedOn: '2024-04-29',
      type: 'SEDANG_TUKIN25_6',
      level: 'sedang',
    });

    step = transition(state, 'execute', { occurredOn: '2024-05-02', reason: 'Tukin dipotong mulai Mei' }, admin);
    events.push(step.event);
    state = step.state;

    expect(state.status).toBe('sanction_executed');
    expect(state.statusSince).toBe('2024-05-02');
    expect(state.sanction?.executedOn).toBe('2024-05-02');
    expect(isOverdue(state, '2025-01-01')).toBe(false);
    expect(caseWorkflowStateSchema.parse(state)).toEqual(state);

    expect(events.map((e) => [e.verb, e.from, e.to, e.occurredOn, e.actorId])).toEqual([
      ['startVerification', 'received', 'verifying', '2024-03-04', 'officer-1'],
      ['recommend', 'verifying', 'recommended', '2024-04-05', 'officer-1'],
      ['startPpkExamination', 'recommended', 'ppk_examination', '2024-04-16', 'officer-1'],
      ['impose', 'ppk_examination', 'sanctioned', '2024-04-30', 'admin-1'],
      ['execute', 'sanctioned', 'sanction_executed', '2024-05-02', 'admin-1'],
    ]);
    for (const event of events) expect(caseEventSchema.parse(event)).toEqual(event);
    expect(events[1]?.data).toEqual({
      issuingBody: 'KASN',
      number: 'B-1234/KASN/4/2024',
      issuedOn: '2024-04-02',
      recommendedSanction: 'SEDANG_TUKIN25_6',
      documentNumber: 'B-1234/KASN/4/2024',
    });
    expect(events[3]?.data).toMatchObject({ type: 'SEDANG_TUKIN25_6', level: 'sedang' });
    expect(events[0]?.reason).toBe('Laporan memenuhi syarat formil');
  });

  it('takes the internal route from verification to the PPK and ends not proven', () => {
    const verifying = transition(
      openCase({ receivedOn: '2024-10-01' }),
      'startVerification',
      validInput('startVerification', '2024-10-01'),
      officer,
    ).state;
    const examined = transition(
      verifying,
      'startPpkExamination',
      validInput('startPpkExamination', '2024-10-03'),
      officer,
    );
    expect(examined.deadlines.ppkExecution).toBeUndefined();
    const closed = transition(examined.state, 'notProven', validInput('notProven', '2024-10-20'), admin);
    expect(closed.status).toBe('not_proven');
  });

  it('records grounds and destinations in the event', () => {
    const forwarded = transition(
      stateIn('verifying'),
      'forward',
      { ...validInput('forward'), destination: { kind: 'other_ppk', ppkName: 'Gubernur Kalimantan Selatan' } },
      officer,
    );
    expect(forwarded.event.data).toEqual({
      destination: { kind: 'other_ppk', ppkName: 'Gubernur Kalimantan Selatan' },
    });
    const lapsed = transition(stateIn('blocked'), 'lapse', { ...validInput('lapse'), ground: 'died' }, officer);
    expect(lapsed.event.data).toEqual({ ground: 'died' });
    const rejected = transition(
      stateIn('received'),
      'reject',
      { ...validInput('reject'), ground: 'material' },
      officer,
    );
    expect(rejected.event.data).toEqual({ ground: 'material' });
  });

  it('warns when the sanction differs from the recommendation', () => {
    const recommended = transition(stateIn('verifying'), 'recommend', validInput('recommend'), admin).state;
    const imposed = transition(
      recommended,
      'impose',
      { ...validInput('impose', '2024-10-10'), type: 'MORAL_TERBUKA' },
      admin,
    );
    expect(imposed.state.sanction?.level).toBe('moral');
    expect(imposed.warnings[0]?.id).toContain('SEDANG_TUKIN25_6');
  });
});

describe('recommending body', () => {
  const recommend = (date: string, body?: 'KASN' | 'BKN' | 'SATGAS', cutover?: string) =>
    transition(
      stateIn('verifying'),
      'recommend',
      { ...validInput('recommend', '2024-12-01'), issuedOn: date, ...(body ? { issuingBody: body } : {}) },
      admin,
      cutover ? { recommendingBodyCutover: cutover } : {},
    );

  it('defaults to KASN before 24 Aug 2024 and BKN from it', () => {
    expect(recommend('2024-08-23').state.recommendation?.issuingBody).toBe('KASN');
    expect(recommend('2024-08-24').state.recommendation?.issuingBody).toBe('BKN');
  });

  it('follows a configured cut-over', () => {
    expect(recommend('2024-08-23', undefined, '2024-08-23').state.recommendation?.issuingBody).toBe('BKN');
  });

  it('keeps an explicit body, warning about KASN after the cut-over', () => {
    expect(recommend('2024-09-01', 'SATGAS').state.recommendation?.issuingBody).toBe('SATGAS');
    const late = recommend('2024-09-01', 'KASN');
    expect(late.state.recommendation?.issuingBody).toBe('KASN');
    expect(late.warnings[0]?.en).toContain('KASN');
  });
});

describe('deadlines', () => {
  /** A recommendation received on the Friday before the Lebaran 2024 holidays and cuti bersama. */
  const beforeLebaran = transition(
    { status: 'verifying', receivedOn: '2024-03-20', statusSince: '2024-03-21' },
    'recommend',
    { ...validInput('recommend', '2024-04-05'), issuedOn: '2024-04-03' },
    officer,
  ).state;

  it('gives the PPK 14 working days, skipping Lebaran', () => {
    expect(deadlinesFor(beforeLebaran).ppkExecution?.due).toBe('2024-05-06');
    expect(isOverdue(beforeLebaran, '2024-04-26')).toBe(false); // 14 calendar days would be overdue here
    expect(isOverdue(beforeLebaran, '2024-05-06')).toBe(false);
    expect(isOverdue(beforeLebaran, '2024-05-07')).toBe(true);
    expect(overdueDeadlines(beforeLebaran, '2024-05-07')).toEqual(['ppkExecution']);
  });

  it('keeps counting in the PPK examination, and stops once blocked or sanctioned', () => {
    const examined = transition(
      beforeLebaran,
      'startPpkExamination',
      validInput('startPpkExamination', '2024-04-20'),
      officer,
    );
    expect(isOverdue(examined.state, '2024-05-07')).toBe(true);
    const blocked = transition(examined.state, 'block', validInput('block', '2024-05-08'), admin);
    expect(blocked.warnings).toEqual([]);
    expect(blocked.state.blockedOn).toBe('2024-05-08');
    expect(blocked.deadlines.ppkExecution?.running).toBe(false);
    expect(isOverdue(blocked.state, '2024-06-01')).toBe(false);
  });

  it('warns when a block is recorded before the PPK deadline passed', () => {
    const early = transition(beforeLebaran, 'block', validInput('block', '2024-04-20'), admin);
    expect(early.status).toBe('blocked');
    expect(early.warnings[0]?.id).toContain('2024-05-06');
    const internal = transition(stateIn('ppk_examination'), 'block', validInput('block'), admin);
    expect(internal.warnings[0]?.en).toContain('No recommendation');
  });

  it('is configurable: 10 calendar days as Kemendagri 2020', () => {
    const options = { deadlines: { ppkExecution: { days: 10, unit: 'calendar' as const } } };
    expect(deadlinesFor(beforeLebaran, options).ppkExecution?.due).toBe('2024-04-15');
    expect(isOverdue(beforeLebaran, '2024-04-16', options)).toBe(true);
  });

  it('falls back to the default for a rule given as undefined', () => {
    expect(deadlinesFor(beforeLebaran, { deadlines: { ppkExecution: undefined } }).ppkExecution?.due).toBe(
      '2024-05-06',
    );
  });

  it('uses a deployment calendar for working days', () => {
    const regency = extendCalendar(indonesianCalendar, {
      days: [{ date: '2024-05-06', name: 'Hari Jadi Kabupaten', kind: 'holiday' }],
    });
    expect(deadlinesFor(beforeLebaran, { calendar: regency }).ppkExecution?.due).toBe('2024-05-07');
  });

  it('runs the verification clock from registration while received or verifying', () => {
    const opened = openCase({ receivedOn: '2024-11-25' });
    expect(deadlinesFor(opened).verification).toMatchObject({ due: '2024-12-02', running: true });
    expect(isOverdue(opened, '2024-12-02')).toBe(false);
    expect(overdueDeadlines(opened, '2024-12-03')).toEqual(['verification']);
    const verifying = transition(opened, 'startVerification', validInput('startVerification', '2024-11-26'), officer);
    expect(isOverdue(verifying.state, '2024-12-03')).toBe(true);
    const cancelled = transition(verifying.state, 'cancel', validInput('cancel', '2024-12-05'), officer);
    expect(isOverdue(cancelled.state, '2024-12-06')).toBe(false);
  });

  it('flags a report filed more than 7 days after the act became known, without refusing it', () => {
    expect(deadlinesFor(openCase({ receivedOn: '2024-03-01', knownOn: '2024-02-23' })).reportFiling).toMatchObject({
      due: '2024-03-01',
      filedLate: false,
      running: false,
    });
    expect(deadlinesFor(openCase({ receivedOn: '2024-03-02', knownOn: '2024-02-23' })).reportFiling?.filedLate).toBe(
      true,
    );
    expect(deadlinesFor(openCase({ receivedOn: '2024-03-02' })).reportFiling).toBeUndefined();
  });
});

describe('random walks', () => {
  it('only ever moves along the DOMAIN table and stops at terminal statuses', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...transitionVerbSchema.options), { maxLength: 12 }), (verbs) => {
        let state = openCase({ receivedOn: '2024-01-02' });
        let day = 0;
        for (const verb of verbs) {
          const occurredOn = `2024-02-${String(10 + day).padStart(2, '0')}`;
          day += 1;
          const allowed = domainTable[state.status].includes(verbTarget[verb]);
          if (!allowed) {
            expect(thrown(() => transition(state, verb, validInput(verb, occurredOn), admin)).code).toBe(
              'ILLEGAL_TRANSITION',
            );
            continue;
          }
          const { state: next, event } = transition(state, verb, validInput(verb, occurredOn), admin);
          expect(event.from).toBe(state.status);
          expect(caseWorkflowStateSchema.safeParse(next).success).toBe(true);
          state = next;
        }
        if (isTerminal(state.status)) expect(availableTransitions(state.status, ['national_admin'])).toEqual([]);
      }),
    );
  });
});
