/**
 * One case: its facts, subject, (for admins) reporter, deadlines, the workflow steps the user may
 * take now, the timeline and the evidence. Another regency's case, or one that does not exist,
 * shows the same "not found or no access" page and nothing of the case.
 */
import {
  caseSourceLabels,
  employmentTypeLabels,
  type IssuingBody,
  issuingBodyLabels,
  type ProvisionKind,
  positionClassLabels,
  provisionKindLabels,
  type ReporterChannel,
  reporterChannelLabels,
} from '@netral/domain/model';
import { formatNip } from '@netral/domain/nip';
import {
  type CampaignPhase,
  campaignPhaseLabels,
  type PhaseBucket,
  phaseBucketLabels,
  type Race,
  raceLabels,
} from '@netral/domain/phases';
import {
  getProhibitionType,
  type SanctionLevel,
  type SanctionType,
  sanctionLevelLabels,
  sanctionTypes,
} from '@netral/domain/taxonomy';
import { caseStatusLabels, type TransitionVerb, transitionVerbLabels } from '@netral/domain/workflow';
import { formatDate, formatDateTime } from '@netral/ui/format';
import { type Message, useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { ErrorState, Loading } from '@netral/ui/states';
import { useTRPC } from '@netral/ui/trpc';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { Link } from 'wouter';
import { CaseEditor } from './edit';
import { EvidenceSection } from './evidence';
import { m } from './messages';
import { type CaseDetail, type CaseEvent, type CasesProps, OverdueBadge, StatusBadge } from './shared';
import { type StepResult, TransitionForm } from './transition-form';

function hasEditDraft(id: string): boolean {
  try {
    return sessionStorage.getItem(`netral.draft.case-edit:${id}`) !== null;
  } catch {
    return false;
  }
}

export function CaseDetailPage({ regencyId, id }: CasesProps & { id: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.cases.get.queryOptions({ regencyId, id }));
  const [verb, setVerb] = useState<TransitionVerb | null>(null);
  const [editing, setEditing] = useState(() => hasEditDraft(id));
  const [notice, setNotice] = useState<{ text: string; warnings: string[] } | null>(null);
  const actionsId = useId();

  if (detail.isPending) return <Loading />;
  // NOT_FOUND / FORBIDDEN: the "not found or no access" page, nothing else of the case.
  if (detail.isError) return <ErrorState error={detail.error} retry={() => detail.refetch()} />;
  const c = detail.data;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.cases.get.queryFilter({ regencyId, id })),
      queryClient.invalidateQueries(trpc.cases.list.pathFilter()),
    ]);

  const onStep = async (result: StepResult) => {
    setVerb(null);
    setNotice({
      text: t(m.transitionDone, { status: caseStatusLabels[result.case.status].id }),
      warnings: result.warnings.map((w) => t(w)),
    });
    await refresh();
  };

  return (
    <>
      <PageHeader
        title={c.subject.name}
        actions={
          <>
            <Link href="/">{t(m.backToList)}</Link>
            {!editing && (
              <button type="button" onClick={() => setEditing(true)}>
                {t(m.edit)}
              </button>
            )}
          </>
        }
      >
        <p className="badges">
          <StatusBadge status={c.status} />
          {c.overdue && <OverdueBadge />}
          {c.ppkDeadline && c.deadlines.ppkExecution?.running && (
            <span className={`badge ${c.overdue ? 'danger' : 'warn'}`}>
              {t(m.ppkDeadline)}: {t(m.dueOn, { date: formatDate(c.ppkDeadline, locale, 'short') })}
            </span>
          )}
          <span className="muted small mono">v{c.version}</span>
        </p>
      </PageHeader>

      {notice && (
        <div className="alert alert-ok" role="status">
          <p>{notice.text}</p>
          {notice.warnings.length > 0 && (
            <ul className="warnings">
              {notice.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {editing ? (
        <CaseEditor
          regencyId={regencyId}
          detail={c}
          onClose={(message) => {
            setEditing(false);
            if (message) setNotice({ text: message, warnings: [] });
          }}
        />
      ) : (
        <>
          <section className="card" aria-labelledby={actionsId}>
            <h2 id={actionsId}>{t(m.actions)}</h2>
            {c.availableVerbs.length === 0 ? (
              <p className="muted">{t(m.noActions)}</p>
            ) : (
              <div className="actions">
                {c.availableVerbs.map((v) => (
                  <button
                    key={v}
                    type="button"
                    aria-pressed={verb === v}
                    className={verb === v ? 'primary' : undefined}
                    onClick={() => {
                      setNotice(null);
                      setVerb(verb === v ? null : v);
                    }}
                  >
                    {t(transitionVerbLabels[v])}
                  </button>
                ))}
              </div>
            )}
            {verb && (
              <TransitionForm
                key={verb}
                regencyId={regencyId}
                detail={c}
                verb={verb}
                onDone={onStep}
                onCancel={() => setVerb(null)}
                onStale={() => detail.refetch()}
              />
            )}
          </section>
          <CaseFactsView c={c} />
        </>
      )}
      <Timeline events={c.events} />
      <EvidenceSection regencyId={regencyId} detail={c} onAdded={refresh} />
    </>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function CaseFactsView({ c }: { c: CaseDetail }) {
  const { t, locale } = useI18n();
  const ids = { facts: useId(), subject: useId(), reporter: useId(), deadlines: useId() };
  const d = c.deadlines;
  const rule = (r: { days: number; unit: 'calendar' | 'working' }) =>
    t(r.unit === 'working' ? m.workingDays : m.days, { n: r.days });
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby={ids.facts}>
        <h2 id={ids.facts}>{t(m.caseFacts)}</h2>
        <dl className="facts">
          <Row label={t(m.unit)}>{c.unitName ?? t(m.noUnit)}</Row>
          <Row label={t(m.contest)}>
            {c.contest}
            {c.race && ` · ${t(raceLabels[c.race as Race] ?? { id: c.race, en: c.race })}`}
          </Row>
          <Row label={t(m.actOn)}>{formatDate(c.actOn, locale)}</Row>
          <Row label={t(m.phase)}>
            {t(campaignPhaseLabels[c.phase as CampaignPhase] ?? { id: c.phase, en: c.phase })} (
            {t(phaseBucketLabels[c.phaseBucket as PhaseBucket] ?? { id: c.phaseBucket, en: c.phaseBucket })})
          </Row>
          <Row label={t(m.receivedOn)}>{formatDate(c.receivedOn, locale)}</Row>
          <Row label={t(m.source)}>{t(caseSourceLabels[c.source])}</Row>
          <Row label={t(m.codesLegend)}>
            {c.codes.length === 0
              ? '—'
              : c.codes.map((code) => (
                  <span key={code} className="badge info" title={getProhibitionType(code).gloss}>
                    {code}
                  </span>
                ))}
          </Row>
          <Row label={t(m.fieldProvisions)}>
            {c.provisions.length === 0 ? (
              '—'
            ) : (
              <ul className="plain">
                {c.provisions.map((p) => (
                  <li key={`${p.circularId}:${p.path}`}>
                    <span className="mono">{p.path}</span>{' '}
                    {p.kind && <span className="badge">{t(provisionKindLabels[p.kind as ProvisionKind])}</span>}{' '}
                    {p.text}{' '}
                    <span className="muted">
                      ({p.circularNumber ?? p.circularId}, v{p.circularVersion})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Row>
          <Row label={t(m.summary)}>
            <p className="summary-text">{c.summary}</p>
          </Row>
        </dl>
      </section>
      <div>
        <section className="card" aria-labelledby={ids.subject}>
          <h2 id={ids.subject}>{t(m.subjectSection)}</h2>
          <dl className="facts">
            <Row label={t(m.subjectName)}>{c.subject.name}</Row>
            {c.subject.nip && (
              <Row label={t(m.nip)}>
                <span className="mono">{formatNip(c.subject.nip)}</span>
              </Row>
            )}
            {c.subject.nik && (
              <Row label={t(m.nik)}>
                <span className="mono">{c.subject.nik}</span>
              </Row>
            )}
            {c.subject.employmentType && (
              <Row label={t(m.employmentType)}>{t(employmentTypeLabels[c.subject.employmentType])}</Row>
            )}
            {c.subject.positionClass && (
              <Row label={t(m.positionClass)}>{t(positionClassLabels[c.subject.positionClass])}</Row>
            )}
            {c.subject.positionTitle && <Row label={t(m.positionTitle)}>{c.subject.positionTitle}</Row>}
          </dl>
        </section>
        {c.reporter !== undefined && (
          <section className="card confidential" aria-labelledby={ids.reporter}>
            <h2 id={ids.reporter}>{t(m.reporterSection)}</h2>
            {c.reporter === null ? (
              <p className="muted">—</p>
            ) : (
              <dl className="facts">
                <Row label={t(m.reporterName)}>
                  {c.reporter.anonymous ? t(m.anonymousReporter) : (c.reporter.name ?? '—')}
                </Row>
                <Row label={t(m.reporterContact)}>{c.reporter.contact ?? '—'}</Row>
                <Row label={t(m.reporterChannel)}>
                  {t(
                    reporterChannelLabels[c.reporter.channel as ReporterChannel] ?? {
                      id: c.reporter.channel,
                      en: c.reporter.channel,
                    },
                  )}
                </Row>
                {c.reporter.confidential && <Row label={t(m.confidential)}>{t(m.confidentialYes)}</Row>}
              </dl>
            )}
          </section>
        )}
        <section className="card" aria-labelledby={ids.deadlines}>
          <h2 id={ids.deadlines}>
            {t(m.deadlines)} {c.overdue && <OverdueBadge />}
          </h2>
          <dl className="facts">
            <Row label={t(m.verificationDeadline)}>
              {formatDate(d.verification.due, locale)} · {rule(d.verification.rule)} ·{' '}
              {d.verification.running ? t(m.running) : t(m.notRunning)}
            </Row>
            {d.ppkExecution && (
              <Row label={t(m.ppkDeadline)}>
                {formatDate(d.ppkExecution.due, locale)} · {rule(d.ppkExecution.rule)} ·{' '}
                {d.ppkExecution.running ? t(m.running) : t(m.notRunning)}
              </Row>
            )}
            {d.reportFiling && (
              <Row label={t(m.filingDeadline)}>
                {formatDate(d.reportFiling.due, locale)}
                {d.reportFiling.filedLate && (
                  <>
                    {' '}
                    <span className="badge warn">{t(m.filedLate)}</span>
                  </>
                )}
              </Row>
            )}
          </dl>
          {c.recommendation && (
            <>
              <h3>{t(m.recommendation)}</h3>
              <dl className="facts">
                <Row label={t(m.issuingBody)}>
                  {c.recommendation.body
                    ? t(
                        issuingBodyLabels[c.recommendation.body as IssuingBody] ?? {
                          id: c.recommendation.body,
                          en: c.recommendation.body,
                        },
                      )
                    : '—'}
                </Row>
                <Row label={t(m.recommendationNumber)}>{c.recommendation.number}</Row>
                <Row label={t(m.recommendationDate)}>{formatDate(c.recommendation.issuedOn, locale)}</Row>
                <Row label={t(m.recommendedSanction)}>{sanctionLabel(c.recommendation.recommendedSanction, t)}</Row>
              </dl>
            </>
          )}
          {c.sanction && (
            <>
              <h3>{t(m.sanction)}</h3>
              <dl className="facts">
                <Row label={t(m.decreeNumber)}>{c.sanction.decreeNumber ?? '—'}</Row>
                <Row label={t(m.decidedOn)}>{formatDate(c.sanction.decidedOn, locale)}</Row>
                <Row label={t(m.sanctionType)}>{sanctionLabel(c.sanction.type, t)}</Row>
                <Row label={t(m.sanctionLevel)}>
                  {c.sanction.level ? t(sanctionLevelLabels[c.sanction.level]) : '—'}
                </Row>
              </dl>
            </>
          )}
        </section>
      </div>
    </div>
  );
}

function sanctionLabel(type: string | null, t: (message: Message) => string): string {
  if (!type) return '—';
  const info = sanctionTypes[type as SanctionType];
  return info ? t(info.label) : type;
}

const dataLabels: Record<string, Message> = {
  issuingBody: m.issuingBody,
  number: m.recommendationNumber,
  issuedOn: m.recommendationDate,
  recommendedSanction: m.recommendedSanction,
  decreeNumber: m.decreeNumber,
  decidedOn: m.decidedOn,
  type: m.sanctionType,
  level: m.sanctionLevel,
  blockedOn: m.blockedOn,
  documentNumber: m.documentNumber,
  ground: { id: 'Alasan', en: 'Ground' },
  destination: m.destination,
  knownOn: m.knownOn,
  sha256: m.sha256,
};

const groundLabels: Record<string, Message> = {
  formal: m.groundFormal,
  material: m.groundMaterial,
  resigned: m.lapseResigned,
  retired: m.lapseRetired,
  dismissed: m.lapseDismissed,
  died: m.lapseDied,
};

function Timeline({ events }: { events: CaseEvent[] }) {
  const { t, locale } = useI18n();
  const headingId = useId();
  const verbLabel = (verb: string): string => {
    if (verb === 'register') return t(m.verbRegister);
    if (verb === 'edit') return t(m.verbEdit);
    if (verb === 'evidence') return t(m.verbEvidence);
    const label = transitionVerbLabels[verb as TransitionVerb];
    return label ? t(label) : verb;
  };
  const value = (key: string, raw: unknown): string => {
    if (raw === null || raw === undefined) return '—';
    if (key.endsWith('On') && typeof raw === 'string') return formatDate(raw, locale);
    if ((key === 'recommendedSanction' || key === 'type') && typeof raw === 'string') return sanctionLabel(raw, t);
    if (key === 'level' && typeof raw === 'string')
      return t(sanctionLevelLabels[raw as SanctionLevel] ?? { id: raw, en: raw });
    if (key === 'ground' && typeof raw === 'string') return t(groundLabels[raw] ?? { id: raw, en: raw });
    if (key === 'issuingBody' && typeof raw === 'string') return raw;
    if (key === 'destination' && typeof raw === 'object') {
      const d = raw as { kind?: string; ppkName?: string };
      return d.kind === 'other_ppk' ? `${t(m.toOtherPpk)}: ${d.ppkName ?? ''}` : t(m.toGakkumdu);
    }
    return typeof raw === 'string' ? raw : JSON.stringify(raw);
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(m.timeline)}</h2>
      <ol className="timeline">
        {events.map((e) => {
          const fields = Array.isArray(e.data.fields) ? (e.data.fields as string[]) : null;
          const details = Object.entries(e.data).filter(([key]) => key in dataLabels && key !== 'evidenceId');
          return (
            <li key={e.id} data-verb={e.verb}>
              <div className="timeline-head">
                <time dateTime={e.occurredOn}>{formatDate(e.occurredOn, locale)}</time> ·{' '}
                <strong className="timeline-verb">{verbLabel(e.verb)}</strong>
                {e.fromStatus !== e.toStatus && e.toStatus && (
                  <span className="badges">
                    {' '}
                    {e.fromStatus && <StatusBadge status={e.fromStatus} />}
                    {e.fromStatus && ' → '}
                    <StatusBadge status={e.toStatus} />
                  </span>
                )}
              </div>
              {e.reason && <p className="timeline-reason">{e.reason}</p>}
              {fields && <p className="muted small">{t(m.changedFields, { fields: fields.join(', ') })}</p>}
              {details.length > 0 && (
                <dl className="facts compact">
                  {details.map(([key, raw]) => (
                    <Row key={key} label={t(dataLabels[key] as Message)}>
                      <span className={key === 'sha256' ? 'mono sha' : undefined}>{value(key, raw)}</span>
                    </Row>
                  ))}
                </dl>
              )}
              <div className="muted small">{formatDateTime(e.createdAt, locale)}</div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
