import { RapporteurError } from '../../src/errors';
import { CsvRecords } from '../../src/ingest/csvRecords';
import { Delimiter } from '../../src/ingest/dialect';
import { RegularCsvScanner, RegularScan } from '../../src/ingest/regularCsv';
import { Random, seededRandom } from '../../src/random';

/**
 * The fast reader must give exactly what csv-parse alone gives: the same records, on the same
 * lines, after the same chunk, and the same error (code, message, line) where there is one.
 */

/** What a reader gives, in order: [line, ...fields] per record, '|' after each chunk, then 'end' or the error. */
function readLog(bytes: Buffer, chunkEnds: number[], delimiter: Delimiter, maxFieldBytes: number, fastPath: boolean): unknown[] {
  const log: unknown[] = [];
  let records = 0;
  // As the table builder does: the header's width raises the record size limit.
  const csv: CsvRecords = new CsvRecords(
    delimiter,
    maxFieldBytes,
    'n.csv',
    (record) => {
      log.push([record.line, ...record.fields]);
      if (++records === 1) csv.columns = record.fields.length;
    },
    { fastPath },
  );
  try {
    let at = 0;
    for (const chunkEnd of chunkEnds) {
      csv.write(bytes.subarray(at, chunkEnd));
      at = chunkEnd;
      log.push('|');
    }
    csv.write(bytes.subarray(at));
    csv.end();
    log.push('end');
  } catch (error) {
    if (!(error instanceof RapporteurError)) throw error;
    log.push(['error', error.code, error.message, error.line]);
  }
  return log;
}

function compare(text: string, options: { delimiter?: Delimiter; chunkEnds?: number[]; maxFieldBytes?: number } = {}): unknown[] {
  const bytes = Buffer.from(text, 'utf8');
  const args = [bytes, options.chunkEnds ?? [], options.delimiter ?? ',', options.maxFieldBytes ?? 1_000_000] as const;
  const fast = readLog(...args, true);
  expect(fast).toEqual(readLog(...args, false));
  return fast;
}

const records = (log: unknown[]): unknown[] => log.filter((entry) => Array.isArray(entry) && entry[0] !== 'error');
const everyByte = (text: string): number[] => Array.from({ length: Buffer.byteLength(text) - 1 }, (_, i) => i + 1);

describe('the fast CSV reader against csv-parse', () => {
  it('reads quoted fields with delimiters, "" and line breaks, and counts lines as csv-parse does', () => {
    const text = 'idea,n\r\n"a, b",1\r\n"say ""hi""",2\n"two\r\nlines",3\r"x\ny"\r\n\r\nlast,4';
    const log = compare(text);
    expect(records(log)).toEqual([
      [1, 'idea', 'n'],
      [2, 'a, b', '1'],
      [3, 'say "hi"', '2'],
      [4, 'two\r\nlines', '3'],
      // csv-parse counts a CR LF inside quotes as two lines: the next record starts on line 7.
      [7, 'x\ny'],
      [9, ''],
      [10, 'last', '4'],
    ]);
    for (const chunkEnds of [everyByte(text), [5, 9, 10, 11, 30, 31]]) compare(text, { chunkEnds });
  });

  it('reads empty fields, empty lines and a file without a final line break', () => {
    expect(records(compare(',\n\n\r\n,,x\r\r"",""'))).toEqual([[1, '', ''], [2, ''], [3, ''], [4, '', '', 'x'], [5, ''], [6, '', '']]);
    expect(records(compare('a\n'))).toEqual([[1, 'a']]);
    expect(records(compare(''))).toEqual([]);
  });

  it('reads accented letters and characters of several bytes cut between chunks', () => {
    const text = 'idée;n\n"Café; crème";1\n网络安全 🙂;2\n';
    expect(records(compare(text, { delimiter: ';', chunkEnds: everyByte(text) }))).toEqual([
      [1, 'idée', 'n'],
      [2, 'Café; crème', '1'],
      [3, '网络安全 🙂', '2'],
    ]);
  });

  it('leaves a quote inside an unquoted field to csv-parse, which keeps it as written, and reads on', () => {
    const text = 'idea,n\nHe said "no",1\n"fine",2\n';
    expect(records(compare(text))).toEqual([
      [1, 'idea', 'n'],
      [2, 'He said "no"', '1'],
      [3, 'fine', '2'],
    ]);
    compare(text, { chunkEnds: everyByte(text) });
  });

  it('leaves a closing quote followed by text to csv-parse', () => {
    expect(records(compare('idea\n"a"b,1\nc\n'))).toEqual([[1, 'idea'], [2, '"a"b', '1'], [3, 'c']]);
  });

  it('reads a file of many odd records as csv-parse does, past the number read one by one', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => (i % 2 ? `say "x${i}",${i}` : `"q${i}"z,${i}`));
    const text = `idea,n\n${rows.join('\n')}\nlast,1\n`;
    const oddReads = jest.spyOn(CsvRecords.prototype as unknown as { readOdd: () => number | undefined }, 'readOdd');
    const log = compare(text);
    expect(oddReads.mock.results.filter((r) => r.value !== undefined)).toHaveLength(1000);
    oddReads.mockRestore();
    compare(text, { chunkEnds: [1000, 20000, 20001, 40000] });
    expect(records(log)).toHaveLength(1502);
    expect(records(log).slice(1, 3)).toEqual([
      [2, '"q0"z', '0'],
      [3, 'say "x1"', '1'],
    ]);
    expect(records(log).at(-1)).toEqual([1502, 'last', '1']);
  });

  it("gives csv-parse's error for a quote never closed, on the line where it opens", () => {
    const log = compare('idea,n\nA,1\n"never closed,2\nB,3\n', { chunkEnds: [3, 12, 20] });
    expect(log.at(-1)).toEqual(['error', 'CSV_QUOTE_NOT_CLOSED', 'not a readable CSV: a quoted field that starts on this line is never closed', 3]);
  });

  it('leaves the rest to csv-parse after a quote not closed within 64 kB, with the same error', () => {
    const text = `idea,n\nA,1\n"never closed,2\n${'B,3\n'.repeat(40_000)}`;
    const chunkEnds = [20, 50_000, 100_000, 150_000];
    expect(compare(text, { chunkEnds }).at(-1)).toEqual(['error', 'CSV_QUOTE_NOT_CLOSED', expect.any(String), 3]);
    expect(compare(text, { chunkEnds, maxFieldBytes: 10_000 }).at(-1)).toEqual(['error', 'FIELD_TOO_LARGE', expect.any(String), 3]);
  });

  it("gives csv-parse's error for a record over the size limit", () => {
    const text = `idea\nshort\n${'x'.repeat(200)}\nafter\n`;
    const log = compare(text, { maxFieldBytes: 10, chunkEnds: [7, 50, 100] });
    expect(log.at(-1)).toEqual(expect.arrayContaining(['error', 'FIELD_TOO_LARGE', 3]));
  });
});

describe('the fast CSV reader alone', () => {
  const scan = (text: string, end = true): { records: unknown[]; result: RegularScan } => {
    const found: unknown[] = [];
    const scanner = new RegularCsvScanner(',', 1000, (fields, line, lastLine) => found.push([line, lastLine, ...fields]));
    return { records: found, result: scanner.scan(Buffer.from(text), 0, end) };
  };

  it('reads a regular file to its end without handing over', () => {
    const { records: found, result } = scan('a,b\r\n"c\nd",e\n\nf');
    expect(found).toEqual([
      [1, 1, 'a', 'b'],
      [2, 3, 'c\nd', 'e'],
      [4, 4, ''],
      [5, 5, 'f'],
    ]);
    expect(result).toEqual({ stop: 15, irregular: false });
  });

  it('stops at the first irregular record', () => {
    expect(scan('a\nb"c\nd\n')).toEqual({ records: [[1, 1, 'a']], result: { stop: 2, irregular: true } });
    expect(scan('a\n"b"c\n').result).toEqual({ stop: 2, irregular: true });
    expect(scan('a\n"b\n').result).toEqual({ stop: 2, irregular: true });
  });

  it('keeps back a record whose end csv-parse would not have read yet', () => {
    // The last three bytes wait for the next chunk, as csv-parse keeps them.
    expect(scan('a\nbc\n', false)).toEqual({ records: [[1, 1, 'a']], result: { stop: 2, irregular: false } });
    expect(scan('a\nbcd\r', false)).toEqual({ records: [[1, 1, 'a']], result: { stop: 2, irregular: false } });
    expect(scan('a\nb\r', false)).toEqual({ records: [], result: { stop: 0, irregular: false } });
  });
});

/** CSV-ish text: mostly regular records, with irregular ones and plain noise mixed in. */
function randomCsv(random: Random, delimiter: Delimiter): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  // Letters, digits, spaces (a no-break space and a byte-order mark among them), the other delimiters.
  const letters = ['a', 'b', 'z', 'Q', ' ', ' ', '0', '7', 'é', 'ü', 'Ñ', 'ç', '中', '🙂', '\u00a0', '\ufeff', ...([',', ';', '\t'] as const).filter((d) => d !== delimiter)];
  const breaks = ['\n', '\r\n', '\r'];
  const word = (max: number): string => Array.from({ length: Math.floor(random() * max) }, () => pick(letters)).join('');
  const oddness = pick([0, 0.005, 0.03, 0.15]);
  const quoted = (): string =>
    `"${Array.from({ length: Math.floor(random() * 6) }, () => pick([word(6), '""', delimiter, pick(breaks), '\r\n\r\n'])).join('')}"`;
  const odd = (): string =>
    pick([
      () => `${word(4)}x"${word(4)}`, // a quote inside an unquoted field
      () => `${quoted()}${pick(['x', ' ', '"', 'é'])}${word(3)}`, // text after the closing quote
      () => `"${word(30)}`, // a quote never closed
      () => Array.from({ length: 1 + Math.floor(random() * 20) }, () => pick([...letters, '"', '\n', '\r', delimiter])).join(''),
    ])();
  const field = (): string => {
    if (random() < oddness) return odd();
    const kind = random();
    if (kind < 0.2) return '';
    if (kind < 0.6) return word(10);
    if (kind < 0.65) return word(300); // long enough to pass small size limits
    return quoted();
  };
  const lines: string[] = [];
  const count = Math.floor(random() * 25);
  for (let r = 0; r < count; r++) {
    const width = random() < 0.1 ? 0 : 1 + Math.floor(random() * 4);
    lines.push(Array.from({ length: width }, field).join(delimiter) + pick(breaks));
  }
  let text = lines.join('');
  if (random() < 0.4) text = text.replace(/(\r\n|\n|\r)$/, '');
  return text;
}

function randomChunkEnds(random: Random, length: number): number[] {
  const largest = [1, 2, 5, 40, 600][Math.floor(random() * 5)];
  const ends: number[] = [];
  for (let at = 1 + Math.floor(random() * largest); at < length; at += 1 + Math.floor(random() * largest)) ends.push(at);
  return ends;
}

describe('the fast CSV reader against csv-parse on random input', () => {
  it('gives the same records, lines, chunk by chunk, and errors in thousands of cases', () => {
    const scans = jest.spyOn(RegularCsvScanner.prototype, 'scan');
    const oddReads = jest.spyOn(CsvRecords.prototype as unknown as { readOdd: () => number | undefined }, 'readOdd');
    const random = seededRandom(20261202);
    for (let n = 0; n < 3000; n++) {
      const delimiter = (['\t', ',', ';'] as const)[n % 3];
      const text = randomCsv(random, delimiter);
      const bytes = Buffer.from(text, 'utf8');
      const chunkEnds = randomChunkEnds(random, bytes.length);
      const maxFieldBytes = [1_000_000, 1_000_000, 40, 7][Math.floor(random() * 4)];
      const fast = readLog(bytes, chunkEnds, delimiter, maxFieldBytes, true);
      const reference = readLog(bytes, chunkEnds, delimiter, maxFieldBytes, false);
      if (JSON.stringify(fast) !== JSON.stringify(reference)) {
        // The failing case, in a form that can be pasted into a named test.
        expect({ case: n, text, chunkEnds, delimiter, maxFieldBytes, fast }).toEqual({ case: n, text, chunkEnds, delimiter, maxFieldBytes, fast: reference });
      }
    }
    const results = scans.mock.results.map((r) => r.value as RegularScan);
    const odd = oddReads.mock.results.filter((r) => r.type === 'return').map((r) => r.value as number | undefined);
    // Both ways through were taken often: regular records read fast, odd ones by csv-parse,
    // after which the fast reader went on, or csv-parse read the rest.
    expect(results.filter((r) => !r.irregular).length).toBeGreaterThan(8000);
    expect(results.filter((r) => r.irregular).length).toBeGreaterThan(800);
    expect(odd.filter((next) => next !== undefined).length).toBeGreaterThan(200);
    expect(odd.filter((next) => next === undefined).length).toBeGreaterThan(200);
    scans.mockRestore();
    oddReads.mockRestore();
  });
});
