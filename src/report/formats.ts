/**
 * Every output format in one table: its name, the file extensions that ask for it (the first
 * is the one written), how people call it, whether it is bytes, how it renders a report, and how
 * it renders the index of several events (`--out-dir`). A new format is a renderer file and its
 * entry here; `--format`'s choices, `-o NAME.ext` and `--out-dir` follow from the table.
 */
import { Chalk } from 'chalk';
import type { CrossEventView } from '../events/crossEvent';
import { renderCsv, UTF8_BOM } from './renderCsv';
import { markdownEventsSection, textEventsSection } from './renderEvents';
import { renderHtml, renderHtmlIndex } from './renderHtml';
import { renderJson } from './renderJson';
import { renderMarkdown } from './renderMarkdown';
import { renderText } from './renderText';
import { Report } from './report';
import { csvField, csvText } from './safeText';

export interface RenderOptions {
  color: boolean;
  /** Text, Markdown, Word and HTML: only this many most central ideas per theme. */
  top?: number;
  /** Markdown, Word and HTML: show each theme's keywords (default true). */
  keywords?: boolean;
  /** CSV: start with a UTF-8 byte-order mark, so spreadsheets read the accents (default false). */
  bom?: boolean;
}

/** What the index of several events is made from. */
export interface IndexInput {
  view: CrossEventView;
  /** Each event's report file, by event name. */
  links: ReadonlyMap<string, string>;
  version: string;
  inputs: string[];
  bom: boolean;
}

export interface OutputFormat {
  /** File extensions that ask for this format, the one written first. */
  extensions: readonly string[];
  /** As people call it, in messages: "Markdown", "Word". */
  title: string;
  /** Bytes, not text: never written to a terminal. */
  binary?: boolean;
  render(report: Report, options: RenderOptions): string | Uint8Array;
  renderIndex(index: IndexInput): string | Uint8Array;
}

export const OUTPUT_FORMATS = {
  text: {
    extensions: ['txt'],
    title: 'text',
    render: renderText,
    renderIndex: ({ view }) => `${textEventsSection(view, new Chalk({ level: 0 })).join('\n')}\n`,
  },
  markdown: {
    extensions: ['md', 'markdown'],
    title: 'Markdown',
    render: renderMarkdown,
    renderIndex: ({ view, links }) => `${markdownEventsSection(view, links, '#').join('\n').replace(/\n+$/, '')}\n`,
  },
  json: {
    extensions: ['json'],
    title: 'JSON',
    render: (report) => renderJson(report),
    renderIndex: ({ view, version, inputs }) => renderJson({ schemaVersion: 1, generator: { name: 'rapporteur', version }, inputs, events: view }),
  },
  csv: {
    extensions: ['csv'],
    title: 'CSV',
    render: renderCsv,
    renderIndex: ({ view, bom }) => {
      const lines = [['theme', 'shared', ...view.events, 'total'].map(csvText).join(',')];
      for (const t of view.themes) lines.push([csvText(t.label), t.shared ? 'yes' : 'no', ...view.events.map((e) => csvField(t.counts[e] ?? 0)), csvField(t.size)].join(','));
      return `${bom ? UTF8_BOM : ''}${lines.join('\r\n')}\r\n`;
    },
  },
  docx: {
    extensions: ['docx'],
    title: 'Word',
    binary: true,
    render: (report, options) => wordRenderer().renderDocx(report, options),
    renderIndex: ({ view, links }) => wordRenderer().renderDocxIndex(view, links),
  },
  html: {
    extensions: ['html', 'htm'],
    title: 'HTML',
    render: renderHtml,
    renderIndex: ({ view, links, version }) => renderHtmlIndex(view, links, version),
  },
} satisfies Record<string, OutputFormat>;

/**
 * The Word renderer, loaded when first asked for: the docx library is a megabyte of code whose
 * loading would add a quarter of a second to every run, Word or not.
 */
export function wordRenderer(): typeof import('./renderDocx') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./renderDocx') as typeof import('./renderDocx');
}
