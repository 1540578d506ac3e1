/**
 * Child process for interrupt.test.ts: writes a large report to FILE, either as the command
 * does (writeOutputs) or, as a control, to the same temporary name without its protection.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { planOutputs } from '../../src/output/planOutputs';
import { Interrupted } from '../../src/output/signals';
import { writeOutputs } from '../../src/output/writeOutputs';

const [file, megabytes, mode] = process.argv.slice(2);
const content = `${'An idea, '.repeat(Math.round((Number(megabytes) * 1e6) / 9))}\n`;
if (mode === 'unprotected') {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
  process.stdout.write(`${content.length}\n`);
} else {
  const [target] = planOutputs([{ file, flag: '-o' }], []);
  writeOutputs([{ target, content, overwrite: true }]).then(
    () => process.stdout.write(`${content.length}\n`),
    (error) => {
      if (!(error instanceof Interrupted)) throw error;
      process.stdout.write(`${content.length} ${error.afterWriting ? 'after' : 'before'}\n`);
      process.exitCode = error.exitCode;
    },
  );
}
