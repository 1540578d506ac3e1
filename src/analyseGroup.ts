import { analyseLargeGroup, LARGE_GROUP } from './analyseLargeGroup';
import { ClusterOptions } from './cluster/clusterRows';
import { Clusterer, defaultClusterer } from './cluster/clusterer';
import { markOutliers, OutlierOptions } from './cluster/outliers';
import { usageError } from './errors';
import { Idea } from './ingest/idea';
import { analyseText, AnalysedText } from './text/analyseText';
import { findDuplicates } from './themes/duplicates';
import { defaultNamer, Namer, nameWith } from './themes/namer';
import { OTHER_IDEAS_LABEL, OTHER_IDEAS_WARNING_SHARE, Theme, ThemeMember } from './themes/theme';
import { clusteringSimilarity, SimilarityOptions } from './vectors/clusteringSimilarity';
import { dot, normalise, mean } from './vectors/dense';
import { RepresentationModel, RepresentationOptions } from './vectors/represent';
import { defaultRepresentation, isDefaultRepresentation, Representation } from './vectors/representation';
import { WordVectors } from './vectors/wordVectorCache';
import { Progress } from './progress/progress';

/** The pipeline's tunable parts; the defaults are what the quality benchmark chose. */
export type PipelineConfig = RepresentationOptions & Omit<ClusterOptions, 'k' | 'seed'> & OutlierOptions & SimilarityOptions;

export const DEFAULT_PIPELINE: PipelineConfig = {
  textWeight: 'auto',
  algorithm: 'spectral',
  chooseK: 'silhouette',
  maxK: 10,
  start: 'ward',
  restarts: 20,
  minSimilarity: 0.05,
  minThemeSize: 2,
  wordAlignment: 0.3,
};

export interface AnalysisOptions {
  /** Number of themes per group; undefined to choose it from the data. */
  k?: number;
  seed: number;
  pipeline?: Partial<PipelineConfig>;
  /** Word meaning; without it ideas are compared by shared words only. */
  wordVectors?: WordVectors;
  /**
   * Merge near-duplicate ideas of a theme for the reader at this cosine of their content words
   * (1: same words only; above 1: same text only, case and punctuation aside); default 0.8.
   */
  mergeThreshold?: number;
  /** Told what a large group's analysis is doing (see src/progress/). */
  progress?: Progress;
  /** The clustering method for groups of up to LARGE_GROUP ideas; default: `defaultClusterer` of the pipeline. */
  clusterer?: Clusterer;
  /**
   * How ideas become vectors; default: `defaultRepresentation` of the pipeline. Another
   * representation applies to groups of up to LARGE_GROUP ideas and refuses larger ones
   * (see `representationFor`).
   */
  representation?: Representation;
  /** How themes are named; default: `defaultNamer`. */
  namer?: Namer;
}

export const REPRESENTATION_TOO_LARGE = 'REPRESENTATION_TOO_LARGE';

/**
 * The representation of the analysis: the one given, else the default with the pipeline's
 * options. Above LARGE_GROUP ideas only the default applies: the linear method works on its
 * sparse TF-IDF columns and word meaning rather than on dense rows (a million rows of a
 * vocabulary's width would not fit in memory), so a group that large with another
 * representation is refused with one line rather than analysed some other way than asked.
 */
export function representationFor(options: Pick<AnalysisOptions, 'representation' | 'pipeline'>, ideas = 0): Representation {
  const given = options.representation;
  if (given && !isDefaultRepresentation(given) && ideas > LARGE_GROUP) {
    throw usageError(
      REPRESENTATION_TOO_LARGE,
      `the representation ${given.id} applies to groups of up to ${LARGE_GROUP} ideas, and a group has ${ideas}`,
      'split the notes into smaller groups, or leave the default representation',
    );
  }
  return given ?? defaultRepresentation({ ...DEFAULT_PIPELINE, ...options.pipeline });
}

export const DEFAULT_MERGE_THRESHOLD = 0.8;

/** Cluster one group of ideas into named themes. Pure: same ideas and options, same themes. */
export function analyseGroup(ideas: readonly Idea[], options: AnalysisOptions): Theme[] {
  return analyseGroupWithModel(ideas, options).themes;
}

/** The themes of a group with what placing new ideas into them needs (see src/model/). */
export interface GroupAnalysis {
  themes: Theme[];
  /**
   * The state of the representation the ideas were clustered in (what its `fit` returned:
   * plain data); null when no idea has a content word.
   */
  representation: unknown;
  /** Each theme's centre (the normalised mean of its members' rows), in the order of `themes`; null for "Other ideas". */
  centres: (number[] | null)[];
}

/** `analyseGroup`, also returning the fitted representation and the themes' centres. */
export function analyseGroupWithModel(ideas: readonly Idea[], options: AnalysisOptions): GroupAnalysis {
  // Up to LARGE_GROUP ideas: the full pipeline below, O(n²) (kNN graph, silhouette, word
  // alignment) but best on a session's notes. Above it: linear in n (see analyseLargeGroup).
  if (ideas.length > LARGE_GROUP) {
    const representation = representationFor(options, ideas.length);
    const pipeline = { ...DEFAULT_PIPELINE, ...options.pipeline };
    return analyseLargeGroup(ideas, options, isDefaultRepresentation(representation) ? { ...pipeline, ...representation.options } : pipeline);
  }
  const texts = ideas.map((i) => analyseText(i.text));
  const { labels, rows, clustered, representation } = clusterIdeas(texts, options);
  const unthemed = labels.map((_, i) => i).filter((i) => labels[i] < 0);

  const themes: Theme[] = [];
  const centres: (number[] | null)[] = [];
  if (clustered.length > 0) {
    const found = buildThemes(ideas, texts, { labels, rows, clustered }, options.namer ?? defaultNamer);
    themes.push(...found.themes);
    centres.push(...found.centres);
  }
  if (unthemed.length > 0) {
    themes.push({
      label: OTHER_IDEAS_LABEL,
      keywords: [],
      other: true,
      members: unthemed.map((i) => ({ idea: ideas[i], similarity: 0 })),
    });
    centres.push(null);
  }
  const stemsOf = new Map(ideas.map((idea, i) => [idea, texts[i].terms.map((t) => t.stem)]));
  return {
    themes: themes.map((theme) => markDuplicates(theme, stemsOf, options.mergeThreshold ?? DEFAULT_MERGE_THRESHOLD)),
    representation: representation ?? null,
    centres,
  };
}

/** Point each near-duplicate idea of a theme at its first, most central copy, for the reader. */
export function markDuplicates(theme: Theme, stemsOf: ReadonlyMap<Idea, string[]>, threshold: number): Theme {
  const repeats = findDuplicates(theme.members.map((m) => ({ text: m.idea.text, stems: stemsOf.get(m.idea)! })), threshold);
  return {
    ...theme,
    members: theme.members.map((m, i) => (repeats[i] >= 0 ? { ...m, duplicateOf: theme.members[repeats[i]].idea } : m)),
  };
}

export interface IdeaClusters {
  /** A cluster number per idea; −1 for ideas that fit no theme or have no content word. */
  labels: number[];
  /** Indices of the ideas that were clustered, and their vectors in the same order. */
  clustered: number[];
  rows: number[][];
  /** The fitted representation's state; absent when no idea has a content word. */
  representation?: unknown;
}

export function clusterIdeas(texts: readonly AnalysedText[], options: AnalysisOptions): IdeaClusters {
  const config = { ...DEFAULT_PIPELINE, ...options.pipeline };
  const clustered = texts.map((_, i) => i).filter((i) => texts[i].terms.length > 0);
  const labels = texts.map(() => -1);
  if (clustered.length === 0) return { labels, clustered, rows: [] };
  const stage = representationFor(options);
  const context = { wordVectors: options.wordVectors };
  const representation = stage.fit(clustered.map((i) => texts[i]), context);
  const rows = stage.transform(representation, clustered.map((i) => texts[i]), context);
  // Word alignment reads the default's word-meaning part; any other representation is clustered by its rows' cosine.
  const similarity = isDefaultRepresentation(stage)
    ? clusteringSimilarity(representation as RepresentationModel, rows, clustered.map((i) => texts[i]), options.wordVectors, config.wordAlignment)
    : null;
  // A k that leaves more than a quarter of the ideas over is no report's k (see OTHER_IDEAS_WARNING_SHARE).
  const admissible = (l: readonly number[]) => markOutliers(rows, l, config).filter((x) => x < 0).length <= OTHER_IDEAS_WARNING_SHARE * rows.length;
  const clusterer = options.clusterer ?? defaultClusterer(config);
  const found = markOutliers(rows, clusterer.fit(rows, { k: options.k, seed: options.seed, admissible, similarity: similarity ?? undefined }).labels, config);
  clustered.forEach((i, position) => (labels[i] = found[position]));
  return { labels, clustered, rows, representation };
}

function buildThemes(ideas: readonly Idea[], texts: readonly AnalysedText[], { labels, rows, clustered }: IdeaClusters, namer: Namer): { themes: Theme[]; centres: number[][] } {
  const k = Math.max(...labels) + 1;
  const groups: number[][] = Array.from({ length: k }, () => []);
  clustered.forEach((i, position) => {
    if (labels[i] >= 0) groups[labels[i]].push(position);
  });
  const dimensions = rows[0].length;
  // Each theme's ideas, most central first: the summary lists them so, and naming prefers
  // the words of its central ideas.
  const centres: number[][] = [];
  const themes = groups
    .filter((g) => g.length > 0)
    .map((positions) => {
      const centre = normalise(mean(positions.map((p) => rows[p]), dimensions));
      centres.push(centre);
      return positions
        .map((p) => ({ position: p, member: { idea: ideas[clustered[p]], similarity: dot(rows[p], centre) } as ThemeMember }))
        .sort((a, b) => b.member.similarity - a.member.similarity || a.member.idea.row - b.member.idea.row);
    });
  const names = nameWith(namer, themes.map((members) => members.map((m) => texts[clustered[m.position]])));
  return {
    themes: themes.map((members, t) => ({ label: names[t].label, keywords: names[t].keywords, members: members.map((m) => m.member) })),
    centres,
  };
}
