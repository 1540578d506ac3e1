import { stem } from '../text/stem';
import { isContentWord } from '../text/stopWords';
import { tokenize } from '../text/tokenize';
import { WordVectors } from './wordVectorCache';
import { Progress, PROGRESS_EVERY } from '../progress/progress';

/**
 * The words of many ideas in flat typed arrays, for groups too large to keep an object per
 * word: per idea its distinct content-word stems with their sublinear term frequency
 * (1 + ln count, as TF-IDF weighs them) and every word occurrence the word vectors know (as SIF
 * averages them). Built in one pass, O(total words) time and memory; each text is analysed
 * the way `analyseText` does and then dropped.
 */
export interface BagsOfWords {
  ideas: number;
  /** Stems of idea i: stemIds[stemStart[i] .. stemStart[i + 1]), distinct, with stemTf alongside. */
  stemStart: Int32Array;
  stemIds: Int32Array;
  stemTf: Float32Array;
  /** The stem of each stem id, in order of first appearance. */
  stems: string[];
  /** Ideas each stem occurs in. */
  documentFrequency: Int32Array;
  /** Known word occurrences of idea i: wordIds[wordStart[i] .. wordStart[i + 1]), ids into `words`. */
  wordStart: Int32Array;
  wordIds: Int32Array;
  /** Each known word: its normalised form and its index in the word vectors. */
  words: string[];
  wordVectorIndex: Int32Array;
  /** Content-word occurrences, and how many of them the word vectors know (for the blend weight). */
  contentWords: number;
  knownContentWords: number;
}

/** What one normalised word contributes: its stem id (−1 for a function word) and its known-word id (−1 if unknown). */
interface WordEntry {
  stem: number;
  word: number;
  known: boolean;
}

export function bagsOfWords(texts: readonly string[], vectors?: WordVectors, progress?: Progress): BagsOfWords {
  const n = texts.length;
  const stemStart = new Int32Array(n + 1);
  const wordStart = new Int32Array(n + 1);
  // No idea has more words than UTF-16 units: room for that many costs address space, not
  // memory (the system gives a page only when it is written), and the arrays never grow or copy.
  // Past MAX_ROOM values (texts of over 130 million characters) they grow as before.
  let units = 0;
  for (let i = 0; i < n; i++) units += texts[i].length;
  const room = Math.min(units, MAX_ROOM);
  const stemIds = int32s(room);
  const stemTf = float32s(room);
  const wordIds = int32s(room);
  const stems: string[] = [];
  const stemIdOf = new Map<string, number>();
  const df = int32s();
  const known: string[] = [];
  const wordVectorIndex = int32s();
  const entries = new Map<string, WordEntry>();
  const asciiTable = new WordTable();
  /**
   * This idea's distinct stems in order of first occurrence, with their counts: `ideaSize` of
   * them, in arrays kept from idea to idea (emptying a plain array frees its storage, and
   * filling it again made two new ones per idea).
   */
  let ideaStems: Int32Array = new Int32Array(64);
  let ideaCounts: Int32Array = new Int32Array(64);
  let ideaSize = 0;
  /** Per stem id: 1 + the last idea it occurred in, and its place in that idea's list. */
  let lastIdea: Int32Array = new Int32Array(1024);
  let place: Int32Array = new Int32Array(1024);
  let contentWords = 0;
  let knownContentWords = 0;

  const entryOf = (norm: string): WordEntry => {
    let entry = entries.get(norm);
    if (entry) return entry;
    let stemId = -1;
    if (isContentWord(norm)) {
      const s = stem(norm);
      stemId = stemIdOf.get(s) ?? -1;
      if (stemId < 0) {
        stemId = stems.length;
        stems.push(s);
        stemIdOf.set(s, stemId);
        df.push(0);
        if (stemId >= lastIdea.length) {
          lastIdea = grown(lastIdea);
          place = grown(place);
        }
      }
    }
    const index = vectors ? vectors.indexOf(norm) : -1;
    let wordId = -1;
    if (index >= 0) {
      wordId = known.length;
      known.push(norm);
      wordVectorIndex.push(index);
    }
    entry = { stem: stemId, word: wordId, known: index >= 0 };
    entries.set(norm, entry);
    return entry;
  };

  /** The idea whose words are being added. */
  let i = 0;
  const addWord = (entry: WordEntry): void => {
    if (entry.word >= 0) wordIds.push(entry.word);
    const s = entry.stem;
    if (s < 0) return;
    contentWords++;
    if (entry.known) knownContentWords++;
    if (lastIdea[s] === i + 1) ideaCounts[place[s]]++;
    else {
      lastIdea[s] = i + 1;
      place[s] = ideaSize;
      if (ideaSize === ideaStems.length) {
        ideaStems = grown(ideaStems);
        ideaCounts = grown(ideaCounts);
      }
      ideaStems[ideaSize] = s;
      ideaCounts[ideaSize++] = 1;
    }
  };

  for (i = 0; i < n; i++) {
    if (progress && i % PROGRESS_EVERY === 0) progress({ stage: 'finding words', done: i, total: n, unit: 'ideas' });
    ideaSize = 0;
    const text = texts[i];
    if (isPlainAscii(text)) asciiTable.scan(text, addWord, entryOf);
    else for (const token of tokenize(text)) addWord(entryOf(token.norm));
    for (let p = 0; p < ideaSize; p++) {
      stemIds.push(ideaStems[p]);
      stemTf.push(1 + Math.log(ideaCounts[p]));
      df.data[ideaStems[p]]++;
    }
    stemStart[i + 1] = stemIds.length;
    wordStart[i + 1] = wordIds.length;
  }
  return {
    ideas: n,
    stemStart,
    stemIds: stemIds.toArray(),
    stemTf: stemTf.toArray(),
    stems,
    documentFrequency: df.toArray(),
    wordStart,
    wordIds: wordIds.toArray(),
    words: known,
    wordVectorIndex: wordVectorIndex.toArray(),
    contentWords,
    knownContentWords,
  };
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The texts `tokenize` cuts on its ASCII path (see PLAIN_ASCII there), which the scanner below follows. */
function isPlainAscii(text: string): boolean {
  return text.length <= ASCII_PATH_LONGEST && PLAIN_ASCII.test(text);
}

const ASCII_PATH_LONGEST = 2000;
const PLAIN_ASCII = /^[\x20-\x5e\x60-\x7e\t\n\r]*$/;

/**
 * Words of plain-ASCII texts found by one pass over their characters and looked up in an
 * open-addressing table of the normalised words met so far, without making a string for a
 * word already met: a word costs O(its length). The words and norms are those of `asciiWords`
 * and `asciiNorm` (letters and digits, ". ' :" joining two letters, ". , ; '" two digits;
 * lower-cased, possessive "'s" removed); test/vectors/bagsOfWords.test.ts compares the two.
 */
class WordTable {
  private keys: string[] = [];
  private hashes = new Int32Array(1 << 12);
  /** Entry of each slot; undefined for an empty slot. */
  private entries: (WordEntry | undefined)[] = new Array<WordEntry | undefined>(1 << 12).fill(undefined);
  private size = 0;

  scan(text: string, onWord: (entry: WordEntry) => void, entryOf: (norm: string) => WordEntry): void {
    const length = text.length;
    let p = 0;
    while (p < length) {
      if (!isAlnum(text.charCodeAt(p))) {
        p++;
        continue;
      }
      const start = p;
      for (;;) {
        while (p < length && isAlnum(text.charCodeAt(p))) p++;
        if (p + 1 >= length) break;
        const joiner = text.charCodeAt(p);
        const before = text.charCodeAt(p - 1);
        const after = text.charCodeAt(p + 1);
        const joinsLetters = (joiner === 46 || joiner === 39 || joiner === 58) && isLetter(before) && isLetter(after);
        const joinsDigits = (joiner === 46 || joiner === 44 || joiner === 59 || joiner === 39) && isDigit(before) && isDigit(after);
        if (!joinsLetters && !joinsDigits) break;
        p++;
      }
      // Possessive "'s" (either case) is not part of the norm.
      const end = p - start >= 3 && text.charCodeAt(p - 2) === 39 && (text.charCodeAt(p - 1) | 32) === 115 ? p - 2 : p;
      onWord(this.entry(text, start, end, entryOf));
    }
  }

  private entry(text: string, start: number, end: number, entryOf: (norm: string) => WordEntry): WordEntry {
    let h = 0x811c9dc5;
    for (let q = start; q < end; q++) h = Math.imul(h ^ lower(text.charCodeAt(q)), 0x01000193);
    const mask = this.hashes.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.entries[slot];
      if (entry === undefined) return this.insert(slot, h, text.slice(start, end).toLowerCase(), entryOf);
      if (this.hashes[slot] === h && sameWord(this.keys[slot], text, start, end)) return entry;
    }
  }

  private insert(slot: number, h: number, norm: string, entryOf: (norm: string) => WordEntry): WordEntry {
    const entry = entryOf(norm);
    this.keys[slot] = norm;
    this.hashes[slot] = h;
    this.entries[slot] = entry;
    if (++this.size * 2 > this.hashes.length) this.rehash();
    return entry;
  }

  /** Twice the slots, so that at most half are taken and a look-up probes few. */
  private rehash(): void {
    const { keys, hashes, entries } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.entries = new Array<WordEntry | undefined>(hashes.length * 2).fill(undefined);
    this.keys = [];
    const mask = this.hashes.length - 1;
    for (let old = 0; old < hashes.length; old++) {
      if (entries[old] === undefined) continue;
      let slot = hashes[old] & mask;
      while (this.entries[slot] !== undefined) slot = (slot + 1) & mask;
      this.keys[slot] = keys[old];
      this.hashes[slot] = hashes[old];
      this.entries[slot] = entries[old];
    }
  }
}

function sameWord(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let q = 0; q < key.length; q++) if (key.charCodeAt(q) !== lower(text.charCodeAt(start + q))) return false;
  return true;
}

const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlnum = (c: number): boolean => isLetter(c) || isDigit(c);

/**
 * A typed array that grows as values are pushed (doubling), then is cut to its length. Made
 * with room for all it will hold, it neither grows nor copies: its view of what was pushed
 * is handed on, and the pages never written stay unused.
 */
class Growable<T extends Int32Array | Float32Array> {
  /** The values so far, and room for more; `length` of them are set. */
  data: T;
  length = 0;

  constructor(
    private readonly make: (size: number) => T,
    room: number,
  ) {
    this.data = make(Math.max(1024, room));
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }

  toArray(): T {
    return this.data.length > LARGE_ROOM ? (this.data.subarray(0, this.length) as T) : (this.data.slice(0, this.length) as T);
  }
}

/** Room made at the start, at most: 512 MB of address space per array. */
const MAX_ROOM = 1 << 27;

/** Arrays above this many values are handed on as views (the unused pages cost nothing); smaller ones are copied to their length. */
const LARGE_ROOM = 1 << 16;

const int32s = (room = 0) => new Growable((size) => new Int32Array(size), room);
const float32s = (room = 0) => new Growable((size) => new Float32Array(size), room);
