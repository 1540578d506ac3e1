import { renderCsv, renderCsvChunks } from './renderCsv';
import { renderHtml } from './renderHtml';
import { renderJson, renderJsonChunks } from './renderJson';
import { renderMarkdown } from './renderMarkdown';
import { renderText } from './renderText';
import { Report } from './report';

export const FORMATS = ['text', 'markdown', 'json', 'csv', 'docx', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** Formats whose rendering is bytes, not text: never written to a terminal. */
export const BINARY_FORMATS: readonly Format[] = ['docx'];

export interface RenderOptions {
  color: boolean;
  /** Text, Markdown, Word and HTML: only this many most central ideas per theme. */
  top?: number;
  /** Markdown, Word and HTML: show each theme's keywords (default true). */
  keywords?: boolean;
  /** CSV: start with a UTF-8 byte-order mark, so spreadsheets read the accents (default false). */
  bom?: boolean;
}

export function render(report: Report, format: Format, options: RenderOptions): string | Uint8Array {
  switch (format) {
    case 'text':
      return renderText(report, options);
    case 'markdown':
      return renderMarkdown(report, options);
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderCsv(report, options);
    case 'docx':
      return wordRenderer().renderDocx(report, options);
    case 'html':
      return renderHtml(report, options);
  }
}

/**
 * Above this many ideas a JSON or CSV report is handed to the writer in pieces of about 64 kB:
 * a million ideas make about 250 MB of JSON, which as one string (and its encoded copy) would
 * double the run's peak memory; at 100,000 ideas the string and its copy still add a tenth to it.
 * Below 10,000 ideas (about 2.5 MB) one string costs nothing worth saving. Joined, the pieces
 * are the same bytes.
 */
export const STREAMED_REPORT_IDEAS = 10_000;

/** A rendered report: text, bytes (Word), or text in pieces (very large JSON and CSV). */
export type Rendered = string | Uint8Array | Iterable<string>;

/** `render`, except that a very large JSON or CSV report comes in pieces, to be written once. */
export function renderForWriting(report: Report, format: Format, options: RenderOptions): Rendered {
  if (report.totals.ideas > STREAMED_REPORT_IDEAS && format === 'json') return renderJsonChunks(report);
  if (report.totals.ideas > STREAMED_REPORT_IDEAS && format === 'csv') return renderCsvChunks(report, options);
  return render(report, format, options);
}

/**
 * The Word renderer, loaded when first asked for: the docx library is a megabyte of code whose
 * loading would add a quarter of a second to every run, Word or not.
 */
export function wordRenderer(): typeof import('./renderDocx') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./renderDocx') as typeof import('./renderDocx');
}
