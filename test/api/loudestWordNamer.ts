import { AnalysedText, Namer } from '../../src/index';

/**
 * A namer added by writing this one file: a theme is named by the content word most of its
 * ideas use, in capitals, with the number of its ideas ("WATER (3)"); its keywords are the
 * other content words of its most central idea. Crude, but not the default's answer, which is
 * what the tests need to see it used.
 */
export const loudestWordNamer: Namer = {
  name: (themes) => themes.map((ideas) => ({ label: `${commonestWord(ideas).toUpperCase()} (${ideas.length})`, keywords: otherWords(ideas) })),
};

function commonestWord(ideas: readonly AnalysedText[]): string {
  const ideasWith = new Map<string, number>();
  for (const idea of ideas) for (const word of new Set(idea.terms.map((t) => t.surface.toLowerCase()))) ideasWith.set(word, (ideasWith.get(word) ?? 0) + 1);
  return [...ideasWith].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'nothing';
}

function otherWords(ideas: readonly AnalysedText[]): string[] {
  const label = commonestWord(ideas);
  return (ideas[0]?.terms ?? []).map((t) => t.surface.toLowerCase()).filter((w) => w !== label);
}
