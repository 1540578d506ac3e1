/**
 * Split text into words the way Unicode does (UAX #29, through Intl.Segmenter), so that
 * accented words ("Protección"), Cyrillic and Arabic stay whole and Chinese is cut into words.
 */
let segmenter: Intl.Segmenter | undefined;

/** Made when first needed: making it costs about 15 ms of ICU set-up, which texts in plain ASCII never need. */
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'word' });
  return segmenter;
}

export interface Token {
  /** The word as written, e.g. "Governments". */
  surface: string;
  /** Lower-cased and compatibility-normalised, e.g. "governments". */
  norm: string;
  /** Index of the word in its text; a gap in consecutive indices never occurs within a text. */
  position: number;
  /** True when punctuation other than white space separates this word from the previous one. */
  afterBreak: boolean;
}

/**
 * A token's `norm`: compatibility forms made plain (NFKC: ligatures, full-width letters), lower
 * case, both typographic single quotes as "'". Not the word-vector cache's `cacheForm`, which
 * is lighter because it meets words that are norms already or GloVe's own.
 */
export function tokenNorm(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'");
}

/** Words of a text in order, possessive "'s" removed, with a flag for phrase boundaries. */
export function tokenize(text: string): Token[] {
  return text.length <= PIECE && PLAIN_ASCII.test(text) ? tokenizeAscii(text) : segmentTokens(text);
}

/** `tokenize` by Intl.Segmenter whatever the text: the reference the ASCII path must match. */
export function segmentTokens(text: string): Token[] {
  const tokens: Token[] = [];
  let sawBreak = false;
  for (const piece of pieces(text)) {
    for (const part of wordSegmenter().segment(piece)) {
      if (!part.isWordLike) {
        if (/[^\s]/u.test(part.segment)) sawBreak = true;
        continue;
      }
      const surface = part.segment.replace(/['’]s$/iu, '');
      tokens.push({ surface, norm: tokenNorm(surface), position: tokens.length, afterBreak: sawBreak });
      sawBreak = false;
    }
  }
  return tokens;
}

/** Printable ASCII but "_" (ICU joins it to words in ways of its own) and white space: the texts `tokenizeAscii` cuts exactly as the segmenter does. */
const PLAIN_ASCII = /^[\x20-\x5e\x60-\x7e\t\n\r]*$/;

/**
 * UAX #29's word rules restricted to printable ASCII: letters and digits make words;
 * ". ' :" join two letters ("U.S", "don't"), ". , ; '" join two digits ("3.5", "1,000").
 * Iterating Intl.Segmenter costs about 40 µs per short idea, which a million ideas cannot
 * afford; this is the same cut (test/text/tokenize.test.ts compares the two) in a regular
 * expression, about ten times faster.
 */
const ASCII_WORD = /[A-Za-z0-9]+(?:(?:(?<=[A-Za-z])[.':](?=[A-Za-z])|(?<=[0-9])[.,;'](?=[0-9]))[A-Za-z0-9]+)*/g;

/**
 * The words of a text as written, possessive "'s" not yet removed, when the text takes the
 * ASCII path; null otherwise. For callers that need only each word's norm (`asciiNorm`), not
 * positions or breaks, and meet the same words again and again.
 */
export function asciiWords(text: string): string[] | null {
  if (text.length > PIECE || !PLAIN_ASCII.test(text)) return null;
  return text.match(ASCII_WORD) ?? [];
}

/** The norm `tokenize` gives a word of `asciiWords`. */
export function asciiNorm(word: string): string {
  return word.replace(/'s$/i, '').toLowerCase();
}

function tokenizeAscii(text: string): Token[] {
  const tokens: Token[] = [];
  let end = 0;
  for (const match of text.matchAll(ASCII_WORD)) {
    const afterBreak = /\S/.test(text.slice(end, match.index));
    end = match.index + match[0].length;
    const surface = match[0].replace(/'s$/i, '');
    tokens.push({ surface, norm: surface.toLowerCase(), position: tokens.length, afterBreak });
  }
  return tokens;
}

/** Longest text given to the segmenter at once. */
const PIECE = 2000;

/**
 * Node 20's Intl.Segmenter takes time quadratic in the length of the text it iterates (a 120 kB
 * idea: 16 s), so a long text is segmented in pieces cut after white space, where a word
 * boundary falls anyway; a run of PIECE characters without any (unspaced Chinese) is cut where
 * it must be, which may split one word in two.
 */
function pieces(text: string): string[] {
  if (text.length <= PIECE) return [text];
  const result: string[] = [];
  let start = 0;
  while (text.length - start > PIECE) {
    let end = start + PIECE;
    while (end > start + PIECE / 2 && !/\s/u.test(text[end - 1])) end--;
    if (end === start + PIECE / 2) end = start + PIECE;
    // Never between the halves of a surrogate pair.
    if (/[\ud800-\udbff]/.test(text[end - 1])) end--;
    result.push(text.slice(start, end));
    start = end;
  }
  result.push(text.slice(start));
  return result;
}
