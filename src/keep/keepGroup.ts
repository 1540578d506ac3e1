import { analyseGroupWithModel, AnalysisOptions, DEFAULT_MERGE_THRESHOLD, DEFAULT_PIPELINE, GroupAnalysis, markDuplicates, representationFor } from '../analyseGroup';
import { Idea } from '../ingest/idea';
import { DEFAULT_ASSIGN_THRESHOLD } from '../model/assign';
import { analyseText } from '../text/analyseText';
import { normalisedText } from '../themes/duplicates';
import { defaultNamer, nameWith } from '../themes/namer';
import { OTHER_IDEAS_LABEL, Theme, ThemeMember } from '../themes/theme';
import { dot, mean, normalise } from '../vectors/dense';
import { KeptBullet, KeptTheme } from './draft';
import { matchBullets } from './matchBullets';

/** The stages (representation, clusterer, namer) are those of the analysis: the new themes are found and named by them. */
export interface KeepOptions extends Pick<AnalysisOptions, 'wordVectors' | 'mergeThreshold' | 'representation' | 'clusterer' | 'namer'> {
  seed: number;
  /** Themes for the ideas the draft does not hold, when the draft has no theme for the group; undefined chooses. */
  k?: number;
}

/** What became of the draft in one group, for the lines on stderr. */
export interface GroupKeepOutcome {
  keptIdeas: number;
  /** Themes of the draft that hold ideas after the refresh ("Other ideas" aside). */
  keptThemes: number;
  /** Ideas of the notes the draft did not hold, and where they went. */
  placedIntoKept: number;
  intoNewThemes: number;
  newThemes: number;
  intoOther: number;
  /** Bullets whose idea is no longer in the notes. */
  gone: KeptBullet[];
  /** Headings with no idea after matching and placing. */
  emptied: KeptTheme[];
}

/**
 * The themes of one group as the rapporteur left them in the draft, brought up to date with the
 * notes:
 *
 * - every bullet keeps the ideas it stands for (`matchBullets`) under its heading, in the order
 *   written; headings keep their names, order, keyword lines and paragraphs;
 * - an idea the draft does not hold joins the draft's bullet of the same text, else the kept
 *   theme it is most similar to, by the cosine `assign` uses (the idea's row against the
 *   normalised mean of the theme's rows, in the representation fitted on the group's ideas),
 *   if that is at least DEFAULT_ASSIGN_THRESHOLD. A heading without ideas (a codebook entry, or
 *   one whose ideas all left the notes) is represented by its name and keyword line;
 * - the ideas still unplaced are clustered as a fresh analysis would; its themes are new, its
 *   "Other ideas" join the draft's;
 * - headings left with no idea are dropped.
 *
 * Pure: same ideas, draft and options, same result. The result has the shape of an analysis,
 * so the report and --save-model take it as they take one.
 */
export function keepGroup(ideas: readonly Idea[], draft: readonly KeptTheme[], options: KeepOptions): { analysis: GroupAnalysis; outcome: GroupKeepOutcome } {
  const texts = ideas.map((idea) => analyseText(idea.text));
  const bullets = draft.flatMap((theme, t) => theme.bullets.map((bullet) => ({ ...bullet, theme: t })));
  const claims = matchBullets(bullets, ideas.map((i) => i.text));

  const members: number[][] = draft.map(() => []);
  const kept = new Set<number>();
  claims.forEach((claimed, b) => {
    members[bullets[b].theme].push(...claimed);
    claimed.forEach((i) => kept.add(i));
  });
  const gone = bullets.filter((_, b) => claims[b].length === 0).map(({ theme: _t, ...bullet }) => bullet);

  // The group's space, fitted on all its ideas with words, as an analysis fits it.
  const withWords = ideas.map((_, i) => i).filter((i) => texts[i].terms.length > 0);
  const stage = representationFor({ representation: options.representation, pipeline: DEFAULT_PIPELINE });
  const context = { wordVectors: options.wordVectors };
  const representation = withWords.length > 0 ? stage.fit(withWords.map((i) => texts[i]), context) : null;
  const rowOf = new Map<number, number[]>();
  let dimensions = 0;
  if (representation !== null) {
    const rows = stage.transform(representation, withWords.map((i) => texts[i]), context);
    rows.forEach((row, r) => rowOf.set(withWords[r], row));
    dimensions = rows[0].length;
  }
  const centreOf = (indices: readonly number[]): number[] | null => {
    const rows = indices.filter((i) => rowOf.has(i)).map((i) => rowOf.get(i)!);
    if (rows.length === 0) return null;
    const centre = normalise(mean(rows, dimensions));
    return centre.some((x) => x !== 0) ? centre : null;
  };
  const nameCentre = (theme: KeptTheme): number[] | null => {
    if (representation === null) return null;
    const text = analyseText([theme.name, ...(theme.keywords ?? [])].join(', '));
    if (text.terms.length === 0) return null;
    const row = stage.transform(representation, [text], context)[0];
    return row.some((x) => x !== 0) ? row : null;
  };
  const draftCentres = draft.map((theme, t) => (theme.other ? null : (centreOf(members[t]) ?? nameCentre(theme))));

  const sameText = new Map<string, number>();
  bullets.forEach((b) => {
    const key = normalisedText(b.text);
    if (key !== '' && !sameText.has(key) && !draft[b.theme].other) sameText.set(key, b.theme);
  });
  const placed = new Set<number>();
  const otherTheme = draft.findIndex((t) => t.other);
  const leftover: number[] = [];
  ideas.forEach((idea, i) => {
    if (kept.has(i)) return;
    const twin = sameText.get(normalisedText(idea.text));
    const best = twin ?? nearest(rowOf.get(i), draftCentres);
    if (best !== undefined) {
      members[best].push(i);
      placed.add(i);
    } else leftover.push(i);
  });

  const fresh = leftover.length > 0
    ? analyseGroupWithModel(leftover.map((i) => ideas[i]), {
      k: draft.length === 0 ? options.k : undefined,
      seed: options.seed,
      wordVectors: options.wordVectors,
      mergeThreshold: Infinity,
      representation: options.representation,
      clusterer: options.clusterer,
      namer: options.namer,
    }).themes
    : [];
  const index = new Map(ideas.map((idea, i) => [idea, i]));
  const newThemes = fresh.filter((t) => !t.other).map((t) => ({ label: t.label, keywords: t.keywords, members: t.members.map((m) => index.get(m.idea)!) }));
  const newOther = fresh.filter((t) => t.other).flatMap((t) => t.members.map((m) => index.get(m.idea)!));

  const similarityIn = (centre: number[] | null) => (i: number) => (centre && rowOf.has(i) ? dot(rowOf.get(i)!, centre) : 0);
  const member = (i: number, similarity: number): ThemeMember => ({ idea: ideas[i], similarity, ...(kept.has(i) ? { kept: true } : {}) });
  const byCloseness = (similarity: (i: number) => number) => (a: number, b: number) => similarity(b) - similarity(a) || ideas[a].row - ideas[b].row || a - b;

  const themes: Theme[] = [];
  const centres: (number[] | null)[] = [];
  const emptied: KeptTheme[] = [];
  const keepKeywords: boolean[] = [];
  draft.forEach((theme, t) => {
    if (theme.other) return;
    if (members[t].length === 0) {
      emptied.push(theme);
      return;
    }
    const centre = centreOf(members[t]);
    const similarity = similarityIn(centre);
    const keptFirst = members[t].filter((i) => kept.has(i));
    const added = members[t].filter((i) => !kept.has(i)).sort(byCloseness(similarity));
    themes.push({
      label: theme.name,
      keywords: theme.keywords ?? [],
      members: [...keptFirst, ...added].map((i) => member(i, similarity(i))),
      kept: true,
      ...(theme.paragraphs.length > 0 ? { paragraphs: theme.paragraphs } : {}),
    });
    keepKeywords.push(theme.keywords !== undefined);
    centres.push(centre);
  });
  newThemes
    .map((t) => ({ ...t, centre: centreOf(t.members) }))
    .sort((a, b) => b.members.length - a.members.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .forEach((t) => {
      const similarity = similarityIn(t.centre);
      themes.push({ label: t.label, keywords: t.keywords, members: [...t.members].sort(byCloseness(similarity)).map((i) => member(i, similarity(i))), new: true });
      keepKeywords.push(true);
      centres.push(t.centre);
    });
  // Themes from the CSV export or a JSON without keywords get them as an analysis would name them.
  if (keepKeywords.includes(false)) {
    const naming = nameWith(options.namer ?? defaultNamer, themes.map((t) => t.members.map((m) => texts[index.get(m.idea)!])));
    themes.forEach((t, n) => {
      if (!keepKeywords[n]) t.keywords = naming[n].keywords;
    });
  }
  const otherIdeas = [...(otherTheme >= 0 ? members[otherTheme] : []), ...newOther];
  if (otherIdeas.length > 0) {
    const draftOther = otherTheme >= 0 ? draft[otherTheme] : undefined;
    themes.push({
      label: draftOther?.name ?? OTHER_IDEAS_LABEL,
      keywords: draftOther?.keywords ?? [],
      other: true,
      members: otherIdeas.map((i) => member(i, 0)),
      ...(draftOther ? { kept: true } : {}),
      ...(draftOther && draftOther.paragraphs.length > 0 ? { paragraphs: draftOther.paragraphs } : {}),
    });
    centres.push(null);
  } else if (otherTheme >= 0) emptied.push(draft[otherTheme]);

  const stemsOf = new Map(ideas.map((idea, i) => [idea, texts[i].terms.map((term) => term.stem)]));
  const merge = options.mergeThreshold ?? DEFAULT_MERGE_THRESHOLD;
  return {
    analysis: { themes: themes.map((theme) => markDuplicates(theme, stemsOf, merge)), representation, centres },
    outcome: {
      keptIdeas: kept.size,
      keptThemes: themes.filter((t) => t.kept && !t.other).length,
      placedIntoKept: placed.size,
      intoNewThemes: newThemes.reduce((s, t) => s + t.members.length, 0),
      newThemes: newThemes.length,
      intoOther: newOther.length,
      gone,
      emptied: emptied.sort((a, b) => a.line - b.line),
    },
  };
}

/** The kept theme whose centre is most similar to the row (the first on a tie), if similar enough. */
function nearest(row: number[] | undefined, centres: readonly (number[] | null)[]): number | undefined {
  if (!row) return undefined;
  let best: number | undefined;
  let bestSimilarity = -Infinity;
  centres.forEach((centre, t) => {
    if (!centre) return;
    const s = dot(row, centre);
    if (s > bestSimilarity) {
      bestSimilarity = s;
      best = t;
    }
  });
  return bestSimilarity >= DEFAULT_ASSIGN_THRESHOLD ? best : undefined;
}
