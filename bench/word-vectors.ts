/**
 * Measures the word-vector cache: build (optional) and load time, RSS, and lookup speed of a
 * Map against a sorted array with binary search.
 *
 *   npx tsx bench/word-vectors.ts [--build] [--cache-dir DIR]
 *
 * With --build the cache is rebuilt first (run it under `/usr/bin/time -v` for the peak RSS).
 * Load numbers are for a fresh process: run without --build to measure the load alone.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  buildWordVectorCache,
  cacheFileName,
  defaultSourceJsonPath,
  loadWordVectors,
} from '../src/vectors/wordVectorCache';
import { decodeCache } from '../src/vectors/wordVectorFormat';

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function ms(since: bigint): string {
  return `${(Number(process.hrtime.bigint() - since) / 1e6).toFixed(1)} ms`;
}

const args = process.argv.slice(2);
const dirAt = args.indexOf('--cache-dir');
const cacheDir = dirAt >= 0 ? args[dirAt + 1] : path.join(os.tmpdir(), 'rapporteur-bench-cache');
const source = defaultSourceJsonPath();
const cacheFile = path.join(cacheDir, cacheFileName(source));

if (args.includes('--build')) {
  const t = process.hrtime.bigint();
  buildWordVectorCache(source, cacheFile, { onProgress: (m) => process.stderr.write(`${m}\n`) });
  console.log(`build: ${ms(t)}, rss now ${mb(process.memoryUsage().rss)}, file ${mb(fs.statSync(cacheFile).size)}`);
  process.exit(0);
}

// Make sure the cache exists before measuring a load.
if (!fs.existsSync(cacheFile)) {
  console.error(`no cache at ${cacheFile}; run with --build first`);
  process.exit(1);
}

// 100 ideas of ~12 words: roughly the lookups of a typical run.
const sample = (
  'we need more green spaces in the city and better bike lanes for children going to school ' +
  'the council should listen to young people and open the library on sundays with free wifi ' +
  "public transport is too expensive for students and pensioners it's hard to get around at night"
).split(' ');

const rss0 = process.memoryUsage().rss;
const t0 = process.hrtime.bigint();
const vectors = loadWordVectors({ cacheDir, sourceJsonPath: source });
const loadTime = ms(t0);
const rss1 = process.memoryUsage().rss;

const out = new Float32Array(vectors.dimensions);
const t1 = process.hrtime.bigint();
let found = 0;
for (let idea = 0; idea < 100; idea++) {
  for (let j = 0; j < 12; j++) {
    const i = vectors.indexOf(sample[(idea * 7 + j) % sample.length]);
    if (i >= 0) {
      vectors.copyVector(i, out);
      found++;
    }
  }
}
const useTime = ms(t1);
console.log(`load: ${loadTime}, ${vectors.size} words x ${vectors.dimensions}; rss ${mb(rss0)} -> ${mb(rss1)} (+${mb(rss1 - rss0)})`);
console.log(`1200 lookups + copies (${found} found): ${useTime}`);

// The pieces of a load, and the two alternatives to the stored hash index: a Map built at
// load time, and a sorted array with binary search (its order would be stored precomputed).
{
  const t = process.hrtime.bigint();
  const bytes = fs.readFileSync(cacheFile);
  const tRead = ms(t);
  const t2 = process.hrtime.bigint();
  const cache = decodeCache(bytes); // CRC + typed-array views + index checks
  const tDecode = ms(t2);
  const t3 = process.hrtime.bigint();
  const vocabBytes = bytes.readUInt32LE(24);
  const words = bytes.toString('utf8', bytes.length - vocabBytes).split('\n');
  const tSplit = ms(t3);
  const t4 = process.hrtime.bigint();
  const map = new Map<string, number>();
  for (let i = 0; i < words.length; i++) map.set(words[i], i);
  const tMap = ms(t4);
  const order = Uint32Array.from(words.keys()).sort((a, b) => (words[a] < words[b] ? -1 : words[a] > words[b] ? 1 : 0));
  const search = (w: string): number => {
    let lo = 0;
    let hi = order.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = words[order[mid]];
      if (v < w) lo = mid + 1;
      else if (v > w) hi = mid - 1;
      else return order[mid];
    }
    return -1;
  };
  const probes = words.filter((_, i) => i % 13 === 0).concat(['zzzzqq', 'notaword', 'café', 'naïve']);
  const time = (lookup: (w: string) => number): [string, number] => {
    const s = process.hrtime.bigint();
    let sum = 0;
    for (const w of probes) sum += lookup(w);
    return [ms(s), sum];
  };
  const [tHash, a] = time((w) => cache.find(w));
  const [tMapLookups, b] = time((w) => map.get(w) ?? -1);
  const [tBinLookups, c] = time(search);
  if (a !== b || b !== c) throw new Error('the three indexes disagree');
  console.log(
    `pieces: readFile ${tRead}, decode (CRC, views) ${tDecode}; a Map would add ${tSplit} (strings) + ${tMap} (Map), ` +
      `a sorted array ${tSplit} (strings); ${probes.length} lookups: stored hash ${tHash}, Map ${tMapLookups}, ` +
      `binary search ${tBinLookups}`,
  );
}
