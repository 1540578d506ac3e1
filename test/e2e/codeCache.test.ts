import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadBundle } = require('../../bin/loadBundle') as {
  loadBundle: (bundle?: string) => { cli: { value: () => number }; usedCache: boolean; save: () => Buffer };
};

describe('the code cache of the bundle', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-code-cache-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('is used for the bundle it was made from, and never for another of the same length', () => {
    const bundle = path.join(dir, 'cli.js');
    fs.writeFileSync(bundle, 'exports.value = function () { return 1; };');
    const first = loadBundle(bundle);
    expect(first.usedCache).toBe(false);
    expect(first.cli.value()).toBe(1);
    fs.writeFileSync(`${bundle}.cache`, first.save());

    const cached = loadBundle(bundle);
    expect(cached.usedCache).toBe(true);
    expect(cached.cli.value()).toBe(1);

    // V8 itself would accept this cache: it checks the source's length, not its content.
    fs.writeFileSync(bundle, 'exports.value = function () { return 2; };');
    const changed = loadBundle(bundle);
    expect(changed.usedCache).toBe(false);
    expect(changed.cli.value()).toBe(2);
  });

  test('the build leaves a cache that the installed program uses', () => {
    expect(loadBundle().usedCache).toBe(true);
  });
});
