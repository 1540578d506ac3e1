import { parse } from 'csv-parse/sync';
import { otherIdeasWarning } from '../../src/report/otherIdeas';
import { renderCsv } from '../../src/report/renderCsv';
import { renderJson } from '../../src/report/renderJson';
import { renderMarkdown } from '../../src/report/renderMarkdown';
import { bar, padToWidth, renderText } from '../../src/report/renderText';
import { themeLetter } from '../../src/report/groupTitle';
import { sampleReport } from './fixture';

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleReport());

  it('is shaped like a report: title, overall figures, group heading with question, lettered themes', () => {
    expect(md).toMatch(/^# World Café\n\n## Overall figures\n/);
    expect(md).toContain('| Round | Question | Ideas | Themes | Other ideas |');
    expect(md).toContain('| Round 1 | What is the role of \\*governments\\*? | 4 | 1 | 1 |');
    expect(md).toContain('4 ideas in 1 group and 1 theme (1 in "Other ideas"); 1 row skipped (listed at the end).');
    expect(md).toContain('4 ideas in 1 theme, 1 in "Other ideas".');
    expect(md).toContain('## Round 1: What is the role of \\*governments\\*?');
    expect(md).toContain('### a) Human Rights — 3 ideas\n\n*rights, human*\n\n');
    expect(md).toContain('\n### Other ideas — 1 idea');
    expect(md).not.toContain('Warning');
    expect(md.indexOf('### a) Human Rights')).toBeLessThan(md.indexOf('### Other ideas'));
    expect(md).toMatch(/## Skipped rows\n\n- notes\.csv, row 4: empty idea\n$/);
  });

  it('shows a near-duplicate once with its count, and --top cuts the list', () => {
    expect(md).toContain('- Protect human rights (×2)\n- =Rights, "online" too\n');
    expect(md).not.toContain('protect human rights!');
    const top = renderMarkdown(sampleReport(), { top: 1 });
    expect(top).toContain('- Protect human rights (×2)\n- … and 1 more\n');
  });

  it('escapes text that would become markup', () => {
    expect(md).toContain('- \\# not a heading');
  });
});

describe('renderCsv', () => {
  const rows = parse(renderCsv(sampleReport()), { columns: true }) as Record<string, string>[];

  it('writes one row per idea, duplicates included, that a CSV reader reads back', () => {
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatchObject({ row: '5', duplicate_of: '1', text: 'protect human rights!' });
    expect(rows[3].theme).toBe('2');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(rows[2].text).toBe('\'=Rights, "online" too');
  });
});

describe('renderJson', () => {
  it('is the report itself, pretty-printed', () => {
    expect(JSON.parse(renderJson(sampleReport()))).toEqual(sampleReport());
  });
});

describe('renderText', () => {
  const plain = renderText(sampleReport(), { color: false });

  it('shows a table of themes with counts and bars, then the bullets', () => {
    expect(plain).toContain('  1  Human Rights  3  ████████████████████████\n     Other ideas   1  ████████\n');
    expect(plain).toContain('Round 1 — 4 ideas, 1 theme, 1 in Other ideas\n');
    expect(plain).toContain('4 ideas in 1 theme (1 in Other ideas), 1 row skipped.');
    expect(plain).toContain('1. Human Rights (3)  rights, human\n   • Protect human rights (×2)\n   • =Rights, "online" too\n');
  });

  it('colours only when asked', () => {
    expect(plain).not.toMatch(/\u001b\[/);
    expect(renderText(sampleReport(), { color: true })).toMatch(/\u001b\[/);
  });

  it('cannot be driven by escape sequences inside a note', () => {
    const report = sampleReport();
    report.groups[0].themes[0].ideas[0].text = 'Clear \u001b[2J\u001b]0;owned\u0007 screen\rnow';
    const text = renderText(report, { color: false });
    expect(text).toContain('• Clear  screen now');
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

describe('bars and alignment', () => {
  it('draws eighths of a cell in proportion', () => {
    expect(bar(24, 24)).toBe('█'.repeat(24));
    expect(bar(1, 48)).toBe('▌');
    expect(bar(0, 0)).toBe('');
  });

  it('pads by display width, so wide characters line up', () => {
    expect(padToWidth('人权', 6)).toBe('人权  ');
    expect(padToWidth('ab', 6)).toBe('ab    ');
  });
});

describe('themeLetter', () => {
  it('counts a..z then aa', () => {
    expect([0, 1, 25, 26, 27].map(themeLetter)).toEqual(['a', 'b', 'z', 'aa', 'ab']);
  });
});

describe('"Other ideas" is no theme', () => {
  it('is worth a warning when it holds more than a quarter of a group of ten ideas or more', () => {
    expect(otherIdeasWarning(12, 4)).toBe('4 of 12 ideas (33%) fit no theme and are in "Other ideas"; read them, or try another -k');
    expect(otherIdeasWarning(12, 3)).toBeUndefined();
    expect(otherIdeasWarning(8, 8)).toBeUndefined();
  });

  it('shows the warning under the group heading in text and Markdown', () => {
    const report = sampleReport();
    report.groups[0].warning = otherIdeasWarning(12, 4);
    expect(renderMarkdown(report)).toContain('4 ideas in 1 theme, 1 in "Other ideas".\n\n> **Warning:** 4 of 12 ideas (33%) fit no theme and are in "Other ideas"; read them, or try another -k.\n');
    expect(renderText(report, { color: false })).toContain('\nWarning: 4 of 12 ideas (33%) fit no theme');
  });
});

describe('the Other ideas warning of sorted ideas', () => {
  it('names the list the ideas are in, without suggesting -k', () => {
    expect(otherIdeasWarning(20, 10, 'Unmatched')).toBe('10 of 20 ideas (50%) fit no theme and are in "Unmatched"; read them');
  });
});
