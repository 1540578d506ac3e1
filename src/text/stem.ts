// Imported by path: natural's index loads database clients and prints to stdout.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';

const cache = new Map<string, string>();

/** Porter stem of a lower-cased English word; other scripts are returned unchanged. */
export function stem(norm: string): string {
  let result = cache.get(norm);
  if (result === undefined) {
    result = /^[a-z]+$/.test(norm) ? (PorterStemmer as { stem(w: string): string }).stem(norm) : norm;
    cache.set(norm, result);
  }
  return result;
}
