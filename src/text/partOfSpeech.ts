import * as fs from 'node:fs';
import * as path from 'node:path';
import { isStopWord } from './stopWords';

/**
 * What a single word can name, from the English lexicon that ships with `natural` (the Brill
 * tagger's, from pos-js: 92,000 words with their possible Penn tags, commonest first). The
 * build writes it as sorted lines "word<TAB>TAG TAG" beside the bundle (scripts/compact-lexicon.js),
 * and a word is found by binary search in those bytes: a run looks up a few hundred words, and
 * parsing the 4 MB of JSON, or scanning it once per word, would cost more than the rest of a run.
 */
const LEXICON = 'natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json';
/** Where the build puts the sorted lexicon: beside the bundle, or in dist/ when run from the sources. */
const SORTED_LEXICON = [path.join(__dirname, 'lexicon.tsv'), path.join(__dirname, '..', '..', 'dist', 'lexicon.tsv')];

let lexicon: Buffer | null | undefined;
function sortedLexicon(): Buffer | null {
  if (lexicon === undefined) lexicon = readSortedLexicon();
  return lexicon;
}

function readSortedLexicon(): Buffer | null {
  for (const file of SORTED_LEXICON) {
    try {
      return fs.readFileSync(file);
    } catch {
      // not built there
    }
  }
  try {
    // Not built yet (sources run directly): sort the package's own file, slowly, once.
    const entries = Object.entries(JSON.parse(fs.readFileSync(require.resolve(LEXICON), 'utf8')) as Record<string, string[]>);
    const lines = entries.filter(([word]) => word !== '' && !/[\t\n]/.test(word)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Buffer.from(lines.map(([word, tags]) => `${word}\t${tags.join(' ')}\n`).join(''));
  } catch {
    // Without the lexicon only stop words and contractions are recognised.
    return null;
  }
}

/** The tags on the line of `word` in sorted "word<TAB>tags" lines (tags apart by spaces), by binary search over the bytes. */
function findTags(lines: Buffer, word: string): string[] {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const start = middle === 0 ? 0 : lines.lastIndexOf(0x0a, middle - 1) + 1;
    const tab = lines.indexOf(0x09, start);
    const end = lines.indexOf(0x0a, start);
    const key = lines.toString('utf8', start, tab);
    if (key === word) return lines.toString('utf8', tab + 1, end).split(' ');
    if (key < word) low = end + 1;
    else high = start;
  }
  return [];
}

const tagCache = new Map<string, string[]>();

/** The Penn tags the lexicon gives a (lower-case) word, commonest first; [] when it does not know it. */
export function lexiconTags(word: string): string[] {
  const lower = word.toLowerCase();
  const cached = tagCache.get(lower);
  if (cached) return cached;
  const lines = sortedLexicon();
  const tags = lines ? findTags(lines, lower) : [];
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
