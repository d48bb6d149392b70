/**
 * Chooses the national prohibition codes of one provision: the chosen codes as removable chips,
 * and a panel listing the taxonomy by regime (PP 94/2021, kode etik, disiplin, older lists) with
 * a filter. Plain checkboxes, so keyboard and screen-reader use need nothing special.
 */
import { regimeLabels } from '@netral/domain/taxonomy';
import { useI18n } from '@netral/ui/i18n';
import { useId, useMemo, useRef, useState } from 'react';
import { m } from './messages';
import { type CodeOption, describeCode, type Taxonomy } from './taxonomy';

const regimeOrder = ['pp94', 'kode_etik', 'disiplin', 'extra'] as const;

export function CodePicker({
  path,
  codes,
  onChange,
  taxonomy,
  describedBy,
}: {
  path: string;
  codes: string[];
  onChange: (codes: string[]) => void;
  taxonomy: Taxonomy;
  describedBy?: string | undefined;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);

  const groups = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const match = (o: CodeOption) =>
      q === '' ||
      o.code.toLowerCase().includes(q) ||
      o.wording.toLowerCase().includes(q) ||
      o.gloss.toLowerCase().includes(q);
    return regimeOrder
      .map((regime) => ({ regime, options: taxonomy.options.filter((o) => o.regime === regime && match(o)) }))
      .filter((g) => g.options.length > 0);
  }, [taxonomy.options, filter]);

  const toggle = (code: string, on: boolean) =>
    onChange(on ? [...codes.filter((c) => c !== code), code] : codes.filter((c) => c !== code));

  return (
    <div className="code-picker">
      <ul className="code-chips" aria-label={t(m.codes)}>
        {codes.map((code) => {
          const wording = describeCode(taxonomy.byCode.get(code), locale);
          return (
            <li key={code} className="badge info code-chip" title={wording || undefined}>
              {code}
              <button
                type="button"
                className="chip-remove"
                aria-label={t(m.removeCode, { code })}
                onClick={() => toggle(code, false)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-describedby={describedBy}
        onClick={() => setOpen((v) => !v)}
      >
        {t(m.pickCodes)}
      </button>
      {open && (
        <section id={panelId} className="code-panel" aria-label={t(m.pickCodesFor, { path })}>
          <label className="sr-only" htmlFor={`${panelId}-filter`}>
            {t(m.filterCodes)}
          </label>
          <input
            id={`${panelId}-filter`}
            type="search"
            placeholder={t(m.filterCodes)}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          {taxonomy.isPending && <p className="muted">…</p>}
          {groups.length === 0 && !taxonomy.isPending && <p className="muted">{t(m.noCodeMatch)}</p>}
          {groups.map((g) => (
            <fieldset key={g.regime}>
              <legend>{t(regimeLabels[g.regime])}</legend>
              {g.options.map((o) => (
                <label key={o.code} className={o.parent ? 'code-option sub' : 'code-option'} title={o.wording}>
                  <input
                    type="checkbox"
                    checked={codes.includes(o.code)}
                    onChange={(e) => toggle(o.code, e.target.checked)}
                  />
                  <strong>{o.code}</strong> <span>{locale === 'id' ? o.wording : o.gloss}</span>
                </label>
              ))}
            </fieldset>
          ))}
          <button
            type="button"
            onClick={() => {
              setOpen(false);
              toggleRef.current?.focus();
            }}
          >
            {t(m.closePicker)}
          </button>
        </section>
      )}
    </div>
  );
}
