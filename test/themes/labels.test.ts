import { analyseText } from '../../src/text/analyseText';
import { nameThemes, titleCase } from '../../src/themes/labels';

const terms = (ideas: string[]) => ideas.map(analyseText);

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

describe('keywords', () => {
  it('reach the ideas the label does not name, not only the rare words of the central idea', () => {
    const [theme] = nameThemes([
      terms(['Financial mechanisms to stimulate stakeholders lacking means', 'Catalyst to mobilise participation', 'Use ICTs for two-way interaction', 'Strengthen stakeholder groups']),
      terms(['Open consultation processes', 'Feedback on consultation']),
    ]);
    const ideaOf = (word: string) => ['financial mechanisms stimulate means lacking', 'catalyst mobilise participation', 'use icts two way interaction', 'strengthen groups'].findIndex((idea) => idea.split(' ').includes(word.toLowerCase()));
    const reached = new Set(theme.keywords.slice(0, 4).map(ideaOf));
    expect(reached).toEqual(new Set([0, 1, 2, 3]));
  });

  it('follow weight once every idea is reached', () => {
    const [theme] = nameThemes([terms(['Cyber security awareness', 'Cyber security training', 'Cyber security budget']), terms(['Open data', 'Open data portals'])]);
    expect(theme.keywords.slice(0, 3).sort()).toEqual(['awareness', 'budget', 'training']);
  });
});

describe('phrases with a small word inside', () => {
  it('name a theme in the ideas own words ("Rule of Law", "Access to the Internet")', () => {
    const [law, access] = nameThemes([
      terms(['Respect the rule of law', 'The rule of law online', 'Rule of law for all']),
      terms(['Access to the Internet for all', 'Cheap access to the Internet', 'Broadband']),
    ]);
    expect(law.label).toBe('Rule of Law');
    expect(access.label).toBe('Access to the Internet');
  });

  it('never join words across punctuation or through other words', () => {
    const [theme] = nameThemes([terms(['Rights, of course; law', 'Rights, of course; law', 'rights as law']), terms(['Open data', 'Open data portals'])]);
    expect(theme.label).not.toMatch(/ of | as /i);
  });
});

describe('titleCase', () => {
  it('capitalises lower-case words, keeps acronyms, and keeps small words inside a phrase lower case', () => {
    expect(titleCase('access to ICTs')).toBe('Access to ICTs');
    expect(titleCase('rule of the law')).toBe('Rule of the Law');
    expect(titleCase('the rules')).toBe('The Rules');
  });
});
