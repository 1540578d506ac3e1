#!/usr/bin/env node
'use strict';

// A reader of the pipe may close early (`rapporteur notes.csv | head`): that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

let cli;
try {
  cli = require('../dist/cli.js');
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND') throw error;
  process.stderr.write('rapporteur: error: the program is not built yet (run `npm install` or `npm run build` in its folder)\n');
  process.exit(70);
}
process.exitCode = cli.main(process.argv);
