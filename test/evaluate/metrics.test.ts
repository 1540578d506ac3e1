import {
  adjustedMutualInformation,
  adjustedRandIndex,
  contingencyTable,
  entropy,
  homogeneityCompletenessVMeasure,
  Label,
  mutualInformation,
  normalizedMutualInformation,
  purity,
} from '../../src/evaluate/metrics';

const TOLERANCE = 1e-9;

function expectNear(actual: number, expected: number, tolerance = TOLERANCE): void {
  // toBeCloseTo(x, 9) would allow only 5e-10; spell the tolerance out instead.
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`expected ${expected} ± ${tolerance}, received ${actual}`);
  }
}

// Deterministic label vectors: the Numerical Recipes LCG, taking the high bits (the low bits
// of an LCG cycle with short periods). Every product stays below 2^53, so it is exact in
// doubles, and the same recurrence in Python reproduced these vectors for the reference values.
const TWO_32 = 4294967296;

function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (1664525 * state + 1013904223) % TWO_32;
    return state;
  };
}

function randomLabels(n: number, k: number, seed: number): number[] {
  const next = lcg(seed);
  return Array.from({ length: n }, () => Math.floor((next() * k) / TWO_32));
}

/** Class sizes far from equal: class c is drawn with probability ∝ √(c+1) − √c. */
function skewedLabels(n: number, k: number, seed: number): number[] {
  const next = lcg(seed);
  return Array.from({ length: n }, () => {
    const u = next() / TWO_32;
    return Math.floor(u * u * k);
  });
}

/** A clustering that keeps `keepPercent`% of items with their (renamed) class and scatters the rest. */
function noisyCopy(truth: readonly number[], k: number, keepPercent: number, seed: number): number[] {
  const next = lcg(seed);
  return truth.map((t) => (Math.floor((next() * 100) / TWO_32) < keepPercent ? (t + 1) % k : Math.floor((next() * k) / TWO_32)));
}

interface Scores {
  ari: number;
  mi: number;
  nmi: number;
  ami: number;
  homogeneity: number;
  completeness: number;
  vMeasure: number;
  entropyTruth: number;
  entropyPredicted: number;
  purity: number;
}

function scores(truth: readonly Label[], predicted: readonly Label[]): Scores {
  return {
    ari: adjustedRandIndex(truth, predicted),
    mi: mutualInformation(truth, predicted),
    nmi: normalizedMutualInformation(truth, predicted),
    ami: adjustedMutualInformation(truth, predicted),
    ...homogeneityCompletenessVMeasure(truth, predicted),
    entropyTruth: entropy(truth),
    entropyPredicted: entropy(predicted),
    purity: purity(truth, predicted),
  };
}

function expectScores(actual: Scores, expected: Scores): void {
  for (const key of Object.keys(expected) as (keyof Scores)[]) {
    try {
      expectNear(actual[key], expected[key]);
    } catch (error) {
      throw new Error(`${key}: ${(error as Error).message}`);
    }
  }
}

const large = (() => {
  const truth = randomLabels(10000, 20, 7);
  return { truth, predicted: noisyCopy(truth, 20, 50, 8) };
})();

/**
 * Values from scikit-learn 1.2.1 (Debian python3-sklearn): adjusted_rand_score,
 * mutual_info_score, normalized_mutual_info_score, adjusted_mutual_info_score,
 * homogeneity_completeness_v_measure and sklearn.metrics.cluster.entropy; purity is
 * contingency_matrix(t, p).max(axis=0).sum() / n, as scikit-learn has no purity score.
 */
const referenceCases: { name: string; truth: Label[]; predicted: Label[]; expected: Scores }[] = [
  {
    name: "scikit-learn's own AMI test labels (n = 17)",
    truth: [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3],
    predicted: [1, 1, 1, 1, 2, 1, 2, 2, 2, 2, 3, 1, 3, 3, 3, 2, 2],
    expected: {
      ari: 0.2669404517453799,
      mi: 0.41021862274045356,
      nmi: 0.3783499278720408,
      ami: 0.27820964657269787,
      homogeneity: 0.37460224238859985,
      completeness: 0.3821733581250757,
      vMeasure: 0.37834992787204086,
      entropyTruth: 1.0950778621205008,
      entropyPredicted: 1.0733836203365055,
      purity: 0.7058823529411765,
    },
  },
  {
    name: 'string labels (n = 7)',
    truth: ['apple', 'apple', 'pear', 'pear', 'fig', 'fig', 'fig'],
    predicted: ['x', 'y', 'x', 'x', 'z', 'z', 'y'],
    expected: {
      ari: 0.2125,
      mi: 0.6081583698769646,
      nmi: 0.5636355530993447,
      ami: 0.25815114147024687,
      homogeneity: 0.5636355530993447,
      completeness: 0.5636355530993447,
      vMeasure: 0.5636355530993447,
      entropyTruth: 1.078992207877583,
      entropyPredicted: 1.078992207877583,
      purity: 0.7142857142857143,
    },
  },
  {
    name: 'independent LCG labelings, 4 × 5 classes (n = 50): chance level, ARI and AMI below 0',
    truth: randomLabels(50, 4, 1),
    predicted: randomLabels(50, 5, 2),
    expected: {
      ari: -0.026297530807421376,
      mi: 0.08437230399204688,
      nmi: 0.056418862826900756,
      ami: -0.04065241446566021,
      homogeneity: 0.060896903920641086,
      completeness: 0.05255429382198027,
      vMeasure: 0.05641886282690076,
      entropyTruth: 1.3854941476499067,
      entropyPredicted: 1.6054312189570146,
      purity: 0.38,
    },
  },
  {
    name: 'noisy copy, 6 × 6 classes (n = 120)',
    ...(() => {
      const truth = randomLabels(120, 6, 3);
      return { truth, predicted: noisyCopy(truth, 6, 75, 4) };
    })(),
    expected: {
      ari: 0.6005923000987167,
      mi: 1.1683430930258585,
      nmi: 0.6568314657166963,
      ami: 0.6329828807321717,
      homogeneity: 0.6564874358405982,
      completeness: 0.6571758563570862,
      vMeasure: 0.6568314657166963,
      entropyTruth: 1.7796884285071741,
      entropyPredicted: 1.7778241268666175,
      purity: 0.8166666666666667,
    },
  },
  {
    name: 'over-split noisy copy, 3 × 7 classes (n = 80)',
    ...(() => {
      const truth = randomLabels(80, 3, 5);
      return { truth, predicted: noisyCopy(truth, 7, 60, 6) };
    })(),
    expected: {
      ari: 0.3868373488655966,
      mi: 0.5287156776469635,
      nmi: 0.3916311978725423,
      ami: 0.35021860856089504,
      homogeneity: 0.4876550307341064,
      completeness: 0.32720205535362157,
      vMeasure: 0.39163119787254225,
      entropyTruth: 1.084200191375131,
      entropyPredicted: 1.6158690600997518,
      purity: 0.7875,
    },
  },
  {
    name: 'skewed class sizes, 12 × 15 classes (n = 2000)',
    ...(() => {
      const truth = skewedLabels(2000, 12, 9);
      return { truth, predicted: noisyCopy(truth, 15, 40, 10) };
    })(),
    expected: {
      ari: 0.17546643888843882,
      mi: 0.49403734320388637,
      nmi: 0.20075709358647478,
      ami: 0.18762729106039225,
      homogeneity: 0.21709981268036588,
      completeness: 0.1867025990534799,
      vMeasure: 0.20075709358647476,
      entropyTruth: 2.275623074494556,
      entropyPredicted: 2.646119259766556,
      purity: 0.456,
    },
  },
  {
    name: 'noisy copy, 20 × 20 classes (n = 10,000)',
    ...large,
    expected: {
      ari: 0.2529311333169848,
      mi: 0.9337069270969169,
      nmi: 0.31175050973394275,
      ami: 0.3075453782533507,
      homogeneity: 0.3117461180184635,
      completeness: 0.31175490157316016,
      vMeasure: 0.31175050973394275,
      entropyTruth: 2.995087582908144,
      entropyPredicted: 2.9950031976571894,
      purity: 0.5276,
    },
  },
];

describe('contingencyTable', () => {
  it('counts [truth][predicted] with classes in numeric-aware order', () => {
    const table = contingencyTable([10, 2, 2, 'b', 10], ['x', 'y', 'y', 'x', 'z']);
    expect(table).toEqual({
      truthClasses: ['2', '10', 'b'],
      predictedClasses: ['x', 'y', 'z'],
      counts: [
        [0, 2, 0],
        [1, 0, 1],
        [1, 0, 0],
      ],
      n: 5,
    });
  });

  it('treats a number and its string as one class', () => {
    expect(contingencyTable([1, '1', 2], [0, 0, 0]).truthClasses).toEqual(['1', '2']);
  });

  it('orders classes the collator calls equal the same way whatever the input order', () => {
    // With numeric collation '01' and '1' compare equal.
    expect(contingencyTable(['1', '01'], [0, 0]).truthClasses).toEqual(contingencyTable(['01', '1'], [0, 0]).truthClasses);
  });
});

describe('hand-worked examples', () => {
  // truth [0,0,0,1,1,1] vs predicted [0,0,1,1,2,2]; N = 6.
  //   contingency  p0 p1 p2 | a
  //            t0   2  1  0 | 3
  //            t1   0  1  2 | 3
  //            b    2  2  2
  const truth = [0, 0, 0, 1, 1, 1];
  const predicted = [0, 0, 1, 1, 2, 2];

  it('ARI', () => {
    // Σ C(nij,2) = 1 + 1 = 2; Σ C(a,2) = 3 + 3 = 6; Σ C(b,2) = 3; C(6,2) = 15.
    // expected = 6·3/15 = 1.2, max = (6 + 3)/2 = 4.5, ARI = (2 − 1.2)/(4.5 − 1.2) = 8/33.
    expectNear(adjustedRandIndex(truth, predicted), 8 / 33);
  });

  it('MI, entropies, NMI, homogeneity, completeness, V', () => {
    // MI = Σ nij/N·ln(N·nij/(a·b)): the two 2-cells give 2·(2/6)·ln(12/6) = (2/3)·ln 2; the 1-cells give ln(6/6) = 0.
    const mi = (2 / 3) * Math.log(2);
    expectNear(mutualInformation(truth, predicted), mi);
    expectNear(entropy(truth), Math.log(2));
    expectNear(entropy(predicted), Math.log(3));
    expectNear(normalizedMutualInformation(truth, predicted), mi / ((Math.log(2) + Math.log(3)) / 2));
    const h = mi / Math.log(2); // 2/3
    const c = mi / Math.log(3);
    const scores = homogeneityCompletenessVMeasure(truth, predicted);
    expectNear(scores.homogeneity, 2 / 3);
    expectNear(scores.completeness, c);
    expectNear(scores.vMeasure, (2 * h * c) / (h + c));
  });

  it('AMI', () => {
    // Every cell has a = 3, b = 2, so nij ∈ {1, 2} with hypergeometric probabilities
    // P(1) = C(3,1)·C(3,1)/C(6,2) = 9/15 and P(2) = C(3,2)·C(3,0)/C(6,2) = 3/15.
    // nij = 1 contributes (1/6)·ln(6/6) = 0; nij = 2 contributes (2/6)·ln(12/6)·3/15 = ln 2/15.
    // Six cells: EMI = 6·ln 2/15 = 0.4·ln 2.  AMI = (MI − EMI)/(mean entropy − EMI).
    const emi = 0.4 * Math.log(2);
    const expected = ((2 / 3) * Math.log(2) - emi) / ((Math.log(2) + Math.log(3)) / 2 - emi);
    expectNear(adjustedMutualInformation(truth, predicted), expected);
  });

  it('purity', () => {
    // The majorities of p0, p1, p2 hold 2, 1 and 2 items: 5/6.
    expectNear(purity(truth, predicted), 5 / 6);
  });

  it('labelings that cross each other score below chance', () => {
    // [0,0,1,1] vs [0,1,0,1]: every cell holds 1 and a = b = 2, N = 4.
    // ARI: Σ C(nij,2) = 0, expected = 2·2/6 = 2/3, max = 2, so (0 − 2/3)/(2 − 2/3) = −0.5.
    // MI: each cell gives (1/4)·ln(4/4) = 0.  EMI: per cell nij ∈ {1, 2}, P(2) = 1/6, and only
    // nij = 2 contributes (2/4)·ln 2·(1/6); four cells give ln 2/3.  AMI = (0 − ln2/3)/(ln2 − ln2/3) = −0.5.
    expectNear(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1]), -0.5);
    expect(mutualInformation([0, 0, 1, 1], [0, 1, 0, 1])).toBe(0);
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1])).toBe(0);
    expectNear(adjustedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1]), -0.5);
  });
});

describe('agreement with scikit-learn 1.2', () => {
  it.each(referenceCases)('$name', ({ truth, predicted, expected }) => {
    expectScores(scores(truth, predicted), expected);
  });
});

describe('invariances', () => {
  const truth = randomLabels(90, 5, 11);
  const predicted = noisyCopy(truth, 6, 55, 12);

  it('ARI, MI, NMI, AMI and V are symmetric; homogeneity and completeness swap', () => {
    const forward = scores(truth, predicted);
    const backward = scores(predicted, truth);
    for (const key of ['ari', 'mi', 'nmi', 'ami', 'vMeasure'] as const) expectNear(backward[key], forward[key], 1e-12);
    expectNear(backward.homogeneity, forward.completeness, 1e-12);
    expectNear(backward.completeness, forward.homogeneity, 1e-12);
  });

  it('renaming the labels changes nothing', () => {
    // A bijection that also reverses the numeric-aware sort order of the classes.
    const rename = (labels: number[], prefix: string) => labels.map((l) => `${prefix}${100 - l}`);
    expectScores(scores(rename(truth, 'theme '), rename(predicted, 'c')), scores(truth, predicted));
  });

  it('reordering the items changes nothing', () => {
    const order = Array.from({ length: truth.length }, (_, i) => (i * 37) % truth.length); // 37 is coprime to 90
    expectScores(
      scores(
        order.map((i) => truth[i]),
        order.map((i) => predicted[i]),
      ),
      scores(truth, predicted),
    );
  });
});

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

describe('limit cases, as scikit-learn 1.2', () => {
  it('both labelings a single cluster: a perfect match', () => {
    const truth = [3, 3, 3];
    const predicted = ['a', 'a', 'a'];
    expect(adjustedRandIndex(truth, predicted)).toBe(1);
    expect(adjustedMutualInformation(truth, predicted)).toBe(1);
    expect(normalizedMutualInformation(truth, predicted)).toBe(1);
    expect(mutualInformation(truth, predicted)).toBe(0);
    expect(homogeneityCompletenessVMeasure(truth, predicted)).toEqual({ homogeneity: 1, completeness: 1, vMeasure: 1 });
    expect(purity(truth, predicted)).toBe(1);
  });

  it('exactly independent labelings share exactly 0 information, not rounding noise', () => {
    // 2 classes × 6 clusters, every cell holding 2 items. Summed as is, the per-cell MI terms
    // leave 3.3e-16; scikit-learn drops terms below machine epsilon and returns exactly 0.
    const truth = range(24).map((i) => Math.floor(i / 6) % 2);
    const predicted = range(24).map((i) => i % 6);
    expect(mutualInformation(truth, predicted)).toBe(0);
    expect(normalizedMutualInformation(truth, predicted)).toBe(0);
    expect(homogeneityCompletenessVMeasure(truth, predicted)).toEqual({ homogeneity: 0, completeness: 0, vMeasure: 0 });
    expectNear(adjustedRandIndex(truth, predicted), -0.078125); // scikit-learn 1.2.1
    expectNear(adjustedMutualInformation(truth, predicted), -0.11643602639048735); // scikit-learn 1.2.1
  });

  it('a single item', () => {
    expectScores(scores([0], [5]), {
      ari: 1,
      mi: 0,
      nmi: 1,
      ami: 1,
      homogeneity: 1,
      completeness: 1,
      vMeasure: 1,
      entropyTruth: 0,
      entropyPredicted: 0,
      purity: 1,
    });
  });

  it('one side a single class: no shared information, AMI exactly 0', () => {
    expectScores(scores([0, 0, 0, 0], [0, 1, 2, 3]), {
      ari: 0,
      mi: 0,
      nmi: 0,
      ami: 0,
      homogeneity: 1,
      completeness: 0,
      vMeasure: 0,
      entropyTruth: 0,
      entropyPredicted: Math.log(4),
      purity: 1,
    });
    expect(adjustedMutualInformation([0, 1, 1, 2, 2], [7, 7, 7, 7, 7])).toBe(0);
    expect(homogeneityCompletenessVMeasure([0, 1, 1, 2, 2], [7, 7, 7, 7, 7])).toEqual({ homogeneity: 0, completeness: 1, vMeasure: 0 });
    expectNear(purity([0, 1, 1, 2, 2], [7, 7, 7, 7, 7]), 0.4);
  });

  it.each([
    ['two classes', [0, 1, 0, 1, 1], [42, 7, 42, 7, 7]],
    ['string and number labels', ['a', 'b', 'c', 'a'], [2, 10, 1, 2]],
    // All singletons: MI, EMI and the mean entropy are all ln n, so AMI is 0/0 up to rounding.
    // scikit-learn 1.2 returns 0 for n = 2 and 4 (issue #30950, fixed upstream by PR #31065); the intended 1 is kept here.
    ...[2, 3, 4, 5, 50].map((n) => [`${n} singletons`, range(n), range(n).reverse()]),
  ] as [string, Label[], Label[]][])('identical partitions score 1: %s', (_name, truth, predicted) => {
    expectNear(adjustedRandIndex(truth, predicted), 1);
    expectNear(adjustedMutualInformation(truth, predicted), 1);
    expectNear(normalizedMutualInformation(truth, predicted), 1);
    expectNear(homogeneityCompletenessVMeasure(truth, predicted).vMeasure, 1);
    expectNear(purity(truth, predicted), 1);
  });
});

describe('invalid input', () => {
  const pairFunctions: [string, (t: readonly Label[], p: readonly Label[]) => unknown][] = [
    ['contingencyTable', contingencyTable],
    ['adjustedRandIndex', adjustedRandIndex],
    ['mutualInformation', mutualInformation],
    ['normalizedMutualInformation', normalizedMutualInformation],
    ['adjustedMutualInformation', adjustedMutualInformation],
    ['homogeneityCompletenessVMeasure', homogeneityCompletenessVMeasure],
    ['purity', purity],
  ];

  it.each(pairFunctions)('%s rejects labelings of different lengths', (_name, score) => {
    expect(() => score([0, 1, 1], [0, 1])).toThrow(RangeError);
  });

  it.each(pairFunctions)('%s rejects empty labelings', (_name, score) => {
    expect(() => score([], [])).toThrow(RangeError);
  });

  it('entropy rejects an empty labeling', () => {
    expect(() => entropy([])).toThrow(RangeError);
  });
});

describe('large inputs', () => {
  it('scores 10,000 singletons on both sides as identical (grouping by class size keeps this tractable)', () => {
    const singletons = range(10000);
    expectNear(adjustedMutualInformation(singletons, singletons), 1);
  });
});
