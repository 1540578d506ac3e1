import { isUtf8 } from 'node:buffer';
import type * as Iconv from 'iconv-lite';
import { inputError, quoteForMessage, RapporteurError, usageError } from '../errors';

/**
 * Turning the input's bytes into UTF-8 text for the CSV parser, chunk by chunk.
 *
 * The encoding is the one given with --encoding; else the one a byte-order mark names (UTF-8,
 * UTF-16LE, UTF-16BE); else UTF-8, checked strictly. Bytes that are not UTF-8 are an error that
 * says where and suggests --encoding; they are never guessed at. Windows-1252 is the likeliest
 * alternative, but the same bytes are just as valid in Windows-1250, Windows-1251 or Mac Roman,
 * and a wrong guess turns every accented letter into a different one without a word: the error
 * shows the line as Windows-1252 would read it, so that the user can judge and choose.
 */

/**
 * iconv-lite, loaded when first needed: its tables are half a megabyte of code that a UTF-8
 * file, the usual case, never uses. The build keeps it out of the bundle for that reason.
 */
function iconv(): typeof Iconv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('iconv-lite') as typeof Iconv;
}

/** Encodings worth naming in messages; --encoding takes any that iconv-lite knows. */
export const COMMON_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'];

/** Check an --encoding name: its lower-case form, or a usage error naming it. */
export function checkEncoding(name: string): string {
  const normalised = name.trim().toLowerCase();
  if (normalised === '' || !iconv().encodingExists(normalised)) {
    throw usageError(
      'UNKNOWN_ENCODING',
      `--encoding ${quoteForMessage(name)} is not an encoding rapporteur can read`,
      `try ${COMMON_ENCODINGS.join(', ')}, or another such as windows-1251 or iso-8859-15`,
    );
  }
  return normalised;
}

const isUtf8Name = (encoding: string): boolean => encoding.replace(/[^a-z0-9]/g, '') === 'utf8';
const isWideName = (encoding: string): boolean => /^(utf-?(16|32)|ucs-?2)/.test(encoding);

/** UTF-8 text out of the input's bytes, written chunk by chunk. */
export interface Utf8Stream {
  /** The encoding being read, as messages name it. */
  readonly encoding: string;
  write(chunk: Buffer): Buffer;
  end(): Buffer;
}

/**
 * Choose how to read the input from its first bytes (and --encoding), refusing files that are
 * plainly not text: an image, a spreadsheet workbook, a compressed file, UTF-32.
 */
export function openDecoder(first: Buffer, file: string, requested?: string): Utf8Stream {
  const given = requested === undefined ? undefined : checkEncoding(requested);
  const bom = byteOrderMark(first);
  if (bom?.unsupported && given === undefined) {
    throw inputError('UNSUPPORTED_ENCODING', `is ${bom.encoding} text, which rapporteur does not read`, { file, line: 1 }, 'save it as CSV UTF-8');
  }
  const encoding = given ?? bom?.encoding ?? 'utf-8';
  if (!isWideName(encoding) && !(bom && given === undefined)) refuseBinary(first, file);
  return isUtf8Name(encoding) ? new StrictUtf8(file, given !== undefined) : new IconvStream(encoding, file);
}

function byteOrderMark(bytes: Buffer): { encoding: string; unsupported?: true } | undefined {
  const starts = (...prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
  if (starts(0xef, 0xbb, 0xbf)) return { encoding: 'utf-8' };
  if (starts(0xff, 0xfe, 0x00, 0x00)) return { encoding: 'UTF-32LE', unsupported: true };
  if (starts(0x00, 0x00, 0xfe, 0xff)) return { encoding: 'UTF-32BE', unsupported: true };
  if (starts(0xff, 0xfe)) return { encoding: 'utf-16le' };
  if (starts(0xfe, 0xff)) return { encoding: 'utf-16be' };
  return undefined;
}

/** What people most often rename or export by mistake, by the bytes they start with. */
const SIGNATURES: { bytes: number[]; what: string; hint: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', hint: 'export the notes as CSV UTF-8 and give that file' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image', hint: 'export the notes as CSV UTF-8 and give that file' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image', hint: 'export the notes as CSV UTF-8 and give that file' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document', hint: 'copy the notes into a spreadsheet and save it as CSV UTF-8' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'a ZIP archive such as an Excel (.xlsx) or OpenDocument (.ods) workbook',
    hint: 'open it in its spreadsheet and save the sheet as CSV UTF-8',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an old Excel (.xls) or Word (.doc) file',
    hint: 'open it in its spreadsheet and save the sheet as CSV UTF-8',
  },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file', hint: 'decompress it first, e.g. with gunzip' },
];

function refuseBinary(first: Buffer, file: string): void {
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((b, i) => first[i] === b)) {
      throw inputError('BINARY_INPUT', `is a binary file, ${signature.what}, not a CSV of notes`, { file }, signature.hint);
    }
  }
  const sample = first.subarray(0, 4096);
  let zeros = 0;
  let oddZeros = 0;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) {
      zeros++;
      if (i % 2 === 1) oddZeros++;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x7f) controls++;
  }
  const half = sample.length / 2;
  // ASCII text in UTF-16 has a zero in every other byte: odd ones for little-endian.
  if (zeros > half * 0.6 && (oddZeros > zeros * 0.9 || oddZeros < zeros * 0.1)) {
    const order = oddZeros > zeros / 2 ? 'le' : 'be';
    throw inputError(
      'NO_BYTE_ORDER_MARK',
      'looks like UTF-16 text without a byte-order mark',
      { file },
      `run again with --encoding utf-16${order}`,
    );
  }
  if (zeros > 0 || controls > sample.length * 0.05) {
    throw inputError('BINARY_INPUT', 'looks like a binary file, not a CSV of notes', { file }, 'export the notes as CSV UTF-8 and give that file');
  }
}

/** Counts line breaks as the CSV parser does: LF, CR LF and a lone CR each end a line. */
class LineCounter {
  breaks = 0;
  private pendingCr = false;

  countBytes(bytes: Buffer): void {
    if (bytes.length === 0) return;
    if (this.pendingCr && bytes[0] !== 0x0a) this.breaks++;
    this.pendingCr = false;
    this.breaks += countBreaks(bytes, 0, bytes.length);
    if (bytes[bytes.length - 1] === 0x0d) {
      this.breaks--;
      this.pendingCr = true;
    }
  }

  countText(text: string): void {
    this.countBytes(Buffer.from(text, 'utf8'));
  }

  /** The 1-based line of a position in bytes not yet counted. */
  lineAt(bytes: Buffer, offset: number): number {
    return 1 + this.breaks + (this.pendingCr && bytes[0] !== 0x0a ? 1 : 0) + countBreaks(bytes, 0, offset);
  }
}

function countBreaks(bytes: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a, start); i !== -1 && i < end; i = bytes.indexOf(0x0a, i + 1)) n++;
  for (let i = bytes.indexOf(0x0d, start); i !== -1 && i < end; i = bytes.indexOf(0x0d, i + 1)) if (bytes[i + 1] !== 0x0a) n++;
  return n;
}

/**
 * UTF-8 passed through unchanged after a strict check (Node's native `isUtf8`), so the common
 * case costs one scan. A character cut in two by a chunk's end waits for the next chunk.
 */
class StrictUtf8 implements Utf8Stream {
  readonly encoding = 'utf-8';
  private carry: Buffer | undefined;
  private started = false;
  private readonly lines = new LineCounter();

  constructor(
    private readonly file: string,
    private readonly requested: boolean,
  ) {}

  write(chunk: Buffer): Buffer {
    let bytes = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = undefined;
    if (!this.started) {
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    const end = completeLength(bytes);
    if (end < bytes.length) this.carry = Buffer.from(bytes.subarray(end));
    const complete = bytes.subarray(0, end);
    if (!isUtf8(complete)) throw this.notUtf8(complete, firstInvalidUtf8(complete));
    const zero = complete.indexOf(0);
    if (zero >= 0) throw nulError(this.file, this.lines.lineAt(complete, zero));
    this.lines.countBytes(complete);
    return complete;
  }

  end(): Buffer {
    if (this.carry) throw this.notUtf8(this.carry, 0, 'the file ends in the middle of a character (was it cut short?)');
    return Buffer.alloc(0);
  }

  private notUtf8(bytes: Buffer, offset: number, why?: string): RapporteurError {
    const lineStart = Math.max(bytes.lastIndexOf(0x0a, offset) + 1, bytes.lastIndexOf(0x0d, offset) + 1, offset - 60, 0);
    let lineEnd = offset;
    while (lineEnd < bytes.length && lineEnd < offset + 60 && bytes[lineEnd] !== 0x0a && bytes[lineEnd] !== 0x0d) lineEnd++;
    const asWindows1252 = iconv().decode(bytes.subarray(lineStart, lineEnd), 'windows-1252').trim();
    const byte = `0x${bytes[offset].toString(16).toUpperCase().padStart(2, '0')}`;
    return inputError(
      'NOT_UTF8',
      `is not valid UTF-8: ${why ?? `byte ${byte} cannot start or continue a character`}; read as Windows-1252 the line says ${quoteForMessage(asWindows1252)}`,
      { file: this.file, line: this.lines.lineAt(bytes, offset) },
      `${this.requested ? 'if' : 'if the file comes from an older spreadsheet and'} that reads right, run again with --encoding windows-1252; ` +
        'for Cyrillic try --encoding windows-1251; or save the file as CSV UTF-8',
    );
  }
}

/** The length of `bytes` without a multi-byte character left unfinished at its end. */
function completeLength(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** Offset of the first byte that breaks UTF-8 (only called once isUtf8 has said one does). */
export function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** Any other encoding, decoded by iconv-lite (which also drops a byte-order mark) and re-encoded as UTF-8. */
class IconvStream implements Utf8Stream {
  private readonly decoder: Iconv.DecoderStream;
  private readonly lines = new LineCounter();

  constructor(
    readonly encoding: string,
    private readonly file: string,
  ) {
    this.decoder = iconv().getDecoder(encoding);
  }

  /** A high surrogate at the end of a chunk: its other half comes with the next one. */
  private pending = '';

  write(chunk: Buffer): Buffer {
    let text = this.pending + this.decoder.write(chunk);
    this.pending = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.pending = text.slice(-1);
      text = text.slice(0, -1);
    }
    return this.utf8(text);
  }

  end(): Buffer {
    return this.utf8(this.pending + (this.decoder.end() ?? ''));
  }

  private utf8(text: string): Buffer {
    const bytes = Buffer.from(text, 'utf8');
    const zero = bytes.indexOf(0);
    if (zero >= 0) throw nulError(this.file, this.lines.lineAt(bytes, zero), this.encoding);
    this.lines.countBytes(bytes);
    return bytes;
  }
}

function nulError(file: string, line: number, encoding = 'utf-8'): RapporteurError {
  return inputError(
    'BINARY_INPUT',
    `holds a NUL character, which no CSV of notes has: a binary file, or text that is not ${encoding}`,
    { file, line },
    isWideName(encoding) ? 'check the --encoding' : 'if it is UTF-16 text, run again with --encoding utf-16le (or utf-16be)',
  );
}
