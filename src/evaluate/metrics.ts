/**
 * Agreement between two labelings of the same items (a reference "truth" and a clustering),
 * for judging how well the themes recover hand-made groupings. Every score follows
 * scikit-learn 1.2's formulas and limit cases so results can be checked against it, with
 * two deliberate differences: empty input throws (scikit-learn scores it 1.0, which would
 * hide a pipeline that produced nothing), and AMI also guards its numerator against rounding
 * (scikit-learn's own later fix, issue #30950 / PR #31065), so identical labelings always score 1.
 *
 * Labels are compared by `String(label)`, so `1` and `'1'` are the same class.
 */

import { compareNatural } from '../text/naturalOrder';

export type Label = string | number;

export interface Contingency {
  truthClasses: string[];
  predictedClasses: string[];
  /** counts[t][p]: items in truth class t and predicted class p. */
  counts: number[][];
  n: number;
}

/** Non-zero cells only: a dense table of n singletons against n singletons would need n² cells. */
interface SparseTable {
  rowSums: number[];
  colSums: number[];
  cells: { row: number; col: number; count: number }[];
  n: number;
}

interface ClassIndex {
  classes: string[];
  indexOf: number[];
}

const EPSILON = 2 ** -52; // numpy's finfo(float64).eps, the floor scikit-learn uses

function requireLabels(labels: readonly Label[]): void {
  if (labels.length === 0) throw new RangeError('cannot score an empty labeling');
}

function requirePair(truth: readonly Label[], predicted: readonly Label[]): void {
  if (truth.length !== predicted.length) {
    throw new RangeError(`labelings differ in length: ${truth.length} truth labels, ${predicted.length} predicted`);
  }
  requireLabels(truth);
}

function indexClasses(labels: readonly Label[]): ClassIndex {
  const names = labels.map(String);
  const classes = [...new Set(names)].sort(compareNatural);
  const position = new Map(classes.map((name, i) => [name, i]));
  return { classes, indexOf: names.map((name) => position.get(name) as number) };
}

function classCounts(labels: readonly Label[]): number[] {
  const { classes, indexOf } = indexClasses(labels);
  const counts = new Array<number>(classes.length).fill(0);
  for (const i of indexOf) counts[i]++;
  return counts;
}

interface NamedSparseTable extends SparseTable {
  truth: ClassIndex;
  predicted: ClassIndex;
}

function sparseTable(truth: readonly Label[], predicted: readonly Label[]): NamedSparseTable {
  requirePair(truth, predicted);
  const rows = indexClasses(truth);
  const cols = indexClasses(predicted);
  const width = cols.classes.length;
  const byKey = new Map<number, number>();
  for (let k = 0; k < truth.length; k++) {
    const key = rows.indexOf[k] * width + cols.indexOf[k];
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  // Row-major order, as scikit-learn's sparse matrix has it, so that sums do not depend on item order.
  const cells = [...byKey.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, count]) => ({ row: Math.floor(key / width), col: key % width, count }));
  const rowSums = new Array<number>(rows.classes.length).fill(0);
  const colSums = new Array<number>(width).fill(0);
  for (const { row, col, count } of cells) {
    rowSums[row] += count;
    colSums[col] += count;
  }
  return { rowSums, colSums, cells, n: truth.length, truth: rows, predicted: cols };
}

export function contingencyTable(truth: readonly Label[], predicted: readonly Label[]): Contingency {
  const table = sparseTable(truth, predicted);
  const counts = table.rowSums.map(() => new Array<number>(table.colSums.length).fill(0));
  for (const { row, col, count } of table.cells) counts[row][col] = count;
  return { truthClasses: table.truth.classes, predictedClasses: table.predicted.classes, counts, n: table.n };
}

/** Shannon entropy (nats) of class sizes; log(a/b) is taken as log a − log b, as scikit-learn does, for precision. */
function entropyOfCounts(counts: readonly number[]): number {
  if (counts.length === 1) return 0;
  const n = counts.reduce((sum, c) => sum + c, 0);
  const logN = Math.log(n);
  let sum = 0;
  for (const c of counts) sum += (c / n) * (Math.log(c) - logN);
  return -sum;
}

export function entropy(labels: readonly Label[]): number {
  requireLabels(labels);
  return entropyOfCounts(classCounts(labels));
}

function mutualInformationOfTable({ rowSums, colSums, cells, n }: SparseTable): number {
  // A labeling with a single class carries no information, so MI is exactly 0, not rounding noise.
  if (rowSums.length === 1 || colSums.length === 1) return 0;
  const logN = Math.log(n);
  let sum = 0;
  for (const { row, col, count } of cells) {
    const p = count / n;
    const term = p * (Math.log(count) - logN) + p * (-Math.log(rowSums[row] * colSums[col]) + logN + logN);
    // scikit-learn drops terms below machine epsilon so that independent labelings give exactly 0.
    if (Math.abs(term) >= EPSILON) sum += term;
  }
  return Math.max(sum, 0);
}

export function mutualInformation(truth: readonly Label[], predicted: readonly Label[]): number {
  return mutualInformationOfTable(sparseTable(truth, predicted));
}

interface LogTables {
  /** log[k] = ln k, for k = 1..n. */
  log: Float64Array;
  /** logFactorial[k] = ln k!, for k = 0..n. */
  logFactorial: Float64Array;
}

/**
 * A running sum of logs gives ln k! exact to rounding for every k at once, and compensated
 * (Neumaier) summation keeps that rounding from accumulating over thousands of terms.
 * Tabulating ln k as well keeps Math.log out of the inner loop: it is the slow part there.
 */
function logTables(n: number): LogTables {
  const log = new Float64Array(n + 1);
  const logFactorial = new Float64Array(n + 1);
  let sum = 0;
  let compensation = 0;
  for (let k = 2; k <= n; k++) {
    const term = Math.log(k);
    log[k] = term;
    const next = sum + term;
    compensation += sum >= term ? sum - next + term : term - next + sum;
    sum = next;
    logFactorial[k] = sum + compensation;
  }
  return { log, logFactorial };
}

/** How many times each value occurs: many classes share a size (all singletons, say), and EMI only depends on sizes. */
function multiplicities(values: readonly number[]): Map<number, number> {
  const result = new Map<number, number>();
  for (const v of values) result.set(v, (result.get(v) ?? 0) + 1);
  return result;
}

/**
 * Expected MI of one cell with marginals a and b under the permutation model: the sum over
 * every possible overlap k of (k/N)·ln(N·k/(a·b)), weighted by the hypergeometric
 * probability of k. k = 0 contributes nothing and is skipped, as in scikit-learn.
 *
 * The factorials overflow long before N = 200, so the probability at the mode is taken from
 * the log-factorial table, and its neighbours follow by the ratio
 *   P(k+1)/P(k) = (a−k)(b−k) / ((k+1)(N−a−b+k+1)).
 * Walking out from the mode (the most likely k), nothing underflows until terms are below any
 * contribution to the sum, and it costs one Math.exp per cell instead of one per term.
 */
function expectedCellInformation(a: number, b: number, n: number, { log, logFactorial }: LogTables): number {
  const low = Math.max(1, a + b - n);
  const high = Math.min(a, b);
  const rest = n - a - b; // N − a − b + k items are in neither the row nor the column
  const termWithoutP = (k: number) => (k / n) * (log[n] + log[k] - log[a] - log[b]);
  const mode = Math.min(high, Math.max(low, Math.floor(((a + 1) * (b + 1)) / (n + 2))));
  const pMode = Math.exp(
    logFactorial[a] + logFactorial[b] + logFactorial[n - a] + logFactorial[n - b] - logFactorial[n] -
      logFactorial[mode] - logFactorial[a - mode] - logFactorial[b - mode] - logFactorial[rest + mode],
  );
  let sum = 0;
  let p = pMode;
  for (let k = mode; k <= high && p > 0; k++) {
    sum += termWithoutP(k) * p;
    p *= ((a - k) * (b - k)) / ((k + 1) * (rest + k + 1));
  }
  p = pMode;
  for (let k = mode - 1; k >= low && p > 0; k--) {
    p *= ((k + 1) * (rest + k + 1)) / ((a - k) * (b - k));
    sum += termWithoutP(k) * p;
  }
  return sum;
}

/** Expected mutual information (Vinh, Epps & Bailey 2010), grouped by distinct class sizes. */
function expectedMutualInformation({ rowSums, colSums, n }: SparseTable): number {
  if (rowSums.length === 1 || colSums.length === 1) return 0;
  const tables = logTables(n);
  const rowSizes = multiplicities(rowSums);
  const colSizes = multiplicities(colSums);
  let sum = 0;
  for (const [a, rowsOfSizeA] of rowSizes) {
    for (const [b, colsOfSizeB] of colSizes) {
      sum += rowsOfSizeA * colsOfSizeB * expectedCellInformation(a, b, n, tables);
    }
  }
  return sum;
}

/** Pushes a value that rounding has driven to (almost) zero out to ±eps, keeping its sign, as scikit-learn does. */
function awayFromZero(value: number): number {
  return value < 0 ? Math.min(value, -EPSILON) : Math.max(value, EPSILON);
}

export function adjustedMutualInformation(truth: readonly Label[], predicted: readonly Label[]): number {
  const table = sparseTable(truth, predicted);
  const truthClasses = table.rowSums.length;
  const predictedClasses = table.colSums.length;
  // Neither labeling splits the data: they agree perfectly.
  if (truthClasses === 1 && predictedClasses === 1) return 1;
  // Only one splits it: no information is shared, and none is expected.
  if (truthClasses === 1 || predictedClasses === 1) return 0;
  const mi = mutualInformationOfTable(table);
  const emi = expectedMutualInformation(table);
  const meanEntropy = (entropyOfCounts(table.rowSums) + entropyOfCounts(table.colSums)) / 2;
  // When MI, EMI and the mean entropy coincide (identical all-singleton labelings) both sides
  // are rounding noise; flooring both at ±eps turns 0/0 into the intended 1.
  return awayFromZero(mi - emi) / awayFromZero(meanEntropy - emi);
}

export function normalizedMutualInformation(truth: readonly Label[], predicted: readonly Label[]): number {
  const table = sparseTable(truth, predicted);
  if (table.rowSums.length === 1 && table.colSums.length === 1) return 1;
  const mi = mutualInformationOfTable(table);
  // Both labelings cannot be trivial here, so no shared information means no agreement.
  if (mi === 0) return 0;
  return mi / ((entropyOfCounts(table.rowSums) + entropyOfCounts(table.colSums)) / 2);
}

export function homogeneityCompletenessVMeasure(
  truth: readonly Label[],
  predicted: readonly Label[],
): { homogeneity: number; completeness: number; vMeasure: number } {
  const table = sparseTable(truth, predicted);
  const mi = mutualInformationOfTable(table);
  const truthEntropy = entropyOfCounts(table.rowSums);
  const predictedEntropy = entropyOfCounts(table.colSums);
  // A single class (or cluster) cannot be split, so it is trivially homogeneous (complete).
  const homogeneity = truthEntropy ? mi / truthEntropy : 1;
  const completeness = predictedEntropy ? mi / predictedEntropy : 1;
  const vMeasure = homogeneity + completeness === 0 ? 0 : (2 * homogeneity * completeness) / (homogeneity + completeness);
  return { homogeneity, completeness, vMeasure };
}

/**
 * ARI from the pair confusion matrix, as scikit-learn computes it. Its products reach n⁴
 * (1e16 at n = 10,000, past exact doubles), so they are taken in BigInt and rounded once.
 */
export function adjustedRandIndex(truth: readonly Label[], predicted: readonly Label[]): number {
  const { rowSums, colSums, cells, n } = sparseTable(truth, predicted);
  let sumSquares = 0;
  let byPredictedSize = 0;
  let byTruthSize = 0;
  for (const { row, col, count } of cells) {
    sumSquares += count * count;
    byPredictedSize += count * colSums[col];
    byTruthSize += count * rowSums[row];
  }
  // Ordered pairs: together in both, apart only in truth / only in prediction, apart in both.
  const tp = BigInt(sumSquares - n);
  const fp = BigInt(byPredictedSize - sumSquares);
  const fn = BigInt(byTruthSize - sumSquares);
  const tn = BigInt(n * n) - fp - fn - BigInt(sumSquares);
  if (fn === 0n && fp === 0n) return 1;
  const numerator = tp * tn - fn * fp;
  const denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
  return (2 * Number(numerator)) / Number(denominator);
}

/** Share of items that belong to the most common truth class of their predicted cluster. */
export function purity(truth: readonly Label[], predicted: readonly Label[]): number {
  const { colSums, cells, n } = sparseTable(truth, predicted);
  const largest = new Array<number>(colSums.length).fill(0);
  for (const { col, count } of cells) largest[col] = Math.max(largest[col], count);
  return largest.reduce((sum, c) => sum + c, 0) / n;
}
