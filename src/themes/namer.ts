import { AnalysedText } from '../text/analyseText';
import { nameThemes, ThemeNaming } from './labels';

/**
 * One way of naming a group's themes: given each theme's ideas (most central first, each with
 * its text, words and stems; see analyseText), a label and keywords per theme, in the same
 * order. All the group's themes come at once, so a namer can tell them apart (the default
 * weighs a word by how much more it belongs to one theme than to the others). "Other ideas"
 * is never given to a namer, and a draft kept with `--keep` keeps the rapporteur's names: a
 * namer names only the themes the analysis finds. The analysis takes any Namer
 * (`findThemes(notes, { namer })`); the default is `defaultNamer`.
 */
export interface Namer {
  name(themes: readonly (readonly AnalysedText[])[]): ThemeNaming[];
}

/** Today's method: class-based TF-IDF over words and phrases as written (src/themes/labels.ts). */
export const defaultNamer: Namer = { name: nameThemes };

/** The namer's names for these themes, checked: one label (not empty) and a list of keywords per theme. */
export function nameWith(namer: Namer, themes: readonly (readonly AnalysedText[])[]): ThemeNaming[] {
  const names = namer.name(themes);
  if (!Array.isArray(names) || names.length !== themes.length) {
    throw new Error(`the namer gave ${Array.isArray(names) ? names.length : 'no list of'} names for ${themes.length} themes`);
  }
  names.forEach((n, t) => {
    if (typeof n?.label !== 'string' || n.label.trim() === '' || !Array.isArray(n.keywords) || !n.keywords.every((k) => typeof k === 'string')) {
      throw new Error(`the namer's name for theme ${t + 1} needs a label (text, not empty) and keywords (a list of text)`);
    }
  });
  return names.map((n) => ({ label: n.label, keywords: [...n.keywords] }));
}
