import { Term } from '../text/analyse';

/** A word or a run of up to three adjacent content words, as it may name a theme. */
export interface Candidate {
  /** Stems joined by spaces: "human right". */
  key: string;
  /** The words as written in this idea: ["Human", "Rights"]. */
  surface: string[];
}

const MAX_PHRASE_WORDS = 3;

/**
 * Every word and every phrase of adjacent content words (no stop word or punctuation between
 * them) in one idea, each once. Phrases keep the ideas' own order and wording.
 */
export function candidatesOf(terms: readonly Term[]): Candidate[] {
  const seen = new Map<string, Candidate>();
  for (let start = 0; start < terms.length; start++) {
    for (let length = 1; length <= MAX_PHRASE_WORDS && start + length <= terms.length; length++) {
      const run = terms.slice(start, start + length);
      if (!isAdjacentRun(run)) break;
      const stems = run.map((t) => t.stem);
      if (new Set(stems).size < stems.length) break;
      const key = stems.join(' ');
      if (!seen.has(key)) seen.set(key, { key, surface: run.map((t) => t.surface) });
    }
  }
  return [...seen.values()];
}

function isAdjacentRun(run: readonly Term[]): boolean {
  for (let i = 1; i < run.length; i++) {
    if (run[i].position !== run[i - 1].position + 1 || run[i].afterBreak) return false;
  }
  return true;
}
