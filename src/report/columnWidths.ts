/**
 * Column widths that fit a table's content into a given width, as browsers lay out an automatic
 * table (CSS 2.1 §17.5.2.2): each column at least as wide as its longest word, at most as wide as
 * its longest cell; when all longest cells fit, each column gets that; otherwise the room beyond
 * the minimums is shared in proportion to how much more each column would like. Widths are in
 * characters, so a short "Round 1" column stays narrow and a long question column takes the rest
 * instead of wrapping to a word a line, as equal columns would make it.
 */
export function fitColumns(cells: readonly (readonly string[])[], available: number): number[] {
  const columns = Math.max(0, ...cells.map((row) => row.length));
  const longestCell = new Array<number>(columns).fill(1);
  const longestWord = new Array<number>(columns).fill(1);
  for (const row of cells) {
    row.forEach((cell, c) => {
      longestCell[c] = Math.max(longestCell[c], [...cell].length);
      for (const word of cell.split(/\s+/)) longestWord[c] = Math.max(longestWord[c], [...word].length);
    });
  }
  const most = longestCell.reduce((s, w) => s + w, 0);
  if (most <= available) return longestCell;
  const least = longestWord.reduce((s, w) => s + w, 0);
  if (least >= available) return longestWord.map((w) => (w * available) / least);
  const share = (available - least) / (most - least);
  return longestWord.map((w, c) => w + (longestCell[c] - w) * share);
}
