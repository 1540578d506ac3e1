import fc from 'fast-check';
import { renderCsv, renderCsvChunks } from '../../src/report/renderCsv';
import { renderJson, renderJsonChunks } from '../../src/report/renderJson';
import { sampleReport } from './fixture';

/** A report with `ideas` ideas in one theme, its texts awkward for CSV and JSON. */
function largeReport(ideas: number) {
  const report = sampleReport();
  const theme = report.groups[0].themes[0];
  theme.ideas = Array.from({ length: ideas }, (_, i) => ({ ...theme.ideas[0], row: i + 1, text: `idea ${i}, "quoted"\nnext line é ${'x'.repeat(i % 50)}` }));
  theme.size = ideas;
  return report;
}

describe('report writers in pieces', () => {
  it('JSON: the pieces joined are the bytes of renderJson, each piece far smaller than the whole', () => {
    const report = largeReport(5000);
    const pieces = [...renderJsonChunks(report)];
    const whole = renderJson(report);
    expect(pieces.join('')).toBe(whole);
    expect(pieces.length).toBeGreaterThan(5);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(whole.length / 4);
  });

  it('JSON: the same bytes as JSON.stringify for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect([...renderJsonChunks(value as object)].join('')).toBe(renderJson(value as object));
      }),
      { numRuns: 2000 },
    );
  });

  it('JSON: properties left undefined are dropped and array holes written null, as JSON.stringify does', () => {
    const value = { a: undefined, b: [undefined, 1, { c: undefined, d: [] }], e: {}, f: { g: { h: null } } };
    expect([...renderJsonChunks(value)].join('')).toBe(renderJson(value));
  });

  it('CSV: the pieces joined are the bytes of renderCsv, each piece far smaller than the whole', () => {
    const report = largeReport(5000);
    const pieces = [...renderCsvChunks(report)];
    const whole = renderCsv(report);
    expect(pieces.join('')).toBe(whole);
    expect(whole.startsWith('file,row,id,group,theme,label,similarity,duplicate_of,text\r\n')).toBe(true);
    expect(whole.split('\r\n')).toHaveLength(1 + 5000 + sampleReport().groups.flatMap((g) => g.themes).slice(1).reduce((s, t) => s + t.ideas.length, 0) + 1);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(whole.length / 4);
  });
});
