/**
 * The case workflow (DOMAIN.md §5) as a pure state machine: statuses, named transitions with
 * the roles allowed and the fields each requires, the timeline event each writes, and the
 * deadlines that follow from a case's dates.
 *
 * @example
 * const opened = openCase({ receivedOn: '2024-03-01' })
 * const { state, event } = transition(opened, 'startVerification',
 *   { occurredOn: '2024-03-02', reason: 'Laporan memenuhi syarat formil' },
 *   { id: 'u-1', roles: ['regency_officer'] })
 * state.status // 'verifying'; event.from === 'received'
 */
import { z } from 'zod';
import {
  addDays,
  addWorkingDays,
  type HolidayCalendar,
  type IsoDate,
  indonesianCalendar,
  isoDateSchema,
} from './calendar';
import { type FieldIssue, type LocalizedText, TransitionError, ValidationError } from './errors';
import { issuingBodySchema, type Role } from './model';
import { sanctionLevelOf, sanctionLevelSchema, sanctionTypeSchema } from './taxonomy';

// ---------------------------------------------------------------------------------------------
// Statuses

/** Status perkara. */
export const caseStatusSchema = z.enum([
  'received',
  'verifying',
  'recommended',
  'ppk_examination',
  'blocked',
  'sanctioned',
  'sanction_executed',
  'not_proven',
  'rejected',
  'forwarded',
  'cancelled',
  'lapsed',
]);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** The Indonesian names the UI shows (as in DOMAIN.md §5), with English. */
export const caseStatusLabels: Readonly<Record<CaseStatus, LocalizedText>> = {
  received: { id: 'DITERIMA', en: 'Received' },
  verifying: { id: 'VERIFIKASI', en: 'Verifying' },
  recommended: { id: 'REKOMENDASI', en: 'Recommendation sent to the PPK' },
  ppk_examination: { id: 'PEMERIKSAAN_PPK', en: 'PPK examination' },
  blocked: { id: 'DIBLOKIR', en: 'Blocked (PPK overdue)' },
  sanctioned: { id: 'SANKSI_DIJATUHKAN', en: 'Sanction imposed' },
  sanction_executed: { id: 'SANKSI_DILAKSANAKAN', en: 'Sanction executed' },
  not_proven: { id: 'TIDAK_TERBUKTI', en: 'Not proven' },
  rejected: { id: 'DITOLAK', en: 'Rejected' },
  forwarded: { id: 'DILIMPAHKAN', en: 'Forwarded' },
  cancelled: { id: 'DIBATALKAN', en: 'Cancelled' },
  lapsed: { id: 'GUGUR', en: 'Lapsed' },
};

/** Statuses no transition leaves. */
export const terminalStatuses: readonly CaseStatus[] = [
  'sanction_executed',
  'not_proven',
  'rejected',
  'forwarded',
  'cancelled',
  'lapsed',
];

/**
 * Whether a case in `status` is closed.
 *
 * @example
 * isTerminal('not_proven') // true
 */
export function isTerminal(status: CaseStatus): boolean {
  return terminalStatuses.includes(status);
}

// ---------------------------------------------------------------------------------------------
// Field vocabularies

/** KASN stopped on 24 Aug 2024 (one source says 23 Aug; DOMAIN.md §5). */
export const defaultIssuingBodyCutover: IsoDate = '2024-08-24';

/** Why a report is rejected: it fails the syarat formil (identities, timeliness) or materiil (facts, evidence). */
export const rejectionGroundSchema = z.enum(['formal', 'material']);
export type RejectionGround = z.infer<typeof rejectionGroundSchema>;

/** Why a case lapses (gugur): the subject is no longer a civil servant. */
export const lapseGroundSchema = z.enum(['resigned', 'retired', 'dismissed', 'died']);
export type LapseGround = z.infer<typeof lapseGroundSchema>;

/** Where a case is forwarded (dilimpahkan): Gakkumdu (election crime) or the PPK that has authority. */
export const forwardDestinationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('gakkumdu') }),
  z.object({ kind: z.literal('other_ppk'), ppkName: z.string().trim().min(1) }),
]);
export type ForwardDestination = z.infer<typeof forwardDestinationSchema>;

// ---------------------------------------------------------------------------------------------
// Case state

/** Rekomendasi received by the PPK. `receivedOn` starts the PPK's deadline. */
export const recordedRecommendationSchema = z.object({
  issuingBody: issuingBodySchema,
  number: z.string().min(1),
  issuedOn: isoDateSchema,
  recommendedSanction: sanctionTypeSchema,
  receivedOn: isoDateSchema,
});
export type RecordedRecommendation = z.infer<typeof recordedRecommendationSchema>;

/** Keputusan hukuman: the PPK's decree. */
export const sanctionDecisionSchema = z.object({
  decreeNumber: z.string().min(1),
  decidedOn: isoDateSchema,
  type: sanctionTypeSchema,
  level: sanctionLevelSchema,
  executedOn: isoDateSchema.optional(),
});
export type SanctionDecision = z.infer<typeof sanctionDecisionSchema>;

/** The part of a case the workflow reads and writes. */
export const caseWorkflowStateSchema = z.object({
  status: caseStatusSchema,
  /** Tanggal diterima: registration. Starts the verification deadline. */
  receivedOn: isoDateSchema,
  /** When the reporter learnt of the act, if known. Starts the 7-day filing limit. */
  knownOn: isoDateSchema.optional(),
  /** Date of the last transition; a new one may not be dated earlier. */
  statusSince: isoDateSchema,
  recommendation: recordedRecommendationSchema.optional(),
  sanction: sanctionDecisionSchema.optional(),
  /** Tanggal blokir SIASN. */
  blockedOn: isoDateSchema.optional(),
});
export type CaseWorkflowState = z.infer<typeof caseWorkflowStateSchema>;

/**
 * A newly registered case (DITERIMA).
 *
 * @example
 * openCase({ receivedOn: '2024-03-01', knownOn: '2024-02-27' }).status // 'received'
 */
export function openCase(input: { receivedOn: IsoDate; knownOn?: IsoDate }): CaseWorkflowState {
  const { receivedOn, knownOn } = z
    .object({ receivedOn: isoDateSchema, knownOn: isoDateSchema.optional() })
    .parse(input);
  return { status: 'received', receivedOn, statusSince: receivedOn, ...(knownOn ? { knownOn } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Transitions

/** The verbs of the workflow. */
export const transitionVerbSchema = z.enum([
  'startVerification',
  'reject',
  'cancel',
  'recommend',
  'startPpkExamination',
  'notProven',
  'forward',
  'lapse',
  'block',
  'impose',
  'execute',
]);
export type TransitionVerb = z.infer<typeof transitionVerbSchema>;

export const transitionVerbLabels: Readonly<Record<TransitionVerb, LocalizedText>> = {
  startVerification: { id: 'Mulai verifikasi', en: 'Start verification' },
  reject: { id: 'Tolak laporan', en: 'Reject the report' },
  cancel: { id: 'Batalkan', en: 'Cancel' },
  recommend: { id: 'Catat rekomendasi', en: 'Record the recommendation' },
  startPpkExamination: { id: 'Mulai pemeriksaan PPK', en: 'Start the PPK examination' },
  notProven: { id: 'Nyatakan tidak terbukti', en: 'Declare not proven' },
  forward: { id: 'Limpahkan', en: 'Forward' },
  lapse: { id: 'Nyatakan gugur', en: 'Declare lapsed' },
  block: { id: 'Catat pemblokiran SIASN', en: 'Record the SIASN block' },
  impose: { id: 'Jatuhkan sanksi', en: 'Impose the sanction' },
  execute: { id: 'Catat pelaksanaan sanksi', en: 'Record the sanction as executed' },
};

/** Analysts read aggregates and never act on a case, so the type of allowed roles excludes them. */
export type ActingRole = Exclude<Role, 'analyst'>;

export interface TransitionDefinition {
  from: readonly CaseStatus[];
  to: CaseStatus;
  roles: readonly ActingRole[];
}

const ADMINS: readonly ActingRole[] = ['national_admin', 'regency_admin'];
const STAFF: readonly ActingRole[] = ['national_admin', 'regency_admin', 'regency_officer'];

/**
 * The edges of DOMAIN.md §5's table. Roles: admins may do everything in their regency. An
 * officer registers and moves a case through its procedural steps and records documents that
 * arrive (a recommendation, a forwarding, a lapse found in SIASN, a cancellation of a wrong
 * entry). Decisions on the merits and on sanctions stay with admins: declaring a case not
 * proven, imposing or executing a sanction, recording a SIASN block, since each of those
 * closes a case against a person or acts against an official.
 */
export const transitions: Readonly<Record<TransitionVerb, TransitionDefinition>> = {
  startVerification: { from: ['received'], to: 'verifying', roles: STAFF },
  reject: { from: ['received'], to: 'rejected', roles: STAFF },
  cancel: { from: ['received', 'verifying'], to: 'cancelled', roles: STAFF },
  recommend: { from: ['verifying'], to: 'recommended', roles: STAFF },
  // From verifying: the internal route, when Satgas/Inspektorat findings go straight to the PPK.
  startPpkExamination: { from: ['verifying', 'recommended'], to: 'ppk_examination', roles: STAFF },
  notProven: { from: ['verifying', 'ppk_examination'], to: 'not_proven', roles: ADMINS },
  forward: { from: ['verifying'], to: 'forwarded', roles: STAFF },
  lapse: { from: ['verifying', 'recommended', 'ppk_examination', 'blocked'], to: 'lapsed', roles: STAFF },
  block: { from: ['recommended', 'ppk_examination'], to: 'blocked', roles: ADMINS },
  impose: { from: ['recommended', 'ppk_examination', 'blocked'], to: 'sanctioned', roles: ADMINS },
  execute: { from: ['sanctioned'], to: 'sanction_executed', roles: ADMINS },
};

const requiredText = z.string().trim().min(1);

/** Every transition says when it happened and why; a document number is kept when there is one. */
const baseInputSchema = z.object({
  occurredOn: isoDateSchema,
  reason: requiredText,
  documentNumber: requiredText.optional(),
});

function notAfterOccurredOn<T extends { occurredOn: IsoDate }>(field: keyof T & string, what: LocalizedText) {
  return (value: T, ctx: z.core.$RefinementCtx<T>) => {
    const date = value[field];
    if (typeof date === 'string' && date > value.occurredOn) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `${what.en} must not be after the transition date`,
        params: {
          id: `${what.id} tidak boleh setelah tanggal tindakan ini (${value.occurredOn}).`,
          en: `${what.en} must not be after the date of this step (${value.occurredOn}).`,
        },
      });
    }
  };
}

/** The fields each transition requires. */
export const transitionInputSchemas = {
  startVerification: baseInputSchema,
  reject: baseInputSchema.extend({ ground: rejectionGroundSchema }),
  cancel: baseInputSchema,
  recommend: baseInputSchema
    .extend({
      /** Defaults to KASN before the cut-over and BKN from it, by the recommendation's date. */
      issuingBody: issuingBodySchema.optional(),
      number: requiredText,
      issuedOn: isoDateSchema,
      recommendedSanction: sanctionTypeSchema,
    })
    .superRefine(notAfterOccurredOn('issuedOn', { id: 'Tanggal rekomendasi', en: 'The recommendation date' })),
  startPpkExamination: baseInputSchema,
  notProven: baseInputSchema,
  forward: baseInputSchema.extend({ destination: forwardDestinationSchema }),
  lapse: baseInputSchema.extend({ ground: lapseGroundSchema }),
  block: baseInputSchema
    .extend({ blockedOn: isoDateSchema })
    .superRefine(notAfterOccurredOn('blockedOn', { id: 'Tanggal blokir', en: 'The block date' })),
  impose: baseInputSchema
    .extend({ decreeNumber: requiredText, decidedOn: isoDateSchema, type: sanctionTypeSchema })
    .superRefine(notAfterOccurredOn('decidedOn', { id: 'Tanggal keputusan', en: 'The decree date' })),
  execute: baseInputSchema,
} as const satisfies Record<TransitionVerb, z.ZodType>;

export type TransitionInput<V extends TransitionVerb> = z.input<(typeof transitionInputSchemas)[V]>;

/** Who acts: their id and their roles in the case's regency. */
export interface Actor {
  id: string;
  roles: readonly Role[];
}

/** A timeline entry (riwayat) written by a transition. */
export const caseEventSchema = z.object({
  verb: transitionVerbSchema,
  from: caseStatusSchema,
  to: caseStatusSchema,
  occurredOn: isoDateSchema,
  reason: z.string().min(1),
  actorId: z.string().min(1),
  /** The transition's own fields (recommendation, decree, ground, destination, document number…). */
  data: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

// ---------------------------------------------------------------------------------------------
// Deadlines

/** A limit in calendar days (hari) or working days (hari kerja, see calendar.ts). */
export const deadlineRuleSchema = z.object({
  days: z.int().positive(),
  unit: z.enum(['calendar', 'working']),
});
export type DeadlineRule = z.infer<typeof deadlineRuleSchema>;

/**
 * Batas waktu [configurable]. Only the clocks that run inside a regency's case are here;
 * Bawaslu's kajian and LAPOR!'s forwarding limits (DOMAIN.md §5) run in those systems.
 *
 * - reportFiling: 7 days from when the act became known (UU 7/2017 Pasal 454 ayat (6)); the law
 *   counts "hari" as calendar days. A late filing is flagged, not refused: syarat formil is
 *   judged by people.
 * - verification: 7 days from registration (BKN's SBT, 2024).
 * - ppkExecution: 14 working days from the recommendation's receipt. Of the published figures
 *   (10 days, Kemendagri 2020; 14 hari kerja) it is the later one: an overdue PPK can be blocked
 *   in SIASN, so the flag must not fire while any published limit still runs, and working days
 *   keep Lebaran's cuti bersama from eating the PPK's time. Set `{ days: 10, unit: 'calendar' }`
 *   to follow Kemendagri.
 */
export const deadlineConfigSchema = z.object({
  reportFiling: deadlineRuleSchema.default({ days: 7, unit: 'calendar' }),
  verification: deadlineRuleSchema.default({ days: 7, unit: 'calendar' }),
  ppkExecution: deadlineRuleSchema.default({ days: 14, unit: 'working' }),
});
export type DeadlineConfig = z.output<typeof deadlineConfigSchema>;
export type DeadlineKind = keyof DeadlineConfig;

export const defaultDeadlineConfig: DeadlineConfig = deadlineConfigSchema.parse({});

export interface WorkflowOptions {
  /** From this date a recommendation defaults to BKN instead of KASN. */
  recommendingBodyCutover?: IsoDate;
  deadlines?: Partial<DeadlineConfig>;
  /** Days off for working-day deadlines; defaults to the national calendar. */
  calendar?: HolidayCalendar;
}

export interface Deadline {
  kind: DeadlineKind;
  start: IsoDate;
  /** Last day allowed; overdue from the next day. */
  due: IsoDate;
  rule: DeadlineRule;
  /** The clock runs only while the case is in the step it limits. */
  running: boolean;
}

export interface CaseDeadlines {
  /** Present when `knownOn` is known. Never running: it judges how the report arrived. */
  reportFiling?: Deadline & { filedLate: boolean };
  verification: Deadline;
  /** Present once a recommendation has been recorded. */
  ppkExecution?: Deadline;
}

const runningIn: Readonly<Record<DeadlineKind, readonly CaseStatus[]>> = {
  reportFiling: [],
  verification: ['received', 'verifying'],
  ppkExecution: ['recommended', 'ppk_examination'],
};

function dueDate(start: IsoDate, rule: DeadlineRule, calendar: HolidayCalendar): IsoDate {
  return rule.unit === 'working' ? addWorkingDays(start, rule.days, calendar) : addDays(start, rule.days);
}

/**
 * The deadlines that follow from a case's dates.
 *
 * @example
 * deadlinesFor({ ...recommendedCase, recommendation: { ...r, receivedOn: '2024-04-05' } }).ppkExecution?.due
 * // '2024-05-06': 14 working days, Lebaran 2024 holidays and cuti bersama skipped
 */
export function deadlinesFor(state: CaseWorkflowState, options: WorkflowOptions = {}): CaseDeadlines {
  // Key by key, so an explicit `undefined` falls back to the default.
  const config: DeadlineConfig = {
    reportFiling: options.deadlines?.reportFiling ?? defaultDeadlineConfig.reportFiling,
    verification: options.deadlines?.verification ?? defaultDeadlineConfig.verification,
    ppkExecution: options.deadlines?.ppkExecution ?? defaultDeadlineConfig.ppkExecution,
  };
  const calendar = options.calendar ?? indonesianCalendar;
  const make = (kind: DeadlineKind, start: IsoDate): Deadline => ({
    kind,
    start,
    due: dueDate(start, config[kind], calendar),
    rule: config[kind],
    running: runningIn[kind].includes(state.status),
  });

  const deadlines: CaseDeadlines = { verification: make('verification', state.receivedOn) };
  if (state.knownOn) {
    const filing = make('reportFiling', state.knownOn);
    deadlines.reportFiling = { ...filing, filedLate: state.receivedOn > filing.due };
  }
  if (state.recommendation) deadlines.ppkExecution = make('ppkExecution', state.recommendation.receivedOn);
  return deadlines;
}

/**
 * The running deadlines that `today` has passed.
 *
 * @example
 * overdueDeadlines(recommendedCase, '2024-05-07') // ['ppkExecution']
 */
export function overdueDeadlines(
  state: CaseWorkflowState,
  today: IsoDate,
  options: WorkflowOptions = {},
): DeadlineKind[] {
  return Object.values(deadlinesFor(state, options))
    .filter((deadline) => deadline.running && today > deadline.due)
    .map((deadline) => deadline.kind);
}

/**
 * Derived flag: a running deadline has passed. For a recommended or ppk_examination case that
 * is the PPK's deadline, and the case may then be blocked; for a received or verifying case it
 * is the verification deadline.
 *
 * @example
 * isOverdue(recommendedCase, '2024-05-06') // false: the due day itself is still on time
 * isOverdue(recommendedCase, '2024-05-07') // true
 */
export function isOverdue(state: CaseWorkflowState, today: IsoDate, options: WorkflowOptions = {}): boolean {
  return overdueDeadlines(state, today, options).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Applying a transition

export interface TransitionResult {
  status: CaseStatus;
  event: CaseEvent;
  /** The case after the transition, with the recommendation, decree or block date recorded. */
  state: CaseWorkflowState;
  deadlines: CaseDeadlines;
  /** Things worth a second look that do not stop the transition. */
  warnings: LocalizedText[];
}

const roleLabels: Readonly<Record<Role, LocalizedText>> = {
  national_admin: { id: 'admin nasional', en: 'national administrator' },
  regency_admin: { id: 'admin kabupaten/kota', en: 'regency administrator' },
  regency_officer: { id: 'petugas kabupaten/kota', en: 'regency officer' },
  analyst: { id: 'analis', en: 'analyst' },
};

function listRoles(roles: readonly Role[], lang: keyof LocalizedText): string {
  return roles.length === 0 ? '–' : roles.map((role) => roleLabels[role][lang]).join(', ');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function issueText(issue: z.core.$ZodIssue, input: unknown): LocalizedText {
  if (issue.code === 'custom' && issue.params && typeof issue.params.id === 'string') {
    return { id: issue.params.id, en: String(issue.params.en) };
  }
  const value = valueAt(input, issue.path);
  if (value === undefined || value === null) return { id: 'Wajib diisi.', en: 'Required.' };
  switch (issue.code) {
    case 'too_small':
      return { id: 'Tidak boleh kosong.', en: 'Must not be empty.' };
    case 'invalid_format':
      return { id: 'Tanggal tidak valid (format TTTT-BB-HH).', en: 'Invalid date (expected YYYY-MM-DD).' };
    case 'invalid_value':
      return {
        id: `Nilai tidak dikenal. Pilih salah satu: ${issue.values.map(String).join(', ')}.`,
        en: `Unknown value. Choose one of: ${issue.values.map(String).join(', ')}.`,
      };
    default:
      return { id: 'Nilai tidak valid.', en: 'Invalid value.' };
  }
}

function missingFields(issues: FieldIssue[], verb: TransitionVerb): ValidationError {
  const label = transitionVerbLabels[verb];
  return new ValidationError(
    {
      id: `Data untuk "${label.id}" belum lengkap atau tidak valid: ${issues.map((i) => i.path).join(', ')}.`,
      en: `The data for "${label.en}" is incomplete or invalid: ${issues.map((i) => i.path).join(', ')}.`,
    },
    issues,
    'MISSING_FIELDS',
  );
}

/**
 * Applies `verb` to a case. Checks, in order, that the verb leaves the current status
 * (ILLEGAL_TRANSITION), that the actor may do it (TRANSITION_FORBIDDEN), and its fields
 * (MISSING_FIELDS, one issue per field); then returns the new status, the timeline event, the
 * updated case and its deadlines. Pure: nothing is stored.
 *
 * @example
 * transition(verifyingCase, 'recommend', {
 *   occurredOn: '2024-09-05', reason: 'Rekomendasi BKN diterima',
 *   number: 'R-123/BKN/2024', issuedOn: '2024-09-02', recommendedSanction: 'SEDANG_TUKIN25_6',
 * }, { id: 'u-1', roles: ['regency_officer'] }).state.recommendation?.issuingBody // 'BKN'
 */
export function transition<V extends TransitionVerb>(
  state: CaseWorkflowState,
  verb: V,
  input: TransitionInput<V>,
  actor: Actor,
  options: WorkflowOptions = {},
): TransitionResult {
  const definition: TransitionDefinition | undefined = Object.hasOwn(transitions, verb) ? transitions[verb] : undefined;
  if (!definition) {
    throw new ValidationError({ id: `Tindakan tidak dikenal: ${verb}.`, en: `Unknown action: ${verb}.` });
  }
  const from = state.status;
  if (!definition.from.includes(from)) {
    const a = caseStatusLabels[from] ?? { id: String(from), en: String(from) };
    const b = caseStatusLabels[definition.to];
    throw new TransitionError('ILLEGAL_TRANSITION', {
      id: `Perkara berstatus ${a.id} tidak dapat diubah menjadi ${b.id}.`,
      en: `A case in status ${a.id} (${a.en}) cannot move to ${b.id} (${b.en}).`,
    });
  }
  if (!actor.roles.some((role) => (definition.roles as readonly Role[]).includes(role))) {
    const label = transitionVerbLabels[verb];
    throw new TransitionError('TRANSITION_FORBIDDEN', {
      id: `Peran Anda (${listRoles(actor.roles, 'id')}) tidak berwenang untuk "${label.id}". Yang berwenang: ${listRoles(definition.roles, 'id')}.`,
      en: `Your roles (${listRoles(actor.roles, 'en')}) may not "${label.en}". Allowed: ${listRoles(definition.roles, 'en')}.`,
    });
  }

  const schema: z.ZodType = transitionInputSchemas[verb];
  const parsed = schema.safeParse(input);
  const issues: FieldIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), text: issueText(issue, input) }));
  if (parsed.success) {
    const { occurredOn } = parsed.data as { occurredOn: IsoDate };
    if (occurredOn < state.statusSince) {
      issues.push({
        path: 'occurredOn',
        text: {
          id: `Tanggal tidak boleh sebelum tanggal status saat ini (${state.statusSince}).`,
          en: `The date must not be before the current status began (${state.statusSince}).`,
        },
      });
    }
  }
  if (!parsed.success || issues.length > 0) throw missingFields(issues, verb);

  const { occurredOn, reason, ...data } = parsed.data as z.output<typeof baseInputSchema> & Record<string, unknown>;
  const next: CaseWorkflowState = { ...state, status: definition.to, statusSince: occurredOn };
  const warnings: LocalizedText[] = [];
  const cutover = options.recommendingBodyCutover ?? defaultIssuingBodyCutover;

  switch (verb) {
    case 'recommend': {
      const r = parsed.data as z.output<(typeof transitionInputSchemas)['recommend']>;
      const issuingBody = r.issuingBody ?? (r.issuedOn < cutover ? 'KASN' : 'BKN');
      if (issuingBody === 'KASN' && r.issuedOn >= cutover) {
        warnings.push({
          id: `KASN sudah tidak bertugas sejak ${cutover}; periksa pemberi rekomendasi.`,
          en: `KASN no longer acts since ${cutover}; check the recommending body.`,
        });
      }
      data.issuingBody = issuingBody;
      next.recommendation = {
        issuingBody,
        number: r.number,
        issuedOn: r.issuedOn,
        recommendedSanction: r.recommendedSanction,
        receivedOn: occurredOn,
      };
      break;
    }
    case 'impose': {
      const d = parsed.data as z.output<(typeof transitionInputSchemas)['impose']>;
      const level = sanctionLevelOf(d.type);
      data.level = level;
      next.sanction = { decreeNumber: d.decreeNumber, decidedOn: d.decidedOn, type: d.type, level };
      if (state.recommendation && state.recommendation.recommendedSanction !== d.type) {
        warnings.push({
          id: `Jenis sanksi berbeda dari rekomendasi (${state.recommendation.recommendedSanction}).`,
          en: `The sanction differs from the recommended one (${state.recommendation.recommendedSanction}).`,
        });
      }
      break;
    }
    case 'execute': {
      if (state.sanction) next.sanction = { ...state.sanction, executedOn: occurredOn };
      break;
    }
    case 'block': {
      const { blockedOn } = parsed.data as z.output<(typeof transitionInputSchemas)['block']>;
      next.blockedOn = blockedOn;
      const ppk = deadlinesFor(state, options).ppkExecution;
      if (!ppk) {
        warnings.push({
          id: 'Belum ada rekomendasi tercatat; pemblokiran SIASN biasanya menyusul rekomendasi.',
          en: 'No recommendation is recorded; a SIASN block normally follows one.',
        });
      } else if (blockedOn <= ppk.due) {
        warnings.push({
          id: `Batas waktu PPK (${ppk.due}) belum terlampaui pada tanggal blokir.`,
          en: `The PPK's deadline (${ppk.due}) had not passed on the block date.`,
        });
      }
      break;
    }
    default:
      break;
  }

  const event: CaseEvent = { verb, from, to: definition.to, occurredOn, reason, actorId: actor.id, data };
  return { status: definition.to, event, state: next, deadlines: deadlinesFor(next, options), warnings };
}

/**
 * The verbs a user with `roles` can apply to a case in `status`, in workflow order, for the UI.
 *
 * @example
 * availableTransitions('recommended', ['regency_officer']) // ['startPpkExamination', 'lapse']
 */
export function availableTransitions(status: CaseStatus, roles: readonly Role[]): TransitionVerb[] {
  return transitionVerbSchema.options.filter((verb) => {
    const definition = transitions[verb];
    return (
      definition.from.includes(status) && roles.some((role) => (definition.roles as readonly Role[]).includes(role))
    );
  });
}
