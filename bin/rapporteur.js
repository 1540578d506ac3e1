#!/usr/bin/env node
'use strict';

let cli;
try {
  cli = require('../dist/cli.js');
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND') throw error;
  process.stderr.write('rapporteur: error: the program is not built yet (run `npm install` or `npm run build` in its folder)\n');
  process.exit(70);
}
cli.main(process.argv).then((code) => {
  process.exitCode = code;
});
