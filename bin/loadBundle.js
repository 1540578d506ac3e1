'use strict';
/**
 * Loads dist/cli.js as require() would, but with V8's code cache when the build left one
 * (scripts/compile-cache.js): compiling the bundle is a sizeable part of a short run.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const BUNDLE = path.join(__dirname, '..', 'dist', 'cli.js');
const CACHE_FILE = `${BUNDLE}.cache`;

/**
 * V8 checks a code cache against the length of the source, not its content, so the cache starts
 * with the SHA-256 of the bundle it was made from and is used only for that bundle.
 */
function sourceHash(source) {
  return crypto.createHash('sha256').update(source).digest();
}

function cacheFor(source, cacheFile) {
  let bytes;
  try {
    bytes = fs.readFileSync(cacheFile);
  } catch {
    return undefined; // no cache: compile as usual
  }
  const hash = sourceHash(source);
  return bytes.length > hash.length && bytes.subarray(0, hash.length).equals(hash) ? bytes.subarray(hash.length) : undefined;
}

/** The bytes to save as the cache of `script`, compiled from `source`. */
function cacheBytes(source, script) {
  return Buffer.concat([sourceHash(source), script.createCachedData()]);
}

/**
 * The exports of `bundle`; `usedCache` says whether its code came from the cache, `save()` gives
 * the bytes of a cache to write to `${bundle}.cache` once the code has run.
 */
function loadBundle(bundle = BUNDLE) {
  const source = fs.readFileSync(bundle, 'utf8');
  const cachedData = cacheFor(source, `${bundle}.cache`);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  const module = { exports: {}, filename: bundle, id: bundle, loaded: false };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
  module.loaded = true;
  return { cli: module.exports, usedCache: cachedData !== undefined && !script.cachedDataRejected, save: () => cacheBytes(source, script) };
}

module.exports = { loadBundle, CACHE_FILE };
