import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderCsv } from '../../src/report/renderCsv';
import { renderJson } from '../../src/report/renderJson';
import { isLargeReport, STREAMED_REPORT_IDEAS, writeLargeReport } from '../../src/report/writeLargeReport';
import { sampleReport } from './fixture';

describe('writing very large reports in pieces', () => {
  it('writes exactly the bytes of renderJson and renderCsv, and leaves no temporary file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'large-report-'));
    const report = sampleReport();
    writeLargeReport(path.join(dir, 'r.json'), report, 'json');
    writeLargeReport(path.join(dir, 'r.csv'), report, 'csv');
    expect(fs.readFileSync(path.join(dir, 'r.json'), 'utf8')).toBe(renderJson(report));
    expect(fs.readFileSync(path.join(dir, 'r.csv'), 'utf8')).toBe(renderCsv(report));
    expect(fs.readdirSync(dir).sort()).toEqual(['r.csv', 'r.json']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails with the usual message when the folder does not exist, and writes nothing', () => {
    expect(() => writeLargeReport(path.join(os.tmpdir(), 'no-such-folder-xyz', 'r.json'), sampleReport(), 'json')).toThrow(/cannot write the report/);
  });

  it('is taken only for JSON or CSV going to a file, above the size', () => {
    const report = sampleReport();
    report.totals.ideas = STREAMED_REPORT_IDEAS + 1;
    expect(isLargeReport(report, 'json', 'out.json')).toBe(true);
    expect(isLargeReport(report, 'csv', 'out.csv')).toBe(true);
    expect(isLargeReport(report, 'json', undefined)).toBe(false);
    expect(isLargeReport(report, 'markdown', 'out.md')).toBe(false);
    report.totals.ideas = STREAMED_REPORT_IDEAS;
    expect(isLargeReport(report, 'json', 'out.json')).toBe(false);
  });
});
