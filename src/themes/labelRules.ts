import { AnalysedText, analyseText } from '../text/analyseText';
import { isFunctionWord, isMainlyVerb } from '../text/partOfSpeech';
import { candidatesOf } from './candidates';

/**
 * Ways a theme's name fails a rapporteur: it is not what several of the theme's ideas say
 * (and not a phrase of its representative idea either), it joins with "and" words no idea
 * joins, or it is one word that names nothing (a function word, a verb).
 */
export type LabelBreak = 'not shared' | 'joined by and' | 'function word' | 'lone verb';

export interface LabelCheck {
  /** Ideas of the theme that carry the label as written (its words in that order, inflection aside). */
  carriedBy: number;
  /** Carried by the representative idea only: the fallback when nothing shared qualifies. */
  fromRepresentative: boolean;
  breaks: LabelBreak[];
}

/** `ideas`: the theme's ideas, the representative (most central) first. */
export function checkLabel(label: string, ideas: readonly AnalysedText[]): LabelCheck {
  const own = analyseText(label);
  const key = own.terms.map((t) => t.stem).join(' ');
  const carries = (idea: AnalysedText) => key !== '' && candidatesOf(idea).some((c) => c.key === key);
  const carriedBy = ideas.filter(carries).length;
  const representative = ideas[0];
  const verbatim = (idea: AnalysedText | undefined) => idea !== undefined && wordsOf(idea).includes(` ${own.tokens.map((t) => t.norm).join(' ')} `);
  const fromRepresentative = carriedBy < 2 && (carries(representative) || verbatim(representative));
  const breaks: LabelBreak[] = [];
  if (carriedBy < 2 && !fromRepresentative) breaks.push(/ and /i.test(label) ? 'joined by and' : 'not shared');
  if (own.tokens.length === 1 || own.terms.length === 0) {
    const word = own.tokens[0]?.surface ?? label;
    if (own.terms.length === 0 || isFunctionWord(word)) breaks.push('function word');
    else if (isMainlyVerb(word)) breaks.push('lone verb');
  }
  return { carriedBy, fromRepresentative, breaks };
}

const wordsOf = (idea: AnalysedText) => ` ${idea.tokens.map((t) => t.norm).join(' ')} `;
