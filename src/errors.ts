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

/**
 * A value from the input, quoted for a one-line message on a terminal: quotes, backslashes,
 * control characters (C0, DEL, C1) and invisible direction or width marks are escaped, so that
 * a hostile file cannot move the cursor, colour the screen or reorder what the user reads;
 * long values are cut.
 */
export function quoteForMessage(value: string, max = 80): string {
  const characters = [...value];
  const shown = characters.length > max ? `${characters.slice(0, max).join('')}…` : value;
  return `"${escapeControls(shown.replace(/["\\]/g, '\\$&'))}"`;
}

/**
 * Control characters (C0, DEL, C1) and invisible direction or width marks written as \uXXXX, so
 * that text from a file cannot move the cursor, colour the screen or reorder what the user
 * reads; line breaks are kept only where they end the text.
 */
export function escapeControls(text: string): string {
  const end = /\n*$/.exec(text)![0];
  return text
    .slice(0, text.length - end.length)
    .replace(/[\p{Cc}\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/gu, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`) + end;
}
