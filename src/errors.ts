/**
 * Errors a user can act on. Every failure the tool expects (bad input, bad usage) is one of
 * these, modelled on csv-parse's errors: a stable `code`, where it happened, and a sentence
 * that says what to do. Anything else that escapes is a bug and is reported as one.
 */
export type ErrorKind = 'input' | 'usage';

export interface ErrorPlace {
  file?: string;
  line?: number;
}

export class RapporteurError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly file?: string;
  readonly line?: number;
  readonly hint?: string;

  constructor(code: string, kind: ErrorKind, message: string, place: ErrorPlace = {}, hint?: string) {
    super(message);
    this.name = 'RapporteurError';
    this.code = code;
    this.kind = kind;
    this.file = place.file;
    this.line = place.line;
    this.hint = hint;
  }

  /** Exit status per the CLI guidelines: 1 for a data or input error, 2 for a usage error. */
  get exitCode(): number {
    return this.kind === 'usage' ? 2 : 1;
  }

  /** One line for stderr: where, what, and what to do. */
  describe(): string {
    const where = this.file ? (this.line ? `${this.file}:${this.line}: ` : `${this.file}: `) : '';
    const hint = this.hint ? ` (${this.hint})` : '';
    return `${where}${this.message}${hint}`;
  }
}

export function inputError(code: string, message: string, place: ErrorPlace = {}, hint?: string): RapporteurError {
  return new RapporteurError(code, 'input', message, place, hint);
}

export function usageError(code: string, message: string, hint?: string): RapporteurError {
  return new RapporteurError(code, 'usage', message, {}, hint);
}
