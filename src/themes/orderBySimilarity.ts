/**
 * `list` ordered most similar first (by `similarity[i]`, i the list's values), ties in the
 * order of `list`: a large theme's members as the report lists them.
 *
 * A stable least-significant-digit radix sort on the 64 bits of each similarity, 16 bits a
 * pass: O(n) and four passes over flat arrays. A typed array's own sort and a search for each
 * idea's place took about four times as long at a million ideas (the searches wait on memory).
 * The order is the one of the comparator (a, b) => similarity[b] − similarity[a] || place of a
 * − place of b, with 0 and −0 as one value and NaN last.
 */
export function orderBySimilarity(list: Int32Array, similarity: Float64Array): Int32Array {
  const n = list.length;
  // Each key as two unsigned halves that sort as the number −similarity does (ascending).
  let high = new Uint32Array(n);
  let low = new Uint32Array(n);
  const scratch = new Float64Array(1);
  const halves = new Uint32Array(scratch.buffer);
  const [lowHalf, highHalf] = littleEndian() ? [0, 1] : [1, 0];
  for (let p = 0; p < n; p++) {
    const key = -similarity[list[p]] + 0; // + 0: −0 and 0 are one value
    scratch[0] = key === key ? key : NaN; // one NaN, positive: after every number
    const h = halves[highHalf];
    const l = halves[lowHalf];
    // Negative numbers sort backwards as unsigned bits: flip them all; positive ones: flip the sign.
    if (h >= 0x80000000) {
      high[p] = ~h >>> 0;
      low[p] = ~l >>> 0;
    } else {
      high[p] = (h | 0x80000000) >>> 0;
      low[p] = l;
    }
  }
  // Each pass moves the items, and the halves a later pass reads, into the other buffers.
  let items = list.slice();
  let spareItems = new Int32Array(n);
  let spareHigh = new Uint32Array(n);
  const spareLow = new Uint32Array(n);
  const counts = new Int32Array(1 << 16);
  for (let pass = 0; pass < 4; pass++) {
    const keys = pass < 2 ? low : high;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let p = 0; p < n; p++) counts[(keys[p] >>> shift) & 0xffff]++;
    // A digit all keys share moves nothing.
    if (n === 0 || counts[(keys[0] >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < counts.length; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let p = 0; p < n; p++) {
      const q = counts[(keys[p] >>> shift) & 0xffff]++;
      spareItems[q] = items[p];
      if (pass < 3) spareHigh[q] = high[p];
      if (pass === 0) spareLow[q] = low[p];
    }
    [items, spareItems] = [spareItems, items];
    if (pass < 3) [high, spareHigh] = [spareHigh, high];
    if (pass === 0) low = spareLow;
  }
  return items;
}

function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}
