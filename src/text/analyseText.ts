import { stem } from './stem';
import { isContentWord } from './stopWords';
import { tokenize, Token } from './tokenize';

/** A content word of an idea: its stem for matching, its surface form for showing. */
export interface Term {
  stem: string;
  surface: string;
  /** Position among all words of the idea, to find words that stand next to each other. */
  position: number;
  afterBreak: boolean;
}

/** An idea's text reduced to what clustering and labelling need. */
export interface AnalysedText {
  /** The text as written. */
  text: string;
  /** Every word, stop words included, in order. */
  tokens: Token[];
  /** Content words only, in order. */
  terms: Term[];
}

export function analyseText(text: string): AnalysedText {
  const tokens = tokenize(text);
  const terms: Term[] = [];
  for (const t of tokens) {
    if (!isContentWord(t.norm)) continue;
    terms.push({ stem: stem(t.norm), surface: t.surface, position: t.position, afterBreak: t.afterBreak });
  }
  return { text, tokens, terms };
}
