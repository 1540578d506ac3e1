import { DEFAULT_MERGE_THRESHOLD } from '../analyseGroup';
import { assignIdeas as placeIdeas, DEFAULT_ASSIGN_THRESHOLD } from '../model/assign';
import { ThemeModel } from '../model/themeModel';
import { buildReport } from '../report/buildReport';
import { Report, ReportOptions } from '../report/report';
import { recordOptions } from '../options';
import { VERSION } from '../version';
import { Representation } from '../vectors/representation';
import { WordVectors } from '../vectors/wordVectorCache';
import { eventOf } from './findThemes';
import { asNotes, NotesInput } from './notes';
import { titleOf } from './titleOf';

export interface AssignIdeasOptions {
  /** Least cosine to the nearest saved theme (−1 to 1, default 0.2); below it an idea is "Unmatched". */
  threshold?: number;
  /** The word vectors; needed when the themes were found with them (the model's `options.vectors`). */
  wordVectors?: WordVectors;
  /** Show near-duplicate ideas once from this similarity (0–1, default 0.8); false lists every idea. */
  merge?: number | false;
  /**
   * The representation the themes were found in (`findThemes(notes, { representation })`);
   * default: the default representation. A model of another one is refused (MODEL_REPRESENTATION_MISMATCH).
   */
  representation?: Representation;
  /** The name the report gives the saved themes (`options.model`); default "model". */
  modelName?: string;
}

/**
 * Put each idea into the nearest theme of a saved model (`findThemes(...).model`, or
 * `parseModel` of a file written by `--save-model`), or into "Unmatched", and report it as
 * `rapporteur assign` does. Pure. The notes' groups meet the model's by name (see
 * src/model/assign.ts).
 */
export function assignIdeas(model: ThemeModel, input: NotesInput, options: AssignIdeasOptions = {}): Report {
  const notes = asNotes(input);
  const threshold = options.threshold ?? DEFAULT_ASSIGN_THRESHOLD;
  const merge = options.merge === false ? Infinity : (options.merge ?? DEFAULT_MERGE_THRESHOLD);
  const groups = placeIdeas(model, notes.ideas, { threshold, wordVectors: options.wordVectors, mergeThreshold: merge, representation: options.representation });
  return buildReport({
    version: VERSION,
    title: eventOf(notes) ?? titleOf(notes.name),
    inputs: [notes.name],
    options: recordOptions('report', {
      k: model.options.k,
      seed: model.options.seed,
      merge: Number.isFinite(merge) ? merge : undefined,
      by: notes.columns.by ?? null,
      text: notes.columns.text,
      model: options.modelName ?? 'model',
      threshold,
    }) as ReportOptions,
    groups,
    skipped: notes.skipped,
  });
}
