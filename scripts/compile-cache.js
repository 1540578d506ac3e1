#!/usr/bin/env node
'use strict';
/**
 * Build step: V8's compiled code for the bundle, saved beside it (dist/cli.js.cache), so that a
 * run does not parse and compile 800 kB of JavaScript before doing anything. The cache is made
 * after one real run over the bundled ITU notes, so it also holds the functions a run compiles
 * lazily (without word vectors, so that installing never writes the user's word-vector cache).
 * A cache V8 refuses (another Node version or other flags) is ignored: the bundle is then
 * compiled as usual. Nothing here changes what a run prints, and a failure here never fails
 * the build: the program only starts a little slower.
 */
const fs = require('node:fs');
const path = require('node:path');
const { loadBundle, CACHE_FILE } = require('../bin/loadBundle');

const root = path.join(__dirname, '..');
fs.rmSync(CACHE_FILE, { force: true });
const { cli, save } = loadBundle();
const notes = path.join(root, 'fixtures', 'itu-world-cafe-2013.csv');
cli
  .main(['node', 'rapporteur', notes, '--no-vectors', '--format', 'markdown', '-o', '/dev/null'])
  .then((code) => {
    if (code !== 0) throw new Error(`the run over ${notes} exited with ${code}`);
    fs.writeFileSync(CACHE_FILE, save());
  })
  .catch((error) => {
    process.stderr.write(`rapporteur build: no code cache (${error.message}); runs will compile the bundle as they start\n`);
  });
