import { Idea } from '../src/ingest/idea';
import { groupIdeas } from '../src/groupIdeas';
import { AnalysisOptions, clusterIdeas } from '../src/analyseGroup';
import { analyseText } from '../src/text/analyseText';
import { adjustedMutualInformation, adjustedRandIndex } from '../src/evaluate/metrics';
import { countEdits, EditCount } from '../src/evaluate/edits';

export interface Agreement {
  ami: number;
  ari: number;
  /** Themes found ("Other ideas" is not one) and themes the humans chose. */
  found: number;
  human: number;
  /** Edits to the human grouping; ideas without content words count as "Other ideas". */
  edits: EditCount;
}

/**
 * Cluster each group as the tool would and compare it with the human grouping in `idea.truth`.
 * Ideas without content words form one "other" cluster, as they do in the report.
 */
export function agreementPerGroup(ideas: readonly Idea[], options: AnalysisOptions, trueK = false): { name: string; agreement: Agreement }[] {
  return groupIdeas(ideas).map((group) => {
    const truth = group.ideas.map((i) => i.truth ?? '');
    const human = new Set(truth).size;
    const texts = group.ideas.map((i) => analyseText(i.text));
    const { labels } = clusterIdeas(texts, { ...options, k: trueK ? human : options.k });
    return {
      name: group.name,
      agreement: { ami: adjustedMutualInformation(truth, labels), ari: adjustedRandIndex(truth, labels), found: new Set(labels.filter((l) => l >= 0)).size, human, edits: countEdits(truth, labels) },
    };
  });
}
