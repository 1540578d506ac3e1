import { AnalysedText } from '../text/analyseText';
import { fitRepresentation, RepresentationModel, RepresentationOptions, transformRepresentation, transformRepresentationSparse } from './represent';
import { SparseVector } from './tfidf';
import { WordVectors } from './wordVectorCache';

/**
 * One way of turning ideas into vectors, in the shape of scikit-learn's transformers: `fit`
 * learns what it needs from a group's ideas and returns it as plain data (numbers, strings,
 * lists, objects: what JSON holds, and not null), and `transform` turns any ideas into rows of
 * that space by it. The state is what a saved model keeps for each group, so `assignIdeas` can
 * place new ideas later, in another process. The analysis takes any Representation
 * (`findThemes(notes, { representation })`); the default is `defaultRepresentation()`.
 *
 * Beside its rows, the default gives the analysis two things a custom representation does not:
 * word alignment blended into the similarity of small groups (a custom one is clustered by the
 * plain cosine of its rows), and the linear method for groups above LARGE_GROUP ideas, which
 * works on the default's sparse columns (a custom one refuses such groups; see analyseGroup.ts).
 */
export interface Representation<State = unknown> {
  /**
   * Names the method and its version, e.g. 'tfidf-sif-blend/1'. A saved model records it and
   * `assignIdeas` refuses a model of another id, so change it whenever the rows of a state would change.
   */
  readonly id: string;
  /** Learn the space of these ideas (each with its text, words and stems; see analyseText). */
  fit(texts: readonly AnalysedText[], context: RepresentationContext): State;
  /**
   * One row per idea, all of the same length, each of length 1 or all zeros (an idea the
   * state knows nothing of: `assignIdeas` leaves it unmatched). Pure: the same state and
   * texts give the same rows.
   */
  transform(state: State, texts: readonly AnalysedText[], context: RepresentationContext): number[][];
  /** Optional: the rows of `transform` without their zero columns, for placing many ideas into a few themes. */
  transformSparse?(state: State, texts: readonly AnalysedText[], context: RepresentationContext): SparseVector[];
}

/** What the caller gives every stage besides the ideas. */
export interface RepresentationContext {
  /** The word vectors, when the caller loaded them (`loadWordVectors`); a representation may ignore them. */
  wordVectors?: WordVectors;
}

/** TF-IDF of stems blended with the SIF average of word vectors (src/vectors/represent.ts), first version. */
export const DEFAULT_REPRESENTATION_ID = 'tfidf-sif-blend/1';

/** Today's method with its options: what `fit` resolves `textWeight: 'auto'` and `maxFeatures` with. */
export interface DefaultRepresentation extends Representation<RepresentationModel> {
  readonly options: RepresentationOptions;
  transformSparse(state: RepresentationModel, texts: readonly AnalysedText[], context: RepresentationContext): SparseVector[];
}

const defaults = new WeakSet<Representation>();

/**
 * The default representation: TF-IDF of stems blended with SIF-weighted word vectors (word
 * meaning only when word vectors are given), by `fitRepresentation` and `transformRepresentation`.
 */
export function defaultRepresentation(options: RepresentationOptions = { textWeight: 'auto' }): DefaultRepresentation {
  const { maxFeatures, textWeight } = options;
  const representation: DefaultRepresentation = {
    id: DEFAULT_REPRESENTATION_ID,
    options: { ...(maxFeatures !== undefined ? { maxFeatures } : {}), textWeight },
    fit: (texts, context) => fitRepresentation(texts, { maxFeatures, textWeight }, context.wordVectors),
    transform: (state, texts, context) => transformRepresentation(state, texts, context.wordVectors),
    transformSparse: (state, texts, context) => transformRepresentationSparse(state, texts, context.wordVectors),
  };
  defaults.add(representation);
  return representation;
}

/** Whether this is the default (made by `defaultRepresentation`), whose state the analysis may read further. */
export function isDefaultRepresentation(representation: Representation): representation is DefaultRepresentation {
  return defaults.has(representation);
}
