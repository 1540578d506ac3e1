import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ITU, rapporteur } from './cli';
import { Report, ReportTheme } from '../../src/report/report';

/**
 * What a rapporteur does with --keep: write a draft, edit it by hand, get late notes, refresh,
 * and find every edit still there and every idea of the notes exactly once.
 */
const header = fs.readFileSync(ITU, 'utf8').split('\n', 1)[0];
const ituRows = parse(fs.readFileSync(ITU), { columns: true }) as Record<string, string>[];

function csvRow(values: string[]): string {
  return values.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',');
}

function notesFile(folder: string, rows: Record<string, string>[]): string {
  const file = path.join(folder, 'notes.csv');
  const columns = header.split(',');
  fs.writeFileSync(file, [header, ...rows.map((r) => csvRow(columns.map((c) => r[c] ?? '')))].join('\n') + '\n');
  return file;
}

/** The lines of a Markdown draft, with the places of its group sections, theme headings and bullets. */
class Draft {
  constructor(public lines: string[]) {}
  static read(file: string): Draft {
    return new Draft(fs.readFileSync(file, 'utf8').split('\n'));
  }
  write(file: string): void {
    fs.writeFileSync(file, this.lines.join('\n'));
  }
  private groupRange(round: string): [number, number] {
    const start = this.lines.findIndex((l) => l.startsWith(`## Round ${round}:`));
    const next = this.lines.findIndex((l, i) => i > start && l.startsWith('## '));
    return [start, next < 0 ? this.lines.length : next];
  }
  /** Line indices of the theme headings of a round. */
  headings(round: string): number[] {
    const [start, end] = this.groupRange(round);
    return this.lines.map((l, i) => i).filter((i) => i > start && i < end && this.lines[i].startsWith('### '));
  }
  /** Line indices of the bullets under the heading at line `heading`. */
  bullets(heading: number): number[] {
    const out: number[] = [];
    for (let i = heading + 1; i < this.lines.length && !this.lines[i].startsWith('#'); i++) if (this.lines[i].startsWith('- ')) out.push(i);
    return out;
  }
  name(heading: number): string {
    return this.lines[heading].replace(/^### (?:[a-z]+\) )?/, '').replace(/ — \d+ ideas?$/, '').replace(/ \(new\)$/, '');
  }
}

const bulletText = (line: string) => line.replace(/^- /, '').replace(/ \(×\d+\)$/, '').replace(/\\(.)/g, '$1');

function themesOf(report: Report, group: string): ReportTheme[] {
  return report.groups.find((g) => g.name === group)!.themes;
}

/** How many more notes than bullets: a "(×N)" bullet stands for N notes of the same text or nearly. */
function duplicatesOf(texts: string[]): number {
  return texts.reduce((s, t) => s + ituRows.filter((r) => r.idea.toLowerCase().replace(/\W/g, '') === t.toLowerCase().replace(/\W/g, '')).length - 1, 0);
}

function themeOfIdea(report: Report, text: string): ReportTheme {
  const found = report.groups.flatMap((g) => g.themes).filter((t) => t.ideas.some((i) => i.text === text));
  expect(found).toHaveLength(1);
  return found[0];
}

describe('editing the draft and refreshing it with --keep', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-keep-'));
  const draftFile = path.join(folder, 'draft.md');
  // Late notes: one for a heading the rapporteur adds, one on a subject no theme has; one note withdrawn.
  const removed = ituRows.find((r) => r.round === '1' && r.idea === 'Government as a customer-buyer')!;
  const added = [
    { ...ituRows.find((r) => r.round === '3')!, id: '901', theme: '', idea: 'Fair taxation of digital services by governments' },
    { ...ituRows.find((r) => r.round === '2')!, id: '902', theme: '', idea: 'Protect the environment from electronic waste and energy use of data centres' },
  ];
  const edits: Record<string, string> = {};
  let refreshed: Report;
  let markdown: string;
  let stderr: string;

  beforeAll(() => {
    const first = rapporteur([notesFile(folder, ituRows), '--format', 'markdown', '-o', draftFile]);
    expect(first.status).toBe(0);
    const draft = Draft.read(draftFile);
    const [a, b, c, d, e] = draft.headings('1');
    // Two words of a bullet reworded where it stands.
    const reworded = draft.lines.findIndex((l) => l === '- Governments should promote and adhere to human rights and the rule of law');
    draft.lines[reworded] = '- Governments must promote and respect human rights and the rule of law';

    // Rename the second theme of round 1.
    edits.renamedFrom = draft.name(b);
    draft.lines[b] = '### b) An enabling environment — 6 ideas';
    // Move the first bullet of the fourth theme under the third, and edit its wording a little.
    const moved = draft.bullets(d)[0];
    edits.moved = bulletText(draft.lines[moved]);
    const movedLine = `- ${edits.moved.toUpperCase()}!`;
    draft.lines.splice(moved, 1);
    draft.lines.splice(draft.bullets(c).at(-1)! + 1, 0, movedLine);
    // Merge the fifth theme into the first: its bullets under the first heading, its heading deleted.
    const e2 = draft.headings('1')[4];
    const merged = draft.bullets(e2).map((i) => draft.lines[i]);
    edits.merged = bulletText(merged[0]);
    edits.mergeGone = draft.name(e2);
    const end = draft.bullets(e2).at(-1)!;
    draft.lines.splice(e2, end - e2 + 1);
    draft.lines.splice(draft.bullets(a).at(-1)! + 1, 0, ...merged);
    // A paragraph under the first theme, and one under the round.
    edits.paragraph = 'We heard this at **every** table.\nSome tables disagreed.';
    draft.lines.splice(draft.bullets(draft.headings('1')[0]).at(-1)! + 1, 0, '', ...edits.paragraph.split('\n'));
    draft.lines.splice(draft.headings('1')[0], 0, 'Round one was the liveliest.', '');
    // Delete the heading line of round 2's second theme: its bullets join the first.
    const [r2a, r2b] = draft.headings('2');
    edits.headingDeleted = draft.name(r2b);
    edits.joinedFirst = bulletText(draft.lines[draft.bullets(r2b)[0]]);
    edits.round2First = draft.name(r2a);
    draft.lines.splice(r2b, 1);
    // Delete round 2's third theme whole, heading and bullets: its ideas are new to the draft.
    const r2c = draft.headings('2')[1];
    edits.wholeDeleted = draft.name(r2c);
    edits.deletedIdeas = JSON.stringify(draft.bullets(r2c).map((i) => bulletText(draft.lines[i])));
    draft.lines.splice(r2c, draft.bullets(r2c).at(-1)! - r2c + 1);
    // An empty heading in round 3, for the late note on taxation.
    const r3 = draft.headings('3');
    draft.lines.splice(r3[r3.length - 1], 0, '### Taxation', '');
    // A bullet of round 3 moved under "Other ideas", and a heading nothing will fit.
    const r3first = draft.headings('3')[0];
    const toOther = draft.bullets(r3first)[0];
    edits.toOther = bulletText(draft.lines[toOther]);
    const toOtherLine = draft.lines.splice(toOther, 1)[0];
    const otherHeading = draft.headings('3').find((h) => draft.name(h) === 'Other ideas');
    if (otherHeading !== undefined) draft.lines.splice(otherHeading + 2, 0, toOtherLine);
    else draft.lines.splice(draft.headings('3').at(-1)! , 0, '### Other ideas', '', toOtherLine, '');
    draft.lines.splice(draft.headings('3')[1], 0, '### Zzyzx quorp', '');
    // The keyword line of round 3's first theme, deleted.
    const keywordLine = draft.lines.findIndex((l, i) => i > r3[0] && l.startsWith('*'));
    edits.noKeywords = draft.name(r3[0]);
    draft.lines.splice(keywordLine, 1);
    // An introduction under the title.
    draft.lines.splice(1, 0, '', 'Notes of the three rounds, edited by the rapporteurs.');
    const rewordedAt = draft.lines.findIndex((l) => l.startsWith('- Governments must promote'));
    edits.rewordedUnder = draft.name(draft.headings('1').filter((h) => h < rewordedAt).at(-1)!);
    draft.write(draftFile);

    const notes = notesFile(folder, [...ituRows.filter((r) => r !== removed), ...added]);
    const json = rapporteur([notes, '--keep', draftFile, '--format', 'json']);
    expect(json.status).toBe(0);
    refreshed = JSON.parse(json.stdout) as Report;
    const inPlace = rapporteur([notes, '--keep', draftFile, '--format', 'markdown', '-o', draftFile]);
    expect(inPlace.status).toBe(0);
    expect(inPlace.stderr).toBe(json.stderr);
    stderr = json.stderr;
    markdown = fs.readFileSync(draftFile, 'utf8');
  });

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('lists every idea of the new notes exactly once, and the withdrawn one nowhere', () => {
    const ids = refreshed.groups.flatMap((g) => g.themes.flatMap((t) => t.ideas.map((i) => i.id))).sort();
    const expected = [...ituRows.filter((r) => r !== removed), ...added].map((r) => r.id).sort();
    expect(ids).toEqual(expected);
    expect(refreshed.totals.ideas).toBe(ituRows.length + 1);
    expect(refreshed.options.keep).toBe(draftFile);
  });

  it('keeps the renamed heading in its place, and the old name is gone', () => {
    expect(themesOf(refreshed, '1')[1].label).toBe('An enabling environment');
    expect(themesOf(refreshed, '1').map((t) => t.label)).not.toContain(edits.renamedFrom);
    expect(markdown).toContain('### b) An enabling environment — ');
  });

  it('keeps a moved bullet under its new heading, found by its text despite the edit', () => {
    expect(themesOf(refreshed, '1')[2].ideas.map((i) => i.text)).toContain(edits.moved);
    expect(themeOfIdea(refreshed, edits.moved).ideas.find((i) => i.text === edits.moved)!.kept).toBe(true);
  });

  it('keeps a reworded bullet with its idea, under its heading, showing the text of the notes', () => {
    const theme = themeOfIdea(refreshed, 'Governments should promote and adhere to human rights and the rule of law');
    expect(theme.label).toBe(edits.rewordedUnder);
    expect(theme.ideas.find((i) => i.text.startsWith('Governments should promote'))!.kept).toBe(true);
  });

  it('keeps a merge: the merged bullets under the first heading, the merged heading gone', () => {
    expect(themeOfIdea(refreshed, edits.merged)).toBe(themesOf(refreshed, '1')[0]);
    expect(themesOf(refreshed, '1').map((t) => t.label)).not.toContain(edits.mergeGone);
  });

  it('keeps the bullets of a deleted heading line under the heading above them', () => {
    expect(themeOfIdea(refreshed, edits.joinedFirst).label).toBe(edits.round2First);
    expect(themesOf(refreshed, '2').map((t) => t.label)).not.toContain(edits.headingDeleted);
  });

  it('places the ideas of a theme deleted whole again, once each, as new to the draft', () => {
    const deleted = JSON.parse(edits.deletedIdeas) as string[];
    expect(deleted.length).toBeGreaterThan(0);
    for (const text of deleted) {
      const theme = themeOfIdea(refreshed, text);
      expect(theme.ideas.find((i) => i.text === text)!.kept).toBeUndefined();
    }
    // Its ideas may come back together, but only as a theme marked new.
    expect(themesOf(refreshed, '2').filter((t) => t.label === edits.wholeDeleted).every((t) => t.new)).toBe(true);
  });

  it('carries the paragraphs verbatim', () => {
    expect(themesOf(refreshed, '1')[0].paragraphs).toEqual([edits.paragraph]);
    expect(refreshed.groups[0].paragraphs).toEqual(['Round one was the liveliest.']);
    expect(markdown).toContain(`\n${edits.paragraph}\n`);
    expect(markdown).toContain('\nRound one was the liveliest.\n');
    expect(refreshed.paragraphs).toEqual(['Notes of the three rounds, edited by the rapporteurs.']);
    expect(markdown).toMatch(/^# .*\n\nNotes of the three rounds, edited by the rapporteurs\.\n\n## Overall figures\n/);
  });

  it('keeps a keyword line deleted', () => {
    const theme = themesOf(refreshed, '3').find((t) => t.label === edits.noKeywords)!;
    expect(theme.keywords).toEqual([]);
    expect(themesOf(refreshed, '3').filter((t) => !t.other && t !== theme && t.label !== 'Taxation').every((t) => t.keywords.length > 0)).toBe(true);
  });

  it('keeps what the rapporteur put under "Other ideas" there', () => {
    const theme = themeOfIdea(refreshed, edits.toOther);
    expect(theme.other).toBe(true);
    expect(theme.ideas.find((i) => i.text === edits.toOther)!.kept).toBe(true);
  });

  it('drops a heading nothing fits, and says so', () => {
    expect(themesOf(refreshed, '3').map((t) => t.label)).not.toContain('Zzyzx quorp');
    expect(stderr).toMatch(/^rapporteur: note: .*draft\.md:\d+: heading "Zzyzx quorp" has no idea left; dropped$/m);
  });

  it('fills an empty heading with the late note that fits its name', () => {
    const taxation = themesOf(refreshed, '3').find((t) => t.label === 'Taxation')!;
    expect(taxation.ideas.map((i) => i.text)).toEqual([added[0].idea]);
    expect(taxation.kept).toBe(true);
    expect(taxation.ideas[0].kept).toBeUndefined();
  });

  it('marks kept themes and ideas, and new ones apart', () => {
    for (const group of refreshed.groups) {
      for (const theme of group.themes) {
        expect(theme.kept === true).not.toBe(theme.new === true);
        if (theme.new) expect(theme.ideas.every((i) => !i.kept)).toBe(true);
      }
    }
    const kept = refreshed.groups.flatMap((g) => g.themes.flatMap((t) => t.ideas)).filter((i) => i.kept);
    const deleted = JSON.parse(edits.deletedIdeas) as string[];
    expect(kept).toHaveLength(ituRows.length - 1 - deleted.length - duplicatesOf(deleted));
  });

  it('says on stderr what was dropped and what happened', () => {
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/^rapporteur: note: .*draft\.md:\d+: "Government as a customer-buyer" is no longer in the notes; dropped$/));
    expect(lines.at(-1)).toMatch(
      /^rapporteur: kept \d+ ideas in \d+ themes as edited; placed \d+ new ideas \(\d+ into kept themes, \d+ new themes?(, \d+ into Other ideas)?\); 1 idea of the draft is no longer in the notes$/,
    );
    const [, kept, placed] = /kept (\d+) ideas.*placed (\d+) new ideas/.exec(lines.at(-1)!)!.map(Number);
    expect(kept + placed).toBe(ituRows.length + 1);
    expect(placed).toBe(2 + (JSON.parse(edits.deletedIdeas) as string[]).length + duplicatesOf(JSON.parse(edits.deletedIdeas) as string[]));
  });

  it('gives the same draft back when refreshed again with nothing new, the new themes now kept', () => {
    const notes = path.join(folder, 'notes.csv');
    const again = rapporteur([notes, '--keep', draftFile, '--format', 'markdown']);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(markdown.replace(/ \(new\)(?= — \d+ ideas?$)/gm, ''));
    expect(again.stderr.trimEnd().split('\n').at(-1)).toBe(
      `rapporteur: kept ${ituRows.length + 1} ideas in ${refreshed.groups.flatMap((g) => g.themes).filter((t) => !t.other).length} themes as edited; placed 0 new ideas (0 into kept themes, 0 new themes); 0 ideas of the draft are no longer in the notes`,
    );
  });
});

describe('--keep with the CSV export and the JSON report', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-keep-formats-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('keeps the labels edited in the CSV export: a rename and a merge', () => {
    const exported = rapporteur([ITU, '--format', 'csv']).stdout;
    const rows = parse(exported, { columns: true }) as Record<string, string>[];
    const round1 = (n: string) => rows.filter((r) => r.group === '1' && r.theme === n);
    const [first, second, third] = [round1('1'), round1('2'), round1('3')];
    for (const r of second) r.label = first[0].label;
    for (const r of third) r.label = 'Renamed in a spreadsheet';
    const columns = Object.keys(rows[0]);
    const file = path.join(folder, 'themes.csv');
    fs.writeFileSync(file, [columns.join(','), ...rows.map((r) => csvRow(columns.map((c) => r[c])))].join('\r\n'));

    const result = rapporteur([ITU, '--keep', file, '--format', 'json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    const themes = themesOf(report, '1');
    expect(themes[0].label).toBe(first[0].label);
    expect(themes[0].ideas.map((i) => i.row).sort((a, b) => a - b)).toEqual([...first, ...second].map((r) => Number(r.row)).sort((a, b) => a - b));
    expect(themes[1].label).toBe('Renamed in a spreadsheet');
    expect(themes[1].ideas.map((i) => i.row).sort((a, b) => a - b)).toEqual(third.map((r) => Number(r.row)).sort((a, b) => a - b));
    expect(report.totals.ideas).toBe(ituRows.length);
    expect(result.stderr).toMatch(/kept 108 ideas in \d+ themes as edited; placed 0 new ideas/);
  });

  it('keeps a JSON report edited by a program: a theme renamed, an idea moved', () => {
    const original = JSON.parse(rapporteur([ITU, '--format', 'json']).stdout) as Report;
    const themes = original.groups[1].themes;
    themes[0].label = 'Renamed by a program';
    const moved = themes[1].ideas.pop()!;
    themes[0].ideas.push(moved);
    const file = path.join(folder, 'themes.json');
    fs.writeFileSync(file, JSON.stringify(original, null, 2));

    const result = rapporteur([ITU, '--keep', file, '--format', 'json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(themesOf(report, '2')[0].label).toBe('Renamed by a program');
    expect(themesOf(report, '2')[0].ideas.map((i) => i.row)).toContain(moved.row);
    expect(themesOf(report, '2')[0].kept).toBe(true);
  });

  it('reads a list of headings as a codebook for every group', () => {
    const file = path.join(folder, 'codebook.md');
    fs.writeFileSync(file, '### Human rights\n\n### Cybercrime and security\n\n*cybercrime, security, privacy*\n');
    const result = rapporteur([ITU, '--keep', file, '--format', 'json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.groups.flatMap((g) => g.themes.flatMap((t) => t.ideas)).length).toBe(ituRows.length);
    const rights = themesOf(report, '1').find((t) => t.label === 'Human rights')!;
    expect(rights.ideas.map((i) => i.text)).toContain('Only Government can guarantee the human rights of their citizens');
    expect(rights.keywords.length).toBeGreaterThan(0);
    const security = themesOf(report, '2').find((t) => t.label === 'Cybercrime and security')!;
    expect(security.keywords).toEqual(['cybercrime', 'security', 'privacy']);
    expect(security.ideas.some((i) => /cybercrime/i.test(i.text))).toBe(true);
    expect(result.stderr).toMatch(/^rapporteur: kept 0 ideas in \d+ themes as edited; placed 108 new ideas \(\d+ into kept themes, \d+ new themes/m);
  });
});

describe('a draft that cannot be read', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-keep-bad-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
  const attempt = (name: string, content: string) => {
    const file = path.join(folder, name);
    fs.writeFileSync(file, content);
    return { file, result: rapporteur([ITU, '--keep', file]) };
  };

  it('names the line of a bullet under no theme', () => {
    const { file, result } = attempt('loose.md', '## Round 1: anything\n\n### Rights\n\n- Cybercrime\n\n## Round 2\n\n- Learn to listen\n\n### Other\n');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`rapporteur: error: ${file}:9: the draft cannot be read: a bullet under no theme heading (put it under a "###" theme heading, or delete it)\n`);
  });

  it('says a file with no theme heading is not a draft', () => {
    const { file, result } = attempt('notes.txt', 'Just some notes\nwith no headings\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^rapporteur: error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: the draft cannot be read: no theme heading .*\n$`));
  });

  it('names the line of a JSON syntax error', () => {
    const { file, result } = attempt('broken.json', '{\n  "groups": [\n    { "name": "1", }\n  ]\n}\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^rapporteur: error: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: the draft cannot be read as JSON: .*\n$`));
  });

  it('says which column the CSV lacks', () => {
    const { file, result } = attempt('themes.csv', 'group,theme,label,idea\n1,1,Rights,Cybercrime\n');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${file}:1: the draft's CSV has no "text" column`);
  });

  it('says when the draft does not exist', () => {
    const result = rapporteur([ITU, '--keep', path.join(folder, 'missing.md')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^rapporteur: error: .*missing\.md: cannot read the draft to keep \(ENOENT\) .*\n$/);
  });

  it('refuses --keep with several inputs', () => {
    const result = rapporteur([ITU, ITU, '--keep', path.join(folder, 'x.md')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--keep refreshes the report of one input/);
  });
});
