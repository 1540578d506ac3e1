import { analyseText } from '../../src/text/analyse';
import { nameThemes, titleCase } from '../../src/themes/labels';

const terms = (ideas: string[]) => ideas.map((i) => analyseText(i).terms);

describe('nameThemes', () => {
  const themes = [
    terms(['Protecting human rights online', 'Human rights of citizens', 'Governments must respect human rights']),
    terms(['Cybercrime and security', 'Security of infrastructure', 'National security strategy']),
  ];

  it('names each theme by what sets it apart, in the ideas own words', () => {
    const [rights, security] = nameThemes(themes);
    expect(rights.label).toBe('Human Rights');
    expect(security.label).toBe('Security');
  });

  it('never uses stems or stop words, and gives keywords from the ideas that the label lacks', () => {
    const [rights, security] = nameThemes(themes);
    expect(rights.keywords).toEqual(expect.arrayContaining(['citizens', 'protecting']));
    expect(rights.keywords).not.toContain('rights');
    expect(security.keywords).not.toContain('security');
    for (const k of [...rights.keywords, ...security.keywords]) expect(k).not.toMatch(/^(the|of|and|must)$/);
  });

  it('keeps labels distinct within a group', () => {
    const same = [terms(['Open data', 'Open data portals']), terms(['Open data', 'Open data licences'])];
    const [a, b] = nameThemes(same);
    expect(a.label.toLowerCase()).not.toBe(b.label.toLowerCase());
  });
});

describe('titleCase', () => {
  it('capitalises lower-case words and keeps acronyms', () => {
    expect(titleCase('access to ICTs')).toBe('Access To ICTs');
  });
});
