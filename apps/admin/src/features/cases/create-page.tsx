/**
 * Registering a case. The form is a draft of this tab (`useDraft`): a reload, a refused save or a
 * lost connection keeps everything typed; the draft goes when the case is saved.
 */
import { useDraft } from '@netral/ui/forms';
import { common, useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { errorCode, errorMessage, fieldErrors, useTRPC } from '@netral/ui/trpc';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { CaseFields, type CaseFormValues, clientErrors, emptyValues, toCreateInput } from './case-form';
import { m } from './messages';
import { type CasesProps, todayWib } from './shared';

export function CaseCreatePage({ regencyId, regencyName }: CasesProps) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [values, setValues, clearDraft] = useDraft<CaseFormValues>(`case-new:${regencyId}`, emptyValues(todayWib()));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const create = useMutation(
    trpc.cases.create.mutationOptions({
      onSuccess: async ({ id }) => {
        clearDraft();
        await queryClient.invalidateQueries(trpc.cases.list.pathFilter());
        navigate(`/${id}`);
      },
      onError: (error) => {
        setErrors(fieldErrors(error));
        setFailure(errorCode(error) === 'BAD_REQUEST' ? null : errorMessage(error, locale));
      },
    }),
  );
  const hasErrors = Object.keys(errors).length > 0 || failure !== null;
  useEffect(() => {
    if (hasErrors) summaryRef.current?.focus();
  }, [hasErrors]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const local = clientErrors(values, t, 'create');
    setFailure(null);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      summaryRef.current?.focus();
      return;
    }
    setErrors({});
    create.mutate(toCreateInput(regencyId, values));
  };

  return (
    <>
      <PageHeader title={t(m.createTitle)} actions={<Link href="/">{t(m.backToList)}</Link>}>
        <p className="muted">
          {regencyName} · {t(m.createLead)}
        </p>
      </PageHeader>
      <form className="case-form" onSubmit={submit} noValidate>
        <div
          ref={summaryRef}
          tabIndex={-1}
          className={hasErrors ? 'alert alert-error' : undefined}
          role={hasErrors ? 'alert' : undefined}
        >
          {hasErrors && (
            <>
              <strong>{failure ?? t(m.fixErrors)}</strong>
              {Object.keys(errors).length > 0 && (
                <ul>
                  {Object.entries(errors).map(([path, messages]) => (
                    <li key={path}>{messages.join(' ')}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
        <CaseFields regencyId={regencyId} values={values} onChange={setValues} errors={errors} mode="create" />
        <div className="actions form-actions">
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t(m.saving) : t(m.save)}
          </button>
          <button
            type="button"
            onClick={() => {
              setValues(emptyValues(todayWib()));
              setErrors({});
              setFailure(null);
            }}
          >
            {t(m.discardDraft)}
          </button>
          <Link href="/">{t(common.cancel)}</Link>
        </div>
      </form>
    </>
  );
}
