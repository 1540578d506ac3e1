import { renderMarkdown } from '../../src/report/renderMarkdown';
import { renderText } from '../../src/report/renderText';
import { sampleReport } from './fixture';

function reportWithTheme(ideas: number) {
  const report = sampleReport();
  const theme = report.groups[0].themes[0];
  theme.ideas = Array.from({ length: ideas }, (_, i) => ({ ...theme.ideas[0], row: i + 1, text: `answer number ${i + 1}`, duplicateOf: undefined }));
  theme.size = ideas;
  return report;
}

const bullets = (text: string, prefix: string) => text.split('\n').filter((l) => l.trimStart().startsWith(prefix) && l.includes('answer number')).length;

describe('very large themes in text and Markdown', () => {
  it('show their 100 most central ideas and say how many more there are and why', () => {
    const report = reportWithTheme(1500);
    const markdown = renderMarkdown(report);
    expect(bullets(markdown, '- ')).toBe(100);
    expect(markdown).toContain('- answer number 100\n');
    expect(markdown).not.toContain('answer number 101\n');
    expect(markdown).toContain('- … and 1400 more (the 100 most central shown; --top sets how many, the JSON and CSV list them all)');
    const text = renderText(report, { color: false });
    expect(bullets(text, '• ')).toBe(100);
    expect(text).toContain('… and 1400 more (the 100 most central shown');
  });

  it('--top still decides when given, and a theme of 1,000 ideas is shown whole', () => {
    expect(bullets(renderMarkdown(reportWithTheme(1500), { top: 250 }), '- ')).toBe(250);
    expect(renderMarkdown(reportWithTheme(1500), { top: 250 })).toContain('- … and 1250 more\n');
    const whole = renderMarkdown(reportWithTheme(1000));
    expect(bullets(whole, '- ')).toBe(1000);
    expect(whole).not.toContain('more (the');
  });
});
