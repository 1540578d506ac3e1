import { renderCsv } from './renderCsv';
import { renderHtml } from './renderHtml';
import { renderJson } from './renderJson';
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
 * The Word renderer, loaded when first asked for: the docx library is a megabyte of code whose
 * loading would add a quarter of a second to every run, Word or not.
 */
export function wordRenderer(): typeof import('./renderDocx') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./renderDocx') as typeof import('./renderDocx');
}
