import { AnalysedText, findThemes, Namer, renderReport } from '../../src/index';
import { loudestWordNamer } from './loudestWordNamer';
import { THREE_TOPICS } from './threeTopics';

const ideas = [...THREE_TOPICS, 'And so on... 42!'];

describe('a namer passed in through the library', () => {
  const { report } = findThemes(ideas, { namer: loudestWordNamer, k: 3 });

  it('names the themes of the report, in every format', () => {
    const themes = report.groups[0].themes;
    expect(themes.filter((t) => !t.other).map((t) => t.label).sort()).toEqual(['CYBERCRIME (3)', 'TEACHER (3)', 'WATER (3)']);
    const water = themes.find((t) => t.label === 'WATER (3)')!;
    expect(water.keywords.length).toBeGreaterThan(0);
    const markdown = renderReport(report, 'markdown') as string;
    expect(markdown).toContain('CYBERCRIME (3) — 3 ideas');
    expect(markdown).toContain(`*${water.keywords.join(', ')}*`);
    expect(renderReport(report, 'text')).toContain('WATER (3)');
    expect(renderReport(report, 'csv')).toContain('TEACHER (3)');
  });

  it('is not given "Other ideas", which keeps its name', () => {
    const given: (readonly AnalysedText[])[][] = [];
    const recording: Namer = { name: (themes) => (given.push([...themes]), loudestWordNamer.name(themes)) };
    const found = findThemes(ideas, { namer: recording, k: 3 }).report.groups[0].themes;
    expect(found.filter((t) => t.other).map((t) => [t.label, t.ideas.map((i) => i.text)])).toEqual([['Other ideas', ['And so on... 42!']]]);
    expect(given).toHaveLength(1);
    expect(given[0].flat().map((t) => t.text).sort()).toEqual(ideas.slice(0, 9).sort());
  });

  it('with --keep names the new themes only: the headings of the draft keep the rapporteur\'s names', () => {
    const draft = (renderReport(findThemes(ideas, { k: 3 }).report, 'markdown') as string).replace(/^### (.*)Cybercrime(.*)$/m, '### $1Online Safety$2');
    expect(draft).toContain('Online Safety');
    const kept = draft.match(/^### .*$/gm)!.map((h) => h.replace(/^### (\w\) )?/, '').replace(/ — \d+ ideas?$/, ''));
    const later = [...ideas, 'Solar panels on roofs', 'Solar power for clinics', 'Solar lamps at night'];
    const notices: string[] = [];
    const themes = findThemes(later, { namer: loudestWordNamer, keep: { text: draft, file: 'draft.md' }, onNotice: (m) => notices.push(m) }).report.groups[0].themes;
    const labels = themes.map((t) => t.label);
    expect(labels).toEqual(expect.arrayContaining(kept));
    expect(labels).toContain('Online Safety');
    expect(labels).toContain('SOLAR (3)');
    expect(labels.filter((l) => !kept.includes(l))).toEqual(['SOLAR (3)']);
  });

  it('must give one label and a list of keywords per theme', () => {
    expect(() => findThemes(ideas, { namer: { name: () => [] }, k: 3 })).toThrow('the namer gave 0 names for 3 themes');
    expect(() => findThemes(ideas, { namer: { name: (themes) => themes.map(() => ({ label: '', keywords: [] })) }, k: 3 })).toThrow(/needs a label/);
  });
});
