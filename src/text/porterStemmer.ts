/**
 * The Porter stemmer of `natural` (lib/natural/stemmers/porter_stemmer.js, version 8), which the
 * project used before, reproduced output for output, quirks included, with string and
 * character-code operations instead of regular expressions.
 *
 * Why: natural's stemmer runs a dozen regular expressions per word, some of them built anew on
 * every call (`new RegExp(pattern + '$')`). A run stems each distinct word once, so all of that
 * runs cold, in a fresh process: there, stemming the distinct words of 100,000 ideas costs
 * natural about twice what it costs this file (and five times as much once warm).
 *
 * The functions below follow natural's, in its order, most of them under its names; where a
 * name differs (hasVowelBefore, isCvcAt, removeStep4Suffix, removeIonAfterSOrT,
 * step1bAfterEdOrIng), its comment names the code of natural's it stands for. A few shortcuts
 * natural does not take skip work that cannot change the word; each says why. The quirks kept
 * on purpose (they differ from Porter's paper):
 * - a "y" after a letter other than a, e, i, o, u and y is a vowel, and its V is not merged with
 *   the vowels after it, so the measure can be fractional ("bya": 0.5);
 * - steps 2 and 3 try every pattern of their list in turn, each checked on the word as it
 *   entered the step but applied to the word as the previous patterns left it;
 * - step 4 takes the longest listed suffix that leaves a letter before it, and gives up when
 *   that suffix fails the measure rather than trying a shorter one;
 * - step 5a looks at the letters before the last when it checks for consonant-vowel-consonant,
 *   and at the whole word when it has three letters.
 * test/text/porterStemmer.test.ts compares it with natural's stemmer over the 65,000 a-z words
 * of natural's English lexicon, the words of the data sets, and random words.
 */

const A = 97;
const E = 101;
const I = 105;
const O = 111;
const U = 117;
const W = 119;
const X = 120;
const Y = 121;

function isAeiou(code: number): boolean {
  return code === A || code === E || code === I || code === O || code === U;
}

/** natural's character classes: a, e, i, o, u are vowels, and so is a "y" after a letter other than those and "y". */
function isVowelAt(token: string, i: number): boolean {
  const code = token.charCodeAt(i);
  if (code === Y) {
    if (i === 0) return false;
    const before = token.charCodeAt(i - 1);
    return !isAeiou(before) && before !== Y;
  }
  return isAeiou(code);
}

/**
 * natural's categorizeGroups(token) (runs of consonants as C, of vowels as V) has a V when one
 * of the letters before `end` is a vowel: the groups are never built, only that is asked of them.
 */
function hasVowelBefore(token: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (isVowelAt(token, i)) return true;
  return false;
}

/**
 * natural's categorizeChars(token) (one C or V per letter) reads "CVC" from `start`: false when
 * `start` is before the word or fewer than three letters start there, as natural's substr then
 * gives a shorter string.
 */
function isCvcAt(token: string, start: number): boolean {
  return start >= 0 && start + 3 <= token.length && !isVowelAt(token, start) && isVowelAt(token, start + 1) && !isVowelAt(token, start + 2);
}

/**
 * The measure M: the number of groups of natural's categorizeGroups, less an initial C and a
 * final V, halved, so possibly fractional; -1 for no word. There a vowel "y" is a V of its own,
 * not merged with the vowels after it ("bya": CVV, measure 0.5). Counted in one pass.
 */
function measure(token: string | null): number {
  if (!token) return -1;
  let groups = 0;
  let before = -1; // the previous character's code, -1 at the start
  let beforeIsVowel = false;
  let isVowel = false;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code === Y) {
      isVowel = before !== -1 && before !== Y && !isAeiou(before);
      if (isVowel || i === 0 || beforeIsVowel) groups++; // a vowel "y" is a V of its own
    } else if (isAeiou(code)) {
      isVowel = true;
      if (!isAeiou(before)) groups++; // after a consonant or a vowel "y"
    } else {
      isVowel = false;
      if (i === 0 || beforeIsVowel) groups++;
    }
    before = code;
    beforeIsVowel = isVowel;
  }
  const initialC = isVowelAt(token, 0) ? 0 : 1;
  const finalV = isVowel ? 1 : 0;
  return (groups - initialC - finalV) / 2;
}

/** Whether the word ends with twice the same letter other than a, e, i, o, u ("y" counts as a consonant here). */
function endsWithDoublCons(token: string): boolean {
  const n = token.length;
  if (n < 2) return false;
  const last = token.charCodeAt(n - 1);
  return last === token.charCodeAt(n - 2) && !isAeiou(last);
}

/** The word with `suffix` replaced by `replacement`, or null when it does not end with `suffix`. */
function attemptReplace(token: string, suffix: string, replacement: string): string | null {
  return token.endsWith(suffix) ? token.slice(0, token.length - suffix.length) + replacement : null;
}

/** [suffix, stem whose measure is checked (always ''), replacement], as natural writes them. */
type Replacement = readonly [string, string, string];

/**
 * Every pattern in turn, natural's way: the measure is checked on the word as given, the
 * replacement made on the word as the previous patterns left it. No threshold: no check.
 */
function attemptReplacePatterns(token: string, replacements: readonly Replacement[], measureThreshold?: number): string {
  let replacement = token;
  for (let i = 0; i < replacements.length; i++) {
    const pattern = replacements[i]; // not destructured: that runs the iterator protocol while the code is cold
    if (measureThreshold === undefined || measure(attemptReplace(token, pattern[0], pattern[1])) > measureThreshold) {
      replacement = attemptReplace(replacement, pattern[0], pattern[2]) || replacement;
    }
  }
  return replacement;
}

function replacePatterns(token: string, replacements: readonly Replacement[], measureThreshold: number): string {
  return attemptReplacePatterns(token, replacements, measureThreshold) || token;
}

/**
 * natural's replaceRegex with /^(.+?)(al|ance|...|ize)$/ and parts [1]: the word without the
 * longest of STEP_4_SUFFIXES that leaves at least one letter before it (the lazy group), kept if
 * its measure exceeds `minimumMeasure`, else null. Only that longest suffix is tried.
 */
function removeStep4Suffix(token: string, minimumMeasure: number): string | null {
  let longest = 0;
  for (let i = 0; i < STEP_4_SUFFIXES.length; i++) {
    const suffix = STEP_4_SUFFIXES[i];
    if (suffix.length > longest && suffix.length < token.length && token.endsWith(suffix)) longest = suffix.length;
  }
  const result = longest > 0 ? token.slice(0, token.length - longest) : '';
  return measure(result) > minimumMeasure ? result : null;
}

/** natural's /^(.+?)(s|t)(ion)$/ with parts [1, 2]: "sion" or "tion" after a letter loses its "ion". */
function removeIonAfterSOrT(token: string, minimumMeasure: number): string | null {
  let result = '';
  if (token.length >= 5 && token.endsWith('ion')) {
    const before = token.charCodeAt(token.length - 4);
    if (before === 115 /* s */ || before === 116 /* t */) result = token.slice(0, -3);
  }
  return measure(result) > minimumMeasure ? result : null;
}

function step1a(token: string): string {
  if (token.endsWith('sses') || token.endsWith('ies')) return token.slice(0, -2);
  if (token.endsWith('s') && token.charAt(token.length - 2) !== 's' && token.length > 2) return token.slice(0, -1);
  return token;
}

const STEP_1B_PATTERNS: readonly Replacement[] = [
  ['at', '', 'ate'],
  ['bl', '', 'ble'],
  ['iz', '', 'ize'],
];

/** natural's callback after "ed" or "ing" is removed: null when no vowel is left. */
function step1bAfterEdOrIng(token: string): string | null {
  if (hasVowelBefore(token, token.length)) {
    const result = attemptReplacePatterns(token, STEP_1B_PATTERNS);
    if (result !== token) return result;
    const last = token.charCodeAt(token.length - 1);
    if (endsWithDoublCons(token) && last !== 108 /* l */ && last !== 115 /* s */ && last !== 122 /* z */) {
      return token.slice(0, -1);
    }
    if (measure(token) === 1 && isCvcAt(token, token.length - 3) && last !== W && last !== X && last !== Y) {
      return token + 'e';
    }
    return token;
  }
  return null;
}

function step1b(token: string): string {
  if (token.endsWith('eed')) {
    if (measure(token.slice(0, -3)) > 0) return token.slice(0, -1);
  } else {
    const removed = token.endsWith('ed') ? token.slice(0, -2) : token.endsWith('ing') ? token.slice(0, -3) : null;
    // natural calls back only on a non-empty remainder ("ing" alone stays as it is).
    const result = removed ? step1bAfterEdOrIng(removed) : null;
    if (result) return result;
  }
  return token;
}

function step1c(token: string): string {
  // natural drops the last group, the final "y"'s, and looks for a V in the others.
  if (token.endsWith('y') && hasVowelBefore(token, token.length - 1)) return token.slice(0, -1) + 'i';
  return token;
}

/**
 * The codes of the letters a list's suffixes end with. A shortcut natural does not take: a word
 * that ends with none of them matches none of the suffixes, so going through the list would
 * leave it as it is (most words end so).
 */
function lastLetters(replacements: readonly Replacement[]): ReadonlySet<number> {
  return new Set(replacements.map((pattern) => pattern[0].charCodeAt(pattern[0].length - 1)));
}

const STEP_2_PATTERNS: readonly Replacement[] = [
  ['ational', '', 'ate'], ['tional', '', 'tion'], ['enci', '', 'ence'], ['anci', '', 'ance'],
  ['izer', '', 'ize'], ['abli', '', 'able'], ['bli', '', 'ble'], ['alli', '', 'al'], ['entli', '', 'ent'], ['eli', '', 'e'],
  ['ousli', '', 'ous'], ['ization', '', 'ize'], ['ation', '', 'ate'], ['ator', '', 'ate'], ['alism', '', 'al'],
  ['iveness', '', 'ive'], ['fulness', '', 'ful'], ['ousness', '', 'ous'], ['aliti', '', 'al'],
  ['iviti', '', 'ive'], ['biliti', '', 'ble'], ['logi', '', 'log'],
];

const STEP_2_LAST_LETTERS = lastLetters(STEP_2_PATTERNS);

function step2(token: string): string {
  if (!STEP_2_LAST_LETTERS.has(token.charCodeAt(token.length - 1))) return token; // see lastLetters
  return replacePatterns(token, STEP_2_PATTERNS, 0);
}

const STEP_3_PATTERNS: readonly Replacement[] = [
  ['icate', '', 'ic'], ['ative', '', ''], ['alize', '', 'al'],
  ['iciti', '', 'ic'], ['ical', '', 'ic'], ['ful', '', ''], ['ness', '', ''],
];

const STEP_3_LAST_LETTERS = lastLetters(STEP_3_PATTERNS);

function step3(token: string): string {
  if (!STEP_3_LAST_LETTERS.has(token.charCodeAt(token.length - 1))) return token; // see lastLetters
  return replacePatterns(token, STEP_3_PATTERNS, 0);
}

const STEP_4_SUFFIXES: readonly string[] = [
  'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
];

function step4(token: string): string {
  return removeStep4Suffix(token, 1) || removeIonAfterSOrT(token, 1) || token;
}

function step5a(token: string): string {
  // natural measures and tests any word, then removes a final "e" if there is one: without one
  // nothing can change.
  if (!token.endsWith('e')) return token;
  const withoutE = token.slice(0, -1);
  const m = measure(withoutE);
  // natural's categorizeChars(token).substr(-4, 3): the three letters before the last, or the
  // first three of a three-letter word.
  const n = token.length;
  const cvcBeforeLast = isCvcAt(token, Math.max(n - 4, 0));
  const secondLast = n >= 2 ? token.charCodeAt(n - 2) : -1;
  const secondLastNotWxy = secondLast !== -1 && secondLast !== W && secondLast !== X && secondLast !== Y;
  if (m > 1 || (m === 1 && !(cvcBeforeLast && secondLastNotWxy))) token = withoutE;
  return token;
}

function step5b(token: string): string {
  if (token.endsWith('ll') && measure(token) > 1) return token.slice(0, -1); // the cheaper test first
  return token;
}

/** Stem of an English word; words shorter than three letters are returned as they are, like natural's. */
export function stem(token: string): string {
  if (token.length < 3) return token;
  return step5b(step5a(step4(step3(step2(step1c(step1b(step1a(token.toLowerCase()))))))));
}
