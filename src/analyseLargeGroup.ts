import type { AnalysisOptions, GroupAnalysis, PipelineConfig } from './analyseGroup';
import { bestByScore, candidateKs } from './cluster/chooseK';
import { CentreSums, LargeCentres, LargeSpace, largeSpace, squaredLength } from './cluster/largeCentres';
import { refine } from './cluster/largeKMeans';
import { nearestCentres, SampleCentres, sampleKMeans, sampleRows, sampleSimilarity } from './cluster/sampleKMeans';
import { silhouette } from './cluster/silhouette';
import { Idea } from './ingest/idea';
import { isDecimalOf } from './ingest/isDecimalOf';
import { analyseText } from './text/analyseText';
import { findDuplicates } from './themes/duplicates';
import { defaultNamer, nameWith } from './themes/namer';
import { Columns, FieldReader, fieldReader, itemReader, lazyArray } from './report/lazyArray';
import { OTHER_IDEAS_LABEL, Theme, ThemeMember } from './themes/theme';
import { bagsOfWords } from './vectors/bagsOfWords';
import { evenlySpread, largeRows } from './vectors/largeRows';
import { renumberLabels } from './cluster/renumberLabels';
import { orderBySimilarity } from './themes/orderBySimilarity';

/**
 * Groups larger than this take the linear path below; smaller ones keep the full pipeline
 * (spectral clustering on a kNN graph, Ward starts, word alignment), whose cost grows as n²
 * but which a session's 50–500 ideas afford in well under a second.
 */
export const LARGE_GROUP = 1000;

/** Ideas k-means' starts are fitted on before every idea is assigned. */
const FIT_SAMPLE = 5000;
/** Ideas each candidate k is fitted on, and scored on by silhouette, when k is chosen. */
const CHOOSE_K_FIT_SAMPLE = 2000;
const CHOOSE_K_SCORE_SAMPLE = 1000;
/**
 * k-means++ starts on the sample (one, as scikit-learn's reference KMeans(n_init=1): on AG News
 * titles three starts gave the same AMI, the passes over the whole group settle what one start
 * misses); Lloyd iterations per start; passes over the whole group.
 */
const RESTARTS = 1;
const CHOOSE_K_RESTARTS = 1;
const SAMPLE_ITERATIONS = 50;
const REFINE_PASSES = 10;
/** The most central ideas of each theme its label is chosen from. */
const LABEL_SAMPLE = 300;
/** Themes up to this size have near-duplicates found pairwise (as findDuplicates does itself). */
const PAIRWISE_DUPLICATES = 500;
/** analyseGroup.ts's DEFAULT_MERGE_THRESHOLD, for callers that give none. */
const DEFAULT_MERGE = 0.8;

/**
 * The themes of a large group in time and memory linear in its ideas (n) — each stage's cost:
 *   ideas        read as texts and row numbers, O(n); each idea object is made only when a
 *                member is read (a plain run keeps the input in columns, see TableBuilder);
 *   words        O(n · L) for L words per idea: one pass over the characters and a hash table
 *                of the words met, into flat typed arrays (bagsOfWords);
 *   rows         O(n · L · d), kept as three scalars per idea (largeRows), never as n × V;
 *   choosing k   O(K · samples), fixed-size samples: k-means per candidate, silhouette on 1,000;
 *   k-means      k-means++ starts on a fixed sample, then ≤ REFINE_PASSES Lloyd passes on all,
 *                O(passes · n · k · L) plus O(k · W · d) per pass for W distinct words;
 *   outliers     the same rule as markOutliers (cosine to the rest of the theme), O(n · k · L);
 *   members      sorted by similarity to their centre, O(n log n) (a typed array's own sort);
 *                held as typed arrays and made one by one when read (lazy arrays), O(n);
 *   labels       class-based TF-IDF over the LABEL_SAMPLE most central ideas of each theme, O(k);
 *   duplicates   exact (normalised) text in themes above PAIRWISE_DUPLICATES, O(n).
 */
export function analyseLargeGroup(ideas: readonly Idea[], options: AnalysisOptions, config: PipelineConfig): GroupAnalysis {
  const group = largeIdeas(ideas);
  const rows = largeRows(bagsOfWords(group.texts, options.wordVectors, options.progress), config, options.wordVectors);
  const space = largeSpace(rows, options.wordVectors);
  const clustered = flagged(rows.clustered);
  const labels = new Int32Array(group.size).fill(-1);
  // Each idea's similarity to its theme's centre; before that, scratch for finding outliers.
  const similarity = new Float64Array(group.size);
  let centres: number[][] = [];
  if (clustered.length > 0) {
    const progress = options.progress;
    if (options.k === undefined) progress?.({ stage: 'choosing the number of themes' });
    const k = Math.min(clustered.length, options.k ?? chooseK(space, clustered, config, options.seed));
    progress?.({ stage: 'clustering', done: 0, total: REFINE_PASSES, atMost: true, unit: 'pass' });
    const sample = sampleRows(space, spreadIndices(FIT_SAMPLE, clustered.length).map((p) => clustered[p]));
    const fitted = toSpace(space, sampleKMeans(sample, { k, seed: options.seed, restarts: RESTARTS, maxIterations: SAMPLE_ITERATIONS }));
    const found = refine(fitted, clustered, REFINE_PASSES, (done) => progress?.({ stage: 'clustering', done, total: REFINE_PASSES, atMost: true, unit: 'pass' }));
    progress?.({ stage: 'naming themes' });
    const kept = withoutOutliers(space, clustered, found, k, config, similarity);
    clustered.forEach((i, p) => (labels[i] = kept[p]));
    centres = themeCentres(space, clustered, kept, themeCount(kept));
  }
  return buildLargeThemes(group, space, labels, centres, options, similarity);
}

/** The indices i with flags[i] set, in order. */
function flagged(flags: Uint8Array): Int32Array {
  let count = 0;
  for (let i = 0; i < flags.length; i++) count += flags[i] ? 1 : 0;
  const indices = new Int32Array(count);
  for (let i = 0, p = 0; i < flags.length; i++) if (flags[i]) indices[p++] = i;
  return indices;
}

/**
 * The fitted representation travels with the themes (see src/model/), as on the small path.
 * Each theme's order is kept in flat arrays until its members are made: a million ideas would
 * otherwise make a million short-lived objects more, which the heap holds until a full collection.
 */
function buildLargeThemes(ideas: LargeIdeas, space: LargeSpace, labels: Int32Array, centres: number[][], options: AnalysisOptions, similarity: Float64Array): GroupAnalysis {
  const k = centres.length;
  const unit = unitCentres(space, centres);
  // One centre's dot product per idea, its theme's: 1/k of the work of all k.
  for (let i = 0; i < ideas.size; i++) similarity[i] = labels[i] >= 0 ? unit.dotWith(i, labels[i]) : 0;
  const sizes = new Int32Array(k);
  // Plain loops here and below: a callback per idea costs more than the work at a million.
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) sizes[labels[i]]++;
  const order: Int32Array[] = Array.from(sizes, (size) => new Int32Array(size));
  sizes.fill(0);
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) order[labels[i]][sizes[labels[i]]++] = i;
  // Most similar first, then by row; the index last, so that ties keep the input's order.
  let inRowOrder = true;
  for (let i = 1; i < ideas.size && inRowOrder; i++) inRowOrder = ideas.rows[i - 1] < ideas.rows[i];
  for (const [t, list] of order.entries()) {
    order[t] = inRowOrder ? orderBySimilarity(list, similarity) : list.sort((a, b) => similarity[b] - similarity[a] || ideas.rows[a] - ideas.rows[b] || a - b);
  }
  const names = nameWith(options.namer ?? defaultNamer, order.map((list) => Array.from(list.subarray(0, LABEL_SAMPLE), (i) => analyseText(ideas.texts[i]))));
  // In the ideas' order, which is the order they lie in memory: read theme by theme (by similarity) costs several times more.
  const letterHashes = new Int32Array(ideas.size);
  for (let i = 0; i < ideas.size; i++) letterHashes[i] = letterHash(ideas.texts[i]);
  const themes: Theme[] = order.map((list, t) => ({
    label: names[t].label,
    keywords: names[t].keywords,
    members: memberList(ideas, list, similarity, repeatsOf(ideas, list, letterHashes, options)),
  }));
  const dense: (number[] | null)[] = unit.toDenseUnitRows();
  const unthemed = positions(ideas.size).filter((i) => labels[i] < 0);
  if (unthemed.length > 0) {
    themes.push({ label: OTHER_IDEAS_LABEL, keywords: [], other: true, members: memberList(ideas, unthemed, similarity, repeatsOf(ideas, unthemed, letterHashes, options)) });
    dense.push(null);
  }
  return { themes, representation: space.rows.model, centres: dense };
}

/**
 * The ideas of a large group as the stages above read them: texts and row numbers gathered
 * once (a lazy array would make an object per read), each whole idea made only for a member.
 */
interface LargeIdeas {
  size: number;
  texts: string[];
  rows: Int32Array;
  at: (i: number) => Idea;
  field: FieldReader<Idea>;
  /** The file of every idea, when they share one. */
  file: string | undefined;
  /** Whether every idea's id is its row number. */
  idIsRow: boolean;
}

function largeIdeas(ideas: readonly Idea[]): LargeIdeas {
  const { length, at } = itemReader(ideas);
  const texts = new Array<string>(length);
  const rows = new Int32Array(length);
  const field = fieldReader(ideas);
  let file = length > 0 ? field(0, 'file') : undefined;
  let idIsRow = true;
  for (let i = 0; i < length; i++) {
    texts[i] = field(i, 'text');
    rows[i] = field(i, 'row');
    if (file !== undefined && field(i, 'file') !== file) file = undefined;
    if (idIsRow) idIsRow = isDecimalOf(field(i, 'id'), rows[i]);
  }
  return { size: length, texts, rows, at, field, file, idIsRow };
}

/**
 * A theme's members made when read (see lazyArray): the p-th is ideas[list[p]], its similarity,
 * and the idea it repeats when repeats[p] ≥ 0 (a position in `list`). Ideas outside any theme
 * have similarity 0 in `similarity`. 16 bytes per member beyond the arrays given: its row, text
 * and similarity, gathered in the theme's order for the report's columns.
 */
function memberList(ideas: LargeIdeas, list: Int32Array, similarity: Float64Array, repeats: Int32Array | null): ThemeMember[] {
  const at = (p: number): ThemeMember => {
    const i = list[p];
    const repeated = repeats ? repeats[p] : -1;
    return repeated >= 0 ? { idea: ideas.at(i), similarity: similarity[i], duplicateOf: ideas.at(list[repeated]) } : { idea: ideas.at(i), similarity: similarity[i] };
  };
  // The fields a report's idea is made of, as columns in the theme's order (see buildReport),
  // gathered once: read member by member, the group's own columns wait on memory at each read.
  const rows = new Int32Array(list.length);
  const texts = new Array<string>(list.length);
  const similarities = new Float64Array(list.length);
  for (let p = 0; p < list.length; p++) {
    const i = list[p];
    rows[p] = ideas.rows[i];
    texts[p] = ideas.texts[i];
    similarities[p] = similarity[i];
  }
  const columns: Columns = {
    'idea.file': (p) => ideas.file ?? ideas.field(list[p], 'file'),
    'idea.row': (p) => rows[p],
    'idea.id': (p) => (ideas.idIsRow ? String(rows[p]) : ideas.field(list[p], 'id')),
    'idea.text': (p) => texts[p],
    similarity: (p) => similarities[p],
    'duplicateOf.row': (p) => (repeats && repeats[p] >= 0 ? rows[repeats[p]] : undefined),
  };
  return lazyArray(list.length, at, undefined, columns);
}

/**
 * For each member (in theme order) the position of the earlier member it repeats, or −1; null
 * when none repeats. Themes up to PAIRWISE_DUPLICATES members compare them pairwise, as the
 * small path does; larger themes merge ideas of the same normalised text only.
 */
function repeatsOf(ideas: LargeIdeas, list: Int32Array, letterHashes: Int32Array, options: AnalysisOptions): Int32Array | null {
  const threshold = options.mergeThreshold ?? DEFAULT_MERGE;
  if (list.length <= PAIRWISE_DUPLICATES) {
    const repeats = findDuplicates(
      Array.from(list, (i) => ({ text: ideas.texts[i], stems: analyseText(ideas.texts[i]).terms.map((t) => t.stem) })),
      threshold,
    );
    return repeats.some((r) => r >= 0) ? Int32Array.from(repeats) : null;
  }
  // Ideas whose letters and digits hash alike are the only ones that can share a normalised
  // text; findDuplicates sees those alone, in order. A hash is shared when it sits next to its
  // equal in the sorted hashes (no map of n entries, only of the hashes shared).
  const hashes = new Int32Array(list.length);
  for (let p = 0; p < list.length; p++) hashes[p] = letterHashes[list[p]];
  const sorted = hashes.slice().sort();
  const shared = new Set<number>();
  for (let q = 1; q < sorted.length; q++) if (sorted[q] === sorted[q - 1]) shared.add(sorted[q]);
  const candidates: number[] = [];
  for (let p = 0; p < hashes.length; p++) if (shared.has(hashes[p])) candidates.push(p);
  const found = findDuplicates(
    candidates.map((p) => ({ text: ideas.texts[list[p]], stems: [] })),
    threshold,
  );
  if (!found.some((r) => r >= 0)) return null;
  const repeats = new Int32Array(list.length).fill(-1);
  candidates.forEach((p, c) => found[c] >= 0 && (repeats[p] = candidates[found[c]]));
  return repeats;
}

/**
 * A hash of a text's ASCII letters (lower-cased) and digits: texts that normalisedText makes
 * equal hash alike. Any other character counts whole, so texts beyond ASCII hash alike only
 * when they are alike, which is never less than normalisedText asks.
 */
function letterHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c < 128 && !((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue;
    else if (c >= 128) return NON_ASCII;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

/**
 * The hash of every text beyond ASCII: NFKC may map its characters to ASCII ones, so all such
 * texts are compared. An ASCII text that hashes alike is compared too, which changes nothing.
 */
const NON_ASCII = -1;

/**
 * k by the silhouette of a fixed sample of ideas, each candidate fitted on a fixed sample, as
 * on the small path (where the silhouette's sample is 600): O(candidates · sample sizes).
 */
function chooseK(space: LargeSpace, clustered: Int32Array, config: PipelineConfig, seed: number): number {
  const ks = candidateKs(clustered.length, config.maxK);
  if (ks.length === 0) return 1;
  const sample = sampleRows(space, spreadIndices(CHOOSE_K_FIT_SAMPLE, clustered.length).map((p) => clustered[p]));
  const scored = spreadIndices(CHOOSE_K_SCORE_SAMPLE, sample.size);
  const similarity = sampleSimilarity(sample, scored);
  const tried = ks.map((k) => {
    const labels = nearestCentres(sample, sampleKMeans(sample, { k, seed, restarts: CHOOSE_K_RESTARTS, maxIterations: SAMPLE_ITERATIONS }));
    return { k, score: silhouette(similarity, renumberLabels(Array.from(scored, (q) => labels[q]))) };
  });
  return bestByScore(tried)!.k;
}

/** 0, 1, …, n − 1 (a loop: Int32Array.from with a function is several times slower at a million). */
function positions(n: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  return all;
}

/** Positions 0..n−1 spread evenly, at most `size` of them. */
function spreadIndices(size: number, n: number): Int32Array {
  return Int32Array.from(evenlySpread(n, size));
}

/** Centres fitted on a sample, in the whole group's space (the columns are the same). */
function toSpace(space: LargeSpace, centres: SampleCentres): LargeCentres {
  const moved = new LargeCentres(space, centres.k);
  moved.text.set(centres.text);
  moved.meaning.set(centres.meaning);
  return moved.prepare();
}

/**
 * markOutliers' rule without an n × V matrix: an idea whose cosine to the sum of the other
 * ideas of its theme is below minSimilarity, or whose theme is smaller than minThemeSize,
 * fits no theme (−1). Labels renumbered in order of first appearance. O(n · k · L).
 */
function withoutOutliers(space: LargeSpace, ideas: Int32Array, labels: Int32Array, k: number, config: PipelineConfig, scratch: Float64Array): Int32Array {
  const sums = new CentreSums(space, k);
  for (let p = 0; p < ideas.length; p++) sums.add(ideas[p], labels[p]);
  const totals = sums.finish(new LargeCentres(space, k), false);
  const dots = scratch; // ideas.length ≤ its length
  for (let p = 0; p < ideas.length; p++) dots[p] = totals.dotWith(ideas[p], labels[p]);
  const marked = new Int32Array(ideas.length);
  for (let p = 0; p < ideas.length; p++) {
    const l = labels[p];
    if (sums.counts[l] < config.minThemeSize) {
      marked[p] = -1;
      continue;
    }
    const self = squaredLength(space.rows, ideas[p]);
    const restDot = dots[p] - self;
    const restNorm = totals.squaredNorm[l] - 2 * dots[p] + self;
    const similarity = restNorm > 1e-12 ? restDot / Math.sqrt(restNorm) : 0;
    marked[p] = similarity < config.minSimilarity ? -1 : l;
  }
  // Renumbered in order of first appearance.
  const next = new Int32Array(k).fill(-1);
  let themes = 0;
  for (let p = 0; p < marked.length; p++) {
    const l = marked[p];
    if (l < 0) continue;
    if (next[l] < 0) next[l] = themes++;
    marked[p] = next[l];
  }
  return marked;
}

/** Each theme's mean row, as k sums in the group's space. */
function themeCentres(space: LargeSpace, ideas: Int32Array, labels: Int32Array, k: number): number[][] {
  const sums = new CentreSums(space, k);
  for (let p = 0; p < ideas.length; p++) if (labels[p] >= 0) sums.add(ideas[p], labels[p]);
  return sums.finish(new LargeCentres(space, k)).toDenseUnitRows();
}

function themeCount(labels: Int32Array): number {
  let k = 0;
  for (const l of labels) if (l + 1 > k) k = l + 1;
  return k;
}

/** LargeCentres holding unit-length centres, so a row's dot product with one is its cosine. */
function unitCentres(space: LargeSpace, centres: number[][]): LargeCentres {
  const unit = new LargeCentres(space, centres.length);
  centres.forEach((row, c) => {
    unit.text.set(row.slice(0, space.columns), c * space.columns);
    unit.meaning.set(row.slice(space.columns), c * space.dimensions);
  });
  return unit.prepare();
}
