/**
 * Placing new ideas into saved themes (`rapporteur assign --model FILE`): each idea is put in
 * the representation its group's themes were found in and goes to the theme whose centre is
 * most similar, or to "Unmatched" when even that one is not similar enough.
 */
import { DEFAULT_MERGE_THRESHOLD, markDuplicates } from '../analyseGroup';
import { inputError, usageError } from '../errors';
import { groupIdeas } from '../groupIdeas';
import { Idea } from '../ingest/idea';
import { analyseText, AnalysedText } from '../text/analyseText';
import { Theme } from '../themes/theme';
import { RepresentationModel } from '../vectors/represent';
import { DEFAULT_REPRESENTATION_ID, defaultRepresentation, Representation } from '../vectors/representation';
import { SparseVector } from '../vectors/tfidf';
import { WordVectors } from '../vectors/wordVectorCache';
import { wordVectorsFingerprint } from './fingerprint';
import { ModelGroup, representationOf, ThemeModel } from './themeModel';

export const UNMATCHED_LABEL = 'Unmatched';

/**
 * The least cosine between an idea and its nearest theme centre for the idea to join that
 * theme. Measured by fitting on one half of each group of the labelled sets and assigning the
 * other half (`npx tsx bench/assign.ts --thresholds`): agreement with the human themes (AMI,
 * "Unmatched" counting as one more theme) is flat from 0 to 0.2 (0.485, 0.482, 0.478, 0.486)
 * and falls beyond (0.440 at 0.25, 0.301 at 0.4), so up to 0.2 what goes unmatched is no loss.
 * At 0.2 the ideas that are placed join the saved theme of their own human theme 69 % of the
 * time (61 % at 0; ideas between 0.1 and 0.2 would be right about one time in three), and of
 * ideas on a topic the model never saw, 53 % are left unmatched against 23 % of the others.
 * The price is that about a quarter of new short ideas are left for the reader to place.
 */
export const DEFAULT_ASSIGN_THRESHOLD = 0.2;

/** Ideas are turned into vectors this many at a time, so memory stays bounded on large inputs. */
const BATCH = 512;

export const MODEL_NEEDS_WORD_VECTORS = 'MODEL_NEEDS_WORD_VECTORS';
export const MODEL_WORD_VECTORS_MISMATCH = 'MODEL_WORD_VECTORS_MISMATCH';
export const MODEL_REPRESENTATION_MISMATCH = 'MODEL_REPRESENTATION_MISMATCH';
export const MODEL_REPRESENTATION_ROWS = 'MODEL_REPRESENTATION_ROWS';
export const BAD_THRESHOLD = 'BAD_THRESHOLD';

export interface AssignOptions {
  /** Least cosine to the nearest theme centre, from −1 to 1; below it an idea goes to "Unmatched". */
  threshold: number;
  /** The word vectors; needed when the model was made with word meaning (options.vectors). */
  wordVectors?: WordVectors;
  /** Merge near-duplicates of a theme for the reader at this similarity, as the analysis does (default 0.8). */
  mergeThreshold?: number;
  /** The representation the model was made in (its id is checked against the model's); default: the default representation. */
  representation?: Representation;
}

/** One group of new ideas and its themes: the shape `buildReport` takes. */
export interface AssignedGroup {
  name: string;
  question?: string;
  themes: Theme[];
}

/**
 * Put each idea into its nearest saved theme. The ideas are grouped by their `group` (the
 * `--by` value) as in an analysis, and each group is matched against:
 *
 * - the model's group of the same name;
 * - else, when the model has a single group (it was made with `--by none`, or from one group),
 *   that group: any ideas can be placed into one set of themes;
 * - else nothing: the group's ideas all go to "Unmatched", since it is not known which of the
 *   model's groups they answer.
 *
 * An idea joins the theme whose centre has the highest cosine with the idea's vector (on a tie,
 * the one the model lists first, the larger), if that cosine is at least `threshold`; ideas
 * below it, ideas without a content word and ideas with no word the model knows go to
 * "Unmatched" (flagged `other`, listed last, similarity 0, in input order). Members are listed
 * most similar first, then by row. Themes that receive no idea are left out. Pure: same model,
 * ideas and options, same result.
 */
export function assignIdeas(model: ThemeModel, ideas: readonly Idea[], options: AssignOptions): AssignedGroup[] {
  checkOptions(model, options);
  const merge = options.mergeThreshold ?? DEFAULT_MERGE_THRESHOLD;
  const byName = new Map(model.groups.map((g) => [g.name, g]));
  return groupIdeas(ideas).map((group) => {
    const saved = byName.get(group.name) ?? (model.groups.length === 1 ? model.groups[0] : undefined);
    const question = group.question ?? saved?.question;
    return {
      name: group.name,
      ...(question !== undefined ? { question } : {}),
      themes: assignGroup(saved, group.ideas, options, merge),
    };
  });
}

function checkOptions(model: ThemeModel, options: AssignOptions): void {
  const { threshold, wordVectors } = options;
  if (typeof threshold !== 'number' || !(threshold >= -1 && threshold <= 1)) {
    throw usageError(BAD_THRESHOLD, `the similarity threshold must be a number from -1 to 1, not ${threshold}`, `try ${DEFAULT_ASSIGN_THRESHOLD}`);
  }
  checkFingerprint(model, wordVectors, options.representation ?? defaultRepresentation());
  // Only the default's state says whether it holds word meaning; another representation is given the vectors as they are.
  const groups = representationOf(model) === DEFAULT_REPRESENTATION_ID ? model.groups : [];
  for (const group of groups) {
    const meaning = (group.representation as RepresentationModel | null)?.meaning;
    if (!meaning) continue;
    if (!wordVectors) {
      throw usageError(MODEL_NEEDS_WORD_VECTORS, 'the saved themes were made with word meaning, so placing ideas into them needs the word vectors', 'drop --no-vectors');
    }
    if (wordVectors.dimensions !== meaning.dimensions) {
      throw inputError(
        MODEL_WORD_VECTORS_MISMATCH,
        `the saved themes were made with word vectors of ${meaning.dimensions} dimensions, but these have ${wordVectors.dimensions}`,
        {},
        'use the rapporteur and word vectors the themes were saved with',
      );
    }
  }
}

/**
 * A model records what its vectors were made with (see fingerprint.ts): other word vectors or
 * another representation would give numbers of the right size and the wrong meaning. A model
 * saved before fingerprints were recorded was made in the default representation, and its
 * word vectors are checked by dimensions only.
 */
function checkFingerprint(model: ThemeModel, wordVectors: WordVectors | undefined, representation: Representation): void {
  const made = representationOf(model);
  if (made !== representation.id) {
    throw usageError(
      MODEL_REPRESENTATION_MISMATCH,
      `the saved themes were made with the representation ${made}, not ${representation.id}`,
      representation.id === DEFAULT_REPRESENTATION_ID ? 'save the themes again with this rapporteur (--save-model)' : `place ideas into themes made with ${representation.id}`,
    );
  }
  const saved = model.fingerprint;
  if (!saved || saved.wordVectors === null || !wordVectors) return;
  const now = wordVectorsFingerprint(wordVectors);
  if (now !== saved.wordVectors) {
    throw usageError(
      MODEL_WORD_VECTORS_MISMATCH,
      `the saved themes were made with other word vectors (${saved.wordVectors}) than these (${now})`,
      'use the word vectors the themes were saved with, or save the themes again',
    );
  }
}

interface Placement {
  /** Index into the group's themes, or −1 for "Unmatched". */
  theme: number;
  similarity: number;
}

function assignGroup(saved: ModelGroup | undefined, ideas: readonly Idea[], options: AssignOptions, merge: number): Theme[] {
  const texts = ideas.map((idea) => analyseText(idea.text));
  const placements = place(saved, texts, options);
  const themes = saved?.themes ?? [];
  const members: number[][] = themes.map(() => []);
  const unmatched: number[] = [];
  placements.forEach((p, i) => (p.theme >= 0 ? members[p.theme] : unmatched).push(i));

  const result: Theme[] = [];
  themes.forEach((theme, t) => {
    if (members[t].length === 0) return;
    const order = members[t].sort(
      (a, b) => placements[b].similarity - placements[a].similarity || ideas[a].row - ideas[b].row || a - b,
    );
    result.push({
      label: theme.label,
      keywords: [...theme.keywords],
      members: order.map((i) => ({ idea: ideas[i], similarity: placements[i].similarity })),
    });
  });
  if (unmatched.length > 0) {
    result.push({ label: UNMATCHED_LABEL, keywords: [], other: true, members: unmatched.map((i) => ({ idea: ideas[i], similarity: 0 })) });
  }
  const stemsOf = new Map(ideas.map((idea, i) => [idea, texts[i].terms.map((term) => term.stem)]));
  return result.map((theme) => markDuplicates(theme, stemsOf, merge));
}

/** The nearest theme of each idea, or −1. */
function place(saved: ModelGroup | undefined, texts: readonly AnalysedText[], options: AssignOptions): Placement[] {
  const placements: Placement[] = texts.map(() => ({ theme: -1, similarity: 0 }));
  if (!saved || saved.representation === null || saved.themes.length === 0) return placements;
  const state = saved.representation;
  const stage = options.representation ?? defaultRepresentation();
  const context = { wordVectors: options.wordVectors };
  // Centres are saved rounded, so normalise them again: similarities are then true cosines.
  const centres = saved.themes.map((theme) => unitArray(theme.centre));
  const dimensions = centres[0].length;
  const withWords = texts.map((_, i) => i).filter((i) => texts[i].terms.length > 0);
  for (let start = 0; start < withWords.length; start += BATCH) {
    const batch = withWords.slice(start, start + BATCH);
    const rows = stage.transformSparse
      ? stage.transformSparse(state, batch.map((i) => texts[i]), context)
      : stage.transform(state, batch.map((i) => texts[i]), context).map((row) => sparseRow(row, dimensions, stage.id));
    batch.forEach((i, r) => {
      const { indices, values } = rows[r];
      if (!values.some((x) => x !== 0)) return; // no word the model knows
      let best = -1;
      let bestSimilarity = -Infinity;
      for (let t = 0; t < centres.length; t++) {
        const c = centres[t];
        let s = 0;
        for (let u = 0; u < indices.length; u++) s += values[u] * c[indices[u]];
        if (s > bestSimilarity) {
          bestSimilarity = s;
          best = t;
        }
      }
      if (bestSimilarity >= options.threshold) placements[i] = { theme: best, similarity: bestSimilarity };
    });
  }
  return placements;
}

/** A dense row without its zero columns, checked to be of the saved centres' length. */
function sparseRow(row: readonly number[], dimensions: number, id: string): SparseVector {
  if (row.length !== dimensions) {
    throw inputError(
      MODEL_REPRESENTATION_ROWS,
      `the representation ${id} gives rows of ${row.length} numbers, but the saved themes' centres have ${dimensions}`,
      {},
      'the representation must place ideas in the space it was fitted in; save the themes again',
    );
  }
  const indices: number[] = [];
  const values: number[] = [];
  row.forEach((x, j) => {
    if (x !== 0) {
      indices.push(j);
      values.push(x);
    }
  });
  return { indices, values };
}

function unitArray(v: readonly number[]): Float64Array {
  let s = 0;
  for (const x of v) s += x * x;
  const n = Math.sqrt(s);
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = n > 0 ? v[i] / n : 0;
  return out;
}
