import { defaultCacheDir, loadWordVectors } from '../src/vectors/wordVectorCache';

/**
 * Build the word-vector cache once, before any test runs, so that no test pays the one-time
 * conversion and no spawned command prints its progress line into a test's stderr.
 */
export default function buildWordVectorCacheOnce(): void {
  loadWordVectors({ cacheDir: defaultCacheDir(process.env), onProgress: (m) => process.stderr.write(`${m}\n`) });
}
