import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { segmentTokens, tokenize } from '../../src/text/tokenize';

const fixtures = path.join(__dirname, '..', '..', 'fixtures');

describe('tokenize: the fast path for plain ASCII cuts words exactly as Intl.Segmenter does', () => {
  it('on every line of the fixtures', () => {
    for (const file of fs.readdirSync(fixtures).filter((f) => f.endsWith('.csv'))) {
      for (const line of fs.readFileSync(path.join(fixtures, file), 'utf8').split('\n')) expect(tokenize(line)).toEqual(segmentTokens(line));
    }
  });

  it('on the awkward joins of letters, digits and punctuation', () => {
    const cases = ['U.S. and e-mail', "don't 'tis it's JOHN'S", 'A1.B2 1.2.3 a.b.c a:b:c 3,5 3;4 a.3 3.a', "1'2 a'3 3'a __ _x_ x__ 1_2", 'a..b ... , ; : !?', 'tab\there\r\nnew  line'];
    for (const text of cases) expect(tokenize(text)).toEqual(segmentTokens(text));
  });

  it('on any printable ASCII text', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'abcXYZ019_.,;:\'"- \t\n!?()s'.split('')), maxLength: 40 });
    fc.assert(fc.property(ascii, (text) => expect(tokenize(text)).toEqual(segmentTokens(text))), { numRuns: 20000 });
  });
});
