import { GroupK, kForGroup } from '../groupK';
import { analyseGroup, AnalysisOptions } from '../analyseGroup';
import { groupIdeas } from '../groupIdeas';
import { Idea } from '../ingest/idea';
import { Theme } from '../themes/theme';
import { compareThemes } from '../report/themeOrder';
import {
  adjustedMutualInformation,
  adjustedRandIndex,
  homogeneityCompletenessVMeasure,
  normalizedMutualInformation,
  purity,
} from './metrics';
import { countEdits, EditCount, editsPer100, sumEdits } from './edits';
import { compareNatural } from '../text/naturalOrder';

/** How far one group's themes agree with the human grouping (every score: 1 = the same grouping). */
export interface EvaluationScores {
  /** Adjusted mutual information, arithmetic normalisation: 0 = chance agreement. */
  ami: number;
  /** Adjusted Rand index: 0 = chance agreement. */
  ari: number;
  /** Normalised mutual information, arithmetic normalisation (equals the V-measure). */
  nmi: number;
  vMeasure: number;
  /** Each theme holds one human theme only. */
  homogeneity: number;
  /** Each human theme lies in one theme only. */
  completeness: number;
  /** Share of ideas in their theme's commonest human theme. */
  purity: number;
  /** Themes rapporteur found ("Other ideas" is not a theme) and themes the humans made. */
  themes: number;
  humanThemes: number;
}

/** One of rapporteur's themes, in the order the report lists them. */
export interface EvaluatedTheme {
  /** 1-based position in the report's list of the group's themes. */
  number: number;
  label: string;
  /** All the theme's ideas, evaluated or not. */
  size: number;
  other?: true;
}

/** Where the ideas of one human theme went. */
export interface HumanThemeSpread {
  truth: string;
  size: number;
  /** Rapporteur's themes holding its ideas, most first; the counts sum to `size`. */
  themes: { number: number; label: string; count: number; other?: true }[];
}

export interface GroupEvaluation {
  name: string;
  question?: string;
  /** Ideas clustered in the group; `evaluated` of them have a human theme. */
  ideas: number;
  evaluated: number;
  notEvaluated: number;
  /** Null when no idea of the group has a human theme. */
  scores: EvaluationScores | null;
  themes: EvaluatedTheme[];
  /** Largest human theme first. */
  confusion: HumanThemeSpread[];
  /** Edits to turn the themes into the human grouping (see edits.ts); null when no idea has a human theme. */
  edits: EditsFigure | null;
}

/** An edit count with its rate per 100 evaluated ideas. */
export type EditsFigure = EditCount & { per100Ideas: number };

const withRate = (count: EditCount): EditsFigure => ({ ...count, per100Ideas: Math.round(editsPer100(count) * 10) / 10 });

export interface EvaluationReport {
  groups: GroupEvaluation[];
  /** Each score averaged over the scored groups (a set split by rounds scores the mean of its rounds); null if none was scored. */
  mean: EvaluationScores | null;
  /** Edits summed over the scored groups; null if none was scored. */
  edits: EditsFigure | null;
  totals: { ideas: number; evaluated: number; notEvaluated: number; groups: number; scoredGroups: number };
  /** Ideas with an empty human theme: clustered with the others, left out of every score. */
  notEvaluated: { file: string; row: number }[];
}

const hasTruth = (idea: Idea): boolean => idea.truth !== undefined && idea.truth !== '';

/**
 * Cluster every group exactly as the report does (analyseGroup, so the labels are the real
 * theme labels) and compare the themes with the human grouping in `idea.truth`. Every theme,
 * "Other ideas" included, is one cluster. Ideas without a human theme are clustered, since
 * they shape the themes, but not scored.
 */
export function evaluate(ideas: readonly Idea[], options: AnalysisOptions & { groupK?: GroupK }): EvaluationReport {
  const groups = groupIdeas(ideas).map((group) =>
    evaluateGroup(group.name, group.question, group.ideas, options.groupK ? { ...options, k: kForGroup(options.groupK, group.name) } : options),
  );
  const scored = groups.map((g) => g.scores).filter((s): s is EvaluationScores => s !== null);
  const notEvaluated = ideas.filter((i) => !hasTruth(i)).map((i) => ({ file: i.file, row: i.row }));
  return {
    groups,
    mean: scored.length > 0 ? meanScores(scored) : null,
    edits: scored.length > 0 ? withRate(sumEdits(groups.flatMap((g) => (g.edits ? [g.edits] : [])))) : null,
    totals: {
      ideas: ideas.length,
      evaluated: ideas.length - notEvaluated.length,
      notEvaluated: notEvaluated.length,
      groups: groups.length,
      scoredGroups: scored.length,
    },
    notEvaluated,
  };
}

function evaluateGroup(name: string, question: string | undefined, ideas: readonly Idea[], options: AnalysisOptions): GroupEvaluation {
  const themes = reportOrder(analyseGroup(ideas, options));
  const evaluatedThemes: EvaluatedTheme[] = themes.map((t, i) => ({
    number: i + 1,
    label: t.label,
    size: t.members.length,
    ...(t.other ? { other: true as const } : {}),
  }));

  // One (truth, theme) pair per evaluated idea, in theme order.
  const truth: string[] = [];
  const predicted: number[] = [];
  themes.forEach((theme, t) => {
    for (const { idea } of theme.members) {
      if (!hasTruth(idea)) continue;
      truth.push(idea.truth as string);
      predicted.push(t);
    }
  });

  return {
    name,
    ...(question !== undefined ? { question } : {}),
    ideas: ideas.length,
    evaluated: truth.length,
    notEvaluated: ideas.length - truth.length,
    scores: truth.length > 0 ? score(truth, predicted, themes.filter((t) => !t.other).length) : null,
    themes: evaluatedThemes,
    confusion: spread(truth, predicted, evaluatedThemes),
    edits: truth.length > 0 ? withRate(countEdits(truth, predicted.map((t) => (themes[t].other ? -1 : t)))) : null,
  };
}

function score(truth: string[], predicted: number[], themes: number): EvaluationScores {
  const { homogeneity, completeness, vMeasure } = homogeneityCompletenessVMeasure(truth, predicted);
  return {
    ami: adjustedMutualInformation(truth, predicted),
    ari: adjustedRandIndex(truth, predicted),
    nmi: normalizedMutualInformation(truth, predicted),
    vMeasure,
    homogeneity,
    completeness,
    purity: purity(truth, predicted),
    themes,
    humanThemes: new Set(truth).size,
  };
}

function spread(truth: readonly string[], predicted: readonly number[], themes: readonly EvaluatedTheme[]): HumanThemeSpread[] {
  const counts = new Map<string, number[]>();
  truth.forEach((t, i) => {
    const row = counts.get(t) ?? new Array<number>(themes.length).fill(0);
    row[predicted[i]]++;
    counts.set(t, row);
  });
  return [...counts.entries()]
    .map(([name, row]) => ({
      truth: name,
      size: row.reduce((s, c) => s + c, 0),
      themes: themes
        .filter((theme, t) => row[t] > 0)
        .map((theme) => ({ number: theme.number, label: theme.label, count: row[theme.number - 1], ...(theme.other ? { other: true as const } : {}) }))
        .sort((a, b) => b.count - a.count || a.number - b.number),
    }))
    .sort((a, b) => b.size - a.size || compareNatural(a.truth, b.truth));
}

/** The report's order (see compareThemes), so that theme numbers match the report's letters. */
function reportOrder(themes: readonly Theme[]): Theme[] {
  const key = (t: Theme) => ({ label: t.label, size: t.members.length, other: t.other });
  return [...themes].sort((a, b) => compareThemes(key(a), key(b)));
}

function meanScores(scores: readonly EvaluationScores[]): EvaluationScores {
  const mean = (key: keyof EvaluationScores) => scores.reduce((s, x) => s + x[key], 0) / scores.length;
  return {
    ami: mean('ami'),
    ari: mean('ari'),
    nmi: mean('nmi'),
    vMeasure: mean('vMeasure'),
    homogeneity: mean('homogeneity'),
    completeness: mean('completeness'),
    purity: mean('purity'),
    themes: mean('themes'),
    humanThemes: mean('humanThemes'),
  };
}
