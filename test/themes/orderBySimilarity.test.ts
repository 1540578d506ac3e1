import fc from 'fast-check';
import { orderBySimilarity } from '../../src/themes/orderBySimilarity';

/** The order the report promises, by a comparator: most similar first, ties in the list's order. */
function byComparator(list: Int32Array, similarity: Float64Array): number[] {
  const place = new Map(Array.from(list, (i, p) => [i, p]));
  return Array.from(list).sort((a, b) => similarity[b] - similarity[a] || place.get(a)! - place.get(b)!);
}

describe("a large theme's members, most similar first", () => {
  it('in the order of a comparator, ties (0 and −0 among them) in the order of the list', () => {
    const similarityValue = fc.oneof(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.constantFrom(0, -0, 1, -1, 0.5, 0.25, Number.MIN_VALUE, -Number.MIN_VALUE, 1e-300, -1e-300),
    );
    fc.assert(
      fc.property(fc.array(similarityValue, { maxLength: 300 }), fc.integer({ min: 0, max: 1000 }), (values, seed) => {
        const similarity = Float64Array.from(values);
        // A list of distinct ideas in a shuffled order, as a theme's members are.
        const list = Int32Array.from(values.map((_, i) => i)).sort((a, b) => ((a * 7919 + seed) % 1009) - ((b * 7919 + seed) % 1009) || a - b);
        expect(Array.from(orderBySimilarity(list, similarity))).toEqual(byComparator(list, similarity));
      }),
      { numRuns: 500 },
    );
  });

  it('sorts on every bit: keys that differ only in their last bits, or only in their first', () => {
    const n = 70_000;
    const similarity = new Float64Array(n);
    for (let i = 0; i < n; i++) similarity[i] = i % 3 === 0 ? 0.5 + (i % 997) * Number.EPSILON : i % 3 === 1 ? -((i % 613) * 1e-3) : 2 ** ((i % 2000) - 1000);
    const list = Int32Array.from({ length: n }, (_, i) => (i * 40_503) % n);
    expect(new Set(list).size).toBe(n);
    expect(Array.from(orderBySimilarity(list, similarity))).toEqual(byComparator(list, similarity));
  });

  it('puts ideas whose similarity is not a number last', () => {
    const similarity = Float64Array.from([0.2, NaN, 0.9, -NaN, -0.5]);
    expect(Array.from(orderBySimilarity(Int32Array.from([0, 1, 2, 3, 4]), similarity))).toEqual([2, 0, 4, 1, 3]);
    expect(Array.from(orderBySimilarity(new Int32Array(0), similarity))).toEqual([]);
  });
});
