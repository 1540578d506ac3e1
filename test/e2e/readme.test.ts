import * as fs from 'node:fs';
import * as path from 'node:path';
import { ITU, ROOT, rapporteur } from './cli';

/** The README pastes real output; this keeps it true when the output changes. */
describe('README', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('shows the real beginning of the Markdown report on the ITU notes', () => {
    const sample = /<!-- sample:markdown -->\n```markdown\n([\s\S]*?)```\n<!-- \/sample:markdown -->/.exec(readme);
    expect(sample).not.toBeNull();
    const lines = sample![1].split('\n').slice(0, -1);
    expect(readme).toContain(`--format markdown | head -n ${lines.length}`);
    const result = rapporteur([path.relative(ROOT, ITU), '--format', 'markdown']);
    expect(result.stdout.split('\n').slice(0, lines.length)).toEqual(lines);
  });
});

describe('README: editing the draft', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = (name: string) => /```\w*\n([\s\S]*?)```\n/.exec(readme.slice(readme.indexOf(`<!-- sample:${name} -->`)))![1];

  it('shows the real refresh of the edited ITU draft, on stdout and stderr', () => {
    const command = "npx rapporteur fixtures/keep/round3-late.csv --keep fixtures/keep/draft.md --format markdown | sed -n '/^### a)/,$p'";
    expect(readme).toContain(command);
    const result = rapporteur(['fixtures/keep/round3-late.csv', '--keep', 'fixtures/keep/draft.md', '--format', 'markdown']);
    expect(result.status).toBe(0);
    expect(result.stdout.slice(result.stdout.indexOf('### a)'))).toBe(block('keep'));
    expect(result.stderr).toBe(block('keep-stderr'));
  });
});
