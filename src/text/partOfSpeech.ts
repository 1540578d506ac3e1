import * as fs from 'node:fs';
import { isStopWord } from './stopWords';

/**
 * What a single word can name, from the English lexicon that ships with `natural` (the Brill
 * tagger's, from pos-js: 92,000 words with their possible Penn tags, commonest first). It is
 * read as bytes and searched, not parsed: a theme needs only a few words looked up, and parsing
 * its 4 MB would cost more than the rest of a run.
 */
const LEXICON = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';

let lexicon: Buffer | null | undefined;
function lexiconBytes(): Buffer | null {
  if (lexicon === undefined) {
    try {
      lexicon = fs.readFileSync(require.resolve(LEXICON));
    } catch {
      // Without the lexicon only stop words and contractions are recognised.
      lexicon = null;
    }
  }
  return lexicon;
}

const tagCache = new Map<string, string[]>();

/** The Penn tags the lexicon gives a (lower-case) word, commonest first; [] when it does not know it. */
export function lexiconTags(word: string): string[] {
  const lower = word.toLowerCase();
  const cached = tagCache.get(lower);
  if (cached) return cached;
  const bytes = lexiconBytes();
  let tags: string[] = [];
  if (bytes && !/["\\]/.test(lower)) {
    const key = `"${lower}":`;
    const at = bytes.indexOf(key, 0, 'utf8');
    if (at >= 0) {
      const start = bytes.indexOf('[', at + Buffer.byteLength(key));
      const end = bytes.indexOf(']', start);
      tags = JSON.parse(bytes.subarray(start, end + 1).toString('utf8')) as string[];
    }
  }
  tagCache.set(lower, tags);
  return tags;
}

/** Closed-class tags: determiners, prepositions, conjunctions, pronouns, modals, particles, interjections. */
const FUNCTION_TAGS = new Set(['DT', 'PDT', 'IN', 'CC', 'PRP', 'PRP$', 'WDT', 'WP', 'WP$', 'WRB', 'MD', 'TO', 'EX', 'RP', 'UH', 'POS']);

/** A function word: a stop word, a negated auxiliary ("didn't"), or a word whose commonest use is closed-class. */
export function isFunctionWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/[’‘]/g, "'");
  if (isStopWord(lower) || /n't$/.test(lower) || /^(?:i|you|we|they|he|she|it)'(?:s|d|ll|re|ve|m)$/.test(lower)) return true;
  const tags = lexiconTags(lower);
  return tags.length > 0 && FUNCTION_TAGS.has(tags[0]);
}

/** A word whose commonest use is as a verb ("facilitate", "listen", "think", "protecting"): alone, it names no theme. */
export function isMainlyVerb(word: string): boolean {
  const tags = lexiconTags(word);
  return tags.length > 0 && tags[0].startsWith('VB');
}

/** Whether a single word can stand alone as a theme's name: neither a function word nor only a verb. */
export function canNameAlone(word: string): boolean {
  return !isFunctionWord(word) && !isMainlyVerb(word);
}

/** Whether a word can end a name (English phrases end in their head): a word that can name alone and is not mainly an adjective or adverb. */
export function canEndName(word: string): boolean {
  const first = lexiconTags(word)[0] ?? '';
  return canNameAlone(word) && !first.startsWith('JJ') && !first.startsWith('RB');
}
