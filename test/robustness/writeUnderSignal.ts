/**
 * Child process for interrupt.test.ts: writes a large report to FILE, either as the command
 * does (writeAtomically) or, as a control, to the same temporary name without its protection.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAtomically } from '../../src/run';

const [file, megabytes, mode] = process.argv.slice(2);
const content = `${'An idea, '.repeat(Math.round((Number(megabytes) * 1e6) / 9))}\n`;
if (mode === 'unprotected') {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
} else {
  writeAtomically(file, content);
}
process.stdout.write(`${content.length}\n`);
