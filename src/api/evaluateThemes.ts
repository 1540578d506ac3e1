import { inputError } from '../errors';
import { groupIdeas } from '../groupIdeas';
import { checkGroupK } from '../groupK';
import { evaluate, EvaluationReport } from '../evaluate/evaluate';
import { AnalysisOptions } from '../analyseGroup';
import { DEFAULT_SEED } from './findThemes';
import { KOption, toGroupK } from './kOption';
import { asNotes, NotesInput } from './notes';

/** As `findThemes` takes them: the analysis's own options pass through. */
export interface EvaluateThemesOptions extends Omit<Partial<AnalysisOptions>, 'k' | 'seed'> {
  /** Themes per group, as `findThemes` takes it. */
  k?: KOption;
  /** Default 42. */
  seed?: number;
}

/**
 * Cluster the notes as `findThemes` does and score the themes against the human grouping in
 * each idea's `truth` (read with `readNotes(file, { truth: 'theme' })`, or given with the
 * ideas): AMI, ARI, NMI, V-measure, purity and the edits a rapporteur would make, per group
 * and overall. Pure.
 */
export function evaluateThemes(input: NotesInput, options: EvaluateThemesOptions = {}): EvaluationReport {
  const notes = asNotes(input);
  if (!notes.ideas.some((idea) => idea.truth)) {
    throw inputError(
      'NO_TRUTH_VALUES',
      `no idea has a value in the --truth column${notes.columns.truth ? ` "${notes.columns.truth}"` : ''}`,
      { file: notes.name },
      'fill in the human grouping, or name the column that holds it',
    );
  }
  const k = toGroupK(options.k);
  checkGroupK(k, groupIdeas(notes.ideas).map((g) => g.name));
  const { k: _, ...analysis } = options;
  return evaluate(notes.ideas, { ...analysis, groupK: k, seed: options.seed ?? DEFAULT_SEED });
}
