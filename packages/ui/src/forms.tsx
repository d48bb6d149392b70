/**
 * Form pieces: a labelled field with its error wired for screen readers, and drafts that keep an
 * unfinished form across a reload (in this tab's sessionStorage: personal data typed on a shared
 * office computer does not outlive the tab).
 */
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';

export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string | string[] | undefined;
  hint?: ReactNode;
  /** Receives the ids to put on the control. */
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const id = useId();
  const messages = error === undefined ? [] : Array.isArray(error) ? error : [error];
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = messages.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={messages.length > 0 ? 'field has-error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': messages.length > 0, 'aria-describedby': describedBy })}
      {hint && (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      )}
      {errorId && (
        <div className="field-error" id={errorId}>
          {messages.join(' ')}
        </div>
      )}
    </div>
  );
}

function readDraft<T>(key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(`netral.draft.${key}`);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

/**
 * State that survives a reload until `clear()` (call it after a successful save).
 *
 * @example
 * const [form, setForm, clearDraft] = useDraft(`case-new:${regencyId}`, emptyCase);
 */
export function useDraft<T>(key: string, initial: T): [T, (next: T | ((prev: T) => T)) => void, () => void] {
  const [value, setValue] = useState<T>(() => readDraft<T>(key) ?? initial);
  const keyRef = useRef(key);
  keyRef.current = key;
  useEffect(() => {
    try {
      sessionStorage.setItem(`netral.draft.${key}`, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the form still works, it just won't survive a reload.
    }
  }, [key, value]);
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(`netral.draft.${keyRef.current}`);
    } catch {
      // Nothing stored.
    }
  }, []);
  return [value, setValue, clear];
}
