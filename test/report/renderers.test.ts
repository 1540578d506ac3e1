import { parse } from 'csv-parse/sync';
import { renderCsv } from '../../src/report/renderCsv';
import { renderJson } from '../../src/report/renderJson';
import { renderMarkdown, escapeMarkdown } from '../../src/report/renderMarkdown';
import { renderText } from '../../src/report/renderText';
import { themeLetter } from '../../src/report/groupTitle';
import { sampleReport } from './fixture';

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleReport());

  it('has overall figures, a heading per group with its question, lettered themes with counts', () => {
    expect(md).toContain('## Overall figures');
    expect(md).toContain('| Round 1 | What is the role of \\*governments\\*? | 3 | 2 |');
    expect(md).toContain('## Round 1: What is the role of \\*governments\\*?');
    expect(md).toContain('### a) Human Rights (2 ideas)');
    expect(md).toContain('### b) Other ideas (1 idea)');
    expect(md).toContain('- Protect human rights\n- Rights, "online" too');
    expect(md).toContain('- notes.csv, row 4: empty idea');
  });

  it('escapes text that would become markup', () => {
    expect(md).toContain('- \\# not a heading');
    expect(escapeMarkdown('[link](x) <b>')).toBe('\\[link\\](x) \\<b\\>');
  });
});

describe('renderCsv', () => {
  it('writes one quoted row per idea that a CSV reader reads back', () => {
    const rows = parse(renderCsv(sampleReport()), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual({ file: 'notes.csv', row: '2', id: '2', group: '1', theme: '1', label: 'Human Rights', similarity: '0.500', text: 'Rights, "online" too' });
    expect(rows[2].theme).toBe('2');
  });
});

describe('renderJson', () => {
  it('is the report itself, pretty-printed', () => {
    expect(JSON.parse(renderJson(sampleReport()))).toEqual(sampleReport());
  });
});

describe('renderText', () => {
  it('lists themes with counts and bullets, and colours only when asked', () => {
    const plain = renderText(sampleReport(), { color: false });
    expect(plain).toContain('1. Human Rights (2)  rights, human');
    expect(plain).toContain('   • Protect human rights');
    expect(plain).not.toMatch(/\u001b\[/);
    expect(renderText(sampleReport(), { color: true })).toMatch(/\u001b\[/);
  });
});

describe('themeLetter', () => {
  it('counts a..z then aa', () => {
    expect([0, 1, 25, 26, 27].map(themeLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab']);
  });
});
