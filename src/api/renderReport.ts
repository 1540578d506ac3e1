import { FORMATS, Format, render, RenderOptions } from '../report/render';
import { Report } from '../report/report';
import { usageError } from '../errors';

/** How a report is shown; every field has the command line's default. */
export interface RenderReportOptions extends Partial<RenderOptions> {}

/**
 * A report in one of the formats: text (ANSI colour only with `color: true`), markdown, json,
 * csv (with a byte-order mark only with `bom: true`) and html are strings, docx is bytes.
 * Pure: the same report gives the same output.
 */
export function renderReport(report: Report, format: Format = 'text', options: RenderReportOptions = {}): string | Uint8Array {
  if (!FORMATS.includes(format)) throw usageError('BAD_FORMAT', `no format "${String(format)}"`, `give one of ${FORMATS.join(', ')}`);
  return render(report, format, { color: options.color ?? false, top: options.top, keywords: options.keywords, bom: options.bom });
}
