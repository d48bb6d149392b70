/**
 * The fields of a case, shared by the create form and the edit form: unit, contest and date of
 * the act with its campaign phase shown live, the subject with the NIP checked as it is typed,
 * the provisions picked from the regency's published circulars (codes derived, editable), source,
 * summary and, when creating, the confidential reporter.
 *
 * The values are plain, serialisable state (the pages keep them with `useDraft`), so a reload or a
 * refused save never loses what was typed.
 */
import { isIsoDate } from '@netral/domain/calendar';
import {
  caseSourceLabels,
  caseSourceSchema,
  employmentTypeLabels,
  employmentTypeSchema,
  type ProvisionKind,
  positionClassLabels,
  positionClassSchema,
  provisionKindLabels,
  reporterChannelLabels,
  reporterChannelSchema,
} from '@netral/domain/model';
import { parseNip } from '@netral/domain/nip';
import {
  campaignPhaseLabels,
  checkPhaseHint,
  phaseBucketLabels,
  phaseOf,
  type Race,
  raceLabels,
} from '@netral/domain/phases';
import { getProhibitionType, isProhibitionCode, prohibitionTypes, regimeLabels } from '@netral/domain/taxonomy';
import { formatDate } from '@netral/ui/format';
import { Field } from '@netral/ui/forms';
import { type Message, useI18n } from '@netral/ui/i18n';
import { Loading } from '@netral/ui/states';
import { useTRPC } from '@netral/ui/trpc';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { m } from './messages';
import type { Inputs, Outputs } from './shared';

export interface ProvisionPick {
  circularId: string;
  circularVersion: number;
  path: string;
  text: string;
  circularNumber: string | null;
}

export interface CaseFormValues {
  unitId: string;
  contest: string;
  race: string;
  actOn: string;
  receivedOn: string;
  knownOn: string;
  subject: {
    name: string;
    nip: string;
    nik: string;
    employmentType: string;
    positionClass: string;
    positionTitle: string;
  };
  /** The circular whose provisions the picker shows. */
  circularId: string;
  provisions: ProvisionPick[];
  /** False: the codes follow the chosen provisions. */
  codesEdited: boolean;
  codes: string[];
  source: string;
  summary: string;
  hasReporter: boolean;
  reporter: { name: string; contact: string; channel: string; anonymous: boolean; confidential: boolean };
  /** Editing only: the provisions the case had, to tell when they change (the codes then follow them). */
  baseProvisions?: string;
}

export function emptyValues(today: string): CaseFormValues {
  return {
    unitId: '',
    contest: '',
    race: '',
    actOn: '',
    receivedOn: today,
    knownOn: '',
    subject: { name: '', nip: '', nik: '', employmentType: '', positionClass: '', positionTitle: '' },
    circularId: '',
    provisions: [],
    codesEdited: false,
    codes: [],
    source: '',
    summary: '',
    hasReporter: false,
    reporter: { name: '', contact: '', channel: '', anonymous: false, confidential: true },
  };
}

type Detail = Outputs['cases']['get'];

export function valuesFromCase(d: Detail): CaseFormValues {
  return {
    ...emptyValues(d.receivedOn),
    unitId: d.unitId ?? '',
    contest: d.contest,
    race: d.race ?? '',
    actOn: d.actOn,
    subject: {
      name: d.subject.name,
      nip: d.subject.nip ?? '',
      nik: d.subject.nik ?? '',
      employmentType: d.subject.employmentType ?? '',
      positionClass: d.subject.positionClass ?? '',
      positionTitle: d.subject.positionTitle ?? '',
    },
    circularId: d.provisions[0]?.circularId ?? '',
    provisions: d.provisions.map((p) => ({
      circularId: p.circularId,
      circularVersion: p.circularVersion,
      path: p.path,
      text: p.text ?? '',
      circularNumber: p.circularNumber,
    })),
    codes: d.codes,
    source: d.source,
    summary: d.summary,
    baseProvisions: d.provisions
      .map((p) => `${p.circularId}:${p.circularVersion}:${p.path}`)
      .sort()
      .join('|'),
  };
}

const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

function subjectInput(v: CaseFormValues) {
  const nonAsn = v.subject.employmentType === 'PPNPN' || v.subject.employmentType === 'KADES_PERANGKAT_DESA';
  return {
    name: v.subject.name,
    nip: nonAsn ? null : orNull(v.subject.nip),
    nik: orNull(v.subject.nik),
    employmentType: v.subject.employmentType as Inputs['cases']['create']['subject']['employmentType'],
    positionClass: v.subject.positionClass as Inputs['cases']['create']['subject']['positionClass'],
    positionTitle: orNull(v.subject.positionTitle),
  };
}

const provisionRefs = (v: CaseFormValues) =>
  v.provisions.map((p) => ({ circularId: p.circularId, circularVersion: p.circularVersion, path: p.path }));

/** The `cases.create` input of the form. */
export function toCreateInput(regencyId: string, v: CaseFormValues): Inputs['cases']['create'] {
  return {
    regencyId,
    unitId: orNull(v.unitId),
    contest: v.contest,
    race: (orNull(v.race) as Race | null) ?? null,
    actOn: v.actOn,
    receivedOn: orNull(v.receivedOn),
    knownOn: orNull(v.knownOn),
    subject: subjectInput(v),
    provisions: provisionRefs(v),
    prohibitionCodes: v.codesEdited ? (v.codes as Inputs['cases']['create']['prohibitionCodes']) : null,
    source: v.source as Inputs['cases']['create']['source'],
    summary: v.summary,
    reporter: v.hasReporter
      ? {
          name: v.reporter.anonymous ? null : orNull(v.reporter.name),
          contact: orNull(v.reporter.contact),
          channel: v.reporter.channel as NonNullable<Inputs['cases']['create']['reporter']>['channel'],
          anonymous: v.reporter.anonymous,
          confidential: v.reporter.confidential,
        }
      : null,
  };
}

type Patch = Inputs['cases']['update']['patch'];

const provisionKey = (v: CaseFormValues) =>
  v.provisions
    .map((p) => `${p.circularId}:${p.circularVersion}:${p.path}`)
    .sort()
    .join('|');

/** What the edit changes relative to `base` (the case as it was when editing began). */
export function toPatch(v: CaseFormValues, base: CaseFormValues): Patch {
  const patch: Patch = {};
  if (v.unitId !== base.unitId) patch.unitId = orNull(v.unitId);
  if (v.contest !== base.contest) patch.contest = v.contest;
  if (v.race !== base.race) patch.race = (orNull(v.race) as Race | null) ?? null;
  if (v.actOn !== base.actOn) patch.actOn = v.actOn;
  if (JSON.stringify(v.subject) !== JSON.stringify(base.subject)) patch.subject = subjectInput(v);
  if (provisionKey(v) !== provisionKey(base)) patch.provisions = provisionRefs(v);
  if (v.codesEdited && [...v.codes].sort().join() !== [...base.codes].sort().join()) {
    patch.prohibitionCodes = v.codes as Patch['prohibitionCodes'];
  }
  if (v.source !== base.source) patch.source = v.source as Patch['source'];
  if (v.summary !== base.summary) patch.summary = v.summary;
  return patch;
}

/** The checks worth making before a round trip: required fields and the NIP. */
export function clientErrors(
  v: CaseFormValues,
  t: (message: Message) => string,
  mode: 'create' | 'edit',
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const required = (path: string, value: string) => {
    if (value.trim() === '') errors[path] = [t(m.required)];
  };
  required('contest', v.contest);
  required('actOn', v.actOn);
  required('subject.name', v.subject.name);
  required('subject.employmentType', v.subject.employmentType);
  required('subject.positionClass', v.subject.positionClass);
  required('source', v.source);
  required('summary', v.summary);
  const nip = nipCheck(v);
  if (nip && !nip.ok) errors['subject.nip'] = nip.messages.map((msg) => t(msg));
  if (mode === 'create' && v.hasReporter) {
    required('reporter.channel', v.reporter.channel);
    if (!v.reporter.anonymous) required('reporter.name', v.reporter.name);
  }
  return errors;
}

type NipCheck = { ok: true; info: Message } | { ok: false; messages: Message[] } | null;

/** The NIP as the domain judges it, for the employment type chosen; null when there is nothing to judge. */
function nipCheck(v: CaseFormValues): NipCheck {
  const nip = v.subject.nip.trim();
  const type = v.subject.employmentType;
  if (type === 'PNS') {
    if (nip === '') return { ok: false, messages: [{ id: 'NIP wajib diisi untuk PNS.', en: 'A PNS needs a NIP.' }] };
    const result = parseNip(nip);
    if (!result.ok) return { ok: false, messages: result.errors.map((e) => e.message) };
    const fill = (lang: 'id' | 'en') =>
      m.nipOk[lang]
        .replace('{birth}', formatDate(result.birthDate, lang))
        .replace('{appointment}', result.appointment)
        .replace('{gender}', result.gender === 'male' ? m.male[lang] : m.female[lang]);
    return { ok: true, info: { id: fill('id'), en: fill('en') } };
  }
  if (type === 'PPPK' && nip !== '' && !/^\d{18}$/.test(nip.replace(/[\s.-]+/g, ''))) {
    return { ok: false, messages: [m.pppkNip] };
  }
  return null;
}

/** Messages for a field: its own path, or anything under it (`provisions.0`, `prohibitionCodes.2`). */
export function errorsAt(errors: Record<string, string[]>, path: string): string[] | undefined {
  const found = Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .flatMap(([, messages]) => messages);
  return found.length > 0 ? found : undefined;
}

type Circular = Outputs['circulars']['get'];

export function CaseFields({
  regencyId,
  values,
  onChange,
  errors,
  mode,
}: {
  regencyId: string;
  values: CaseFormValues;
  onChange: (update: (v: CaseFormValues) => CaseFormValues) => void;
  errors: Record<string, string[]>;
  mode: 'create' | 'edit';
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const units = useQuery(trpc.units.list.queryOptions({ regencyId, includeRetired: false }));
  const contests = useQuery({ ...trpc.contests.list.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const circulars = useQuery(trpc.circulars.list.queryOptions({ regencyId, status: 'published', pageSize: 100 }));
  // The first published circular is the one to browse when none is chosen yet.
  const browsing = values.circularId || circulars.data?.items[0]?.id || '';
  const circularIds = [...new Set([browsing, ...values.provisions.map((p) => p.circularId)])].filter(Boolean);
  const circularRecords = useQueries({
    queries: circularIds.map((id) => ({
      ...trpc.circulars.get.queryOptions({ regencyId, id }),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  const byId = new Map<string, Circular>();
  for (const q of circularRecords) if (q.data) byId.set(q.data.id, q.data);

  const set = <K extends keyof CaseFormValues>(key: K, value: CaseFormValues[K]) =>
    onChange((v) => ({ ...v, [key]: value }));
  const setSubject = (key: keyof CaseFormValues['subject'], value: string) =>
    onChange((v) => {
      const subject = { ...v.subject, [key]: value };
      // Non-ASN subjects have the non-ASN position class and no NIP.
      if (key === 'employmentType') {
        const nonAsn = value === 'PPNPN' || value === 'KADES_PERANGKAT_DESA';
        if (nonAsn) subject.positionClass = 'non_asn';
        else if (subject.positionClass === 'non_asn') subject.positionClass = '';
      }
      return { ...v, subject };
    });
  const setReporter = (key: keyof CaseFormValues['reporter'], value: string | boolean) =>
    onChange((v) => ({ ...v, reporter: { ...v.reporter, [key]: value } }));

  const contest = contests.data?.find((c) => c.code === values.contest);
  const phase = useMemo(() => {
    if (!contest || !isIsoDate(values.actOn)) return null;
    try {
      return phaseOf(contest, values.actOn, values.race ? { race: values.race as Race } : {});
    } catch {
      return null;
    }
  }, [contest, values.actOn, values.race]);

  const derived = new Set<string>();
  for (const p of values.provisions) {
    const found = byId.get(p.circularId)?.provisions.find((q) => q.path === p.path);
    for (const code of found?.codes ?? []) derived.add(code);
  }
  const derivedCodes = [...derived].sort();
  const effectiveCodes = values.codesEdited
    ? values.codes
    : mode === 'edit' && !provisionsChanged(values)
      ? values.codes
      : derivedCodes;
  const hints = phase
    ? effectiveCodes
        .filter(isProhibitionCode)
        .map((code) => {
          const hint = checkPhaseHint(getProhibitionType(code).phaseHint, phase.phase);
          return hint ? `${code}: ${t(hint)}` : null;
        })
        .filter((h): h is string => h !== null)
    : [];

  const nip = nipCheck(values);
  const nonAsn = values.subject.employmentType === 'PPNPN' || values.subject.employmentType === 'KADES_PERANGKAT_DESA';
  const ids = { phase: useId(), nipInfo: useId(), provisions: useId(), codes: useId() };
  const liveNipErrors =
    nip && !nip.ok && values.subject.nip.trim() !== '' ? nip.messages.map((msg) => t(msg)) : undefined;

  return (
    <>
      <fieldset className="card">
        <legend>{t(m.sectionAct)}</legend>
        <div className="grid-2">
          <Field label={t(m.unit)} error={errorsAt(errors, 'unitId')}>
            {(p) => (
              <select {...p} value={values.unitId} onChange={(e) => set('unitId', e.target.value)}>
                <option value="">{t(m.noneOption)}</option>
                {(units.data ?? []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t(m.contest)} error={errorsAt(errors, 'contest')}>
            {(p) => (
              <select {...p} required value={values.contest} onChange={(e) => set('contest', e.target.value)}>
                <option value="">{t(m.choose)}</option>
                {(contests.data ?? []).map((c) => (
                  <option key={c.code} value={c.code}>
                    {t(c.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t(m.actOn)} error={errorsAt(errors, 'actOn')}>
            {(p) => (
              <input
                {...p}
                type="date"
                required
                value={values.actOn}
                onChange={(e) => set('actOn', e.target.value)}
                aria-describedby={[p['aria-describedby'], ids.phase].filter(Boolean).join(' ')}
              />
            )}
          </Field>
          <Field label={t(m.race)} error={errorsAt(errors, 'race')} hint={t(m.raceHint)}>
            {(p) => (
              <select {...p} value={values.race} onChange={(e) => set('race', e.target.value)}>
                <option value="">{t(m.defaultRace)}</option>
                {(contest?.races ?? []).map((r) => (
                  <option key={r.race} value={r.race}>
                    {t(raceLabels[r.race])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {mode === 'create' && (
            <>
              <Field label={t(m.receivedOn)} error={errorsAt(errors, 'receivedOn')}>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    value={values.receivedOn}
                    onChange={(e) => set('receivedOn', e.target.value)}
                  />
                )}
              </Field>
              <Field label={t(m.knownOn)} error={errorsAt(errors, 'knownOn')} hint={t(m.knownOnHint)}>
                {(p) => (
                  <input {...p} type="date" value={values.knownOn} onChange={(e) => set('knownOn', e.target.value)} />
                )}
              </Field>
            </>
          )}
        </div>
        <p id={ids.phase} className="phase-live" aria-live="polite">
          {phase ? (
            <strong>
              {t(m.phaseLive, {
                phase: t(campaignPhaseLabels[phase.phase]),
                bucket: t(phaseBucketLabels[phase.bucket]),
              })}
            </strong>
          ) : (
            <span className="muted">{t(m.phaseNeedsInput)}</span>
          )}
        </p>
      </fieldset>

      <fieldset className="card">
        <legend>{t(m.sectionSubject)}</legend>
        <div className="grid-2">
          <Field label={t(m.subjectName)} error={errorsAt(errors, 'subject.name')}>
            {(p) => (
              <input
                {...p}
                required
                autoComplete="off"
                value={values.subject.name}
                onChange={(e) => setSubject('name', e.target.value)}
              />
            )}
          </Field>
          <Field label={t(m.employmentType)} error={errorsAt(errors, 'subject.employmentType')}>
            {(p) => (
              <select
                {...p}
                required
                value={values.subject.employmentType}
                onChange={(e) => setSubject('employmentType', e.target.value)}
              >
                <option value="">{t(m.choose)}</option>
                {employmentTypeSchema.options.map((type) => (
                  <option key={type} value={type}>
                    {t(employmentTypeLabels[type])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {!nonAsn && (
            <Field
              label={t(m.nip)}
              error={liveNipErrors ?? errorsAt(errors, 'subject.nip')}
              hint={
                <span id={ids.nipInfo} aria-live="polite">
                  {nip?.ok ? t(nip.info) : t(m.nipHint)}
                </span>
              }
            >
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  autoComplete="off"
                  className="mono"
                  value={values.subject.nip}
                  onChange={(e) => setSubject('nip', e.target.value)}
                />
              )}
            </Field>
          )}
          {nonAsn && (
            <Field label={t(m.nik)} error={errorsAt(errors, 'subject.nik')} hint={t(m.nikHint)}>
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  autoComplete="off"
                  className="mono"
                  value={values.subject.nik}
                  onChange={(e) => setSubject('nik', e.target.value)}
                />
              )}
            </Field>
          )}
          <Field label={t(m.positionClass)} error={errorsAt(errors, 'subject.positionClass')}>
            {(p) => (
              <select
                {...p}
                required
                value={values.subject.positionClass}
                onChange={(e) => setSubject('positionClass', e.target.value)}
              >
                <option value="">{t(m.choose)}</option>
                {positionClassSchema.options
                  .filter((c) => (nonAsn ? c === 'non_asn' : c !== 'non_asn'))
                  .map((c) => (
                    <option key={c} value={c}>
                      {t(positionClassLabels[c])}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <Field label={t(m.positionTitle)} error={errorsAt(errors, 'subject.positionTitle')}>
            {(p) => (
              <input
                {...p}
                value={values.subject.positionTitle}
                onChange={(e) => setSubject('positionTitle', e.target.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t(m.sectionProvisions)}</legend>
        {circulars.isPending ? (
          <Loading />
        ) : (circulars.data?.items.length ?? 0) === 0 ? (
          <p className="alert alert-info">{t(m.noCirculars)}</p>
        ) : (
          <>
            <Field label={t(m.circular)}>
              {(p) => (
                <select {...p} value={browsing} onChange={(e) => set('circularId', e.target.value)}>
                  {(circulars.data?.items ?? []).map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.number ?? '—'} — {c.title ?? ''} ({c.issuedOn ? formatDate(c.issuedOn, locale, 'short') : '—'})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <ProvisionTree
              circular={byId.get(browsing)}
              chosen={values.provisions}
              onToggle={(pick, checked) =>
                onChange((v) => ({
                  ...v,
                  circularId: v.circularId || browsing,
                  provisions: checked
                    ? [...v.provisions, pick]
                    : v.provisions.filter((p) => !(p.circularId === pick.circularId && p.path === pick.path)),
                }))
              }
            />
          </>
        )}
        <div className="chosen" aria-live="polite">
          <h3 id={ids.provisions}>{t(m.chosenProvisions)}</h3>
          {errorsAt(errors, 'provisions') && (
            <div className="field-error" role="alert">
              {errorsAt(errors, 'provisions')?.join(' ')}
            </div>
          )}
          {values.provisions.length === 0 ? (
            <p className="muted">{t(m.noProvisionChosen)}</p>
          ) : (
            <ul aria-labelledby={ids.provisions}>
              {values.provisions.map((p) => (
                <li key={`${p.circularId}:${p.path}`}>
                  <span className="mono">{p.path}</span> {p.text}{' '}
                  {p.circularNumber && <span className="muted">({p.circularNumber})</span>}{' '}
                  <button
                    type="button"
                    className="link"
                    aria-label={t(m.removeProvision, { path: p.path })}
                    onClick={() =>
                      onChange((v) => ({
                        ...v,
                        provisions: v.provisions.filter((q) => !(q.circularId === p.circularId && q.path === p.path)),
                      }))
                    }
                  >
                    {t(m.remove)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="codes-box">
          {mode === 'edit' && !values.codesEdited && !provisionsChanged(values) ? (
            <p>{t(m.currentCodes, { codes: values.codes.join(', ') || t(m.noCodes) })}</p>
          ) : (
            <p aria-live="polite">{t(m.derivedCodes, { codes: derivedCodes.join(', ') || t(m.noCodes) })}</p>
          )}
          {mode === 'edit' && !values.codesEdited && <p className="hint">{t(m.codesUnchangedHint)}</p>}
          <label className="check">
            <input
              type="checkbox"
              checked={values.codesEdited}
              onChange={(e) =>
                onChange((v) => ({
                  ...v,
                  codesEdited: e.target.checked,
                  codes: e.target.checked
                    ? mode === 'edit' && !provisionsChanged(v)
                      ? v.codes
                      : derivedCodes
                    : v.codes,
                }))
              }
            />
            {t(m.editCodes)}
          </label>
          {values.codesEdited && (
            <CodesEditor
              codes={values.codes}
              onChange={(codes) => set('codes', codes)}
              error={errorsAt(errors, 'prohibitionCodes')}
            />
          )}
          {!values.codesEdited && errorsAt(errors, 'prohibitionCodes') && (
            <div className="field-error">{errorsAt(errors, 'prohibitionCodes')?.join(' ')}</div>
          )}
          {hints.length > 0 && (
            <div className="alert alert-warn" aria-live="polite">
              <strong>{t(m.phaseHintWarning)}:</strong>
              <ul>
                {hints.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </fieldset>

      <fieldset className="card">
        <legend>{t(m.sectionSource)}</legend>
        <Field label={t(m.source)} error={errorsAt(errors, 'source')}>
          {(p) => (
            <select {...p} required value={values.source} onChange={(e) => set('source', e.target.value)}>
              <option value="">{t(m.choose)}</option>
              {caseSourceSchema.options.map((s) => (
                <option key={s} value={s}>
                  {t(caseSourceLabels[s])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t(m.summary)} error={errorsAt(errors, 'summary')}>
          {(p) => (
            <textarea
              {...p}
              required
              maxLength={10_000}
              value={values.summary}
              onChange={(e) => set('summary', e.target.value)}
            />
          )}
        </Field>
      </fieldset>

      {mode === 'create' && (
        <fieldset className="card confidential">
          <legend>{t(m.sectionReporter)}</legend>
          <p className="hint">{t(m.reporterHint)}</p>
          <label className="check">
            <input
              type="checkbox"
              checked={values.hasReporter}
              onChange={(e) => set('hasReporter', e.target.checked)}
            />
            {t(m.hasReporter)}
          </label>
          {values.hasReporter && (
            <div className="grid-2">
              <Field label={t(m.reporterChannel)} error={errorsAt(errors, 'reporter.channel')}>
                {(p) => (
                  <select
                    {...p}
                    value={values.reporter.channel}
                    onChange={(e) => setReporter('channel', e.target.value)}
                  >
                    <option value="">{t(m.choose)}</option>
                    {reporterChannelSchema.options.map((c) => (
                      <option key={c} value={c}>
                        {t(reporterChannelLabels[c])}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div className="field">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={values.reporter.anonymous}
                    onChange={(e) => setReporter('anonymous', e.target.checked)}
                  />
                  {t(m.anonymous)}
                </label>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={values.reporter.confidential}
                    onChange={(e) => setReporter('confidential', e.target.checked)}
                  />
                  {t(m.confidential)}
                </label>
              </div>
              {!values.reporter.anonymous && (
                <Field label={t(m.reporterName)} error={errorsAt(errors, 'reporter.name')}>
                  {(p) => (
                    <input
                      {...p}
                      autoComplete="off"
                      value={values.reporter.name}
                      onChange={(e) => setReporter('name', e.target.value)}
                    />
                  )}
                </Field>
              )}
              <Field label={t(m.reporterContact)} error={errorsAt(errors, 'reporter.contact')}>
                {(p) => (
                  <input
                    {...p}
                    autoComplete="off"
                    value={values.reporter.contact}
                    onChange={(e) => setReporter('contact', e.target.value)}
                  />
                )}
              </Field>
            </div>
          )}
        </fieldset>
      )}
    </>
  );
}

/** In the edit form: whether the provisions differ from the case's (then the codes follow them). */
function provisionsChanged(v: CaseFormValues): boolean {
  return v.baseProvisions !== undefined && v.baseProvisions !== provisionKey(v);
}

function ProvisionTree({
  circular,
  chosen,
  onToggle,
}: {
  circular: Circular | undefined;
  chosen: ProvisionPick[];
  onToggle: (pick: ProvisionPick, checked: boolean) => void;
}) {
  const { t } = useI18n();
  if (!circular) return <Loading />;
  return (
    <fieldset className="provision-tree">
      <legend>{t(m.provisionTree)}</legend>
      <ul>
        {circular.provisions.map((p) => {
          const depth = p.path.split('.').length - 1;
          const checked = chosen.some((c) => c.circularId === circular.id && c.path === p.path);
          return (
            <li key={p.path} style={{ paddingLeft: `${depth * 1.5}rem` }}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={(e) =>
                    onToggle(
                      {
                        circularId: circular.id,
                        circularVersion: circular.version,
                        path: p.path,
                        text: p.text,
                        circularNumber: circular.number,
                      },
                      e.target.checked,
                    )
                  }
                />
                <span>
                  <span className="mono path">{p.path}</span>{' '}
                  <span className={`badge kind-${p.kind}`}>{t(provisionKindLabels[p.kind as ProvisionKind])}</span>{' '}
                  {p.text}
                  {p.codes.length > 0 && (
                    <span className="codes">
                      {' '}
                      {p.codes.map((code) => (
                        <span key={code} className="badge info">
                          {code}
                        </span>
                      ))}
                    </span>
                  )}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function CodesEditor({
  codes,
  onChange,
  error,
}: {
  codes: string[];
  onChange: (codes: string[]) => void;
  error: string[] | undefined;
}) {
  const { t, locale } = useI18n();
  const regimes = [...new Set(prohibitionTypes.map((p) => p.regime))];
  return (
    <div className={error ? 'field has-error' : 'field'}>
      {regimes.map((regime) => (
        <fieldset key={regime} className="codes-editor">
          <legend>
            {t(m.codesLegend)} — {t(regimeLabels[regime])}
          </legend>
          {prohibitionTypes
            .filter((p) => p.regime === regime)
            .flatMap((p) => [
              { code: p.code as string, text: locale === 'id' ? p.wording : p.gloss },
              ...p.subPoints.map((s) => ({ code: s.code as string, text: s.wording })),
            ])
            .map(({ code, text }) => (
              <label key={code} className="check" title={text}>
                <input
                  type="checkbox"
                  checked={codes.includes(code)}
                  onChange={(e) =>
                    onChange(e.target.checked ? [...codes, code].sort() : codes.filter((c) => c !== code))
                  }
                />
                <span className="mono">{code}</span>{' '}
                <span className="code-text">{text.length > 90 ? `${text.slice(0, 90)}…` : text}</span>
              </label>
            ))}
        </fieldset>
      ))}
      {error && <div className="field-error">{error.join(' ')}</div>}
    </div>
  );
}
