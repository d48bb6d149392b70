/**
 * The import wizard: paste or upload the text → the server parses it (`circulars.importPreview`)
 * → the user corrects details, kinds, paths and codes beside the source and the parser's notes →
 * save as a draft → publish. The whole wizard lives in sessionStorage (`useDraft`), so a failed
 * save or a reload loses nothing.
 */
import { useDraft } from '@netral/ui/forms';
import { useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { useSession } from '@netral/ui/session';
import { errorCode, errorMessage, fieldErrors, useTRPC } from '@netral/ui/trpc';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { DraftEditor } from './draft-editor';
import { m } from './messages';
import { SourceText } from './source-text';
import { useTaxonomy } from './taxonomy';
import { type EditableDraft, editableFromPreview, normaliseErrors, type ParseWarning, toDraftBody } from './types';

/** What the server accepts (characters); checked here first so a huge file fails fast. */
const MAX_TEXT = 500_000;

type Step = 'source' | 'review' | 'saved';

interface WizardState {
  step: Step;
  text: string;
  fileName: string | null;
  warnings: ParseWarning[];
  draft: EditableDraft | null;
  /** Set once the draft is stored: later saves update it. */
  saved: { id: string; version: number } | null;
}

const initialState: WizardState = { step: 'source', text: '', fileName: null, warnings: [], draft: null, saved: null };

export function CircularImportPage({ regencyId }: { regencyId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const [, navigate] = useLocation();
  const taxonomy = useTaxonomy();
  const roles = session.rolesIn(regencyId);
  const isAdmin = roles.includes('regency_admin') || roles.includes('national_admin');
  const storageKey = `circular-import:${regencyId}`;
  const [restored, setRestored] = useState(() => {
    try {
      return sessionStorage.getItem(`netral.draft.${storageKey}`) !== null;
    } catch {
      return false;
    }
  });
  const [state, setState, clearState] = useDraft<WizardState>(storageKey, initialState);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflictVersion, setConflictVersion] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<number | null>(null);
  const [fileNote, setFileNote] = useState<{ ok: boolean; text: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const textId = useId();

  // Each step announces itself: focus moves to its heading.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [state.step]);

  const failed = (error: unknown) => {
    setRestored(false);
    setErrors(normaliseErrors(fieldErrors(error)));
    setFormError(errorMessage(error, locale));
    setNotice(null);
  };

  const preview = useMutation(
    trpc.circulars.importPreview.mutationOptions({
      onSuccess: (result) => {
        setRestored(false);
        setErrors({});
        setFormError(null);
        setHighlight(null);
        setState((s) => ({
          ...s,
          step: 'review',
          warnings: result.result.warnings,
          draft: editableFromPreview(result),
          saved: null,
        }));
        setNotice(t(m.parsed, { n: result.draft.provisions.length }));
      },
      onError: failed,
    }),
  );

  const onSaved = async (c: { id: string; version: number }) => {
    setRestored(false);
    setErrors({});
    setFormError(null);
    setConflictVersion(null);
    setState((s) => ({ ...s, step: 'saved', saved: { id: c.id, version: c.version } }));
    setNotice(t(m.saved, { version: c.version }));
    await queryClient.invalidateQueries(trpc.circulars.pathFilter());
  };
  const saveFailed = (error: unknown) => {
    failed(error);
    if (errorCode(error) === 'CONFLICT' && state.saved) {
      queryClient
        .fetchQuery(trpc.circulars.get.queryOptions({ regencyId, id: state.saved.id }))
        .then((latest) => setConflictVersion(latest.status === 'draft' ? latest.version : null))
        .catch(() => setConflictVersion(null));
    }
  };
  const create = useMutation(trpc.circulars.createDraft.mutationOptions({ onSuccess: onSaved, onError: saveFailed }));
  const update = useMutation(trpc.circulars.update.mutationOptions({ onSuccess: onSaved, onError: saveFailed }));
  const publish = useMutation(
    trpc.circulars.publish.mutationOptions({
      onSuccess: async (c) => {
        clearState();
        await queryClient.invalidateQueries(trpc.circulars.pathFilter());
        navigate(`/${c.id}`);
      },
      onError: (error) => {
        failed(error);
        // Missing fields are fixed in the editor: go back there with the messages beside them.
        if (Object.keys(fieldErrors(error)).length > 0) setState((s) => ({ ...s, step: 'review' }));
      },
    }),
  );

  const save = (version?: number) => {
    if (!state.draft) return;
    const body = toDraftBody(state.draft);
    if (state.saved) update.mutate({ regencyId, id: state.saved.id, version: version ?? state.saved.version, ...body });
    else create.mutate({ regencyId, ...body });
  };

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const okType = /\.(txt|md|markdown)$/i.test(file.name) || file.type.startsWith('text/');
    if (!okType) {
      setFileNote({ ok: false, text: t(m.fileWrongType) });
      return;
    }
    const text = await file.text();
    if (text.length > MAX_TEXT) {
      setFileNote({ ok: false, text: t(m.fileTooBig) });
      return;
    }
    setState((s) => ({ ...s, text, fileName: file.name }));
    setFileNote({ ok: true, text: t(m.fileRead, { name: file.name, n: text.length.toLocaleString(locale) }) });
  };

  const startOver = () => {
    if (!window.confirm(t(m.startOverConfirm))) return;
    clearState();
    setState(initialState);
    setErrors({});
    setFormError(null);
    setNotice(null);
  };

  const saving = create.isPending || update.isPending;
  const errorCount = Object.keys(errors).length;
  const steps: { key: Step; label: string }[] = [
    { key: 'source', label: t(m.step1) },
    { key: 'review', label: t(m.step2) },
    { key: 'saved', label: t(m.step3) },
  ];

  return (
    <>
      <p>
        <Link href="/">{t(m.back)}</Link>
      </p>
      <PageHeader
        title={t(m.importTitle)}
        actions={
          state.step !== 'source' || state.text !== '' ? (
            <button type="button" onClick={startOver}>
              {t(m.startOver)}
            </button>
          ) : undefined
        }
      />
      <nav aria-label={t(m.stepsLabel)}>
        <ol className="steps">
          {steps.map((s) => (
            <li key={s.key} aria-current={state.step === s.key ? 'step' : undefined}>
              {s.label}
            </li>
          ))}
        </ol>
      </nav>

      {restored && state.step !== 'source' && <p className="alert alert-info">{t(m.restored)}</p>}
      <div aria-live="polite">
        {notice && !formError && <p className="alert alert-ok">{notice}</p>}
        {formError && (
          <div className="alert alert-error">
            <p className="m0">{formError}</p>
            {state.step === 'review' && errorCount > 0 && <p className="m0">{t(m.saveFailed)}</p>}
            {errorCount > 0 && <p className="m0">{t(m.formErrors, { n: errorCount })}</p>}
            {conflictVersion !== null && (
              <>
                <p className="m0">{t(m.conflict, { version: conflictVersion })}</p>
                <button type="button" onClick={() => save(conflictVersion)}>
                  {t(m.reapply)}
                </button>
              </>
            )}
          </div>
        )}
      </div>

      {state.step === 'source' && (
        <section aria-labelledby="step-heading">
          <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
            {t(m.step1)}
          </h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              preview.mutate({ text: state.text });
            }}
          >
            <div className={errors['metadata.text'] ? 'field has-error' : 'field'}>
              <label htmlFor={textId}>{t(m.pasteLabel)}</label>
              <textarea
                id={textId}
                className="source-input"
                rows={16}
                value={state.text}
                onChange={(e) => setState((s) => ({ ...s, text: e.target.value, fileName: null }))}
                aria-describedby={`${textId}-hint${errors['metadata.text'] ? ` ${textId}-err` : ''}`}
                aria-invalid={Boolean(errors['metadata.text'])}
              />
              <div className="hint" id={`${textId}-hint`}>
                {t(m.pasteHint)}
              </div>
              {errors['metadata.text'] && (
                <div className="field-error" id={`${textId}-err`}>
                  {errors['metadata.text'].join(' ')}
                </div>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${textId}-file`}>{t(m.uploadLabel)}</label>
              <input
                id={`${textId}-file`}
                type="file"
                accept=".txt,.md,.markdown,text/plain,text/markdown"
                onChange={readFile}
              />
              {fileNote && (
                <div className={fileNote.ok ? 'hint' : 'field-error'} role="status">
                  {fileNote.text}
                </div>
              )}
            </div>
            <button type="submit" className="primary" disabled={preview.isPending || state.text.trim() === ''}>
              {preview.isPending ? t(m.parsing) : t(m.parse)}
            </button>
          </form>
        </section>
      )}

      {state.step === 'review' && state.draft && (
        <section aria-labelledby="step-heading">
          <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
            {t(m.step2)}
          </h2>
          <Warnings warnings={state.warnings} onShowLine={setHighlight} />
          <div className="split editor-split">
            <div>
              <DraftEditor
                draft={state.draft}
                onChange={(fn) => setState((s) => (s.draft ? { ...s, draft: fn(s.draft) } : s))}
                errors={errors}
                onErrorsStale={() => setErrors({})}
                taxonomy={taxonomy}
                onShowLine={setHighlight}
              />
            </div>
            <div className="sticky-pane">
              <SourceText text={state.draft.sourceText} highlight={highlight} />
            </div>
          </div>
          <div className="actions sticky-actions">
            <button type="button" className="primary" disabled={saving} onClick={() => save()}>
              {saving ? t(m.saving) : t(m.saveDraft)}
            </button>
            {state.saved && (
              <button type="button" onClick={() => setState((s) => ({ ...s, step: 'saved' }))}>
                {t(m.step3)}
              </button>
            )}
            <button
              type="button"
              onClick={() => {
                if (window.confirm(t(m.reparseConfirm))) setState((s) => ({ ...s, step: 'source' }));
              }}
            >
              {t(m.reparse)}
            </button>
          </div>
        </section>
      )}

      {state.step === 'saved' && state.draft && state.saved && (
        <section aria-labelledby="step-heading" className="card">
          <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
            {t(m.step3)}
          </h2>
          <p>
            {t(m.savedSummary, {
              title: state.draft.metadata.title || t(m.untitled),
              n: state.draft.provisions.length,
            })}
          </p>
          {!isAdmin && <p className="alert alert-info">{t(m.officerCannotPublish)}</p>}
          <div className="actions">
            {isAdmin && (
              <button
                type="button"
                className="primary"
                disabled={publish.isPending}
                onClick={() =>
                  state.saved && publish.mutate({ regencyId, id: state.saved.id, version: state.saved.version })
                }
              >
                {publish.isPending ? t(m.publishing) : t(m.publish)}
              </button>
            )}
            <button type="button" onClick={() => setState((s) => ({ ...s, step: 'review' }))}>
              {t(m.editAgain)}
            </button>
            <Link
              href={`/${state.saved.id}`}
              className="button"
              onClick={() => {
                // The draft is stored: the wizard's copy is no longer needed.
                clearState();
              }}
            >
              {t(m.openDraft)}
            </Link>
          </div>
        </section>
      )}
    </>
  );
}

function Warnings({ warnings, onShowLine }: { warnings: ParseWarning[]; onShowLine: (line: number) => void }) {
  const { t } = useI18n();
  if (warnings.length === 0) return <p className="muted">{t(m.noWarnings)}</p>;
  return (
    <details className="alert alert-warn warnings" open>
      <summary>{t(m.warnings, { n: warnings.length })}</summary>
      <ul>
        {warnings.map((w, i) => (
          <li key={`${w.code}-${i}`}>
            {t(w.message)}
            {w.line !== undefined && (
              <>
                {' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => onShowLine(w.line as number)}
                  aria-label={t(m.showLine, { line: w.line })}
                >
                  ({t(m.atLine, { line: w.line })})
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
