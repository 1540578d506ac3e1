import { RapporteurError } from '../../src/errors';
import { fitColumns } from '../../src/report/columnWidths';
import { chooseFormat, formatFromName } from '../../src/report/formatFromName';

describe('formatFromName', () => {
  it('knows each format by its extension, in any case', () => {
    expect(['a.md', 'a.markdown', 'b.DOCX', 'c.html', 'c.htm', 'd.json', 'e.csv', 'f.txt', 'g.tsv', 'noextension'].map(formatFromName)).toEqual([
      'markdown', 'markdown', 'docx', 'html', 'html', 'json', 'csv', 'text', undefined, undefined,
    ]);
  });

  it('lets --format win only when the name agrees or says nothing', () => {
    expect(chooseFormat(undefined, 'x.docx')).toBe('docx');
    expect(chooseFormat('csv', 'x.data')).toBe('csv');
    expect(chooseFormat(undefined, undefined)).toBe('text');
    expect(() => chooseFormat('json', 'x.md')).toThrow(RapporteurError);
    expect(() => chooseFormat('json', 'x.md')).toThrow(expect.objectContaining({ exitCode: 2, code: 'FORMAT_CONFLICT' }));
  });
});

describe('fitColumns', () => {
  const rows = [
    ['Round', 'Question', 'Ideas'],
    ['Round 1', 'What is the role of governments in the multistakeholder model of Internet and what else could it be?', '46'],
  ];

  it('gives each column its longest cell when all fit', () => {
    expect(fitColumns(rows, 200)).toEqual([7, 100, 5]);
  });

  it('keeps short columns whole and lets the long one wrap when space is short', () => {
    const widths = fitColumns(rows, 60);
    expect(widths.reduce((s, w) => s + w, 0)).toBeCloseTo(60);
    expect(widths[0]).toBeGreaterThanOrEqual(5);
    expect(widths[2]).toBeGreaterThanOrEqual(5);
    expect(widths[1]).toBeGreaterThan(40);
  });
});
