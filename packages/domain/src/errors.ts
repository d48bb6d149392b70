/**
 * Errors raised by the domain. Every error carries a stable `code` that clients
 * branch on, and its message in both languages of the UI (Indonesian first).
 *
 * @example
 * try { assertTransition(caseState, 'close') } catch (e) {
 *   if (e instanceof DomainError) console.log(e.code, e.text.id)
 * }
 */

/** A user-facing text in Bahasa Indonesia and English. */
export interface LocalizedText {
  id: string;
  en: string;
}

export const domainErrorCodes = [
  'VALIDATION',
  'INVALID_NIP',
  'ILLEGAL_TRANSITION',
  'TRANSITION_FORBIDDEN',
  'MISSING_FIELDS',
  'UNKNOWN_CONTEST',
  'UNKNOWN_PROHIBITION_CODE',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'INVALID_DATE',
  'UNKNOWN_RACE',
] as const;
export type DomainErrorCode = (typeof domainErrorCodes)[number];

/** A problem with one field of the input, for per-field messages in forms. */
export interface FieldIssue {
  path: string;
  text: LocalizedText;
}

export class DomainError extends Error {
  override name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly text: LocalizedText;
  readonly issues: readonly FieldIssue[];

  constructor(code: DomainErrorCode, text: LocalizedText, issues: readonly FieldIssue[] = []) {
    super(text.en);
    this.code = code;
    this.text = text;
    this.issues = issues;
  }
}

/** Input failed validation; `issues` names each bad field. */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  constructor(text: LocalizedText, issues: readonly FieldIssue[] = [], code: DomainErrorCode = 'VALIDATION') {
    super(code, text, issues);
  }
}

/** A case transition that the workflow does not allow from the current state, or not to this actor. */
export class TransitionError extends DomainError {
  override name = 'TransitionError';
}

/** The record was changed by someone else since it was read (stale `version`). */
export class ConflictError extends DomainError {
  override name = 'ConflictError';
  constructor(
    text: LocalizedText = {
      id: 'Data telah diubah oleh pengguna lain. Muat ulang lalu terapkan perubahan Anda kembali.',
      en: 'The record was changed by someone else. Reload and reapply your changes.',
    },
  ) {
    super('CONFLICT', text);
  }
}
