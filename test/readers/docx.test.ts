import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderDocx } from '../../src/report/renderDocx';
import { Report } from '../../src/report/report';
import { ITU, rapporteur } from '../e2e/cli';
import { sampleReport } from '../report/fixture';
import { readDocx } from './docxParts';
import { expectedBullets } from './ideas';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-docx-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const itu = JSON.parse(rapporteur([ITU, '--format', 'json']).stdout) as Report;
const themes = itu.groups.flatMap((g) => g.themes);

describe('the Word document of the ITU notes', () => {
  const file = path.join(work, 'itu.docx');
  const written = rapporteur([ITU, '-o', file]);
  const bytes = fs.readFileSync(file);
  const { parts, paragraphs } = readDocx(bytes);

  it('is chosen by the .docx name, written as a zip of well-formed XML parts', () => {
    expect(written).toMatchObject({ status: 0, stderr: '' });
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from('PK\u0003\u0004', 'latin1'));
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml']));
  });

  it('is the same bytes every time, and the same as rendered from the JSON report', () => {
    const again = path.join(work, 'again.docx');
    expect(rapporteur([ITU, '--format', 'docx', '-o', again]).status).toBe(0);
    expect(fs.readFileSync(again).equals(bytes)).toBe(true);
    expect(Buffer.from(renderDocx(itu)).equals(bytes)).toBe(true);
    expect(parts['docProps/core.xml']).not.toMatch(/dcterms:created|dcterms:modified/);
  });

  it('has the title, then Heading 1 per group with its question and Heading 2 "a) Label — N ideas" per theme, in report order', () => {
    expect(paragraphs.filter((p) => p.style === 'Title').map((p) => p.text)).toEqual([itu.title]);
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
      'Overall figures',
      ...itu.groups.map((g) => `Round ${g.name}: ${g.question}`),
    ]);
    // "Other ideas" is no theme: it has no letter.
    const letters = itu.groups.flatMap((g) => g.themes.map((t, i) => `${t.other ? '' : `${String.fromCharCode(97 + i)}) `}${t.label} — ${t.size} idea${t.size === 1 ? '' : 's'}`));
    expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(letters);
    // The document map and a table of contents list paragraphs by outline level.
    expect(parts['word/styles.xml']).toMatch(/w:styleId="Heading1">(?:(?!<\/w:style>).)*<w:outlineLvl w:val="0"\/>/);
    expect(parts['word/styles.xml']).toMatch(/w:styleId="Heading2">(?:(?!<\/w:style>).)*<w:outlineLvl w:val="1"\/>/);
  });

  it('lists every idea once, as a bullet, merged ones with (×N)', () => {
    expect(paragraphs.filter((p) => p.bullet).map((p) => p.text).sort()).toEqual(expectedBullets(itu));
  });

  it('puts the keywords in italics under their theme, unless --no-keywords', () => {
    const italic = paragraphs.filter((p) => p.italic && !p.bullet).map((p) => p.text);
    expect(italic).toEqual(themes.filter((t) => t.keywords.length > 0).map((t) => t.keywords.join(', ')));
    const without = readDocx(renderDocx(itu, { keywords: false })).paragraphs;
    expect(without.filter((p) => p.italic && !p.bullet)).toEqual([]);
    expect(without.filter((p) => p.bullet)).toHaveLength(paragraphs.filter((p) => p.bullet).length);
  });

  it('fits the Overall-figures columns to their content: the question column takes the room', () => {
    const grid = /<w:tblGrid>(.*?)<\/w:tblGrid>/.exec(parts['word/document.xml'])![1];
    const widths = [...grid.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    // Round, Question, Ideas, Themes and, as the ITU notes have some, Other ideas.
    expect(widths).toHaveLength(5);
    const [round, question, ...counts] = widths;
    expect(question).toBeGreaterThan(3 * Math.max(round, ...counts));
    expect(widths.reduce((s, w) => s + w, 0)).toBeLessThanOrEqual(11906 - 2 * 1134);
  });
});

describe('a Word document of hostile or odd notes', () => {
  it('stays well-formed and shows each note as text', () => {
    const report = sampleReport();
    const notes = ['<w:p>not markup</w:p> & "quotes"', 'bell \u0007 and NUL \u0000 gone', 'lone \ud800 surrogate', 'emoji 👩🏽‍💻 and 中文'];
    report.groups[0].themes[0].ideas = notes.map((text, i) => ({ file: 'notes.csv', row: i + 1, id: String(i + 1), text, similarity: 0.5 }));
    report.groups[0].themes[0].size = notes.length;
    const bullets = readDocx(renderDocx(report)).paragraphs.filter((p) => p.bullet).map((p) => p.text);
    expect(bullets).toEqual(expect.arrayContaining(['<w:p>not markup</w:p> & "quotes"', 'bell  and NUL  gone', 'lone  surrogate', 'emoji 👩🏽‍💻 and 中文']));
  });
});

const soffice = ['soffice', 'libreoffice'].find((command) => spawnSync(command, ['--version']).status === 0);
const pdftotext = spawnSync('pdftotext', ['-v']).status === 0;
// CI installs LibreOffice and poppler (.ci/run), so there their absence is a failure, not a skip.
const withLibreOffice = (soffice && pdftotext) || process.env.CI ? describe : describe.skip;

withLibreOffice('the Word document opened by LibreOffice', () => {
  it('converts to PDF and shows every idea, heading and figure', () => {
    const file = path.join(work, 'office.docx');
    expect(rapporteur([ITU, '-o', file]).status).toBe(0);
    const converted = spawnSync(soffice ?? 'soffice', ['--headless', `-env:UserInstallation=file://${path.join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', work, file], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(converted.status).toBe(0);
    const pdf = path.join(work, 'office.pdf');
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(text).toContain(squeeze(itu.title));
    for (const bullet of expectedBullets(itu)) expect(text).toContain(squeeze(bullet));
    // The Overall-figures table, read row by row as laid out: each round with its counts on its line.
    const layout = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout;
    const realThemes = (g: (typeof itu.groups)[number]) => g.themes.filter((t) => !t.other).length;
    for (const group of itu.groups) expect(layout).toMatch(new RegExp(`^\\s*Round ${group.name}\\s.*\\s${group.ideas}\\s+${realThemes(group)}\\s+${group.otherIdeas}\\s*$`, 'm'));
    expect(layout).toMatch(new RegExp(`^\\s*Total\\s+${itu.totals.ideas}\\s+${itu.totals.themes}\\s+${itu.totals.otherIdeas}\\s*$`, 'm'));
  }, 200_000);
});
