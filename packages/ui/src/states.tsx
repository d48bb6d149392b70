/**
 * Loading, empty and error states, the same on every page.
 */
import type { ReactNode } from 'react';
import { common, useI18n } from './i18n';
import { errorMessage, isNotFound } from './trpc';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t(common.loading)}
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <div className="state empty">{children ?? t(common.empty)}</div>;
}

/** "Not found or no access": the same page for a missing record and another regency's. */
export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="state not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t(common.notFoundTitle)}</h1>
      <p>{t(common.notFoundText)}</p>
    </section>
  );
}

/** An error from a query: "not found" for missing/forbidden, else the message and a retry. */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t, locale } = useI18n();
  if (isNotFound(error)) return <NotFound />;
  return (
    <div className="state error" role="alert">
      <strong>{t(common.errorTitle)}</strong>
      <p>{errorMessage(error, locale)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t(common.retry)}
        </button>
      )}
    </div>
  );
}
