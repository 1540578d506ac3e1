import { labelCoverage, matches, nameHumanThemes } from '../../src/evaluate/labelCoverage';
import { Idea } from '../../src/ingest/idea';
import { Theme } from '../../src/themes/theme';

const idea = (row: number, truth: string): Idea => ({ file: 'n.csv', row, id: String(row), text: `idea ${row}`, group: 'all', truth });
const theme = (label: string, keywords: string[], members: Idea[]): Theme => ({ label, keywords, members: members.map((i) => ({ idea: i, similarity: 1 })) });

describe('matches', () => {
  it('accepts the whole shorter word or a six-letter shared prefix', () => {
    expect(matches('education', 'educational')).toBe(true);
    expect(matches('regulations', 'regulating')).toBe(true);
    expect(matches('convener', 'convene')).toBe(true);
    expect(matches('rights', 'right')).toBe(true);
    expect(matches('protection', 'protest')).toBe(false);
  });
});

describe('labelCoverage', () => {
  const ideas = [idea(1, 'Protecting Human Rights'), idea(2, 'Protecting Human Rights'), idea(3, 'Cybersecurity'), idea(4, 'Cybersecurity'), idea(5, 'Cybersecurity'), idea(6, 'Alone')];
  const themes = [
    theme('Human Rights', ['law'], [ideas[0], ideas[1], ideas[2]]),
    theme('Crime', ['online', 'fraud', 'police', 'courts', 'banks', 'cybersecurity'], [ideas[3], ideas[4], ideas[5]]),
  ];

  it('names a human theme when the theme holding most of its ideas uses one of its words', () => {
    const coverage = labelCoverage(ideas, themes);
    expect(coverage.humanThemes).toBe(2);
    expect(coverage.details.map((d) => [d.truth, d.theme, d.covered])).toEqual([
      ['Cybersecurity', 'Crime', false],
      ['Protecting Human Rights', 'Human Rights', true],
    ]);
    expect(coverage.covered).toBe(1);
  });

  it('looks at the first five keywords only, and counts duplicated labels', () => {
    const same = [themes[0], { ...themes[1], label: 'human rights' }];
    expect(labelCoverage(ideas, same).duplicatedLabels).toBe(1);
  });
});

describe('nameHumanThemes', () => {
  it('names each human theme from its own ideas, so coverage measures the naming alone', () => {
    const texts: [string, string][] = [
      ['Human rights online', 'Rights'],
      ['Protecting human rights', 'Rights'],
      ['Cybercrime units', 'Crime'],
      ['Fight cybercrime', 'Crime'],
    ];
    const ideas = texts.map(([text, truth], i) => ({ ...idea(i + 1, truth), text }));
    const themes = nameHumanThemes(ideas);
    expect(themes.map((t) => [t.label, t.members.map((m) => m.idea.row)])).toEqual([
      ['Human Rights', [1, 2]],
      ['Cybercrime', [3, 4]],
    ]);
    expect(labelCoverage(ideas, themes).covered).toBe(1);
  });
});
