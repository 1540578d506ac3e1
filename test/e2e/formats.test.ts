import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readDocx } from '../readers/docxParts';
import { BIN, ITU, rapporteur } from './cli';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-formats-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const out = (name: string) => path.join(dir, name);

describe('the format follows the -o file name', () => {
  it('writes Markdown to .md, JSON to .json, text to .txt and an unknown extension', () => {
    expect(rapporteur([ITU, '-o', out('draft.md')]).status).toBe(0);
    expect(fs.readFileSync(out('draft.md'), 'utf8')).toMatch(/^# 2013-10-08 World Cafe ITU Geneva\n\n## Overall figures\n/);
    expect(rapporteur([ITU, '-o', out('draft.JSON')]).status).toBe(0);
    expect(JSON.parse(fs.readFileSync(out('draft.JSON'), 'utf8')).totals.ideas).toBe(108);
    expect(rapporteur([ITU, '-o', out('draft.txt')]).status).toBe(0);
    expect(rapporteur([ITU, '-o', out('draft.out')]).status).toBe(0);
    expect(fs.readFileSync(out('draft.out'), 'utf8')).toBe(fs.readFileSync(out('draft.txt'), 'utf8'));
    expect(fs.readFileSync(out('draft.txt'), 'utf8')).toMatch(/^Round 1 — 46 ideas/);
  });

  it('refuses --format that contradicts the file name: one line, exit 2, nothing written', () => {
    const result = rapporteur([ITU, '--format', 'json', '-o', out('clash.md')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^rapporteur: error: --format json does not match -o .*clash\.md, a Markdown file name \(use -o with \.json, or leave out --format\)\n$/);
    expect(fs.existsSync(out('clash.md'))).toBe(false);
    expect(rapporteur([ITU, '--format', 'markdown', '-o', out('agree.md')]).status).toBe(0);
  });

  it('leaves out the keywords with --no-keywords', () => {
    const md = rapporteur([ITU, '--format', 'markdown', '--no-keywords']).stdout;
    expect(md).toContain('### a) ');
    expect(md).not.toMatch(/^\*[^*]+\*$/m);
  });
});

describe('CSV for spreadsheets', () => {
  it('starts a file with a UTF-8 byte-order mark, standard output without; --bom and --no-bom decide', () => {
    expect(rapporteur([ITU, '-o', out('themes.csv')]).status).toBe(0);
    const file = fs.readFileSync(out('themes.csv'));
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parse(file, { columns: true, bom: true })).toHaveLength(108);
    expect(rapporteur([ITU, '--format', 'csv']).stdout.startsWith('file,row,')).toBe(true);
    expect(rapporteur([ITU, '--format', 'csv', '--bom']).stdout.startsWith('\ufefffile,row,')).toBe(true);
    expect(rapporteur([ITU, '--no-bom', '-o', out('plain.csv')]).status).toBe(0);
    expect(fs.readFileSync(out('plain.csv'), 'utf8').startsWith('file,row,')).toBe(true);
  });
});

describe('Word documents of a series (--out-dir)', () => {
  const rows = parse(fs.readFileSync(ITU), { columns: true }) as Record<string, string>[];
  const inputs = ['geneva-world-cafe-2013', 'lima-world-cafe-2014'].map((name, offset) => {
    const file = out(`${name}.csv`);
    const lines = ['round,question,idea', ...rows.filter((_, i) => i % 2 === offset).map((r) => [r.round, r.question, r.idea].map((f) => `"${f.replace(/"/g, '""')}"`).join(','))];
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  });

  it('gives one document per event and an index document with short column headings and their legend', () => {
    const result = rapporteur([...inputs, '--format', 'docx', '--out-dir', out('reports')]);
    expect(result.status).toBe(0);
    expect(fs.readdirSync(out('reports')).sort()).toEqual(['geneva-world-cafe-2013.docx', 'index.docx', 'lima-world-cafe-2014.docx']);
    const geneva = readDocx(fs.readFileSync(out('reports/geneva-world-cafe-2013.docx'))).paragraphs;
    expect(geneva[0]).toMatchObject({ style: 'Title', text: 'geneva-world-cafe-2013' });
    const index = readDocx(fs.readFileSync(out('reports/index.docx')));
    expect(index.paragraphs[0]).toMatchObject({ style: 'Title', text: 'Themes across 2 events' });
    expect(index.parts['word/document.xml']).toMatch(/<w:t[^>]*>E1<\/w:t>.*<w:t[^>]*>E2<\/w:t>/);
    // As wide as its content, on the left: not stretched to the margins.
    expect(index.parts['word/document.xml']).toMatch(/<w:tblPr><w:tblW w:type="dxa" w:w="\d+"\/><w:jc w:val="left"\/>/);
    expect(index.paragraphs.map((p) => p.text).join('\n')).toContain('E1: geneva-world-cafe-2013\nE2: lima-world-cafe-2014');
    expect(index.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([expect.stringMatching(/^geneva-world-cafe-2013 — \d+ ideas$/), expect.stringMatching(/^lima-world-cafe-2014 — \d+ ideas$/)]);
  });

  it('gives HTML pages with the extension .html, the index linking to each', () => {
    expect(rapporteur([...inputs, '--format', 'html', '--out-dir', out('pages')]).status).toBe(0);
    expect(fs.readdirSync(out('pages')).sort()).toEqual(['geneva-world-cafe-2013.html', 'index.html', 'lima-world-cafe-2014.html']);
    expect(fs.readFileSync(out('pages/index.html'), 'utf8')).toContain('<a href="geneva-world-cafe-2013.html">geneva-world-cafe-2013</a>');
  });
});

describe('a Word document and a terminal', () => {
  it('is refused on a terminal with one line, and written when piped', () => {
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${JSON.stringify(ITU)} --format docx`;
    const onTerminal = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
    expect(onTerminal.status).toBe(2);
    expect(onTerminal.stdout.trim()).toBe('rapporteur: error: --format docx is a binary file and standard output is a terminal (write it with -o report.docx, or redirect: > report.docx)');
    const piped = spawnSync(process.execPath, [BIN, ITU, '--format', 'docx'], { timeout: 60_000 });
    expect(piped.status).toBe(0);
    expect(piped.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
