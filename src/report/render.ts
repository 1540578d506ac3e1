import { renderCsv } from './renderCsv';
import { renderJson } from './renderJson';
import { renderMarkdown } from './renderMarkdown';
import { renderText } from './renderText';
import { Report } from './report';

export const FORMATS = ['text', 'markdown', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  /** Text and Markdown: only this many most central ideas per theme. */
  top?: number;
}

export function render(report: Report, format: Format, options: RenderOptions): string {
  switch (format) {
    case 'text':
      return renderText(report, options);
    case 'markdown':
      return renderMarkdown(report, options);
    case 'json':
      return renderJson(report);
    case 'csv':
      return renderCsv(report);
  }
}
