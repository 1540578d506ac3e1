import { analyseGroupWithModel, AnalysisOptions } from '../../src/analyseGroup';
import { Idea } from '../../src/ingest/idea';
import { buildThemeModel, ThemeModel, ThemeModelOptions } from '../../src/model/themeModel';

/** Three topics that share no word: any sensible clustering finds them exactly. */
export const CLEAN_TOPICS = [
  ['Cybercrime and network security', 'Network security against cybercrime', 'Security of networks against cybercrime attacks', 'Cybercrime attacks threaten network security'],
  ['Human rights and freedom of expression', 'Freedom of expression is a human right', 'Protect human rights and freedom', 'Human rights need freedom of expression'],
  ['Education and digital skills for children', 'Digital skills education in schools', 'Schools teach children digital skills', 'Education of children in digital skills'],
];

export function ideasOf(texts: readonly string[], group = 'all', firstRow = 1): Idea[] {
  return texts.map((text, i) => ({ file: 'notes.csv', row: firstRow + i, id: String(firstRow + i), text, group }));
}

/** The clean topics interleaved, so that input order says nothing about the themes. */
export function cleanIdeas(group = 'all'): Idea[] {
  const texts: string[] = [];
  for (let i = 0; i < CLEAN_TOPICS[0].length; i++) for (const topic of CLEAN_TOPICS) texts.push(topic[i]);
  return ideasOf(texts, group);
}

export const MODEL_OPTIONS: ThemeModelOptions = { text: 'idea', by: null, k: 3, seed: 42, merge: 0.8, vectors: false };

/** Analyse each group and build its model, as `--save-model` will. */
export function modelOf(groups: { name: string; ideas: Idea[] }[], options: AnalysisOptions = { k: 3, seed: 42 }) {
  const analyses = groups.map((g) => ({ name: g.name, analysis: analyseGroupWithModel(g.ideas, options) }));
  const model: ThemeModel = buildThemeModel({
    version: '0.1.0',
    inputs: ['notes.csv'],
    options: { ...MODEL_OPTIONS, vectors: options.wordVectors !== undefined },
    groups: analyses,
  });
  return { model, analyses };
}

/** The label of the theme each idea is in, by its text. */
export function themeOfEach(themes: readonly { label: string; members: { idea: Idea }[] }[]): Map<string, string> {
  return new Map(themes.flatMap((t) => t.members.map((m) => [m.idea.text, t.label] as const)));
}
