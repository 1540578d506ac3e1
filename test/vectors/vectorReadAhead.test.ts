import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cacheFileName, loadWordVectors, WordVectors } from '../../src/vectors/wordVectorCache';
import { readLayout } from '../../src/vectors/wordVectorFormat';
import { writeSource } from './winkSource';

// Every position this thread reads the cache at; the other thread's reads are its own.
const positions: number[] = [];
jest.mock('node:fs', () => {
  const actual = jest.requireActual<typeof import('node:fs')>('node:fs');
  return {
    ...actual,
    readSync: (...args: unknown[]) => {
      positions.push(Number(args[4])); // (fd, buffer, offset, length, position)
      return (actual.readSync as (...a: unknown[]) => number)(...args);
    },
  };
});

let tmp: string;
beforeAll(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-ahead-'))));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const allVectors = (vectors: WordVectors) =>
  Array.from({ length: vectors.size }, (_, i) => {
    const out = new Float32Array(vectors.dimensions);
    vectors.copyVector(i, out);
    return Array.from(out);
  });

test('vectors read ahead are the ones this thread would read, and this thread does not read them', () => {
  const source = path.join(tmp, 'source.json');
  writeSource(source);
  const cacheDir = path.join(tmp, 'cache');
  const expected = allVectors(loadWordVectors({ cacheDir, sourceJsonPath: source }));
  const file = path.join(cacheDir, cacheFileName(source));
  const vectorsAt = readLayout(fs.readFileSync(file), fs.statSync(file).size).vectors;

  positions.length = 0;
  expect(allVectors(loadWordVectors({ cacheDir, sourceJsonPath: source }))).toEqual(expected);
  expect(positions).toContain(vectorsAt); // without reading ahead, this thread reads them

  positions.length = 0;
  expect(allVectors(loadWordVectors({ cacheDir, sourceJsonPath: source, readAhead: true }))).toEqual(expected);
  expect(positions.length).toBeGreaterThan(0); // the index is read here
  expect(positions).not.toContain(vectorsAt);
});
