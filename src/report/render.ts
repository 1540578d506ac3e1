import { renderCsvChunks } from './renderCsv';
import { renderJsonChunks } from './renderJson';
import { OUTPUT_FORMATS, RenderOptions, wordRenderer } from './formats';
import { Report } from './report';

export { wordRenderer };
export type { RenderOptions };

/** The formats of src/report/formats.ts, in the order `--format` lists them. */
export type Format = keyof typeof OUTPUT_FORMATS;
export const FORMATS = Object.keys(OUTPUT_FORMATS) as Format[];

/** Formats whose rendering is bytes, not text: never written to a terminal. */
export const BINARY_FORMATS: readonly Format[] = FORMATS.filter((f) => (OUTPUT_FORMATS[f] as { binary?: boolean }).binary);

export function render(report: Report, format: Format, options: RenderOptions): string | Uint8Array {
  return OUTPUT_FORMATS[format].render(report, options);
}

/**
 * Above this many ideas a JSON or CSV report is handed to the writer in pieces of about 64 kB:
 * a million ideas make about 250 MB of JSON, which as one string (and its encoded copy) would
 * double the run's peak memory; at 100,000 ideas the string and its copy still add a tenth to it.
 * Below 10,000 ideas (about 2.5 MB) one string costs nothing worth saving. Joined, the pieces
 * are the same bytes.
 */
export const STREAMED_REPORT_IDEAS = 10_000;

/** A rendered report: text, bytes (Word), or pieces of text and bytes (very large JSON and CSV). */
export type Rendered = string | Uint8Array | Iterable<string | Uint8Array>;

/** `render`, except that a very large JSON or CSV report comes in pieces, to be written once. */
export function renderForWriting(report: Report, format: Format, options: RenderOptions): Rendered {
  if (report.totals.ideas > STREAMED_REPORT_IDEAS && format === 'json') return renderJsonChunks(report);
  if (report.totals.ideas > STREAMED_REPORT_IDEAS && format === 'csv') return renderCsvChunks(report, options);
  return render(report, format, options);
}
