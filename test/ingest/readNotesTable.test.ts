import { RapporteurError } from '../../src/errors';
import { firstInvalidUtf8 } from '../../src/ingest/encoding';
import { formatSize, parseSize } from '../../src/ingest/limits';
import { parseNotes, ReadOptions, readNotesTable } from '../../src/ingest/parseNotes';
import { bufferSource } from '../../src/ingest/source';

const read = (bytes: Buffer | string, options: ReadOptions & { text?: string; by?: string } = {}) =>
  readNotesTable(bufferSource(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes)), 'n.csv', options);

/** The error a read throws, for its code, line and message. */
function failure(attempt: () => unknown): RapporteurError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof RapporteurError) return error;
    throw error;
  }
  throw new Error('expected a RapporteurError');
}

const utf16 = (text: string, order: 'le' | 'be'): Buffer => {
  const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? bytes : bytes.swap16();
};

describe('encodings', () => {
  const csv = 'idea,round\r\nCafé citoyen,1\r\nКибербезопасность,1\r\n网络安全 🙂,2\r\n';
  const expected = ['Café citoyen', 'Кибербезопасность', '网络安全 🙂'];

  it.each([
    ['UTF-8', Buffer.from(csv)],
    ['UTF-8 with a byte-order mark', Buffer.from(`\ufeff${csv}`)],
    ['UTF-16LE with a byte-order mark', utf16(csv, 'le')],
    ['UTF-16BE with a byte-order mark', utf16(csv, 'be')],
  ])('reads %s', (_name, bytes) => {
    const table = read(bytes);
    expect(table.ideas.map((i) => i.text)).toEqual(expected);
    expect(table.columns.text).toBe('idea');
  });

  it('reads any chunking the same: characters and CR LF cut in two', () => {
    for (const bytes of [Buffer.from(csv), utf16(csv, 'le'), utf16(csv, 'be')]) {
      for (const chunkBytes of [1, 2, 3, 5, 7]) expect(read(bytes, { chunkBytes }).ideas.map((i) => [i.row, i.text])).toEqual(expected.map((t, i) => [i + 1, t]));
    }
  });

  const cp1252 = Buffer.concat([Buffer.from('idea\r\nOpen data\r\nCaf'), Buffer.from([0xe9]), Buffer.from(' citoyen\r\nA 5 '), Buffer.from([0x80]), Buffer.from(' fund\r\n')]);

  it('names bytes that are not UTF-8, with their line, and suggests --encoding rather than guessing', () => {
    const e = failure(() => read(cp1252));
    expect(e.code).toBe('NOT_UTF8');
    expect(e.exitCode).toBe(1);
    expect(e.line).toBe(3);
    expect(e.describe()).toMatch(/^n\.csv:3: is not valid UTF-8: byte 0xE9 .* read as Windows-1252 the line says "Café citoyen" \(.*--encoding windows-1252/);
  });

  it('reads Windows-1252 when asked, euro sign included', () => {
    expect(read(cp1252, { encoding: 'windows-1252' }).ideas.map((i) => i.text)).toEqual(['Open data', 'Café citoyen', 'A 5 € fund']);
    expect(read(cp1252, { encoding: 'CP1252', chunkBytes: 3 }).ideas).toHaveLength(3);
  });

  it('finds the line of a bad byte in a later chunk and a character cut short at the end', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `idea number ${i}`).join('\n');
    expect(failure(() => read(Buffer.concat([Buffer.from(`idea\n${lines}\n`), Buffer.from([0xff, 0x0a])]), { chunkBytes: 64 })).line).toBe(52);
    const e = failure(() => read(Buffer.concat([Buffer.from('idea\nCaf'), Buffer.from([0xc3])])));
    expect(e.describe()).toMatch(/^n\.csv:2: .*ends in the middle of a character/);
  });

  it('rejects an encoding it does not know, as a usage error', () => {
    const e = failure(() => read(csv, { encoding: 'klingon' }));
    expect([e.code, e.exitCode]).toEqual(['UNKNOWN_ENCODING', 2]);
    expect(e.describe()).toMatch(/"klingon".*utf-16le/);
  });

  it('spots UTF-16 without a byte-order mark and says which --encoding', () => {
    const e = failure(() => read(Buffer.from(csv, 'utf16le')));
    expect(e.describe()).toMatch(/UTF-16 text without a byte-order mark \(run again with --encoding utf-16le\)/);
    expect(read(Buffer.from(csv, 'utf16le'), { encoding: 'utf-16le' }).ideas.map((i) => i.text)).toEqual(expected);
    expect(failure(() => read(Buffer.from(csv, 'utf16le').swap16())).describe()).toMatch(/--encoding utf-16be/);
  });

  it.each([
    ['a PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], /is a binary file, a PNG image, not a CSV/],
    ['an Excel workbook', [0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0], /Excel \(\.xlsx\)/],
    ['UTF-32', [0xff, 0xfe, 0, 0, 0x69, 0, 0, 0], /UTF-32LE text/],
    ['NUL bytes', [0x69, 0x64, 0x0a, 0x61, 0, 0x62, 0x0a], /binary file/],
    ['control characters', [...Buffer.from('idea\n'), ...Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 0x41 : 0x02))], /binary file/],
  ])('refuses %s', (_name, bytes, message) => {
    const e = failure(() => read(Buffer.from(bytes)));
    expect(e.exitCode).toBe(1);
    expect(e.describe()).toMatch(message);
  });

  it('refuses a NUL found after the first chunk, with its line', () => {
    const e = failure(() => read(`idea\n${'fine idea\n'.repeat(30)}bad\u0000idea\n`, { chunkBytes: 16 }));
    expect([e.code, e.line]).toEqual(['BINARY_INPUT', 32]);
  });

  it('finds the first byte that breaks UTF-8', () => {
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc3, 0xa9, 0xe9, 0x62]))).toBe(3);
    expect(firstInvalidUtf8(Buffer.from([0xe0, 0x80, 0x80]))).toBe(0); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // a surrogate
    expect(firstInvalidUtf8(Buffer.from('ok 🙂'))).toBe(7);
  });
});

describe('rows', () => {
  it('counts every blank line as a row, at the end too; the final line break is not one', () => {
    const table = parseNotes('idea\nA\n\nB\n\n\n', 'n.csv');
    expect(table.ideas.map((i) => i.row)).toEqual([1, 3]);
    expect(table.skipped.map((s) => [s.row, s.reason])).toEqual([
      [2, 'empty row'],
      [4, 'empty row'],
      [5, 'empty row'],
    ]);
    expect(parseNotes('idea\nA\nB', 'n.csv').ideas.map((i) => i.row)).toEqual([1, 2]);
  });

  it('skips blank lines before the header, which are not rows', () => {
    expect(parseNotes('\n\r\nidea\nA\n', 'n.csv').ideas.map((i) => [i.row, i.text])).toEqual([[1, 'A']]);
  });

  it('reads the extra fields of a row as the text’s own unquoted commas, keeps later columns, and warns', () => {
    const table = parseNotes('id,idea,round\n1,Governments, not markets, should lead,2\n2,Open data,1,,\n3,Short\n', 'n.csv');
    expect(table.ideas.map((i) => [i.id, i.text, i.group])).toEqual([
      ['1', 'Governments, not markets, should lead', '2'],
      ['2', 'Open data', '1'],
      ['3', 'Short', '(none)'],
    ]);
    expect(table.notices).toEqual([
      expect.objectContaining({ level: 'warning', line: 2, message: expect.stringMatching(/^row 1 has 5 fields but the header 3: .*"Governments, not markets, should lead"/) }),
    ]);
  });

  it('counts warnings past the first three', () => {
    const rows = Array.from({ length: 10 }, (_, i) => `${i},a,b,c`).join('\n');
    const notices = parseNotes(`round,idea\n${rows}\n`, 'n.csv').notices!;
    expect(notices).toHaveLength(4);
    expect(notices[3].message).toMatch(/^7 more rows had more fields/);
  });

  it('joins unquoted commas silently when there is one column', () => {
    const table = parseNotes('idea\nOpen data, for all\n', 'n.csv');
    expect(table.ideas.map((i) => i.text)).toEqual(['Open data, for all']);
    expect(table.notices).toEqual([]);
  });

  it('keeps quotes inside an unquoted field as written', () => {
    expect(parseNotes('idea\nHe said "no"\n"Open data" is key\n', 'n.csv').ideas.map((i) => i.text)).toEqual(['He said "no"', '"Open data" is key']);
  });
});

describe('headers and columns', () => {
  it('notes which column it guessed when none is named, and line 1 may be an idea', () => {
    const table = parseNotes('Cybercrime\nOpen data for all\nLearn to listen\n', 'n.csv');
    expect(table.ideas.map((i) => i.text)).toEqual(['Open data for all', 'Learn to listen']);
    expect(table.notices).toEqual([expect.objectContaining({ level: 'note', line: 1, message: expect.stringMatching(/--no-header/) })]);
  });

  it('reads every line as data with header: false, columns by number', () => {
    const table = parseNotes('Cybercrime,1\nOpen data for all,2\n', 'n.csv', { header: false });
    expect(table.ideas.map((i) => [i.row, i.text])).toEqual([
      [1, 'Cybercrime'],
      [2, 'Open data for all'],
    ]);
    expect(table.columns.text).toBe('column 1');
    expect(parseNotes('1,Cybercrime\n2,Open data\n', 'n.csv', { header: false, text: '2', by: 'none' }).ideas.map((i) => i.text)).toEqual(['Cybercrime', 'Open data']);
  });

  it('chooses a text column, never one of numbers or dates', () => {
    expect(parseNotes('when,score,what\n2013-10-08 10:00:00,12345678,ok\n', 'n.csv').columns.text).toBe('what');
    const e = failure(() => parseNotes('id,score\n1,5\n2,3\n', 'n.csv'));
    expect([e.code, e.exitCode]).toEqual(['NO_TEXT_COLUMN', 1]);
    expect(e.describe()).toMatch(/"id", "score" \(name the column of ideas with --text\)/);
  });

  it('reports a missing --text or --by column as soon as the header is read', () => {
    const big = `idea,round\n${'x,1\n'.repeat(10)}"never closed\n`;
    expect(failure(() => read(big, { by: 'table' })).code).toBe('COLUMN_NOT_FOUND');
    expect(failure(() => read(big, { text: 'nope' })).exitCode).toBe(2);
  });

  it.each([
    ['an empty file', '', 'EMPTY_INPUT', /is empty/],
    ['blank lines only', '\n \n\r\n', 'EMPTY_INPUT', /only blank lines/],
    ['a header only', 'idea,round\n', 'NO_ROWS', /^n\.csv:1: has column names \("idea", "round"\) but no rows/],
    ['rows without any idea', 'idea,round\n,1\n\n', 'NO_IDEAS', /none of the 2 rows has text in column "idea"/],
  ])('refuses %s', (_name, csv, code, message) => {
    const e = failure(() => parseNotes(csv, 'n.csv'));
    expect(e.code).toBe(code);
    expect(e.describe()).toMatch(message);
  });

  it('escapes control characters of the file in messages', () => {
    const e = failure(() => parseNotes('\u001b[31mred\u009b,x\u202e\n,\n', 'n.csv'));
    expect(e.describe()).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(e.describe()).toMatch(/\\u001b\[31mred\\u009b/);
  });
});

describe('limits', () => {
  it('refuses a field over the limit, naming it, the row and the flag', () => {
    const e = failure(() => read(`idea,round\nshort,1\n"${'x'.repeat(2000)}",2\n`, { maxFieldBytes: 1000 }));
    expect([e.code, e.line, e.exitCode]).toEqual(['FIELD_TOO_LARGE', 3, 1]);
    expect(e.describe()).toMatch(/field 1 \("idea"\) of row 2 is larger than the field size limit of 1kB \(.*--max-field-size 10kB/);
    expect(read(`idea\n"${'x'.repeat(2000)}"\n`, { maxFieldBytes: 2000 }).ideas).toHaveLength(1);
  });

  it('counts the limit in bytes of UTF-8', () => {
    expect(failure(() => read(`idea\n${'é'.repeat(600)}\n`, { maxFieldBytes: 1000 })).code).toBe('FIELD_TOO_LARGE');
  });

  it('stops reading a quote that is never closed at the limit, not at the end of the file', () => {
    const e = failure(() => read(`idea,round\nA,1\n"never closed,1\n${'B,2\n'.repeat(100_000)}`, { maxFieldBytes: 1000, chunkBytes: 4096 }));
    expect([e.code, e.line]).toEqual(['FIELD_TOO_LARGE', 3]);
  });

  it('refuses more rows than the limit, blank rows included, at the first one too many', () => {
    const e = failure(() => read('idea\nA\n\nB\nC\n', { maxRows: 2 }));
    expect([e.code, e.line]).toEqual(['TOO_MANY_ROWS', 4]);
    expect(e.describe()).toMatch(/more than 2 rows, the row limit \(raise it with --max-rows, e\.g\. --max-rows 4/);
    expect(read('idea\nA\n\nB\n', { maxRows: 3 }).ideas).toHaveLength(2);
  });

  it('parses and prints sizes', () => {
    expect(['1000000', '1MB', '1 mb', '500kB', '2MiB', '1.5k', 'x', '0', '-1', '1TB'].map(parseSize)).toEqual([
      1e6,
      1e6,
      1e6,
      5e5,
      2 * 1024 * 1024,
      1500,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([1e6, 1500, 999, 2e9].map(formatSize)).toEqual(['1MB', '1.5kB', '999 bytes', '2GB']);
  });
});

describe('line ends met late in the file', () => {
  // The parser looks for "\r\n" and "\r" only from the first chunk that holds a carriage return.
  const lines = ['id,text,round', ...Array.from({ length: 40 }, (_, i) => `${i + 1},idea ${i + 1},1`)];
  const csv = `${lines.join('\n')}\n41,"two\r\nlines",2\r\n42,after a CR,2\r43,"quoted, with a comma",3\n\n44,last,3`;

  it('cut the same records, rows and lines whether the first carriage return is in the first chunk or a later one', () => {
    const whole = read(csv, { chunkBytes: 1 << 20 });
    for (const chunkBytes of [7, 64, 300]) {
      const chunked = read(csv, { chunkBytes });
      expect(chunked.ideas).toEqual(whole.ideas);
      expect(chunked.skipped).toEqual(whole.skipped);
    }
    expect(whole.ideas.slice(-4).map((i) => [i.row, i.text, i.group])).toEqual([
      [41, 'two\r\nlines', '2'],
      [42, 'after a CR', '2'],
      [43, 'quoted, with a comma', '3'],
      [45, 'last', '3'],
    ]);
    expect(whole.skipped).toEqual([{ file: 'n.csv', row: 44, reason: 'empty row' }]);
  });

  it('report an unclosed quote after them at the line it starts on', () => {
    const error = failure(() => read(`${lines.join('\n')}\r\n41,"never closed\n42,x,1\n`, { chunkBytes: 64 }));
    expect([error.code, error.line]).toEqual(['CSV_QUOTE_NOT_CLOSED', 42]);
  });
});

describe('line ends of one kind, then another', () => {
  const body = (end: string, from: number, to: number) => Array.from({ length: to - from }, (_, i) => `${from + i},idea ${from + i},1${end}`).join('');

  it.each([
    ['CRLF, then a lone CR', `id,text,r\r\n${body('\r\n', 1, 30)}${body('\r', 30, 33)}${body('\r\n', 33, 36)}`],
    ['CRLF, then a lone LF', `id,text,r\r\n${body('\r\n', 1, 30)}${body('\n', 30, 33)}`],
    ['LF, then CRLF', `id,text,r\n${body('\n', 1, 30)}${body('\r\n', 30, 33)}`],
    ['CRLF ending in a lone CR', `id,text,r\r\n${body('\r\n', 1, 30)}31,last,1\r`],
    ['no line end after the header', 'id,text,r\r\n1,only,1'],
  ])('%s: the same ideas whatever the chunks', (_name, csv) => {
    const expected = csv.split(/\r\n|\n|\r/).slice(1).filter((l) => l !== '').map((l) => l.split(',').slice(1));
    for (const chunkBytes of [5, 8, 13, 64, 1 << 20]) expect(read(csv, { chunkBytes, by: 'r' }).ideas.map((i) => [i.text, i.group])).toEqual(expected);
  });

  it('a lone "\\r" that ends a chunk, after "\\r\\n" only, still ends its line', () => {
    // The chunk of 19 bytes ends with the "\r" after "1,one,1"; the next holds no line end.
    const csv = `id,text,r\r\n1,one,1\r2,${'x'.repeat(50)},2`;
    expect(read(csv, { chunkBytes: 19, by: 'r' }).ideas.map((i) => [i.text, i.group])).toEqual([
      ['one', '1'],
      ['x'.repeat(50), '2'],
    ]);
  });
});
