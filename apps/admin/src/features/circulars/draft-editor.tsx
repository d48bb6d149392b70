/**
 * The form of a circular draft: its details and each provision's path, kind, text and codes.
 * Controlled by its parent (the import wizard or the edit page), which keeps the state across
 * reloads and sends it; the server's field errors come back here next to their fields.
 */
import {
  type CircularScope,
  circularScopeLabels,
  circularScopeSchema,
  type ProvisionKind,
  provisionKindLabels,
  provisionKindSchema,
} from '@netral/domain/model';
import { Field } from '@netral/ui/forms';
import { useI18n } from '@netral/ui/i18n';
import { useId } from 'react';
import { CodePicker } from './code-picker';
import { m } from './messages';
import type { Taxonomy } from './taxonomy';
import { type EditableDraft, type EditableMetadata, type EditableProvision, errorsUnder, newKey } from './types';

type Errors = Record<string, string[]>;

const none = (messages: string[]) => (messages.length > 0 ? messages : undefined);

export function DraftEditor({
  draft,
  onChange,
  errors,
  onErrorsStale,
  taxonomy,
  onShowLine,
}: {
  draft: EditableDraft;
  onChange: (next: (prev: EditableDraft) => EditableDraft) => void;
  errors: Errors;
  /** Rows were added or removed: error indices no longer match. */
  onErrorsStale: () => void;
  taxonomy: Taxonomy;
  onShowLine?: (line: number) => void;
}) {
  const { t } = useI18n();
  const setMeta = <K extends keyof EditableMetadata>(key: K, value: EditableMetadata[K]) =>
    onChange((d) => ({ ...d, metadata: { ...d.metadata, [key]: value } }));
  const setProvision = (key: string, patch: Partial<EditableProvision>) =>
    onChange((d) => ({ ...d, provisions: d.provisions.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));

  return (
    <div className="draft-editor">
      <MetadataForm metadata={draft.metadata} errors={errors} setMeta={setMeta} />

      <section aria-labelledby="prov-heading">
        <h2 id="prov-heading">{t(m.provisionsSection, { n: draft.provisions.length })}</h2>
        <p className="hint">{t(m.pathHint)}</p>
        <ol className="provision-editor">
          {draft.provisions.map((p, i) => (
            <li key={p.key}>
              <ProvisionForm
                provision={p}
                index={i}
                errors={errors}
                taxonomy={taxonomy}
                onPatch={(patch) => setProvision(p.key, patch)}
                onRemove={() => {
                  onErrorsStale();
                  onChange((d) => ({ ...d, provisions: d.provisions.filter((x) => x.key !== p.key) }));
                }}
                onShowLine={onShowLine}
              />
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => {
            onErrorsStale();
            onChange((d) => ({
              ...d,
              provisions: [
                ...d.provisions,
                {
                  key: newKey(),
                  path: '',
                  kind: 'other',
                  text: '',
                  addressee: null,
                  codes: [],
                  suggestedCodes: [],
                  line: null,
                },
              ],
            }));
          }}
        >
          {t(m.addProvision)}
        </button>
      </section>
    </div>
  );
}

function MetadataForm({
  metadata: md,
  errors,
  setMeta,
}: {
  metadata: EditableMetadata;
  errors: Errors;
  setMeta: <K extends keyof EditableMetadata>(key: K, value: EditableMetadata[K]) => void;
}) {
  const { t } = useI18n();
  const scopeId = useId();
  const err = (key: string) => none(errorsUnder(errors, `metadata.${key}`));
  const text = (
    key: 'number' | 'place' | 'issuerOffice' | 'signatory' | 'signatoryNip',
    label: string,
    hint?: string,
  ) => (
    <Field label={label} error={err(key)} hint={hint}>
      {(p) => <input {...p} value={md[key]} onChange={(e) => setMeta(key, e.target.value)} />}
    </Field>
  );
  const area = (
    key: 'title' | 'addressees' | 'legalBases' | 'openingText' | 'closingText',
    label: string,
    hint?: string,
  ) => (
    <Field label={label} error={err(key)} hint={hint}>
      {(p) => <textarea {...p} rows={3} value={md[key]} onChange={(e) => setMeta(key, e.target.value)} />}
    </Field>
  );
  const scopeErrors = err('scope');

  return (
    <section className="card" aria-labelledby="meta-heading">
      <h2 id="meta-heading">{t(m.metadataSection)}</h2>
      <div className="form-grid">
        {text('number', t(m.number), t(m.numberHint))}
        <Field label={t(m.issuedOn)} error={err('issuedOn')} hint={t(m.issuedOnHint)}>
          {(p) => (
            <input {...p} type="date" value={md.issuedOn} onChange={(e) => setMeta('issuedOn', e.target.value)} />
          )}
        </Field>
        {text('place', t(m.place))}
        {text('issuerOffice', t(m.issuerOffice))}
        {text('signatory', t(m.signatory))}
        {text('signatoryNip', t(m.signatoryNip))}
      </div>
      {area('title', t(m.title))}
      <fieldset
        className={scopeErrors ? 'field checks has-error' : 'field checks'}
        aria-describedby={scopeErrors ? `${scopeId}-err` : undefined}
      >
        <legend>{t(m.scope)}</legend>
        {circularScopeSchema.options.map((s: CircularScope) => (
          <label key={s} className="check">
            <input
              type="checkbox"
              checked={md.scope.includes(s)}
              onChange={(e) =>
                setMeta(
                  'scope',
                  e.target.checked ? [...md.scope.filter((x) => x !== s), s] : md.scope.filter((x) => x !== s),
                )
              }
            />
            {t(circularScopeLabels[s])}
          </label>
        ))}
        {scopeErrors && (
          <div className="field-error" id={`${scopeId}-err`}>
            {scopeErrors.join(' ')}
          </div>
        )}
      </fieldset>
      <div className="form-grid">
        {area('addressees', t(m.addressees), t(m.onePerLine))}
        {area('legalBases', t(m.legalBases), t(m.onePerLine))}
        {area('openingText', t(m.openingText))}
        {area('closingText', t(m.closingText))}
      </div>
    </section>
  );
}

function ProvisionForm({
  provision: p,
  index,
  errors,
  taxonomy,
  onPatch,
  onRemove,
  onShowLine,
}: {
  provision: EditableProvision;
  index: number;
  errors: Errors;
  taxonomy: Taxonomy;
  onPatch: (patch: Partial<EditableProvision>) => void;
  onRemove: () => void;
  onShowLine?: ((line: number) => void) | undefined;
}) {
  const { t } = useI18n();
  const codesId = useId();
  const base = `provisions.${index}`;
  const pathErrors = [...errorsUnder(errors, `${base}.path`), ...errorsUnder(errors, `${base}.parentPath`)];
  const codeErrors = errorsUnder(errors, `${base}.codes`);
  const known = new Set(['path', 'parentPath', 'kind', 'text', 'codes']);
  const otherErrors = Object.entries(errors)
    .filter(([k]) => k.startsWith(`${base}.`) && !known.has(k.slice(base.length + 1).split('.')[0] ?? ''))
    .flatMap(([, v]) => v);
  const label = p.path.trim() || t(m.provisionNew);
  const suggestions = p.suggestedCodes.filter((s) => !p.codes.includes(s.code));
  const hasErrors = errorsUnder(errors, base).length > 0;

  return (
    <fieldset className={hasErrors ? 'provision-form has-error' : 'provision-form'} data-path={p.path}>
      <legend>{t(m.provisionLegend, { path: label })}</legend>
      <div className="provision-grid">
        <Field label={t(m.path)} error={none(pathErrors)}>
          {(props) => (
            <input
              {...props}
              className="mono input-path"
              value={p.path}
              onChange={(e) => onPatch({ path: e.target.value })}
            />
          )}
        </Field>
        <Field label={t(m.kind)} error={none(errorsUnder(errors, `${base}.kind`))}>
          {(props) => (
            <select
              {...props}
              value={p.kind}
              onChange={(e) => {
                const kind: ProvisionKind = provisionKindSchema.parse(e.target.value);
                onPatch(kind === 'prohibition' ? { kind } : { kind, codes: [] });
              }}
            >
              {provisionKindSchema.options.map((k) => (
                <option key={k} value={k}>
                  {t(provisionKindLabels[k])}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="provision-tools">
          {p.line !== null && onShowLine && (
            <button
              type="button"
              className="link"
              onClick={() => onShowLine(p.line as number)}
              aria-label={t(m.showLine, { line: p.line })}
            >
              {t(m.atLine, { line: p.line })}
            </button>
          )}
          <button
            type="button"
            className="danger"
            onClick={onRemove}
            aria-label={t(m.removeProvision, { path: label })}
          >
            ×
          </button>
        </div>
      </div>
      <Field label={t(m.text)} error={none(errorsUnder(errors, `${base}.text`))}>
        {(props) => <textarea {...props} rows={2} value={p.text} onChange={(e) => onPatch({ text: e.target.value })} />}
      </Field>
      <div className={codeErrors.length > 0 ? 'field has-error' : 'field'}>
        <span className="field-label">{t(m.codes)}</span>
        {p.kind === 'prohibition' ? (
          <CodePicker
            path={label}
            codes={p.codes}
            onChange={(codes) => onPatch({ codes })}
            taxonomy={taxonomy}
            describedBy={codeErrors.length > 0 || suggestions.length > 0 ? codesId : undefined}
          />
        ) : (
          <span className="hint">{t(m.codesOnlyProhibition)}</span>
        )}
        <div id={codesId}>
          {p.kind === 'prohibition' && suggestions.length > 0 && (
            <div className="hint">
              {t(m.suggested, {
                codes: suggestions.map((s) => `${s.code} (${Math.round(s.score * 100)}%)`).join(', '),
              })}
            </div>
          )}
          {codeErrors.length > 0 && <div className="field-error">{codeErrors.join(' ')}</div>}
        </div>
      </div>
      {otherErrors.length > 0 && <div className="field-error">{otherErrors.join(' ')}</div>}
    </fieldset>
  );
}
