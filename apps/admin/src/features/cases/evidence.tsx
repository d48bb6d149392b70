/**
 * The evidence of a case: the list (download, link, SHA-256) and adding an item, a file (sent to
 * the server's evidence route, which hashes and stores it) or a link (`cases.addEvidence`).
 * When the browser can hash too, the user sees that both hashes agree.
 */
import { formatDateTime, formatNumber } from '@netral/ui/format';
import { Field } from '@netral/ui/forms';
import { pickLocale, useI18n } from '@netral/ui/i18n';
import { useSession } from '@netral/ui/session';
import { errorMessage, fieldErrors, useTRPC } from '@netral/ui/trpc';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { errorsAt } from './case-form';
import { m } from './messages';
import type { CaseDetail } from './shared';

/** The server's limit (apps/server evidence route). */
const MAX_BYTES = 10 * 1024 * 1024;

async function browserSha256(file: File): Promise<string | null> {
  // crypto.subtle exists only in secure contexts (https, localhost).
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function fileSize(bytes: number, locale: 'id' | 'en'): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10, locale)} KB`;
  return `${formatNumber(Math.round(bytes / 104_857.6) / 10, locale)} MB`;
}

export function EvidenceSection({
  regencyId,
  detail,
  onAdded,
}: {
  regencyId: string;
  detail: CaseDetail;
  onAdded: () => Promise<unknown>;
}) {
  const { t, locale } = useI18n();
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(m.evidence)}</h2>
      {detail.evidence.length === 0 ? (
        <p className="muted">{t(m.noEvidence)}</p>
      ) : (
        <ul className="evidence-list">
          {detail.evidence.map((e) => (
            <li key={e.id}>
              <div>
                <strong>{e.description}</strong>
              </div>
              {e.fileName && (
                <div>
                  <a
                    href={`/files/regencies/${encodeURIComponent(regencyId)}/cases/${detail.id}/evidence/${e.id}`}
                    download={e.fileName}
                  >
                    {t(m.download, { name: e.fileName })}
                  </a>
                  {e.fileSize !== null && <span className="muted"> · {fileSize(e.fileSize, locale)}</span>}
                </div>
              )}
              {e.url && (
                <div>
                  <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">
                    {e.url}
                  </a>
                </div>
              )}
              {e.sha256 && (
                <div className="sha">
                  {t(m.sha256)}: <code>{e.sha256}</code>
                </div>
              )}
              <div className="muted small">
                {e.capturedBy && `${t(m.capturedBy)}: ${e.capturedBy} · `}
                {e.capturedAt && `${t(m.capturedAt)}: ${formatDateTime(e.capturedAt, locale)} · `}
                {t(m.addedOn)}: {formatDateTime(e.createdAt, locale)}
              </div>
            </li>
          ))}
        </ul>
      )}
      <AddEvidence regencyId={regencyId} caseId={detail.id} onAdded={onAdded} />
    </section>
  );
}

function AddEvidence({
  regencyId,
  caseId,
  onAdded,
}: {
  regencyId: string;
  caseId: string;
  onAdded: () => Promise<unknown>;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const session = useSession();
  const [kind, setKind] = useState<'file' | 'link'>('file');
  const [description, setDescription] = useState('');
  const [url, setUrl] = useState('');
  const [capturedBy, setCapturedBy] = useState('');
  const [capturedAt, setCapturedAt] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const addLink = useMutation(trpc.cases.addEvidence.mutationOptions());

  const reset = () => {
    setDescription('');
    setUrl('');
    setCapturedBy('');
    setCapturedAt('');
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const capturedAtIso = () => (capturedAt ? new Date(capturedAt).toISOString() : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    const local: Record<string, string[]> = {};
    if (description.trim() === '') local.description = [t(m.required)];
    if (kind === 'file' && !file) local.file = [t(m.chooseAFile)];
    if (kind === 'file' && file && file.size > MAX_BYTES) local.file = [t(m.fileTooLarge)];
    if (kind === 'link' && url.trim() === '') local.url = [t(m.required)];
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      if (kind === 'link') {
        await addLink.mutateAsync({
          regencyId,
          id: caseId,
          description: description.trim(),
          url: url.trim(),
          capturedBy: capturedBy.trim() || null,
          capturedAt: capturedAtIso() ?? null,
        });
        setResult({ ok: true, lines: [t(m.linkSaved)] });
      } else if (file) {
        const query = new URLSearchParams({ description: description.trim(), fileName: file.name });
        if (capturedBy.trim()) query.set('capturedBy', capturedBy.trim());
        const at = capturedAtIso();
        if (at) query.set('capturedAt', at);
        const [local, res] = await Promise.all([
          browserSha256(file).catch(() => null),
          fetch(`/files/regencies/${encodeURIComponent(regencyId)}/cases/${caseId}/evidence?${query}`, {
            method: 'POST',
            credentials: 'same-origin',
            headers: {
              'content-type': 'application/octet-stream',
              'x-csrf-token': session.me.csrfToken,
              'x-netral-locale': locale,
            },
            body: file,
          }),
        ]);
        const body = (await res.json().catch(() => ({}))) as {
          sha256?: string;
          error?: { message?: string; fieldErrors?: Record<string, string[]> };
        };
        if (!res.ok || !body.sha256) {
          setErrors(body.error?.fieldErrors ?? {});
          setResult({ ok: false, lines: [pickLocale(body.error?.message ?? t(m.fileTooLarge), locale)] });
          return;
        }
        const lines = [t(m.uploaded, { sha: body.sha256 })];
        if (local) lines.push(local === body.sha256 ? t(m.hashMatches) : t(m.hashMismatch, { sha: local }));
        setResult({ ok: local === null || local === body.sha256, lines });
      }
      reset();
      await onAdded();
    } catch (error) {
      setErrors(fieldErrors(error));
      setResult({ ok: false, lines: [errorMessage(error, locale)] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="add-evidence" onSubmit={submit} aria-labelledby={headingId} noValidate>
      <h3 id={headingId}>{t(m.addEvidence)}</h3>
      {result && (
        <div className={`alert ${result.ok ? 'alert-ok' : 'alert-error'}`} role={result.ok ? 'status' : 'alert'}>
          {result.lines.map((line) => (
            <p key={line} className="sha-line">
              {line}
            </p>
          ))}
        </div>
      )}
      <fieldset className="field">
        <legend>{t(m.evidenceKind)}</legend>
        <label className="check">
          <input type="radio" name="evidence-kind" checked={kind === 'file'} onChange={() => setKind('file')} />
          {t(m.evidenceFile)}
        </label>
        <label className="check">
          <input type="radio" name="evidence-kind" checked={kind === 'link'} onChange={() => setKind('link')} />
          {t(m.evidenceLink)}
        </label>
      </fieldset>
      <Field label={t(m.evidenceDescription)} error={errorsAt(errors, 'description')}>
        {(p) => (
          <textarea
            {...p}
            className="short"
            maxLength={1000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <div className="grid-2">
        {kind === 'file' ? (
          <Field label={t(m.chooseFile)} error={errorsAt(errors, 'file') ?? errorsAt(errors, 'fileName')}>
            {(p) => <input {...p} ref={fileInput} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
          </Field>
        ) : (
          <Field label={t(m.url)} error={errorsAt(errors, 'url')}>
            {(p) => <input {...p} type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
          </Field>
        )}
        <Field label={t(m.capturedBy)} error={errorsAt(errors, 'capturedBy')}>
          {(p) => <input {...p} value={capturedBy} onChange={(e) => setCapturedBy(e.target.value)} />}
        </Field>
        <Field label={t(m.capturedAt)} error={errorsAt(errors, 'capturedAt')}>
          {(p) => (
            <input {...p} type="datetime-local" value={capturedAt} onChange={(e) => setCapturedAt(e.target.value)} />
          )}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t(m.uploading) : kind === 'file' ? t(m.upload) : t(m.saveLink)}
      </button>
    </form>
  );
}
