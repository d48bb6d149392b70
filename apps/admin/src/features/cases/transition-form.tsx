/**
 * One workflow step (a verb of `@netral/domain/workflow`) with exactly the fields it needs: every
 * step its date, reason and an optional document number; a recommendation its issuing body,
 * number, date and recommended sanction; a sanction its decree number, date and type (the level
 * follows from the type); a rejection or lapse its ground; a forwarding its destination.
 */
import { issuingBodyLabels, issuingBodySchema } from '@netral/domain/model';
import {
  type SanctionLevel,
  type SanctionType,
  sanctionLevelLabels,
  sanctionLevelOf,
  sanctionLevelSchema,
  sanctionTypeSchema,
  sanctionTypes,
} from '@netral/domain/taxonomy';
import { type TransitionVerb, transitionVerbLabels } from '@netral/domain/workflow';
import { Field, useDraft } from '@netral/ui/forms';
import { common, useI18n } from '@netral/ui/i18n';
import { errorCode, errorMessage, fieldErrors, useTRPC } from '@netral/ui/trpc';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { errorsAt } from './case-form';
import { m } from './messages';
import { type CaseDetail, type Outputs, todayWib } from './shared';

type Values = Record<string, string>;

const emptyStep = (): Values => ({
  occurredOn: todayWib(),
  reason: '',
  documentNumber: '',
  destinationKind: 'gakkumdu',
});

/** The input of `cases.transition` for a verb; empty fields are left out, so the server says "required". */
function stepInput(verb: TransitionVerb, v: Values): Record<string, unknown> {
  const pick = (...keys: string[]) =>
    Object.fromEntries(keys.filter((k) => (v[k] ?? '').trim() !== '').map((k) => [k, (v[k] ?? '').trim()]));
  const base = pick('occurredOn', 'reason', 'documentNumber');
  switch (verb) {
    case 'reject':
    case 'lapse':
      return { ...base, ...pick('ground') };
    case 'recommend':
      return { ...base, ...pick('issuingBody', 'number', 'issuedOn', 'recommendedSanction') };
    case 'forward':
      return {
        ...base,
        destination:
          v.destinationKind === 'other_ppk' ? { kind: 'other_ppk', ...pick('ppkName') } : { kind: 'gakkumdu' },
      };
    case 'block':
      return { ...base, ...pick('blockedOn') };
    case 'impose':
      return { ...base, ...pick('decreeNumber', 'decidedOn', 'type') };
    default:
      return base;
  }
}

function domainCode(error: unknown): string | null {
  const data = (error as { data?: { domainCode?: unknown } } | null)?.data;
  return typeof data?.domainCode === 'string' ? data.domainCode : null;
}

export type StepResult = Outputs['cases']['transition'];

export function TransitionForm({
  regencyId,
  detail,
  verb,
  onDone,
  onCancel,
  onStale,
}: {
  regencyId: string;
  detail: CaseDetail;
  verb: TransitionVerb;
  onDone: (result: StepResult) => void;
  onCancel: () => void;
  /** The case changed under the form: reload it (the form keeps its values). */
  onStale: () => Promise<unknown>;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [values, setValues, clearDraft] = useDraft<Values>(`case-step:${detail.id}:${verb}`, emptyStep());
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => headingRef.current?.focus(), []);
  const step = useMutation(
    trpc.cases.transition.mutationOptions({
      onSuccess: (result) => {
        clearDraft();
        onDone(result);
      },
      onError: async (error) => {
        setErrors(fieldErrors(error));
        if (errorCode(error) === 'CONFLICT' && domainCode(error) === 'CONFLICT') {
          await onStale();
          setProblem(t(m.transitionConflict));
        } else {
          setProblem(errorMessage(error, locale));
        }
      },
    }),
  );
  const set = (key: string, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    setErrors({});
    step.mutate({ regencyId, id: detail.id, version: detail.version, verb, input: stepInput(verb, values) });
  };
  const text = (key: string, label: string, options: { type?: string; hint?: string } = {}) => (
    <Field label={label} error={errorsAt(errors, key)} hint={options.hint}>
      {(p) => (
        <input
          {...p}
          type={options.type ?? 'text'}
          value={values[key] ?? ''}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );
  const employment = detail.subject.employmentType;
  const fitting = sanctionTypeSchema.options.filter(
    (type) =>
      employment === null ||
      employment === 'KADES_PERANGKAT_DESA' ||
      (sanctionTypes[type].appliesTo as readonly string[]).includes(employment),
  );
  const sanctionSelect = (key: string, label: string) => (
    <Field
      label={label}
      error={errorsAt(errors, key)}
      hint={
        values[key]
          ? t(m.sanctionLevelDerived, { level: t(sanctionLevelLabels[sanctionLevelOf(values[key] as SanctionType)]) })
          : undefined
      }
    >
      {(p) => (
        <select {...p} value={values[key] ?? ''} onChange={(e) => set(key, e.target.value)}>
          <option value="">{t(m.choose)}</option>
          {sanctionLevelSchema.options.map((level: SanctionLevel) => {
            const types = fitting.filter((type) => sanctionTypes[type].level === level);
            if (types.length === 0) return null;
            return (
              <optgroup key={level} label={t(sanctionLevelLabels[level])}>
                {types.map((type) => (
                  <option key={type} value={type}>
                    {t(sanctionTypes[type].label)}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      )}
    </Field>
  );

  return (
    <form className="card step-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t(transitionVerbLabels[verb])}
      </h3>
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      <div className="grid-2">
        {text('occurredOn', t(m.occurredOn), { type: 'date' })}
        {text('documentNumber', t(m.documentNumberOptional))}
        {verb === 'reject' && (
          <Field label={t(m.rejectGround)} error={errorsAt(errors, 'ground')}>
            {(p) => (
              <select {...p} value={values.ground ?? ''} onChange={(e) => set('ground', e.target.value)}>
                <option value="">{t(m.choose)}</option>
                <option value="formal">{t(m.groundFormal)}</option>
                <option value="material">{t(m.groundMaterial)}</option>
              </select>
            )}
          </Field>
        )}
        {verb === 'lapse' && (
          <Field label={t(m.lapseGround)} error={errorsAt(errors, 'ground')}>
            {(p) => (
              <select {...p} value={values.ground ?? ''} onChange={(e) => set('ground', e.target.value)}>
                <option value="">{t(m.choose)}</option>
                <option value="resigned">{t(m.lapseResigned)}</option>
                <option value="retired">{t(m.lapseRetired)}</option>
                <option value="dismissed">{t(m.lapseDismissed)}</option>
                <option value="died">{t(m.lapseDied)}</option>
              </select>
            )}
          </Field>
        )}
        {verb === 'recommend' && (
          <>
            <Field label={t(m.issuingBody)} error={errorsAt(errors, 'issuingBody')}>
              {(p) => (
                <select {...p} value={values.issuingBody ?? ''} onChange={(e) => set('issuingBody', e.target.value)}>
                  <option value="">{t(m.issuingBodyAuto)}</option>
                  {issuingBodySchema.options.map((body) => (
                    <option key={body} value={body}>
                      {body} — {t(issuingBodyLabels[body])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {text('number', t(m.recommendationNumber))}
            {text('issuedOn', t(m.recommendationDate), { type: 'date' })}
            {sanctionSelect('recommendedSanction', t(m.recommendedSanction))}
          </>
        )}
        {verb === 'forward' && (
          <>
            <fieldset className="field">
              <legend>{t(m.destination)}</legend>
              <label className="check">
                <input
                  type="radio"
                  name="destinationKind"
                  checked={values.destinationKind !== 'other_ppk'}
                  onChange={() => set('destinationKind', 'gakkumdu')}
                />
                {t(m.toGakkumdu)}
              </label>
              <label className="check">
                <input
                  type="radio"
                  name="destinationKind"
                  checked={values.destinationKind === 'other_ppk'}
                  onChange={() => set('destinationKind', 'other_ppk')}
                />
                {t(m.toOtherPpk)}
              </label>
            </fieldset>
            {values.destinationKind === 'other_ppk' && text('ppkName', t(m.ppkName))}
          </>
        )}
        {verb === 'block' && text('blockedOn', t(m.blockedOn), { type: 'date' })}
        {verb === 'impose' && (
          <>
            {text('decreeNumber', t(m.decreeNumber))}
            {text('decidedOn', t(m.decidedOn), { type: 'date' })}
            {sanctionSelect('type', t(m.sanctionType))}
          </>
        )}
      </div>
      <Field label={t(m.reason)} error={errorsAt(errors, 'reason')} hint={t(m.reasonHint)}>
        {(p) => (
          <textarea
            {...p}
            className="short"
            value={values.reason ?? ''}
            onChange={(e) => set('reason', e.target.value)}
          />
        )}
      </Field>
      {errors.destination && <div className="field-error">{errors.destination.join(' ')}</div>}
      <div className="actions">
        <button type="submit" className="primary" disabled={step.isPending}>
          {step.isPending ? t(m.saving) : t(m.submitTransition)}
        </button>
        <button type="button" onClick={onCancel}>
          {t(common.cancel)}
        </button>
      </div>
    </form>
  );
}
