import { AnalysedText, Term } from '../text/analyseText';
import { Token } from '../text/tokenize';

/** A word or a phrase of up to three content words, as it may name a theme. */
export interface Candidate {
  /** Stems of its content words joined by spaces: "human right", "rule law". */
  key: string;
  /** The words as written in this idea, small words inside included: ["Rule", "of", "Law"]. */
  surface: string[];
}

const MAX_PHRASE_WORDS = 3;
/** A label is one to four words long, small words inside included. */
const MAX_SURFACE_WORDS = 4;
/**
 * Small words that may stand inside a phrase between two content words, as in "Rule of Law",
 * "Access to the Internet" or "Freedom of Expression": a preposition or "and" first, then at
 * most one article. Generic English, like the stop-word list.
 */
const LINKS = new Set(['of', 'for', 'to', 'in', 'on', 'and']);
const ARTICLES = new Set(['the', 'a', 'an']);

/** Whether a word is one of the small words a phrase may hold inside ("of", "to", "the"). */
export function isLinkWord(word: string): boolean {
  const lower = word.toLowerCase();
  return LINKS.has(lower) || ARTICLES.has(lower);
}

/**
 * Every word and every phrase of up to three content words in one idea, each once. The words
 * of a phrase stand next to each other or are joined by a small word ("of", "to the"), with no
 * punctuation between them. Phrases keep the ideas' own order and wording.
 */
export function candidatesOf(text: AnalysedText): Candidate[] {
  const { terms, tokens } = text;
  const seen = new Map<string, Candidate>();
  for (let start = 0; start < terms.length; start++) {
    for (let length = 1; length <= MAX_PHRASE_WORDS && start + length <= terms.length; length++) {
      const run = terms.slice(start, start + length);
      if (length > 1 && !linked(run[length - 2], run[length - 1], tokens)) break;
      const stems = run.map((t) => t.stem);
      if (new Set(stems).size < stems.length) break;
      const surface = tokens.slice(run[0].position, run[length - 1].position + 1).map((t) => t.surface);
      if (surface.length > MAX_SURFACE_WORDS) break;
      const key = stems.join(' ');
      if (!seen.has(key)) seen.set(key, { key, surface });
    }
  }
  return [...seen.values()];
}

/** Whether two content words follow each other directly or through a small linking word. */
function linked(previous: Term, next: Term, tokens: readonly Token[]): boolean {
  if (next.afterBreak) return false;
  const between = tokens.slice(previous.position + 1, next.position);
  if (between.some((t) => t.afterBreak)) return false;
  if (between.length === 0) return true;
  if (!LINKS.has(between[0].norm)) return false;
  return between.length === 1 || (between.length === 2 && ARTICLES.has(between[1].norm));
}
