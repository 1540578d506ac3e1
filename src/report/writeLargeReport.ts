import * as fs from 'node:fs';
import * as path from 'node:path';
import { inputError } from '../errors';
import { Report } from './report';
import { renderCsvChunks } from './renderCsv';
import { renderJsonChunks } from './renderJson';

/**
 * Above this many ideas a JSON or CSV report going to a file is written piece by piece: a
 * million ideas make about 250 MB of JSON, which as one string (and its encoded copy) would
 * double the run's peak memory. Smaller reports take the ordinary writer.
 */
export const STREAMED_REPORT_IDEAS = 100_000;

/** Whether `writeLargeReport` should write this report. */
export function isLargeReport(report: Report, format: string, output: string | undefined): boolean {
  return output !== undefined && (format === 'json' || format === 'csv') && report.totals.ideas > STREAMED_REPORT_IDEAS;
}

/**
 * The same bytes renderJson / renderCsv make, written in 64 kB pieces to a temporary file
 * beside `file`, then renamed over it, so a reader never sees half a report. A separate, small
 * path for very large reports only.
 */
export function writeLargeReport(file: string, report: Report, format: 'json' | 'csv'): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(temporary, 'w');
    for (const piece of format === 'json' ? renderJsonChunks(report) : renderCsvChunks(report)) fs.writeSync(descriptor, piece);
    fs.closeSync(descriptor);
    descriptor = undefined;
    fs.renameSync(temporary, file);
  } catch (error) {
    if (descriptor !== undefined) fs.closeSync(descriptor);
    fs.rmSync(temporary, { force: true });
    throw inputError('OUTPUT_NOT_WRITABLE', `cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file });
  }
}
