import { candidateKs, bestByScore } from './cluster/chooseK';
import { kmeansWithRestarts } from './cluster/kmeansRestarts';
import { silhouette, similarityMatrix } from './cluster/silhouette';
import { Idea } from './ingest/idea';
import { analyseText, AnalysedText } from './text/analyse';
import { nameThemes } from './themes/labels';
import { OTHER_IDEAS_LABEL, Theme, ThemeMember } from './themes/theme';
import { dot, normalise, mean } from './vectors/dense';
import { fitTfidf, toDense, transformTfidf } from './vectors/tfidf';

export interface AnalysisOptions {
  /** Number of themes per group; undefined to choose it from the data. */
  k?: number;
  seed: number;
}

/** Upper bound on TF-IDF features, so memory stays bounded on very large groups. */
const MAX_FEATURES = 5000;

/** Cluster one group of ideas into named themes. Pure: same ideas and options, same themes. */
export function analyseGroup(ideas: readonly Idea[], options: AnalysisOptions): Theme[] {
  const texts = ideas.map((i) => analyseText(i.text));
  const clusterable = ideas.map((_, i) => i).filter((i) => texts[i].terms.length > 0);
  const withoutWords = ideas.map((_, i) => i).filter((i) => texts[i].terms.length === 0);

  const themes: Theme[] = [];
  if (clusterable.length > 0) {
    const rows = vectorise(clusterable.map((i) => texts[i]));
    const labels = cluster(rows, options);
    themes.push(...buildThemes(clusterable, labels, rows, ideas, texts));
  }
  if (withoutWords.length > 0) {
    themes.push({
      label: OTHER_IDEAS_LABEL,
      keywords: [],
      other: true,
      members: withoutWords.map((i) => ({ idea: ideas[i], similarity: 0 })),
    });
  }
  return themes;
}

function vectorise(texts: readonly AnalysedText[]): number[][] {
  const documents = texts.map((t) => t.terms.map((term) => term.stem));
  const model = fitTfidf(documents, { maxFeatures: MAX_FEATURES });
  return toDense(transformTfidf(model, documents), model.vocabulary.length);
}

function cluster(rows: number[][], options: AnalysisOptions): number[] {
  if (options.k !== undefined) return kmeansWithRestarts(rows, { k: Math.min(options.k, rows.length), seed: options.seed }).labels;
  const ks = candidateKs(rows.length);
  if (ks.length === 0) return rows.map(() => 0);
  const similarity = similarityMatrix(rows);
  const tried = ks.map((k) => {
    const labels = kmeansWithRestarts(rows, { k, seed: options.seed }).labels;
    return { k, labels, score: silhouette(similarity, labels) };
  });
  return bestByScore(tried)!.labels;
}

function buildThemes(
  clusterable: readonly number[],
  labels: readonly number[],
  rows: readonly number[][],
  ideas: readonly Idea[],
  texts: readonly AnalysedText[],
): Theme[] {
  const k = Math.max(...labels) + 1;
  const groups: number[][] = Array.from({ length: k }, () => []);
  labels.forEach((label, position) => groups[label].push(position));
  const nonEmpty = groups.filter((g) => g.length > 0);
  const names = nameThemes(nonEmpty.map((g) => g.map((p) => texts[clusterable[p]].terms)));
  const dimensions = rows[0].length;
  return nonEmpty.map((positions, t) => {
    const centre = normalise(mean(positions.map((p) => rows[p]), dimensions));
    const members: ThemeMember[] = positions
      .map((p) => ({ idea: ideas[clusterable[p]], similarity: dot(rows[p], centre) }))
      .sort((a, b) => b.similarity - a.similarity || a.idea.row - b.idea.row);
    return { label: names[t].label, keywords: names[t].keywords, members };
  });
}
