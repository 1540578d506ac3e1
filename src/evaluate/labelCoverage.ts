import { Idea } from '../ingest/idea';
import { analyseText } from '../text/analyseText';
import { isStopWord } from '../text/stopWords';
import { tokenize } from '../text/tokenize';
import { nameThemes } from '../themes/labels';
import { Theme } from '../themes/theme';

export interface LabelCoverage {
  /** Human themes of at least two ideas. */
  humanThemes: number;
  /** Of those, how many are named by the theme holding most of their ideas. */
  covered: number;
  /** Labels that occur more than once among the group's themes. */
  duplicatedLabels: number;
  details: { truth: string; theme: string; words: string[]; covered: boolean }[];
}

const PREFIX = 6;

/**
 * Whether the themes' names say what the humans said: for each human theme with at least two
 * ideas, the theme holding most of its ideas covers it when a content word of the human name
 * matches a word of the label or of the first five keywords — the whole shorter word, or a
 * shared prefix of six letters.
 */
export function labelCoverage(ideas: readonly Idea[], themes: readonly Theme[]): LabelCoverage {
  const themeOf = new Map<Idea, Theme>();
  for (const theme of themes) for (const m of theme.members) themeOf.set(m.idea, theme);
  const byTruth = groupByTruth(ideas);

  const details: LabelCoverage['details'] = [];
  for (const [truth, members] of [...byTruth].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (members.length < 2) continue;
    const theme = mostCommonTheme(members, themeOf);
    const words = theme ? [...wordsOf(theme.label), ...theme.keywords.slice(0, 5).flatMap(wordsOf)].filter((w) => !isStopWord(w)) : [];
    const humanWords = wordsOf(truth).filter((w) => !isStopWord(w));
    details.push({ truth, theme: theme?.label ?? '', words, covered: humanWords.some((h) => words.some((w) => matches(h, w))) });
  }
  const labels = themes.map((t) => t.label.toLowerCase());
  return {
    humanThemes: details.length,
    covered: details.filter((d) => d.covered).length,
    duplicatedLabels: labels.length - new Set(labels).size,
    details,
  };
}

/**
 * The human themes themselves, named by rapporteur: each human theme's ideas (in input order)
 * become one theme. Label coverage over these measures the naming alone, apart from how well
 * the clustering found the humans' groups.
 */
export function nameHumanThemes(ideas: readonly Idea[]): Theme[] {
  const groups = [...groupByTruth(ideas).values()];
  const names = nameThemes(groups.map((members) => members.map((idea) => analyseText(idea.text))));
  return groups.map((members, t) => ({ label: names[t].label, keywords: names[t].keywords, members: members.map((idea) => ({ idea, similarity: 1 })) }));
}

/** The ideas of each human theme, in input order, themes in order of their first idea. */
function groupByTruth(ideas: readonly Idea[]): Map<string, Idea[]> {
  const byTruth = new Map<string, Idea[]>();
  for (const idea of ideas) if (idea.truth) byTruth.set(idea.truth, [...(byTruth.get(idea.truth) ?? []), idea]);
  return byTruth;
}

function mostCommonTheme(members: readonly Idea[], themeOf: ReadonlyMap<Idea, Theme>): Theme | undefined {
  const counts = new Map<Theme, number>();
  for (const idea of members) {
    const theme = themeOf.get(idea);
    if (theme) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  }
  let best: Theme | undefined;
  for (const [theme, count] of counts) if (!best || count > counts.get(best)!) best = theme;
  return best;
}

function wordsOf(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}

export function matches(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (longer.startsWith(shorter)) return true;
  return shorter.length >= PREFIX && longer.startsWith(shorter.slice(0, PREFIX));
}
