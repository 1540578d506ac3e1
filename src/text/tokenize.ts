/**
 * Split text into words the way Unicode does (UAX #29, through Intl.Segmenter), so that
 * accented words ("Protección"), Cyrillic and Arabic stay whole and Chinese is cut into words.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'word' });

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

export function normaliseWord(word: string): string {
  return word.normalize('NFKC').toLowerCase().replace(/[’‘]/g, "'");
}

/** Words of a text in order, possessive "'s" removed, with a flag for phrase boundaries. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let sawBreak = false;
  for (const part of segmenter.segment(text)) {
    if (!part.isWordLike) {
      if (/[^\s]/u.test(part.segment)) sawBreak = true;
      continue;
    }
    const surface = part.segment.replace(/['’]s$/iu, '');
    tokens.push({ surface, norm: normaliseWord(surface), position: tokens.length, afterBreak: sawBreak });
    sawBreak = false;
  }
  return tokens;
}
