import { AnalysedText } from '../text/analyseText';
import { canEndName, canNameAlone } from '../text/partOfSpeech';
import { Candidate, candidatesOf, isLinkWord } from './candidates';

export interface ThemeNaming {
  label: string;
  keywords: string[];
}

interface Scored {
  key: string;
  words: number;
  score: number;
  /** Ideas of the theme that contain it. */
  support: number;
  /** Position of the most central idea that contains it (ideas come most central first). */
  firstIdea: number;
  surface: string;
}

const KEYWORDS = 6;
/** How much more a phrase is worth than a word with the same weight: phrases read better. */
const PHRASE_BONUS = 1.5;
/** Words of the representative idea a last-resort label takes. */
const FALLBACK_WORDS = 4;

/**
 * Name every theme of one group with class-based TF-IDF (as in BERTopic): a candidate weighs
 * its share of the theme's ideas times ln(1 + average theme size / ideas containing it in the
 * whole group), so words that belong to this theme more than to its siblings rise. Labels are
 * distinct within the group.
 */
/** `themes` holds each theme's ideas, most central first. */
export function nameThemes(themes: readonly (readonly AnalysedText[])[]): ThemeNaming[] {
  const perTheme = themes.map((ideas) => ideas.map(candidatesOf));
  const groupFrequency = new Map<string, number>();
  for (const ideas of perTheme) for (const candidates of ideas) for (const c of candidates) groupFrequency.set(c.key, (groupFrequency.get(c.key) ?? 0) + 1);
  const totalIdeas = themes.reduce((s, t) => s + t.length, 0);
  const averageSize = totalIdeas / Math.max(1, themes.length);

  const ranked = perTheme.map((ideas) => rankCandidates(ideas, groupFrequency, averageSize));
  const used = new Set<string>();
  // Larger themes choose first, so the most telling names go to the themes most ideas are in.
  const order = themes.map((_, i) => i).sort((a, b) => themes[b].length - themes[a].length || a - b);
  const names: ThemeNaming[] = new Array(themes.length);
  for (const i of order) {
    const label = chooseLabel(ranked[i], used, perTheme[i][0] ?? [], themes[i][0]);
    used.add(label.text.toLowerCase());
    const words = [...ranked[i]].sort(byScore).filter((s) => s.words === 1 && !label.stems.has(s.key));
    const keywords = spreadOverIdeas(words, perTheme[i], KEYWORDS).map((s) => keepCase(s.surface));
    names[i] = { label: label.text, keywords };
  }
  return names;
}

function rankCandidates(ideas: readonly Candidate[][], groupFrequency: ReadonlyMap<string, number>, averageSize: number): Scored[] {
  const support = new Map<string, number>();
  const firstIdea = new Map<string, number>();
  const forms = new Map<string, Map<string, number>>();
  for (const [position, candidates] of ideas.entries()) {
    for (const c of candidates) {
      support.set(c.key, (support.get(c.key) ?? 0) + 1);
      if (!firstIdea.has(c.key)) firstIdea.set(c.key, position);
      const form = c.surface.join(' ');
      const counts = forms.get(c.key) ?? new Map<string, number>();
      counts.set(form, (counts.get(form) ?? 0) + 1);
      forms.set(c.key, counts);
    }
  }
  const size = Math.max(1, ideas.length);
  const scored: Scored[] = [];
  for (const [key, count] of support) {
    const words = key.split(' ').length;
    // A phrase names a theme only when several of its ideas use it as such.
    if (words > 1 && count < 2) continue;
    const surface = commonestForm(forms.get(key)!);
    const weight = (count / size) * Math.log(1 + averageSize / groupFrequency.get(key)!);
    scored.push({ key, words, support: count, firstIdea: firstIdea.get(key)!, score: words > 1 ? weight * PHRASE_BONUS : weight, surface });
  }
  // A label should be a word several ideas share rather than one idea's rare word, whatever
  // its weight; keywords, which add detail, are taken by weight and spread over the central
  // ideas (see spreadOverIdeas).
  const shared = (c: Scored) => (c.support >= 2 || size < 2 ? 1 : 0);
  return scored.sort((a, b) => shared(b) - shared(a) || byScore(a, b));
}

/**
 * Up to `count` keywords that between them reach as many of the theme's `count` most central
 * ideas (the first ones) as they can: in turn the best-weighted word of such an idea no keyword
 * reaches yet, then the rest by weight. Taken by weight alone, a small theme's keywords are
 * often all the rare words of its one central idea ("facilitate, financial, means,
 * mechanisms"), and the reader learns nothing of the others. Only the central ideas count, so
 * that in a large theme the keywords speak for its typical ideas, not for its odd ones. The
 * label does not count as reaching an idea: keywords add what the label does not say.
 */
function spreadOverIdeas(words: readonly Scored[], ideas: readonly Candidate[][], count: number): Scored[] {
  const wordsOf = ideas.slice(0, count).map((candidates) => new Set(candidates.map((c) => c.key)));
  const reached = wordsOf.map(() => false);
  const left = [...words];
  const chosen: Scored[] = [];
  while (chosen.length < count && left.length > 0) {
    const next = left.findIndex((w) => wordsOf.some((keys, i) => !reached[i] && keys.has(w.key)));
    const [word] = left.splice(Math.max(0, next), 1);
    chosen.push(word);
    wordsOf.forEach((keys, i) => (reached[i] ||= keys.has(word.key)));
  }
  return chosen;
}

/** Weight first; between equals, the word more ideas share, then the word of the more central idea. */
function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || b.support - a.support || a.firstIdea - b.firstIdea || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** The form most ideas wrote; ties go to the lower-case one, then alphabetical. */
function commonestForm(counts: ReadonlyMap<string, number>): string {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || lowerFirst(a[0], b[0]))[0][0];
}

function lowerFirst(a: string, b: string): number {
  const al = a === a.toLowerCase();
  const bl = b === b.toLowerCase();
  if (al !== bl) return al ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Label {
  text: string;
  /** Stems the label uses, so keywords can add words rather than repeat them. */
  stems: Set<string>;
}

/**
 * The best candidate not yet used in the group that several of the theme's ideas carry as
 * written, and that names something on its own: a phrase, or a word that is neither a
 * function word nor mainly a verb (natural's lexicon; see canNameAlone). Words are never
 * joined with "and" unless the ideas joined them. When nothing qualifies, the best such phrase
 * or word of the representative idea, else its first words.
 */
function chooseLabel(ranked: readonly Scored[], used: ReadonlySet<string>, representative: readonly Candidate[], representativeText?: AnalysedText): Label {
  const nameable = (words: number, surface: string) => words > 1 || canNameAlone(surface);
  const single = ranked.length > 0 && ranked.every((c) => c.support < 2);
  for (const c of ranked) {
    if (c.support < 2 && !single) continue;
    const text = titleCase(c.surface);
    if (used.has(text.toLowerCase()) || !nameable(c.words, c.surface)) continue;
    return { text, stems: new Set(c.key.split(' ')) };
  }
  // Nothing shared qualifies: a short phrase of the representative idea, in its own words —
  // two words first, then three, then one — the one whose words weigh most.
  const weight = new Map(ranked.filter((c) => c.words === 1).map((c) => [c.key, c.score]));
  const length = (c: Candidate) => c.key.split(' ').length;
  const preference = (c: Candidate) => [2, 3, 1].indexOf(length(c));
  const mass = (c: Candidate) => c.key.split(' ').reduce((sum, stem) => sum + (weight.get(stem) ?? 0), 0);
  const own = [...representative]
    .sort((a, b) => preference(a) - preference(b) || mass(b) - mass(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .find((c) => !used.has(titleCase(c.surface.join(' ')).toLowerCase()) && canEndName(c.surface[c.surface.length - 1]) && nameable(length(c), c.surface.join(' ')));
  if (own) return { text: titleCase(own.surface.join(' ')), stems: new Set(own.key.split(' ')) };
  const words = representativeText?.tokens.slice(0, FALLBACK_WORDS).map((t) => t.surface).join(' ');
  if (words && !used.has(words.toLowerCase())) return { text: words, stems: new Set(representativeText!.terms.map((t) => t.stem)) };
  const fallback = ranked.length > 0 ? `${titleCase(ranked[0].surface)} (${used.size + 1})` : 'Miscellaneous';
  return { text: fallback, stems: new Set(ranked[0]?.key.split(' ') ?? []) };
}

/**
 * Capitalise words written in lower case, except the small words inside a phrase ("Rule of
 * Law"); keep acronyms and mixed case ("ICTs", "eGov") as written.
 */
export function titleCase(phrase: string): string {
  return phrase
    .split(' ')
    .map((w, i) => (i > 0 && isLinkWord(w) ? w.toLowerCase() : w === w.toLowerCase() ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');
}

export function keepCase(word: string): string {
  // A capitalised ordinary word ("Governments" at the start of a sentence) is shown in lower case.
  return /^\p{Lu}\p{Ll}+$/u.test(word) ? word.toLowerCase() : word;
}
