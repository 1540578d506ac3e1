import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../e2e/cli';

/** Run JavaScript as a program that installed rapporteur would: `require('rapporteur')`, resolved by Node from the package's own exports. */
function runProgram(code: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the package as a library', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = (name: string) => new RegExp(`<!-- example:${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\n<!-- /example:${name} -->`).exec(readme)?.[1];

  it.each(['library', 'stages'])('runs the README example "%s" as pasted and prints what the README shows', (name) => {
    const example = block(name);
    const output = block(`${name}-output`);
    expect(example).toContain("require('rapporteur')");
    const result = runProgram(example!);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(output);
  });

  it('exports the functions of the API, with their type declarations beside the bundle', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.exports['.']).toEqual({ types: './dist/types/index.d.ts', default: './dist/index.js' });
    const declarations = fs.readFileSync(path.join(ROOT, manifest.types), 'utf8');
    const result = runProgram("console.log(Object.keys(require('rapporteur')).sort().join(' '))");
    expect(result.status).toBe(0);
    const exported = result.stdout.trim().split(' ');
    for (const name of ['readNotes', 'findThemes', 'assignIdeas', 'evaluateThemes', 'renderReport', 'loadWordVectors', 'parseModel', 'serialiseModel', 'clustererFromLabels', 'defaultRepresentation', 'defaultNamer', 'analyseText']) {
      expect(exported).toContain(name);
      expect(declarations).toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it('type-checks a TypeScript program against the declarations it ships', () => {
    const program = path.join(ROOT, 'test', 'api', `.consumer-${process.pid}.ts`);
    fs.writeFileSync(
      program,
      [
        "import { findThemes, readNotes, renderReport, type FindThemesOptions, type Report } from 'rapporteur';",
        "const options: FindThemesOptions = { k: '1=6,auto', seed: 1, merge: false };",
        "const report: Report = findThemes(readNotes('notes.csv', { by: 'round' }), options).report;",
        "export const shown: string | Uint8Array = renderReport(report, 'markdown', { top: 3 });",
        "export const wrong: number = report.groups[0].themes[0].label;",
      ].join('\n'),
    );
    try {
      const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--ignoreConfig', '--noEmit', '--strict', '--module', 'node20', '--moduleResolution', 'node16', '--types', 'node', program], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      // The one error is the deliberate one: a label is a string, and the declarations say so.
      expect(tsc.stdout.trim().split('\n')).toEqual([expect.stringMatching(/consumer-\d+\.ts\(5,14\): error TS2322: Type 'string' is not assignable to type 'number'/)]);
    } finally {
      fs.rmSync(program, { force: true });
    }
  });

  it('reads CSV text held in memory and gives a library error a code and a place, without printing', () => {
    const result = runProgram(`
      const { readNotes, findThemes, RapporteurError } = require('rapporteur');
      const notes = readNotes({ text: 'idea\\nFree wifi\\nFree wifi in parks\\n\\nLonger opening hours\\n', name: 'inline.csv' });
      console.log(notes.ideas.length, notes.skipped.map((s) => s.row + ' ' + s.reason).join());
      try { readNotes('no-such-file.csv'); } catch (error) { console.log(error instanceof RapporteurError, error.code, error.file); }
      try { findThemes(notes, { k: 0 }); } catch (error) { console.log(error.code); }
    `);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('3 3 empty row\ntrue INPUT_NOT_FOUND no-such-file.csv\nBAD_K\n');
  });
});
