/**
 * Near-duplicate ideas within one theme: "Cybercrime" / "cybercrime." / "Cybercrime!", or
 * "Enabling framework to ensure dialogue and stimulate cooperation" / "Enabling framework to
 * stimulate cooperation". They are shown once to the reader and kept for the record. Only an
 * idea that says nothing more than the one shown is folded into it: "Cybercrime, human rights
 * online" is not folded into "Human rights online", or the cybercrime point would vanish.
 */
export interface DuplicateCandidate {
  /** The idea's text as written. */
  text: string;
  /** Its content-word stems. */
  stems: readonly string[];
}

/**
 * Ideas of one or two content words merge only when their words are the same: "Government has
 * a role" and "The role of the government is to listen" share most of their few words but do
 * not say the same thing.
 */
const MIN_WORDS_FOR_SIMILAR = 3;

/** Above this many ideas in one theme only exact duplicates (after normalising) are merged, to stay linear. */
const PAIRWISE_LIMIT = 500;

/** The same text once case, punctuation and spacing are set aside. */
export function normalisedText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\p{P}\p{S}]+/gu, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * For each idea, the index of the earlier idea it repeats, or −1. Ideas are taken in the order
 * given (most central first), so the kept copy is the first of its kind. An idea repeats an
 * earlier one when their normalised texts are equal, or when every content word of it is in
 * the earlier one and their sets of content words have a cosine of at least `threshold`
 * (1 = only the same words; above 1 = normalised texts only), the shorter of the two having
 * at least three content words unless both have the same words. An infinite threshold merges
 * nothing.
 */
export function findDuplicates(items: readonly DuplicateCandidate[], threshold: number): number[] {
  if (threshold === Infinity) return items.map(() => -1);
  const byText = new Map<string, number>();
  const kept: { index: number; stems: Set<string> }[] = [];
  const pairwise = threshold <= 1 && items.length <= PAIRWISE_LIMIT;
  return items.map((item, index) => {
    const key = normalisedText(item.text);
    const sameText = byText.get(key);
    if (sameText !== undefined && key !== '') return sameText;
    const stems = new Set(item.stems);
    if (pairwise && stems.size > 0) {
      for (const other of kept) {
        if (repeats(stems, other.stems, threshold)) return other.index;
      }
    }
    byText.set(key, index);
    kept.push({ index, stems });
    return -1;
  });
}

/** Whether `a` (a later idea) says nothing more than `b` (the one shown) and is close enough to it. */
function repeats(a: ReadonlySet<string>, b: ReadonlySet<string>, threshold: number): boolean {
  for (const x of a) if (!b.has(x)) return false;
  const cosine = cosineOfSets(a, b);
  if (cosine >= 1 - 1e-12) return true;
  return cosine >= threshold && Math.min(a.size, b.size) >= MIN_WORDS_FOR_SIMILAR;
}

function cosineOfSets(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}
