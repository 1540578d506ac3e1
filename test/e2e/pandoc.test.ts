import { spawnSync } from 'node:child_process';
import { renderMarkdown } from '../../src/report/renderMarkdown';
import { Report } from '../../src/report/report';
import { ITU, rapporteur } from './cli';
import { sampleReport } from '../report/fixture';

const hasPandoc = spawnSync('pandoc', ['--version']).status === 0;
// CI installs pandoc (.ci/run), so there a missing pandoc is a failure, not a skip.
const describeWithPandoc = hasPandoc || process.env.CI ? describe : describe.skip;

function toHtml(markdown: string): string {
  const result = spawnSync('pandoc', ['-f', 'gfm', '-t', 'html', '--wrap=none'], { input: markdown, encoding: 'utf8' });
  expect(result.status).toBe(0);
  expect(result.stderr).toBe('');
  return result.stdout;
}

/** The text a reader sees in an HTML fragment: tags removed, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describeWithPandoc('Markdown through pandoc (gfm → html)', () => {
  it('renders the ITU report with one heading per theme and every idea as written', () => {
    const report = JSON.parse(rapporteur([ITU, '--format', 'json']).stdout) as Report;
    const html = toHtml(renderMarkdown(report));
    const themes = report.groups.reduce((s, g) => s + g.themes.length, 0);
    expect(html.match(/<h3 /g)).toHaveLength(themes);
    expect(html.match(/<h2 /g)).toHaveLength(report.groups.length + 1);
    expect(html).toContain('<table>');
    const text = visibleText(html);
    for (const idea of report.groups.flatMap((g) => g.themes.flatMap((t) => t.ideas))) {
      if (idea.duplicateOf === undefined) expect(text).toContain(idea.text.replace(/\s*\n\s*/g, ' '));
    }
    expect(text).not.toContain('\\');
  });

  it('shows hostile notes as text: no links, no HTML, no headings, no stray characters', () => {
    const report = sampleReport();
    const hostile = ['[click me](http://evil.example)', '<script>alert(1)</script>', '# Not a heading', '1. not a list', '*not bold* and a|b', 'R&D &amp; more', 'see www.example.org or mail me@example.org', 'https://example.org/x'];
    report.groups[0].themes[0].ideas = hostile.map((text, i) => ({ file: 'notes.csv', row: i + 1, id: String(i + 1), text, similarity: 0.5 }));
    const html = toHtml(renderMarkdown(report));
    const items = [...html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
    expect(items.length).toBeGreaterThanOrEqual(hostile.length);
    for (const item of items) expect(item).not.toMatch(/<[a-z]/);
    expect(html).not.toMatch(/<a |<script|<ol>|<h[1-6][^>]*>Not a heading/);
    const text = visibleText(html);
    for (const note of hostile) expect(text).toContain(note);
  });
});
