import { stem } from '../text/stem';
import { isContentWord } from '../text/stopWords';
import { asciiNorm, asciiWords, tokenize } from '../text/tokenize';
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
  const stemIds = int32s();
  const stemTf = float32s();
  const wordIds = int32s();
  const stems: string[] = [];
  const stemIdOf = new Map<string, number>();
  const df = int32s();
  const known: string[] = [];
  const wordVectorIndex = int32s();
  const entries = new Map<string, WordEntry>();
  /** Entries by the word as written on the ASCII path, so a word met again costs one look-up. */
  const written = new Map<string, WordEntry>();
  const counts = new Map<number, number>();
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

  const writtenEntry = (word: string): WordEntry => {
    let entry = written.get(word);
    if (!entry) written.set(word, (entry = entryOf(asciiNorm(word))));
    return entry;
  };

  for (let i = 0; i < n; i++) {
    counts.clear();
    const ascii = asciiWords(texts[i]);
    if (progress && i % PROGRESS_EVERY === 0) progress({ stage: 'finding words', done: i, total: n, unit: 'ideas' });
    const words = ascii ?? tokenize(texts[i]).map((t) => t.norm);
    for (const word of words) {
      const entry = ascii ? writtenEntry(word) : entryOf(word);
      if (entry.word >= 0) wordIds.push(entry.word);
      if (entry.stem < 0) continue;
      contentWords++;
      if (entry.known) knownContentWords++;
      counts.set(entry.stem, (counts.get(entry.stem) ?? 0) + 1);
    }
    for (const [id, count] of counts) {
      stemIds.push(id);
      stemTf.push(1 + Math.log(count));
      df.data[id]++;
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

/** A typed array that grows as values are pushed (doubling), then is cut to its length. */
class Growable<T extends Int32Array | Float32Array> {
  /** The values so far, and room for more; `length` of them are set. */
  data: T;
  length = 0;

  constructor(private readonly make: (size: number) => T) {
    this.data = make(1024);
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
    return this.data.slice(0, this.length) as T;
  }
}

const int32s = () => new Growable((size) => new Int32Array(size));
const float32s = () => new Growable((size) => new Float32Array(size));
