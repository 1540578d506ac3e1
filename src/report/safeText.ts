import stripAnsi from 'strip-ansi';

/**
 * Text from the notes, made harmless for a terminal: escape sequences and control characters
 * are removed (a note must not move the cursor, clear the screen or retitle the window), line
 * breaks and tabs become spaces.
 */
export function terminalSafe(text: string): string {
  return stripAnsi(text)
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * Any report shown on a terminal: escape sequences and control characters from the notes are
 * removed, as in `terminalSafe`, but the report's own line breaks and tabs stay.
 */
export function terminalText(text: string): string {
  return stripAnsi(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * A value that must stay on one line (a heading, a table cell, a bullet): line breaks inside
 * it (Excel's Alt+Enter, a pasted paragraph) become spaces.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*(?:\r\n|[\n\r\v\f\u0085\u2028\u2029])\s*/g, ' ');
}

/**
 * Escape what Markdown would otherwise read as markup in a note, on one line: emphasis, code, links and
 * images, bare web and e-mail addresses, raw HTML and entities, tables, strikethrough, and
 * headings, quotes or list markers at the start. Every escape is a backslash before ASCII punctuation, which CommonMark removes on
 * rendering, so the reader sees the note exactly as written.
 */
export function escapeMarkdown(text: string): string {
  // Every note, title and name in the Markdown stands on one line: a line break inside one would
  // end a table row or a heading, or start a heading of its own.
  return oneLine(text)
    .replace(/([\\`*_[\]<>|#&!~@])/g, '\\$1')
    // GFM links bare addresses too: break "scheme:" and "www." with an escape the reader never sees.
    .replace(/\b(https?|ftp|mailto|file)(:)/gi, '$1\\$2')
    .replace(/\b(www)(\.)/gi, '$1\\$2')
    .replace(/^(\s*)([-+=])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** Characters that make a spreadsheet read a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV field: quoted when it holds a comma, quote or line break, quotes doubled (RFC 4180);
 * text that a spreadsheet would run as a formula is prefixed with an apostrophe, which Excel
 * and LibreOffice show as text.
 */
export function csvText(value: string): string {
  return csvField(FORMULA_START.test(value) ? `'${value}` : value);
}

export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Text from the notes as XML 1.0 may hold it (Word documents and HTML pages): the control
 * characters it forbids and lone surrogate halves are removed (a document holding one does not
 * open), line breaks and tabs become spaces, as a heading or bullet is one line.
 */
export function xmlText(text: string): string {
  return text
    .replace(/[\t\r\n]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

/** A note as HTML text: never markup, whatever it holds. Safe in element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return xmlText(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
