import fc from 'fast-check';
import { renderCsv, renderCsvChunks } from '../../src/report/renderCsv';
import { renderJson, renderJsonChunks } from '../../src/report/renderJson';
import { lazyArray } from '../../src/report/lazyArray';
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

  it('JSON: items that come as columns are written, never made, as the same bytes as their objects', () => {
    const value = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
      fc.integer({ min: -5, max: 2 ** 32 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
    );
    const record = fc.record({ file: value, row: value, 'odd "key"': value });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const columns = Object.fromEntries(['file', 'row', 'odd "key"'].map((key) => [key, (i: number) => (records[i] as Record<string, unknown>)[key]]));
        const made: number[] = [];
        const items = lazyArray(records.length, (i) => (made.push(i), records[i]), undefined, columns);
        expect(joined(renderJsonChunks({ before: 1, items, after: [items] }))).toBe(renderJson({ before: 1, items: records, after: [records] }));
        // The nested copy is walked as an array of arrays, and its items are not made either.
        expect(made).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('JSON: items from columns larger than a piece, and items with no field at all', () => {
    const texts = ['x'.repeat(200_000), 'é'.repeat(70_000), '', '"\\\n\u2028😀'];
    const items = lazyArray(6, () => ({}), undefined, { text: (i) => texts[i], none: () => undefined });
    const pieces = Array.from(renderJsonChunks({ items }), copy);
    expect(Buffer.concat(pieces).toString('utf8')).toBe(renderJson({ items: [...texts.map((text) => ({ text })), {}, {}] }));
    expect(pieces.length).toBeGreaterThan(2);
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

/** A piece as bytes of its own (a piece of bytes is valid only until the next is read). */
function copy(piece: string | Uint8Array): Buffer {
  return typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece);
}

function joined(pieces: Iterable<string | Uint8Array>): string {
  return Buffer.concat(Array.from(pieces, copy)).toString('utf8');
}
