/**
 * How the number of themes is chosen, laid bare: for every group of every labelled set and every
 * candidate k, the mean cosine silhouette (with its standard error over the ideas), the edits
 * to the human grouping and the AMI (before admissibility: every k shown), and the k each rule
 * of src/cluster/chooseK.ts picks.
 *
 *   npx tsx bench/k-choice.ts [--sets itu,stack]
 */
import { clusterRows } from '../src/cluster/clusterRows';
import { candidateKs, chooseKBySilhouette } from '../src/cluster/chooseK';
import { markOutliers } from '../src/cluster/outliers';
import { silhouetteValues, similarityMatrix } from '../src/cluster/silhouette';
import { DEFAULT_PIPELINE } from '../src/analyseGroup';
import { countEdits } from '../src/evaluate/edits';
import { adjustedMutualInformation } from '../src/evaluate/metrics';
import { groupIdeas } from '../src/groupIdeas';
import { analyseText } from '../src/text/analyseText';
import { clusteringSimilarity } from '../src/vectors/clusteringSimilarity';
import { fitRepresentation, transformRepresentation } from '../src/vectors/represent';
import { defaultCacheDir, loadWordVectors } from '../src/vectors/wordVectorCache';
import { LABELLED_SETS } from './labelledSets';
import { readLabelledSet } from './scoreSet';

const argv = process.argv.slice(2);
const only = argv.includes('--sets') ? argv[argv.indexOf('--sets') + 1] : undefined;
const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env) });
const config = DEFAULT_PIPELINE;

for (const set of LABELLED_SETS.filter((s) => !only || only.split(',').some((o) => s.file.includes(o)))) {
  for (const group of groupIdeas(readLabelledSet(set).ideas)) {
    const texts = group.ideas.map((i) => analyseText(i.text));
    const kept = texts.map((_, i) => i).filter((i) => texts[i].terms.length > 0);
    const model = fitRepresentation(kept.map((i) => texts[i]), config, wordVectors);
    const rows = transformRepresentation(model, kept.map((i) => texts[i]), wordVectors);
    const similarity = clusteringSimilarity(model, rows, kept.map((i) => texts[i]), wordVectors, config.wordAlignment) ?? similarityMatrix(rows);
    const truth = kept.map((i) => group.ideas[i].truth ?? '');
    const human = new Set(truth).size;
    const tried = candidateKs(kept.length, config.maxK).map((k) => {
      const labels = clusterRows(rows, { ...config, k, seed: 0 }, similarity);
      const values = silhouetteValues(similarity, labels);
      const final = markOutliers(rows, labels, config);
      return { k, labels, values, final };
    });
    const trials = tried.map((t) => ({ k: t.k, values: t.values }));
    const picked = chooseKBySilhouette(trials, 'best');
    const simpler = chooseKBySilhouette(trials, 'oneStandardError');
    process.stdout.write(`\n${set.name} / ${group.name}: ${kept.length} ideas, ${human} human themes; best silhouette k=${picked} (<), one-standard-error rule k=${simpler} (1se)\n`);
    process.stdout.write('   k  silhouette     s.e.  edits    AMI  other  smallest\n');
    for (const t of tried) {
      const mean = t.values.reduce((s, v) => s + v, 0) / t.values.length;
      const sd = Math.sqrt(t.values.reduce((s, v) => s + (v - mean) ** 2, 0) / (t.values.length - 1));
      const sizes = new Map<number, number>();
      for (const l of t.labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
      const line = [
        String(t.k).padStart(4),
        mean.toFixed(4).padStart(11),
        (sd / Math.sqrt(t.values.length)).toFixed(4).padStart(8),
        String(countEdits(truth, t.final).edits).padStart(6),
        adjustedMutualInformation(truth, t.final).toFixed(3).padStart(6),
        String(t.final.filter((l) => l < 0).length).padStart(6),
        String(Math.min(...sizes.values())).padStart(9),
      ];
      process.stdout.write(`${line.join(' ')}${t.k === picked ? '  <' : ''}${t.k === simpler ? '  1se' : ''}\n`);
    }
  }
}
