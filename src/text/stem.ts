import { stem as porterStem } from './porterStemmer';

const cache = new Map<string, string>();

/** Porter stem of a lower-cased English word; other scripts are returned unchanged. */
export function stem(norm: string): string {
  let result = cache.get(norm);
  if (result === undefined) {
    result = /^[a-z]+$/.test(norm) ? porterStem(norm) : norm;
    cache.set(norm, result);
  }
  return result;
}
