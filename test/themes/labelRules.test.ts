import { analyseText } from '../../src/text/analyseText';
import { canNameAlone } from '../../src/text/partOfSpeech';
import { checkLabel } from '../../src/themes/labelRules';
import { nameThemes } from '../../src/themes/labels';

const terms = (ideas: string[]) => ideas.map(analyseText);

describe('checkLabel: the rules a name a rapporteur keeps follows', () => {
  const ideas = terms(['Protect human rights online', 'Human rights of citizens', 'Cybercrime, human rights online', 'Listen to young people']);

  it('accepts a phrase several ideas carry as written, inflection aside', () => {
    expect(checkLabel('Human Rights', ideas)).toEqual({ carriedBy: 3, fromRepresentative: false, breaks: [] });
    expect(checkLabel('Human Right', ideas).breaks).toEqual([]);
  });

  it('refuses words joined by "and" that no idea joins, and a word only one idea has', () => {
    expect(checkLabel('Rights and Citizens', ideas).breaks).toEqual(['joined by and']);
    expect(checkLabel('Cybercrime', ideas).breaks).toEqual(['not shared']);
  });

  it('accepts a phrase of the representative (first) idea as the last resort', () => {
    expect(checkLabel('Protect Human Rights', ideas)).toMatchObject({ carriedBy: 1, fromRepresentative: true, breaks: [] });
  });

  it('refuses a lone verb or a function word, but not a noun that is also a verb', () => {
    expect(checkLabel('Listen', terms(['Listen to people', 'Listen more'])).breaks).toEqual(['lone verb']);
    expect(checkLabel('Facilitate', terms(['Facilitate dialogue', 'Facilitate access'])).breaks).toEqual(['lone verb']);
    expect(checkLabel("Didn't", terms(["Didn't know", "didn't care"])).breaks).toContain('function word');
    expect(checkLabel('Trust', terms(['Trust online', 'Build trust'])).breaks).toEqual([]);
    expect(canNameAlone('education')).toBe(true);
    expect(canNameAlone('the')).toBe(false);
  });
});

describe('nameThemes follows the rules', () => {
  it('never joins two words with "and" that no idea joins', () => {
    const names = nameThemes([
      terms(['Skills for jobs', 'Digital skills', 'Education in schools', 'Education for all']),
      terms(['Open data portals', 'Open data licences', 'Data protection']),
    ]);
    for (const { label } of names) expect(label).not.toMatch(/ and /);
    const [skills] = names;
    expect(['Skills', 'Education']).toContain(skills.label);
  });

  it('does not name a theme by a verb alone, even its most telling word', () => {
    const [theme] = nameThemes([
      terms(['Facilitate dialogue between stakeholders', 'Facilitate meetings of stakeholders', 'Facilitate funding']),
      terms(['Cybercrime laws', 'Cybercrime units']),
    ]);
    expect(theme.label).toBe('Stakeholders');
  });

  it('falls back to a phrase of the representative idea when nothing shared can name it', () => {
    const [theme] = nameThemes([terms(['Accept different views openly', 'Accept criticism']), terms(['Cybercrime laws', 'Cybercrime units'])]);
    expect(theme.label).toBe('Different Views');
    expect(checkLabel(theme.label, terms(['Accept different views openly', 'Accept criticism'])).breaks).toEqual([]);
  });
});
