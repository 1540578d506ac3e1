import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { uniqueNames } from '../../src/batch';
import { escapeControls } from '../../src/errors';
import { escapeMarkdown, oneLine, terminalText } from '../../src/report/safeText';
import { BIN, ITU, rapporteur } from '../e2e/cli';

/**
 * Text from files reaches the terminal only as text (no control codes, in errors too), values
 * with line breaks never break a heading or a table, and a few usage edges give clean lines.
 */
let folder: string;
beforeAll(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-terminal-'))));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const ESC = '\u001b';
const HOSTILE = `A ${ESC}c reset, ${ESC}]0;title\u0007, \u009b31m red and \u202e reversed idea`;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('pieces', () => {
  it('escapeControls writes control and direction characters as escapes, keeping a final line break', () => {
    expect(escapeControls(`x${ESC}[31my\u202ez\u0000\n`)).toBe('x\\u001b[31my\\u202ez\\u0000\n');
    expect(escapeControls('one\ntwo')).toBe('one\\u000atwo');
  });

  it('terminalText removes escape sequences and control characters but keeps lines and tabs', () => {
    expect(terminalText(`# Title\n\n- ${HOSTILE}\n\tend\n`)).toBe('# Title\n\n- A  reset, ,  red and  reversed idea\n\tend\n');
  });

  it('oneLine and escapeMarkdown keep a value on one line', () => {
    expect(oneLine('What is\r\nthe role\u2028of\ngovernments?')).toBe('What is the role of governments?');
    expect(escapeMarkdown('Round\n# 2')).toBe('Round \\# 2');
  });

  it('uniqueNames never makes a name that another already has', () => {
    const made = (n: string, i: number) => (i === 1 ? n : `${n} (${i})`);
    expect(uniqueNames(['X', 'X', 'X (2)'], made)).toEqual(['X', 'X (3)', 'X (2)']);
    expect(uniqueNames(['a', 'a', 'a'], made)).toEqual(['a', 'a (2)', 'a (3)']);
    expect(uniqueNames(['index'], made, ['index'])).toEqual(['index (2)']);
  });
});

describe('the terminal sees no control codes from the files', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;

  (hasScript ? it : it.skip)('Markdown shown on a terminal has the notes\' control codes removed', () => {
    const notes = path.join(folder, 'hostile.csv');
    fs.writeFileSync(notes, `idea\n"${HOSTILE}"\nOpen data for all\n`);
    // script(1) gives the command a real terminal as standard output.
    const shown = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" "${notes}" --format markdown --no-vectors`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('reversed idea');
    // The terminal ends lines with \r\n; nothing else of the control range may come through.
    expect(shown.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('Markdown sent to a file keeps the notes exactly as written', () => {
    const notes = path.join(folder, 'hostile.csv');
    fs.writeFileSync(notes, `idea\n"${HOSTILE}"\nOpen data for all\n`);
    const result = rapporteur([notes, '--format', 'json', '--no-vectors']);
    expect(result.stdout).toContain(JSON.stringify(HOSTILE).slice(1, -1));
  });

  it('a file name with escape codes is shown escaped in an error', () => {
    const name = path.join(folder, `n${ESC}[31mred.csv`);
    const result = rapporteur([name]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('n\\u001b[31mred.csv: no such file');
    expect(result.stderr.trimEnd()).not.toMatch(CONTROLS);
  });

  it('a model file holding escape codes is named and shown escaped', () => {
    const model = path.join(folder, 'escape.json');
    fs.writeFileSync(model, `{"format": "rapporteur-themes", ${ESC}]0;pwned\u0007${ESC}[2J`);
    const result = rapporteur(['assign', '--model', model, ITU]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/escape\.json:1: is not a themes file: it is not valid JSON/);
    expect(result.stderr.trimEnd()).not.toMatch(CONTROLS);
  });
});

describe('line breaks inside values (Alt+Enter in a spreadsheet)', () => {
  const notes = () => {
    const file = path.join(folder, 'line-breaks.csv');
    const row = (idea: string) => `"${idea}","1\n2","What is\nthe role?","Big\nEvent"`;
    fs.writeFileSync(file, `idea,round,question,event\n${['Open data for all', 'Open government data', 'Learn to listen', 'Listen to citizens'].map(row).join('\n')}\n`);
    return file;
  };

  it('keep every Markdown heading and table row on one line', () => {
    const markdown = rapporteur([notes(), '--format', 'markdown', '--no-vectors']).stdout;
    const lines = markdown.split('\n');
    expect(lines[0]).toBe('# Big Event');
    expect(lines.filter((l) => /^\| Round 1 2 \| What is the role\? \| 4 \| \d+ \|$/.test(l))).toHaveLength(1);
    expect(lines).toContain('## Round 1 2: What is the role?');
    for (const line of lines.filter((l) => l.startsWith('|'))) expect(line).toMatch(/\|$/);
  });

  it('keep the terminal view\'s headings on one line', () => {
    const text = rapporteur([notes(), '--no-vectors']).stdout.split('\n');
    expect(text[0]).toMatch(/^Round 1 2 — 4 ideas/);
    expect(text[1]).toBe('What is the role?');
  });

  it('stay in the JSON as they were', () => {
    const report = JSON.parse(rapporteur([notes(), '--format', 'json', '--no-vectors']).stdout);
    expect(report.groups[0].question).toBe('What is\nthe role?');
  });
});

describe('edges that gave internal errors or misleading output', () => {
  it('--by none over three rounds does not head the group with round 1\'s question', () => {
    const markdown = rapporteur([ITU, '--by', 'none', '--format', 'markdown']).stdout;
    expect(markdown).toMatch(/^## All ideas$/m);
    expect(markdown).not.toContain('What is the role of governments');
  });

  it('the --max-field-size hint works as pasted', () => {
    const first = rapporteur([ITU, '--max-field-size', '10']);
    expect(first.status).toBe(1);
    const suggested = /e\.g\. --max-field-size ([^;]+);/.exec(first.stderr)![1];
    expect(suggested).toBe('100 bytes');
    const second = rapporteur([ITU, '--max-field-size', suggested]);
    expect(second.stderr).toMatch(/larger than the field size limit of 100 bytes/);
  });

  it('rapporteur help [command] shows help rather than reading a file named "help"', () => {
    const top = rapporteur(['help']);
    expect([top.status, top.stdout.split('\n')[0]]).toEqual([0, 'Examples:']);
    const assign = rapporteur(['help', 'assign']);
    expect(assign.status).toBe(0);
    expect(assign.stdout).toMatch(/^Usage: rapporteur assign/m);
  });
});
