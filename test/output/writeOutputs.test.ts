import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RapporteurError } from '../../src/errors';
import { planOutputs } from '../../src/output/planOutputs';
import { writeOutputs } from '../../src/output/writeOutputs';

/** writeOutputs with a file system that fails on cue (a stubbed writer stands for a full disk). */
// The module object itself, whose functions the code under test calls: spies go there.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs: typeof fs = require('node:fs');
let folder: string;
beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-write-'))));
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(folder, { recursive: true, force: true });
});

const files = (...names: string[]) =>
  planOutputs(names.map((n) => ({ file: path.join(folder, n), flag: '--out-dir' })), []).map((target, i) => ({ target, content: `report ${i}\n`, overwrite: true }));

function failWith(code: string, when: (call: number) => boolean, method: 'writeSync' | 'renameSync') {
  const real = fs[method] as (...args: unknown[]) => unknown;
  let call = 0;
  return jest.spyOn(nodeFs, method).mockImplementation(((...args: unknown[]) => {
    if (when(++call)) throw Object.assign(new Error(code), { code });
    return real(...args);
  }) as never);
}

it('writes every output, and only complete ones: no temporary file stays', async () => {
  await writeOutputs(files('a.md', 'b.md', 'index.md'));
  expect(fs.readdirSync(folder).sort()).toEqual(['a.md', 'b.md', 'index.md']);
  expect(fs.readFileSync(path.join(folder, 'index.md'), 'utf8')).toBe('report 2\n');
});

it('a full disk while writing the second of three: none is written, no temporary file stays, the line says so', async () => {
  fs.writeFileSync(path.join(folder, 'a.md'), 'earlier\n');
  failWith('ENOSPC', (call) => call === 2, 'writeSync');
  const attempt = writeOutputs(files('a.md', 'b.md', 'index.md'));
  await expect(attempt).rejects.toThrow(RapporteurError);
  await expect(attempt).rejects.toThrow(/cannot write .*b\.md: the disk is full \(ENOSPC\); none of the outputs was written/);
  expect(fs.readdirSync(folder)).toEqual(['a.md']);
  expect(fs.readFileSync(path.join(folder, 'a.md'), 'utf8')).toBe('earlier\n');
});

it('a failure while putting them in place says which were written and which not', async () => {
  failWith('EIO', (call) => call === 2, 'renameSync');
  await expect(writeOutputs(files('a.md', 'b.md', 'index.md'))).rejects.toThrow(/cannot write .*b\.md: an input\/output error \(EIO\); written: .*a\.md; not written: .*b\.md, .*index\.md/);
  expect(fs.readdirSync(folder)).toEqual(['a.md']);
});

it('without overwrite, a file that appears meanwhile is never replaced', async () => {
  const planned = files('a.md').map((f) => ({ ...f, overwrite: false }));
  fs.writeFileSync(path.join(folder, 'a.md'), 'written by someone else\n');
  await expect(writeOutputs(planned)).rejects.toThrow(/it appeared while the report was being written \(EEXIST\)/);
  expect(fs.readFileSync(path.join(folder, 'a.md'), 'utf8')).toBe('written by someone else\n');
  expect(fs.readdirSync(folder)).toEqual(['a.md']);
});

it('a write that takes only part of the bytes is finished, not left short', async () => {
  const real = fs.writeSync as (...args: unknown[]) => number;
  jest.spyOn(nodeFs, 'writeSync').mockImplementation(((fd: number, buffer: Uint8Array, offset: number, length: number) => real(fd, buffer, offset, Math.min(length, 3))) as never);
  await writeOutputs(files('a.md'));
  expect(fs.readFileSync(path.join(folder, 'a.md'), 'utf8')).toBe('report 0\n');
});
