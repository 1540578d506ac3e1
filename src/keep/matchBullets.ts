import { normalisedText } from '../themes/duplicates';

/**
 * The least similarity of a bullet's text to an idea's for the two to be the same idea, once no
 * idea has the bullet's exact text (see `textSimilarity`). Edits people make score well above
 * it: two words of thirteen changed ("should … adhere to" → "must … respect") 0.76,
 * "Cybercrime" → "Cyber-crime" 0.76, "Learn to listen" → "Learning to listen!" 0.79. Distinct
 * ideas mostly score below it: in the ITU notes, 8 of 108 ideas have another idea of their
 * round at 0.6 or more, all near-paraphrases ("Human rights online" / "Cybercrime, human
 * rights online", 0.78); at 0.5 it would be 19.
 */
export const MATCH_THRESHOLD = 0.6;

interface Bullet {
  text: string;
  copies: number;
}

/** The text compared: case, punctuation and spacing set aside; a note of punctuation alone is its trimmed self. */
function key(text: string): string {
  return normalisedText(text) || text.trim().toLowerCase();
}

function trigrams(text: string): Map<string, number> {
  const padded = ` ${text} `;
  const counts = new Map<string, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const t = padded.slice(i, i + 3);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return counts;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [t, n] of a) {
    total += n;
    shared += Math.min(n, b.get(t) ?? 0);
  }
  for (const n of b.values()) total += n;
  return total > 0 ? (2 * shared) / total : 0;
}

/**
 * How alike two texts are as written: the Dice coefficient of the character trigrams of their
 * normalised texts (lower case, punctuation and extra spaces removed), from 0 to 1. Trigrams
 * forgive a typo, a changed ending or a word added or dropped, in any script.
 */
export function textSimilarity(a: string, b: string): number {
  return dice(trigrams(key(a)), trigrams(key(b)));
}

/**
 * Which ideas each bullet of a group stands for: a list of idea indices per bullet (empty when
 * the bullet's idea is no longer in the notes). Deterministic, one idea to at most one bullet:
 *
 * 1. Same text: each bullet, in the order written, takes up to its `copies` ideas whose
 *    normalised text is its own (in input order).
 * 2. Edited text: each bullet left without an idea takes the most similar free idea with a
 *    similarity of at least MATCH_THRESHOLD; pairs are settled best first (ties: earlier
 *    bullet, then earlier idea).
 * 3. "(×N)": a bullet that stands for N ideas and holds fewer takes the most similar free
 *    ideas above the threshold, best first, up to N.
 */
export function matchBullets(bullets: readonly Bullet[], ideas: readonly string[], threshold = MATCH_THRESHOLD): number[][] {
  const claims: number[][] = bullets.map(() => []);
  const taken = new Array<boolean>(ideas.length).fill(false);
  const ideaKeys = ideas.map(key);
  const byKey = new Map<string, number[]>();
  ideaKeys.forEach((k, i) => byKey.set(k, [...(byKey.get(k) ?? []), i]));

  bullets.forEach((bullet, b) => {
    for (const i of byKey.get(key(bullet.text)) ?? []) {
      if (claims[b].length >= bullet.copies) break;
      if (!taken[i]) {
        taken[i] = true;
        claims[b].push(i);
      }
    }
  });

  const ideaGrams = new Map<number, Map<string, number>>();
  const gramsOf = (i: number) => ideaGrams.get(i) ?? ideaGrams.set(i, trigrams(ideaKeys[i])).get(i)!;
  const pairs = (want: (b: number) => boolean) => {
    const found: { b: number; i: number; s: number }[] = [];
    bullets.forEach((bullet, b) => {
      if (!want(b)) return;
      const grams = trigrams(key(bullet.text));
      ideas.forEach((_, i) => {
        if (taken[i]) return;
        const s = dice(grams, gramsOf(i));
        if (s >= threshold) found.push({ b, i, s });
      });
    });
    return found.sort((x, y) => y.s - x.s || x.b - y.b || x.i - y.i);
  };

  for (const { b, i } of pairs((b) => claims[b].length === 0)) {
    if (claims[b].length > 0 || taken[i]) continue;
    taken[i] = true;
    claims[b].push(i);
  }
  for (const { b, i } of pairs((b) => claims[b].length > 0 && claims[b].length < bullets[b].copies)) {
    if (claims[b].length >= bullets[b].copies || taken[i]) continue;
    taken[i] = true;
    claims[b].push(i);
  }
  return claims;
}
