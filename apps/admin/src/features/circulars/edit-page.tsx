/**
 * Editing a stored draft (also a new version started from a published circular). The form lives
 * in sessionStorage until saved; a stale version is refused by the server with CONFLICT, and the
 * user chooses to reapply their changes on the latest version or to load it instead.
 */
import { useDraft } from '@netral/ui/forms';
import { common, useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { ErrorState, Loading } from '@netral/ui/states';
import { errorCode, errorMessage, fieldErrors, useTRPC } from '@netral/ui/trpc';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { DraftEditor } from './draft-editor';
import { m } from './messages';
import { SourceText } from './source-text';
import { useTaxonomy } from './taxonomy';
import { type CircularRecord, type EditableDraft, editableFromRecord, normaliseErrors, toDraftBody } from './types';

interface EditState {
  /** The version the form started from: sent with the save. */
  baseVersion: number;
  draft: EditableDraft;
}

export function CircularEditPage({ regencyId, id }: { regencyId: string; id: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const circular = useQuery(trpc.circulars.get.queryOptions({ regencyId, id }));
  if (circular.isPending) return <Loading />;
  if (circular.isError) return <ErrorState error={circular.error} retry={() => circular.refetch()} />;
  if (circular.data.status !== 'draft' || circular.data.regencyId !== regencyId) {
    return (
      <>
        <p>
          <Link href={`/${id}`}>{t(m.back)}</Link>
        </p>
        <p className="alert alert-warn">{t(m.notDraft)}</p>
      </>
    );
  }
  return <Editor regencyId={regencyId} circular={circular.data} />;
}

function Editor({ regencyId, circular }: { regencyId: string; circular: CircularRecord }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const taxonomy = useTaxonomy();
  const [state, setState, clearState] = useDraft<EditState>(`circular-edit:${circular.id}`, {
    baseVersion: circular.version,
    draft: editableFromRecord(circular),
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [latest, setLatest] = useState<CircularRecord | null>(null);

  const update = useMutation(
    trpc.circulars.update.mutationOptions({
      onSuccess: async (saved) => {
        clearState();
        await queryClient.invalidateQueries(trpc.circulars.pathFilter());
        navigate(`/${saved.id}`);
      },
      onError: (error) => {
        setErrors(normaliseErrors(fieldErrors(error)));
        setFormError(errorMessage(error, locale));
        if (errorCode(error) === 'CONFLICT') {
          queryClient
            .fetchQuery({ ...trpc.circulars.get.queryOptions({ regencyId, id: circular.id }), staleTime: 0 })
            .then(setLatest)
            .catch(() => setLatest(null));
        }
      },
    }),
  );

  const save = (version: number) => {
    setLatest(null);
    update.mutate({ regencyId, id: circular.id, version, ...toDraftBody(state.draft) });
  };

  const errorCount = Object.keys(errors).length;
  return (
    <>
      <p>
        <Link href={`/${circular.id}`}>{t(m.back)}</Link>
      </p>
      <PageHeader title={t(m.editTitle)}>
        <p className="muted">
          {circular.number ? `SE ${circular.number}` : (circular.title ?? '')} · {t(m.version)} {state.baseVersion}
        </p>
      </PageHeader>
      <div aria-live="polite">
        {formError && (
          <div className="alert alert-error">
            <p className="m0">{formError}</p>
            {errorCount > 0 && <p className="m0">{t(m.formErrors, { n: errorCount })}</p>}
            {latest && latest.status === 'draft' && (
              <>
                <p className="m0">{t(m.conflict, { version: latest.version })}</p>
                <div className="actions">
                  <button
                    type="button"
                    className="primary"
                    onClick={() => {
                      setState((s) => ({ ...s, baseVersion: latest.version }));
                      save(latest.version);
                    }}
                  >
                    {t(m.reapply)}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      setState({ baseVersion: latest.version, draft: editableFromRecord(latest) });
                      setLatest(null);
                      setFormError(null);
                      setErrors({});
                    }}
                  >
                    {t(m.discardMine)}
                  </button>
                </div>
              </>
            )}
          </div>
        )}
      </div>
      <div className="split editor-split">
        <div>
          <DraftEditor
            draft={state.draft}
            onChange={(fn) => setState((s) => ({ ...s, draft: fn(s.draft) }))}
            errors={errors}
            onErrorsStale={() => setErrors({})}
            taxonomy={taxonomy}
          />
        </div>
        <div className="sticky-pane">
          <SourceText text={state.draft.sourceText} />
        </div>
      </div>
      <div className="actions sticky-actions">
        <button type="button" className="primary" disabled={update.isPending} onClick={() => save(state.baseVersion)}>
          {update.isPending ? t(m.saving) : t(m.saveDraft)}
        </button>
        <Link href={`/${circular.id}`} className="button" onClick={() => clearState()}>
          {t(common.cancel)}
        </Link>
      </div>
    </>
  );
}
