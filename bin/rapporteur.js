#!/usr/bin/env node
'use strict';

const { loadBundle } = require('./loadBundle');

let cli;
try {
  cli = loadBundle().cli;
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
  process.stderr.write('rapporteur: error: the program is not built yet (run `npm install` or `npm run build` in its folder)\n');
  process.exit(70);
}
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});
