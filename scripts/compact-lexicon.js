#!/usr/bin/env node
'use strict';
/**
 * Build step: natural's English part-of-speech lexicon (4 MB of JSON, 92,000 words in no order)
 * as lines "word<TAB>TAG TAG" sorted by word, written beside the bundle. A run then finds a word
 * by binary search in the file's bytes instead of parsing or scanning all of it.
 */
const fs = require('node:fs');
const path = require('node:path');

const source = require.resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
const target = path.join(__dirname, '..', 'dist', 'lexicon.tsv');
const lexicon = JSON.parse(fs.readFileSync(source, 'utf8'));
const lines = Object.keys(lexicon)
  .filter((word) => word !== '' && !/[\t\n]/.test(word) && Array.isArray(lexicon[word]))
  .sort()
  .map((word) => `${word}\t${lexicon[word].join(' ')}\n`);
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, lines.join(''));
