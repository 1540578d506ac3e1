import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CliResult, rapporteur } from '../e2e/cli';
import { Report } from '../../src/report/report';

/**
 * Bad, odd and hostile inputs, run as a user runs them. Each gives either a correct report
 * (every idea listed once, skipped rows counted) or one line on stderr saying what, where and
 * what to do, with exit status 1 (input) or 2 (usage), nothing on stdout and no stack trace.
 * The small inputs are files in fixtures/; the large ones are made in a temporary folder.
 */
const FIXTURES = path.join(__dirname, 'fixtures');
const fixture = (name: string) => path.join('test', 'robustness', 'fixtures', name);
let temporary: string;

beforeAll(() => {
  temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-cases-'));
  // One idea of 5 MB between two short ones, as a pasted document or a lost quote makes.
  fs.writeFileSync(path.join(temporary, 'five-mb-field.csv'), `idea,round\nShort idea,1\n"${'word '.repeat(1_000_000)}",1\nAfter,2\n`);
  fs.writeFileSync(path.join(temporary, 'identical.csv'), `idea\n${'Open data for all\n'.repeat(1000)}`);
  fs.writeFileSync(path.join(temporary, 'rows.csv'), `idea\n${'An idea\n'.repeat(20)}`);
});
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

function expectCleanError(result: CliResult, status: 1 | 2, message: RegExp): void {
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^rapporteur: error: /);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
  expect(result.status).toBe(status);
}

/** The report of a run that must succeed; stderr must match `notes` (nothing, by default). */
function reportOf(result: CliResult, notes: RegExp = /^$/): Report {
  expect(result.stderr).toMatch(notes);
  expect(result.stderr).not.toMatch(/error|\n\s+at /);
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

const listed = (report: Report) =>
  report.groups
    .flatMap((g) => g.themes.flatMap((t) => t.ideas))
    .sort((a, b) => a.row - b.row)
    .map((i) => [i.row, i.text]);

const json = (...args: string[]) => rapporteur([...args, '--format', 'json']);

describe('inputs that cannot be used: one line on stderr, exit 1', () => {
  it.each<[string, string[], RegExp, string?]>([
    ['an empty file', [fixture('empty.csv')], /empty\.csv: is empty: no header row and no notes \(give a CSV whose first line names the columns/],
    ['blank lines only', [fixture('blank-lines-only.csv')], /blank-lines-only\.csv: holds only blank lines/],
    ['a header only', [fixture('header-only.csv')], /header-only\.csv:1: has column names \("idea", "round"\) but no rows of notes below them \(.*--no-header/],
    ['rows without any idea', [fixture('all-empty-ideas.csv')], /all-empty-ideas\.csv: none of the 3 rows has text in column "idea"/],
    ['no text column', [fixture('no-text-column.csv')], /no-text-column\.csv: no column holds text .* "id", "score", "date" \(name the column of ideas with --text\)/],
    ['an unclosed quote', [fixture('unclosed-quote.csv')], /unclosed-quote\.csv:3: not a readable CSV: a quoted field that starts on this line is never closed \(close the quote/],
    ['an image renamed .csv', [fixture('image.csv')], /image\.csv: is a binary file, a PNG image, not a CSV of notes \(export the notes as CSV UTF-8/],
    ['Windows-1252 text', [fixture('windows-1252.csv')], /windows-1252\.csv:2: is not valid UTF-8: byte 0xE9 .* "Café citoyen: listen to people,1" \(.*--encoding windows-1252/],
    ['UTF-16 without a byte-order mark', [fixture('utf-16le-no-bom.csv')], /utf-16le-no-bom\.csv: looks like UTF-16 text without a byte-order mark \(run again with --encoding utf-16le\)/],
    ['a folder without notes', [path.join('test', 'robustness')], /robustness: holds no \.csv or \.tsv file/],
    ['a missing file', [fixture('no-such-file.csv')], /no-such-file\.csv: no such file \(check the path/],
    ['a folder given to evaluate', ['evaluate', FIXTURES, '--truth', 'theme'], /fixtures: is a folder, not a CSV file \(name a \.csv file inside it\)/],
    ['binary bytes on standard input', ['-'], /stdin: looks like a binary file/, '\u0000\u0001\u0002PK\u00ff'],
  ])('%s', (...[, args, message, input]) => expectCleanError(rapporteur(args, { input }), 1, message));

  it('a 5 MB field: over the 1 MB limit, which it names with the flag to raise it', () => {
    const result = rapporteur([path.join(temporary, 'five-mb-field.csv')]);
    expectCleanError(result, 1, /five-mb-field\.csv:3: field 1 \("idea"\) of row 2 is larger than the field size limit of 1MB \(.*--max-field-size 10MB/);
  });

  it('more rows than --max-rows', () => {
    expectCleanError(rapporteur([path.join(temporary, 'rows.csv'), '--max-rows', '10']), 1, /rows\.csv:12: more than 10 rows, the row limit \(raise it with --max-rows/);
  });
});

describe('usage errors: one line on stderr, exit 2', () => {
  it.each<[string, string[], RegExp]>([
    ['a --text column that does not exist', [fixture('semicolons.csv'), '--text', 'nope'], /--text column "nope" does not exist \(the columns are: "round", "idea"\)/],
    ['a --by column that does not exist', [fixture('semicolons.csv'), '--by', 'table'], /--by column "table" does not exist/],
    ['an unknown --encoding', [fixture('semicolons.csv'), '--encoding', 'klingon'], /--encoding.*'klingon' is invalid/],
    ['a --max-field-size that is not a size', [fixture('semicolons.csv'), '--max-field-size', 'big'], /--max-field-size.*give a size/],
    ['an output folder that does not exist', [fixture('single-idea.csv'), '-o', 'no/such/folder/out.md'], /the folder of -o no\/such\/folder\/out\.md does not exist \(create it first\)/],
    ['the input as output', [fixture('single-idea.csv'), '-o', fixture('single-idea.csv')], /would overwrite the input \(choose another output file\)/],
    ['the input as output, spelt differently', [fixture('single-idea.csv'), '-o', `./test/../${fixture('single-idea.csv')}`], /would overwrite the input/],
    ['a folder as output', [fixture('single-idea.csv'), '-o', 'test'], /-o test is a folder/],
  ])('%s', (_name, args, message) => expectCleanError(rapporteur(args), 2, message));

  it('refuses to overwrite the input before reading anything', () => {
    const before = fs.readFileSync(path.join(FIXTURES, 'single-idea.csv'));
    rapporteur([fixture('single-idea.csv'), '-o', fixture('single-idea.csv')]);
    expect(fs.readFileSync(path.join(FIXTURES, 'single-idea.csv'))).toEqual(before);
  });
});

describe('odd inputs that give a correct report', () => {
  it('semicolons, and a delimiter inside a quoted field', () => {
    const report = reportOf(json(fixture('semicolons.csv')));
    expect(listed(report)).toEqual([
      [1, 'Open data, for all'],
      [2, 'Cybercrime'],
      [3, 'Learn to listen; really'],
    ]);
    expect(report.options).toMatchObject({ text: 'idea', by: 'round' });
  });

  it('tabs', () => {
    expect(listed(reportOf(json(fixture('tabs.csv'))))).toEqual([
      [1, 'Open data, for all'],
      [2, 'Cybercrime'],
      [3, 'Learn to listen'],
    ]);
  });

  it('mixed CR, LF and CR LF line ends, a blank row and no final line break', () => {
    const report = reportOf(json(fixture('mixed-line-ends.csv')));
    expect(listed(report)).toEqual([
      [1, 'Open data'],
      [2, 'Cyber\r\ncrime'],
      [3, 'Learn to listen'],
      [5, 'Protect children online'],
    ]);
    expect(report.skipped).toEqual([{ file: fixture('mixed-line-ends.csv'), row: 4, reason: 'empty row' }]);
    expect(report.totals).toMatchObject({ ideas: 4, skipped: 1 });
  });

  it('rows with too many fields (unquoted commas in the idea) or too few: every idea whole, a warning per row', () => {
    const report = reportOf(json(fixture('ragged.csv')), /^rapporteur: warning: test\/robustness\/fixtures\/ragged\.csv:2: row 1 has 5 fields but the header 3: .*\n$/);
    expect(listed(report)).toEqual([
      [1, 'Governments, not markets, should lead'],
      [2, 'Open data'],
      [3, 'Learn to listen'],
      [4, 'Cybercrime'],
    ]);
    expect(report.groups.map((g) => g.name).sort()).toEqual(['(none)', '1', '2']);
  });

  it('quotes inside unquoted fields, kept as written', () => {
    expect(listed(reportOf(json(fixture('stray-quotes.csv'))))).toEqual([
      [1, 'He said "no" to tracking'],
      [2, '"Open data" is key'],
      [3, 'Learn to listen'],
    ]);
  });

  const unicodeIdeas = [
    [1, 'Café citoyen: listen to people'],
    [2, 'Кибербезопасность'],
    [3, '网络安全'],
  ];
  it.each([['utf-16le-bom.csv'], ['utf-16be-bom.csv']])('UTF-16 with a byte-order mark: %s', (name) => {
    expect(listed(reportOf(json(fixture(name))))).toEqual(unicodeIdeas);
  });

  it('Windows-1252 with --encoding windows-1252', () => {
    expect(listed(reportOf(json(fixture('windows-1252.csv'), '--encoding', 'windows-1252')))).toEqual([
      [1, 'Café citoyen: listen to people'],
      [2, 'The state’s role is to convene'],
      [3, 'A 5 € fund for open data'],
    ]);
  });

  it('no header row: line 1 is read as column names and a note on stderr says so; --no-header reads it as an idea', () => {
    const guessed = reportOf(json(fixture('no-header.csv')), /^rapporteur: note: test\/robustness\/fixtures\/no-header\.csv:1: .*"Cybercrime".*--no-header.*\n$/);
    expect(guessed.totals.ideas).toBe(3);
    const whole = reportOf(json(fixture('no-header.csv'), '--no-header'));
    expect(listed(whole).map(([, text]) => text)).toEqual(['Cybercrime', 'Open data for all', 'Learn to listen to citizens', 'Governments should protect human rights online']);
  });

  it('a single idea', () => {
    const report = reportOf(json(fixture('single-idea.csv')));
    expect(listed(report)).toEqual([[1, 'Governments should convene all stakeholders']]);
    expect(report.totals).toMatchObject({ ideas: 1, groups: 1 });
  });

  it('more themes asked than ideas: fewer themes, and a note says why', () => {
    const report = reportOf(json(fixture('itu-languages.csv'), '-k', '6'), /^(rapporteur: note: -k 6: group "[12]" has only 4 ideas, so fewer themes\n){2}$/);
    for (const group of report.groups) expect(group.themes.length).toBeLessThanOrEqual(4);
    expect(report.totals.ideas).toBe(8);
  });

  it('ideas of only stop words, numbers, emoji or punctuation', () => {
    // No idea has a content word, so none fits a theme: the reader is told.
    const report = reportOf(json(fixture('odd-ideas.csv')), /^rapporteur: warning: All ideas: 11 of 11 ideas \(100%\) fit no theme and are in "Other ideas"; read them, or try another -k\n$/);
    expect(report.groups[0]).toMatchObject({ otherIdeas: 11, warning: expect.stringContaining('11 of 11') });
    expect(report.totals).toMatchObject({ themes: 0, otherIdeas: 11 });
    expect(listed(report).map(([, text]) => text)).toEqual(['the of and', 'it is what it is', '42', '3.14', '2013', '👍🎉', '🙂🙂🙂', '!!!', '...', '???', '-']);
  });

  it('Arabic, Chinese, Russian, French and Spanish ideas, unchanged', () => {
    const report = reportOf(json(fixture('itu-languages.csv')));
    const lines = fs.readFileSync(path.join(FIXTURES, 'itu-languages.csv'), 'utf8').trim().split('\n').slice(1);
    expect(listed(report)).toEqual(lines.map((line, i) => [i + 1, line.slice(2)]));
  });

  it('1,000 identical ideas: all listed, once each', () => {
    const report = reportOf(json(path.join(temporary, 'identical.csv')));
    const rows = listed(report);
    expect(rows).toHaveLength(1000);
    expect(rows.map(([row]) => row)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(new Set(rows.map(([, text]) => text))).toEqual(new Set(['Open data for all']));
  }, 60_000);
});
