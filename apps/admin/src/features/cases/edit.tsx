/**
 * Editing a case's facts with optimistic locking. The edit remembers the version it started from
 * (and survives a reload as a draft). When the server holds a newer version, the save is refused
 * (CONFLICT): the editor then shows what changed on the server and what the user changed, names
 * the fields changed on both sides, and lets the user reapply their changes on the latest version
 * or drop them.
 */
import {
  type CaseSource,
  caseSourceLabels,
  type EmploymentType,
  employmentTypeLabels,
  type PositionClass,
  positionClassLabels,
} from '@netral/domain/model';
import { type CaseStatus, caseStatusLabels } from '@netral/domain/workflow';
import { formatDate } from '@netral/ui/format';
import { useDraft } from '@netral/ui/forms';
import { type Message, useI18n } from '@netral/ui/i18n';
import { errorCode, errorMessage, fieldErrors, useTRPC } from '@netral/ui/trpc';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { CaseFields, type CaseFormValues, clientErrors, toPatch, valuesFromCase } from './case-form';
import { m } from './messages';
import type { CaseDetail } from './shared';

interface EditDraft {
  baseVersion: number;
  baseStatus: CaseStatus;
  base: CaseFormValues;
  values: CaseFormValues;
}

type FieldKey =
  | 'unitId'
  | 'contest'
  | 'race'
  | 'actOn'
  | 'subject.name'
  | 'subject.nip'
  | 'subject.nik'
  | 'subject.employmentType'
  | 'subject.positionClass'
  | 'subject.positionTitle'
  | 'provisions'
  | 'codes'
  | 'source'
  | 'summary';

const fieldLabels: Record<FieldKey, Message> = {
  unitId: m.fieldUnit,
  contest: m.fieldContest,
  race: m.fieldRace,
  actOn: m.fieldActOn,
  'subject.name': m.fieldSubjectName,
  'subject.nip': m.fieldNip,
  'subject.nik': m.fieldNik,
  'subject.employmentType': m.fieldEmployment,
  'subject.positionClass': m.fieldPositionClass,
  'subject.positionTitle': m.fieldPositionTitle,
  provisions: m.fieldProvisions,
  codes: m.fieldCodes,
  source: m.fieldSource,
  summary: m.fieldSummary,
};

/** A field's raw value, comparable across versions. */
function fieldValue(v: CaseFormValues, key: FieldKey): string {
  switch (key) {
    case 'provisions':
      return v.provisions
        .map((p) => p.path)
        .sort()
        .join(', ');
    case 'codes':
      return [...v.codes].sort().join(', ');
    default:
      if (key.startsWith('subject.')) return v.subject[key.slice(8) as keyof CaseFormValues['subject']];
      return v[key as 'unitId'] as string;
  }
}

function changedKeys(a: CaseFormValues, b: CaseFormValues): FieldKey[] {
  return (Object.keys(fieldLabels) as FieldKey[]).filter((key) => fieldValue(a, key) !== fieldValue(b, key));
}

/** `values` with the fields the user changed (relative to `base`) laid over `latest`. */
function reapply(base: CaseFormValues, values: CaseFormValues, latest: CaseFormValues): CaseFormValues {
  const next: CaseFormValues = { ...latest, subject: { ...latest.subject } };
  for (const key of changedKeys(base, values)) {
    if (key === 'provisions') {
      next.provisions = values.provisions;
      next.circularId = values.circularId;
    } else if (key === 'codes') {
      next.codes = values.codes;
      next.codesEdited = true;
    } else if (key.startsWith('subject.')) {
      const sub = key.slice(8) as keyof CaseFormValues['subject'];
      next.subject[sub] = values.subject[sub];
    } else {
      (next as unknown as Record<string, string>)[key] = (values as unknown as Record<string, string>)[key] as string;
    }
  }
  return next;
}

export function CaseEditor({
  regencyId,
  detail,
  onClose,
}: {
  regencyId: string;
  detail: CaseDetail;
  onClose: (message?: string) => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const units = useQuery(trpc.units.list.queryOptions({ regencyId, includeRetired: true }));
  const initial = valuesFromCase(detail);
  const [draft, setDraft, clearDraft] = useDraft<EditDraft>(`case-edit:${detail.id}`, {
    baseVersion: detail.version,
    baseStatus: detail.status,
    base: initial,
    values: initial,
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<CaseDetail | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  const update = useMutation(trpc.cases.update.mutationOptions());

  const display = (v: CaseFormValues, key: FieldKey): string => {
    const raw = fieldValue(v, key);
    if (raw === '') return t(m.empty);
    switch (key) {
      case 'unitId':
        return units.data?.find((u) => u.id === raw)?.name ?? raw;
      case 'actOn':
        return formatDate(raw, locale);
      case 'source':
        return t(caseSourceLabels[raw as CaseSource] ?? { id: raw, en: raw });
      case 'subject.employmentType':
        return t(employmentTypeLabels[raw as EmploymentType] ?? { id: raw, en: raw });
      case 'subject.positionClass':
        return t(positionClassLabels[raw as PositionClass] ?? { id: raw, en: raw });
      case 'summary':
        return raw.length > 120 ? `“${raw.slice(0, 120)}…”` : `“${raw}”`;
      default:
        return raw;
    }
  };
  const describe = (a: CaseFormValues, b: CaseFormValues) =>
    changedKeys(a, b).map((key) =>
      t(m.fieldChange, { field: t(fieldLabels[key]), before: display(a, key), after: display(b, key) }),
    );

  const save = async (next: EditDraft) => {
    const local = clientErrors(next.values, t, 'edit');
    setErrors(local);
    setProblem(null);
    if (Object.keys(local).length > 0) return;
    const patch = toPatch(next.values, next.base);
    if (Object.keys(patch).length === 0) {
      setProblem(t(m.noChanges));
      return;
    }
    try {
      const saved = await update.mutateAsync({ regencyId, id: detail.id, version: next.baseVersion, patch });
      clearDraft();
      await queryClient.invalidateQueries(trpc.cases.pathFilter());
      onClose(t(m.saved, { version: saved.version }));
    } catch (error) {
      if (errorCode(error) === 'CONFLICT') {
        const latest = await queryClient.fetchQuery({
          ...trpc.cases.get.queryOptions({ regencyId, id: detail.id }),
          staleTime: 0,
        });
        setConflict(latest);
        return;
      }
      setErrors(fieldErrors(error));
      setProblem(errorMessage(error, locale));
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save(draft);
  };

  const latestValues = conflict ? valuesFromCase(conflict) : null;
  const mine = changedKeys(draft.base, draft.values);
  const theirs = latestValues ? changedKeys(draft.base, latestValues) : [];
  const both = mine.filter(
    (key) => theirs.includes(key) && latestValues && fieldValue(latestValues, key) !== fieldValue(draft.values, key),
  );

  return (
    <form className="case-form" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t(m.editTitle)}
      </h2>
      {conflict && latestValues && (
        <div className="alert alert-warn conflict" role="alert" tabIndex={-1} ref={conflictRef}>
          <strong>{t(m.conflictTitle)}</strong>
          <p>{t(m.conflictText, { base: draft.baseVersion, current: conflict.version })}</p>
          <h3>{t(m.serverChanges)}</h3>
          <ul>
            {conflict.status !== draft.baseStatus && (
              <li>
                {t(m.fieldChange, {
                  field: t(m.fieldStatus),
                  before: caseStatusLabels[draft.baseStatus].id,
                  after: caseStatusLabels[conflict.status].id,
                })}
              </li>
            )}
            {describe(draft.base, latestValues).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <h3>{t(m.yourChanges)}</h3>
          <ul>
            {describe(draft.base, draft.values).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {both.length > 0 && <p>{t(m.bothChanged, { fields: both.map((key) => t(fieldLabels[key])).join(', ') })}</p>}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={update.isPending}
              onClick={() => {
                const next: EditDraft = {
                  baseVersion: conflict.version,
                  baseStatus: conflict.status,
                  base: latestValues,
                  values: reapply(draft.base, draft.values, latestValues),
                };
                setDraft(next);
                setConflict(null);
                void save(next);
              }}
            >
              {t(m.reapply)}
            </button>
            <button
              type="button"
              onClick={() => {
                clearDraft();
                onClose();
              }}
            >
              {t(m.discardMine)}
            </button>
          </div>
        </div>
      )}
      {problem && (
        <div className="alert alert-error" role="alert">
          {problem}
        </div>
      )}
      <CaseFields
        regencyId={regencyId}
        values={draft.values}
        onChange={(fn) => setDraft((d) => ({ ...d, values: fn(d.values) }))}
        errors={errors}
        mode="edit"
      />
      <div className="actions form-actions">
        <button type="submit" className="primary" disabled={update.isPending || conflict !== null}>
          {update.isPending ? t(m.saving) : t(m.saveChanges)}
        </button>
        <button
          type="button"
          onClick={() => {
            clearDraft();
            onClose();
          }}
        >
          {t(m.cancelEdit)}
        </button>
      </div>
    </form>
  );
}
