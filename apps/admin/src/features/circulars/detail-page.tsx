/**
 * One circular: its details, its provision tree beside the original text, and what the user may
 * do with it in its current status (edit or publish a draft; revoke or start a new version of a
 * published one).
 */
import { circularScopeLabels } from '@netral/domain/model';
import { formatDate, formatDateTime } from '@netral/ui/format';
import { common, useI18n } from '@netral/ui/i18n';
import { PageHeader } from '@netral/ui/layout';
import { useSession } from '@netral/ui/session';
import { ErrorState, Loading } from '@netral/ui/states';
import { errorMessage, fieldErrors, useTRPC } from '@netral/ui/trpc';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { m } from './messages';
import { ProvisionTree } from './provision-tree';
import { SourceText } from './source-text';
import { StatusBadge } from './status-badge';
import { useTaxonomy } from './taxonomy';
import type { CircularRecord } from './types';

/** Labels of the fields a publish can be refused for. */
const publishFields: Record<string, { id: string; en: string }> = {
  number: m.number,
  issuedOn: m.issuedOn,
  title: m.title,
  issuerOffice: m.issuerOffice,
  scope: m.scope,
};

export function CircularDetailPage({ regencyId, id }: { regencyId: string; id: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const taxonomy = useTaxonomy();
  const circular = useQuery(trpc.circulars.get.queryOptions({ regencyId, id }));

  if (circular.isPending) return <Loading />;
  if (circular.isError) return <ErrorState error={circular.error} retry={() => circular.refetch()} />;
  const c = circular.data;

  return (
    <>
      <p>
        <Link href="/">{t(m.back)}</Link>
      </p>
      <PageHeader title={c.number ? `SE ${c.number}` : (c.title ?? t(m.untitled))}>
        <p className="header-meta">
          <StatusBadge status={c.status} />{' '}
          <span>
            {t(m.version)} {c.version}
          </span>
          {c.publishedAt && (
            <span className="muted">
              · {t(m.publishedAt)} {formatDateTime(c.publishedAt, locale)}
            </span>
          )}
        </p>
      </PageHeader>

      <Actions circular={c} regencyId={regencyId} />

      <section className="card" aria-labelledby="circ-meta">
        <h2 id="circ-meta">{t(m.metadata)}</h2>
        <dl className="meta-grid">
          <Item label={t(m.number)}>
            <span className="mono">{c.number ?? '—'}</span>
          </Item>
          <Item label={t(m.issuedOn)}>{formatDate(c.issuedOn, locale)}</Item>
          <Item label={t(m.place)}>{c.place ?? '—'}</Item>
          <Item label={t(m.title)} wide>
            {c.title ?? '—'}
          </Item>
          <Item label={t(m.issuerOffice)}>{c.issuerOffice ?? '—'}</Item>
          <Item label={t(m.signatory)}>
            {c.signatory ?? '—'}
            {c.signatoryNip && <span className="muted mono"> · NIP {c.signatoryNip}</span>}
          </Item>
          <Item label={t(m.scope)}>{c.scope.map((s) => t(circularScopeLabels[s])).join(', ')}</Item>
          <Item label={t(m.status)}>
            <StatusBadge status={c.status} /> · {t(m.version)} {c.version}
          </Item>
          {c.supersedesId && (
            <Item label={t(m.supersedes)}>
              <SupersedesLink regencyId={regencyId} id={c.supersedesId} />
            </Item>
          )}
          <Item label={t(m.updatedAt)}>{formatDateTime(c.updatedAt, locale)}</Item>
          {c.addressees.length > 0 && (
            <Item label={t(m.addressees)} wide>
              <ul className="plain">
                {c.addressees.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </Item>
          )}
          {c.legalBases.length > 0 && (
            <Item label={t(m.legalBases)} wide>
              <ul className="plain">
                {c.legalBases.map((a) => (
                  <li key={a}>{a}</li>
                ))}
              </ul>
            </Item>
          )}
          {c.openingText && (
            <Item label={t(m.openingText)} wide>
              {c.openingText}
            </Item>
          )}
          {c.closingText && (
            <Item label={t(m.closingText)} wide>
              {c.closingText}
            </Item>
          )}
        </dl>
      </section>

      <div className="split">
        <section aria-labelledby="circ-provisions">
          <h2 id="circ-provisions">
            {t(m.provisionTree)} ({c.provisions.length})
          </h2>
          <ProvisionTree provisions={c.provisions} taxonomy={taxonomy} />
        </section>
        <SourceText text={c.sourceText} />
      </div>
    </>
  );
}

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'meta-item wide' : 'meta-item'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function SupersedesLink({ regencyId, id }: { regencyId: string; id: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const old = useQuery(trpc.circulars.get.queryOptions({ regencyId, id }));
  return (
    <Link href={`/${id}`}>
      {old.data ? `SE ${old.data.number ?? t(m.noNumber)} (${t(m.version)} ${old.data.version})` : id}
    </Link>
  );
}

/** The buttons the circular's status and the user's roles allow, with their results announced. */
function Actions({ circular: c, regencyId }: { circular: CircularRecord; regencyId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSession();
  const [, navigate] = useLocation();
  const roles = session.rolesIn(regencyId);
  const isAdmin = roles.includes('regency_admin') || roles.includes('national_admin');
  const own = c.regencyId === regencyId;
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string; fields?: string[] } | null>(null);
  const reasonId = useId();

  const refresh = () => queryClient.invalidateQueries(trpc.circulars.pathFilter());
  const failed = (error: unknown) => {
    const fields = Object.entries(fieldErrors(error)).map(([key, messages]) => {
      const label = publishFields[key];
      return `${label ? t(label) : key}: ${messages.join(' ')}`;
    });
    setNotice({ tone: 'error', text: errorMessage(error, locale), fields });
  };

  const publish = useMutation(
    trpc.circulars.publish.mutationOptions({
      onSuccess: async () => {
        setNotice({ tone: 'ok', text: t(m.published) });
        await refresh();
      },
      onError: failed,
    }),
  );
  const revoke = useMutation(
    trpc.circulars.revoke.mutationOptions({
      onSuccess: async () => {
        setRevoking(false);
        setNotice({ tone: 'ok', text: t(m.revoked) });
        await refresh();
      },
      onError: failed,
    }),
  );
  const supersede = useMutation(
    trpc.circulars.supersede.mutationOptions({
      onSuccess: async (next) => {
        await refresh();
        navigate(`/${next.id}/edit`);
      },
      onError: failed,
    }),
  );

  if (!own) return <p className="alert alert-info">{t(m.readOnlyProvince)}</p>;
  const busy = publish.isPending || revoke.isPending || supersede.isPending;

  return (
    <section className="card" aria-label={t(m.actions)}>
      <div aria-live="polite">
        {notice && (
          <div className={notice.tone === 'ok' ? 'alert alert-ok' : 'alert alert-error'}>
            <p className="m0">{notice.text}</p>
            {notice.fields && notice.fields.length > 0 && (
              <ul>
                {notice.fields.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {c.status === 'published' && <p className="muted">{t(m.immutable)}</p>}
      <div className="actions">
        {c.status === 'draft' && (
          <Link href={`/${c.id}/edit`} className="button">
            {t(m.editDraft)}
          </Link>
        )}
        {c.status === 'draft' && isAdmin && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => publish.mutate({ regencyId, id: c.id, version: c.version })}
          >
            {publish.isPending ? t(m.publishing) : t(m.publish)}
          </button>
        )}
        {c.status === 'published' && isAdmin && (
          <>
            <button
              type="button"
              disabled={busy}
              aria-describedby={`${reasonId}-nv`}
              onClick={() => supersede.mutate({ regencyId, id: c.id })}
            >
              {t(m.newVersion)}
            </button>
            <button
              type="button"
              className="danger"
              aria-expanded={revoking}
              disabled={busy}
              onClick={() => setRevoking((v) => !v)}
            >
              {t(m.revoke)}
            </button>
          </>
        )}
      </div>
      {c.status === 'published' && isAdmin && (
        <p className="hint" id={`${reasonId}-nv`}>
          {t(m.newVersionHint)}
        </p>
      )}
      {!isAdmin && (c.status === 'draft' || c.status === 'published') && <p className="hint">{t(m.adminOnlyNote)}</p>}
      {revoking && (
        <form
          className="revoke-form"
          onSubmit={(e) => {
            e.preventDefault();
            revoke.mutate({ regencyId, id: c.id, version: c.version, ...(reason.trim() && { reason: reason.trim() }) });
          }}
        >
          <h3>{t(m.revokeTitle)}</h3>
          <div className="field">
            <label htmlFor={reasonId}>{t(m.revokeReason)}</label>
            <textarea
              id={reasonId}
              value={reason}
              maxLength={1000}
              onChange={(e) => setReason(e.target.value)}
              aria-describedby={`${reasonId}-hint`}
            />
            <div className="hint" id={`${reasonId}-hint`}>
              {t(m.revokeHint)}
            </div>
          </div>
          <div className="actions">
            <button type="submit" className="danger" disabled={busy}>
              {t(m.revokeConfirm)}
            </button>
            <button type="button" onClick={() => setRevoking(false)}>
              {t(common.cancel)}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
