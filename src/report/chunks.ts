/** Pieces of text gathered into strings of about `size` characters, so a writer makes few calls; pieces of bytes are passed on as they come. */
export function* batched<P extends string | Uint8Array>(pieces: Iterable<P>, size = 1 << 16): Generator<string | P> {
  let buffer: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      if (length > 0) yield buffer.join('');
      buffer = [];
      length = 0;
      yield piece;
      continue;
    }
    buffer.push(piece);
    length += piece.length;
    if (length >= size) {
      yield buffer.join('');
      buffer = [];
      length = 0;
    }
  }
  if (length > 0) yield buffer.join('');
}
