/**
 * The binary layout of the word-vector cache, version 3. All numbers little-endian; every
 * section before the vectors starts 4-byte aligned, so the typed arrays are views, not copies.
 *
 *   offset  size  field
 *        0     8  magic "RAPWVEC\n"
 *        8     4  u32 format version (3)
 *       12     4  u32 header size (64)
 *       16     4  u32 dimensions d
 *       20     4  u32 word count n
 *       24     4  u32 vocabulary size in bytes
 *       28     4  u32 maxWords the cache was built with
 *       32     4  u32 number of words in the source
 *       36     8  f64 size of the source file in bytes (to notice a changed source)
 *       44     4  u32 total file size in bytes
 *       48     4  u32 CRC-32 of the index: every byte outside the vectors, these 4 left out
 *       52     4  u32 hash table size t (a power of two, at least 2n)
 *       56     4  u32 CRC-32 of all the vectors, for a run that reads them all at once
 *       60     4  reserved, zero
 *       64   4n   f32 scale of each vector
 *            4n   u32 frequency rank of each word (its index in the source's list)
 *        4(n+1)   u32 byte offset of each word in the vocabulary, then vocabulary size + 1
 *            4t   u32 open-addressing hash table (FNV-1a of the word's UTF-16 code units,
 *                     linear probing): word index + 1, or 0 for an empty slot
 *            4b   u32 CRC-32 of each block of 64 vectors, b = ceil(n / 64)
 *            nd   i8  quantised vectors, row after row; component k of word i is q * scale[i]
 *                     vocabulary, UTF-8, words joined by '\n', in the same order as the rows
 *
 * Rows are in frequency order (most frequent first). The stored hash table lets a load skip
 * building a Map of 150 000 strings (40-60 ms). A run reads the index (a quarter of the file)
 * and then only the blocks of vectors its words fall in, each checked against its own CRC:
 * a report of a hundred ideas reads a few hundred kilobytes of the 15 MB of vectors.
 */
import * as zlib from 'node:zlib';

export const FORMAT_VERSION = 3;
/** Vectors per checked block: 6.4 kB at 100 dimensions, one read each. */
export const BLOCK_ROWS = 64;
export const MAGIC = Buffer.from('RAPWVEC\n', 'latin1');
export const HEADER_BYTES = 64;
const CRC_OFFSET = 48;
const VECTORS_CRC_OFFSET = 56;

export interface CacheContent {
  dimensions: number;
  words: readonly string[];
  /** One scale per word. */
  scales: Float32Array;
  ranks: Uint32Array;
  /** words.length * dimensions quantised components. */
  quantised: Int8Array;
  maxWords: number;
  sourceWords: number;
  sourceBytes: number;
}

/** A cache read back: the same content, with its words looked up in place instead of listed. */
export interface DecodedCache extends Omit<CacheContent, 'words'> {
  size: number;
  /** Index of the word stored exactly as `word`, or -1. */
  find(word: string): number;
  /** The word at index i. */
  wordAt(i: number): string;
}

/** The part of a cache read before any vector: everything but the quantised components. */
export interface CacheIndex extends Omit<DecodedCache, 'quantised'> {
  /** Where each section lies in the file. */
  layout: CacheLayout;
  /** CRC-32 of each block of BLOCK_ROWS vectors. */
  blockChecksums: Uint32Array;
  /** CRC-32 of all the vectors. */
  vectorsChecksum: number;
}

export type CacheLayout = ReturnType<typeof sections>;

/** Why a cache file was refused; the loader rebuilds on any of these. */
export class CorruptCacheError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorruptCacheError';
  }
}

/** Scale and Int8 components of one vector: q = round(v / scale), scale = max |v| / 127. */
export function quantise(values: ArrayLike<number>, dimensions: number, into: Int8Array, at: number): number {
  let max = 0;
  for (let k = 0; k < dimensions; k++) {
    const a = Math.abs(values[k]);
    if (a > max) max = a;
  }
  const scale = Math.fround(max / 127);
  if (scale === 0) {
    into.fill(0, at, at + dimensions);
    return 0;
  }
  for (let k = 0; k < dimensions; k++) {
    const q = Math.round(values[k] / scale);
    into[at + k] = q > 127 ? 127 : q < -127 ? -127 : q;
  }
  return scale;
}

/** FNV-1a over UTF-16 code units; the same function builds and probes the table. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function tableSizeFor(words: number): number {
  let t = 2;
  while (t < 2 * words) t *= 2;
  return t;
}

/** CRC of the index: the file without its vectors and without the CRC field itself. */
function indexChecksum(head: Uint8Array, vocab: Uint8Array): number {
  let crc = zlib.crc32(head.subarray(0, CRC_OFFSET));
  crc = zlib.crc32(head.subarray(CRC_OFFSET + 4), crc);
  return zlib.crc32(vocab, crc) >>> 0;
}

function blockCount(n: number): number {
  return Math.ceil(n / BLOCK_ROWS);
}

/** The CRC of block b of the vectors, given the bytes of that block. */
export function blockChecksum(block: Uint8Array): number {
  return zlib.crc32(block) >>> 0;
}

export function encodeCache(content: CacheContent): Buffer {
  const n = content.words.length;
  const d = content.dimensions;
  const offsets = new Uint32Array(n + 1);
  let vocabBytes = 0;
  for (let i = 0; i < n; i++) {
    const w = content.words[i];
    if (w.length === 0 || w.includes('\n')) throw new Error(`cannot store the word ${JSON.stringify(w)}`);
    offsets[i] = vocabBytes;
    vocabBytes += Buffer.byteLength(w, 'utf8') + 1;
  }
  offsets[n] = vocabBytes; // one past the last word's (absent) separator
  vocabBytes = Math.max(0, vocabBytes - 1);
  const t = tableSizeFor(n);
  const table = new Uint32Array(t);
  for (let i = 0; i < n; i++) {
    let slot = hashWord(content.words[i]) & (t - 1);
    while (table[slot] !== 0) slot = (slot + 1) & (t - 1);
    table[slot] = i + 1;
  }

  const layout = sections(n, d, t, vocabBytes);
  const file = Buffer.alloc(layout.total);
  MAGIC.copy(file, 0);
  file.writeUInt32LE(FORMAT_VERSION, 8);
  file.writeUInt32LE(HEADER_BYTES, 12);
  file.writeUInt32LE(d, 16);
  file.writeUInt32LE(n, 20);
  file.writeUInt32LE(vocabBytes, 24);
  file.writeUInt32LE(content.maxWords, 28);
  file.writeUInt32LE(content.sourceWords, 32);
  file.writeDoubleLE(content.sourceBytes, 36);
  file.writeUInt32LE(layout.total, 44);
  file.writeUInt32LE(t, 52);
  for (let i = 0; i < n; i++) {
    file.writeFloatLE(content.scales[i], layout.scales + 4 * i);
    file.writeUInt32LE(content.ranks[i], layout.ranks + 4 * i);
  }
  for (let i = 0; i <= n; i++) file.writeUInt32LE(offsets[i], layout.offsets + 4 * i);
  for (let i = 0; i < t; i++) file.writeUInt32LE(table[i], layout.table + 4 * i);
  file.set(new Uint8Array(content.quantised.buffer, content.quantised.byteOffset, n * d), layout.vectors);
  const rowBytes = BLOCK_ROWS * d;
  for (let b = 0; b < blockCount(n); b++) {
    const from = layout.vectors + b * rowBytes;
    const block = file.subarray(from, Math.min(from + rowBytes, layout.vocab));
    file.writeUInt32LE(blockChecksum(block), layout.blocks + 4 * b);
  }
  file.writeUInt32LE(blockChecksum(file.subarray(layout.vectors, layout.vocab)), VECTORS_CRC_OFFSET);
  file.write(content.words.join('\n'), layout.vocab, 'utf8');
  file.writeUInt32LE(indexChecksum(file.subarray(0, layout.vectors), file.subarray(layout.vocab)), CRC_OFFSET);
  return file;
}

function sections(n: number, d: number, t: number, vocabBytes: number) {
  const scales = HEADER_BYTES;
  const ranks = scales + 4 * n;
  const offsets = ranks + 4 * n;
  const table = offsets + 4 * (n + 1);
  const blocks = table + 4 * t;
  const vectors = blocks + 4 * blockCount(n);
  const vocab = vectors + n * d;
  const total = vocab + vocabBytes;
  if (total > 0xffffffff) throw new CorruptCacheError('word-vector cache too large');
  return { scales, ranks, offsets, table, blocks, vectors, vocab, total, dimensions: d, words: n };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** A Float32Array over bytes of the file without copying when alignment and byte order allow. */
function float32s(file: Buffer, at: number, count: number): Float32Array {
  if (LITTLE_ENDIAN && (file.byteOffset + at) % 4 === 0) return new Float32Array(file.buffer, file.byteOffset + at, count);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = file.readFloatLE(at + 4 * i);
  return out;
}

function uint32s(file: Buffer, at: number, count: number): Uint32Array {
  if (LITTLE_ENDIAN && (file.byteOffset + at) % 4 === 0) return new Uint32Array(file.buffer, file.byteOffset + at, count);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) out[i] = file.readUInt32LE(at + 4 * i);
  return out;
}

/** The header's sizes, checked, and where each section lies; throws CorruptCacheError. */
export function readLayout(header: Buffer, fileBytes: number): CacheLayout {
  if (header.length < HEADER_BYTES || fileBytes < HEADER_BYTES) throw new CorruptCacheError(`file too short (${fileBytes} bytes)`);
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw new CorruptCacheError('not a rapporteur word-vector cache');
  const version = header.readUInt32LE(8);
  if (version !== FORMAT_VERSION) throw new CorruptCacheError(`format version ${version}, expected ${FORMAT_VERSION}`);
  if (header.readUInt32LE(12) !== HEADER_BYTES) throw new CorruptCacheError('unexpected header size');
  const d = header.readUInt32LE(16);
  const n = header.readUInt32LE(20);
  const vocabBytes = header.readUInt32LE(24);
  const total = header.readUInt32LE(44);
  const t = header.readUInt32LE(52);
  if (d === 0 || d > 65536) throw new CorruptCacheError(`implausible dimensions ${d}`);
  if (t !== tableSizeFor(n)) throw new CorruptCacheError(`hash table of ${t} slots for ${n} words`);
  const layout = sections(n, d, t, vocabBytes);
  if (layout.total !== total || total !== fileBytes) {
    throw new CorruptCacheError(`size mismatch: ${fileBytes} bytes on disk, header says ${total}`);
  }
  return layout;
}

/**
 * Checks and decodes everything but the vectors: `head` is the file up to the vectors, `vocab`
 * the file after them. Throws CorruptCacheError for a checksum mismatch or an inconsistent index.
 */
export function decodeIndex(head: Buffer, vocab: Buffer, fileBytes: number): CacheIndex {
  const layout = readLayout(head, fileBytes);
  if (head.length !== layout.vectors || vocab.length !== layout.total - layout.vocab) throw new CorruptCacheError('truncated index');
  if (indexChecksum(head, vocab) !== head.readUInt32LE(CRC_OFFSET)) throw new CorruptCacheError('checksum mismatch');
  const n = layout.words;
  const t = head.readUInt32LE(52);
  const vocabBytes = vocab.length;

  const offsets = uint32s(head, layout.offsets, n + 1);
  const table = uint32s(head, layout.table, t);
  // Cheap (< 1 ms) structural checks, so that a file with a valid checksum but a bad index
  // (a bug, not bit rot) cannot send a lookup out of bounds.
  if (n > 0 && (offsets[0] !== 0 || offsets[n] !== vocabBytes + 1)) throw new CorruptCacheError('bad word offsets');
  for (let i = 0; i < n; i++) if (offsets[i + 1] <= offsets[i]) throw new CorruptCacheError('bad word offsets');
  for (let i = 0; i < t; i++) if (table[i] > n) throw new CorruptCacheError('bad hash table');

  const mask = t - 1;
  const matches = (i: number, word: string): boolean => {
    const start = offsets[i];
    const length = offsets[i + 1] - 1 - start;
    if (length === word.length) {
      let j = 0;
      while (j < length && word.charCodeAt(j) === vocab[start + j]) j++;
      if (j === length) return true;
    }
    // Words with non-ASCII letters: compare their UTF-8 bytes.
    for (let j = 0; j < word.length; j++) {
      if (word.charCodeAt(j) > 0x7f) return Buffer.from(word, 'utf8').equals(vocab.subarray(start, start + length));
    }
    return false;
  };
  const find = (word: string): number => {
    if (n === 0) return -1;
    let slot = hashWord(word) & mask;
    for (;;) {
      const entry = table[slot];
      if (entry === 0) return -1;
      if (matches(entry - 1, word)) return entry - 1;
      slot = (slot + 1) & mask;
    }
  };
  const wordAt = (i: number): string => vocab.toString('utf8', offsets[i], offsets[i + 1] - 1);

  return {
    dimensions: layout.dimensions,
    size: n,
    find,
    wordAt,
    layout,
    blockChecksums: uint32s(head, layout.blocks, blockCount(n)),
    vectorsChecksum: head.readUInt32LE(VECTORS_CRC_OFFSET),
    scales: float32s(head, layout.scales, n),
    ranks: uint32s(head, layout.ranks, n),
    maxWords: head.readUInt32LE(28),
    sourceWords: head.readUInt32LE(32),
    sourceBytes: head.readDoubleLE(36),
  };
}

/** Rows [first, end) of block b. */
export function blockRows(index: Pick<CacheIndex, 'size'>, b: number): { first: number; end: number } {
  const first = b * BLOCK_ROWS;
  return { first, end: Math.min(first + BLOCK_ROWS, index.size) };
}

/** Throws CorruptCacheError unless block b's bytes match its CRC. */
export function checkBlock(index: CacheIndex, b: number, block: Uint8Array): void {
  if (blockChecksum(block) !== index.blockChecksums[b]) throw new CorruptCacheError(`checksum mismatch in vectors ${b * BLOCK_ROWS}-${blockRows(index, b).end - 1}`);
}

/** Throws CorruptCacheError unless all the vectors, read at once, match their CRC. */
export function checkAllVectors(index: CacheIndex, vectors: Uint8Array): void {
  if (blockChecksum(vectors) !== index.vectorsChecksum) throw new CorruptCacheError('checksum mismatch in the vectors');
}

/**
 * Checks and decodes a whole cache file held in memory; typed arrays are views over `file`
 * where possible. Throws CorruptCacheError for anything unexpected: wrong magic or version,
 * inconsistent sizes, a truncated or extended file, a checksum mismatch or an inconsistent index.
 */
export function decodeCache(file: Buffer): DecodedCache {
  const layout = readLayout(file, file.length);
  const index = decodeIndex(file.subarray(0, layout.vectors), file.subarray(layout.vocab), file.length);
  const d = layout.dimensions;
  checkAllVectors(index, file.subarray(layout.vectors, layout.vocab));
  const { layout: _layout, blockChecksums: _sums, vectorsChecksum: _all, ...rest } = index;
  return { ...rest, quantised: new Int8Array(file.buffer, file.byteOffset + layout.vectors, layout.words * d) };
}
