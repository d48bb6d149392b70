/**
 * The circular's original text with line numbers, in its own scrollable (and keyboard-focusable)
 * pane, so the parsed provisions can be checked against it line by line.
 */
import { useI18n } from '@netral/ui/i18n';
import { useEffect, useId, useMemo, useRef } from 'react';
import { m } from './messages';

export function SourceText({ text, highlight }: { text: string; highlight?: number | null }) {
  const { t } = useI18n();
  const headingId = useId();
  const pane = useRef<HTMLElement>(null);
  const lines = useMemo(() => text.replace(/\r\n?/g, '\n').split('\n'), [text]);

  useEffect(() => {
    if (!highlight || !pane.current) return;
    const el = pane.current.querySelector<HTMLElement>(`[data-line="${highlight}"]`);
    if (el) pane.current.scrollTop = Math.max(0, el.offsetTop - pane.current.clientHeight / 3);
  }, [highlight]);

  return (
    <div className="source-pane">
      <h2 id={headingId}>{t(m.sourceText)}</h2>
      {text.trim() === '' ? (
        <p className="muted">{t(m.noSourceText)}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
        <section className="source-scroll" ref={pane} tabIndex={0} aria-labelledby={headingId}>
          <pre className="source-text">
            {lines.map((line, i) => {
              const n = i + 1;
              return (
                <span key={n} data-line={n} className={n === highlight ? 'src-line hl' : 'src-line'}>
                  {line}
                  {'\n'}
                </span>
              );
            })}
          </pre>
        </section>
      )}
    </div>
  );
}
