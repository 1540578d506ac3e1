/**
 * Where the edits come from: for every labelled set, the edits with automatic k beside the edits
 * at the k that would have been best in hindsight for each group (the least any rule for choosing
 * k could reach with this grouping), and how often an idea's most similar ideas, by the
 * similarity the ideas are clustered with, share its human theme (what any clustering of that
 * similarity has to work with). When the hindsight edits are far above a target, choosing k
 * cannot reach it; when the neighbours rarely share a human theme, no clustering of that
 * similarity can.
 *
 *   npx tsx bench/quality-floor.ts             # prints the Markdown table
 *   npx tsx bench/quality-floor.ts --write     # and writes bench/QUALITY-FLOOR.md
 *   npx tsx bench/quality-floor.ts --pipeline '{"neighbours":8}'   # a variant
 *
 * One seed: groups of these sizes are clustered without chance (see test/quality).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { clusterIdeas, DEFAULT_PIPELINE, PipelineConfig } from '../src/analyseGroup';
import { candidateKs } from '../src/cluster/chooseK';
import { similarityMatrix } from '../src/cluster/silhouette';
import { countEdits, sumEdits, EditCount } from '../src/evaluate/edits';
import { groupIdeas } from '../src/groupIdeas';
import { analyseText } from '../src/text/analyseText';
import { clusteringSimilarity } from '../src/vectors/clusteringSimilarity';
import { fitRepresentation, transformRepresentation } from '../src/vectors/represent';
import { defaultCacheDir, loadWordVectors, WordVectors } from '../src/vectors/wordVectorCache';
import { LABELLED_SETS } from './labelledSets';
import { readLabelledSet, ROOT } from './scoreSet';

const argv = process.argv.slice(2);
const write = argv.includes('--write');
const pipelineArg = argv.includes('--pipeline') ? argv[argv.indexOf('--pipeline') + 1] : undefined;
const pipeline: Partial<PipelineConfig> = JSON.parse(pipelineArg ?? '{}');
if (write && pipelineArg) {
  process.stderr.write('quality-floor: --write records the default pipeline; drop --pipeline\n');
  process.exit(2);
}
const config: PipelineConfig = { ...DEFAULT_PIPELINE, ...pipeline };
const SEED = 0;
/** How many of an idea's most similar ideas the neighbour precision looks at. */
const NEIGHBOURS = 5;

interface GroupFloor {
  auto: EditCount;
  trueK: EditCount;
  hindsight: EditCount;
  hindsightK: number;
  autoK: number;
  /** Ideas scored for the neighbour precision, and the sums over them. */
  ideas: number;
  nearestShares: number;
  topShare: number;
  chanceShare: number;
}

function floorOfGroup(ideas: ReturnType<typeof groupIdeas>[number]['ideas'], wordVectors: WordVectors | undefined): GroupFloor {
  const texts = ideas.map((i) => analyseText(i.text));
  const truth = ideas.map((i) => i.truth ?? '');
  const run = (k: number | undefined) => clusterIdeas(texts, { seed: SEED, k, pipeline, wordVectors }).labels;
  const autoLabels = run(undefined);
  const human = new Set(truth).size;
  const kept = texts.map((_, i) => i).filter((i) => texts[i].terms.length > 0);
  let hindsight: EditCount | undefined;
  let hindsightK = 0;
  for (const k of candidateKs(kept.length, config.maxK)) {
    const edits = countEdits(truth, run(k));
    if (!hindsight || edits.edits < hindsight.edits) {
      hindsight = edits;
      hindsightK = k;
    }
  }
  const auto = countEdits(truth, autoLabels);
  if (!hindsight) {
    hindsight = auto;
    hindsightK = new Set(autoLabels.filter((l) => l >= 0)).size;
  }

  // The similarity the pipeline clusters with (see clusterIdeas), over the ideas it clusters.
  const keptTexts = kept.map((i) => texts[i]);
  const keptTruth = kept.map((i) => truth[i]);
  let nearestShares = 0;
  let topShare = 0;
  let chanceShare = 0;
  if (kept.length > NEIGHBOURS) {
    const model = fitRepresentation(keptTexts, config, wordVectors);
    const rows = transformRepresentation(model, keptTexts, wordVectors);
    const similarity = clusteringSimilarity(model, rows, keptTexts, wordVectors, config.wordAlignment) ?? similarityMatrix(rows);
    const sizes = new Map<string, number>();
    for (const t of keptTruth) sizes.set(t, (sizes.get(t) ?? 0) + 1);
    for (let i = 0; i < kept.length; i++) {
      const others = kept.map((_, j) => j).filter((j) => j !== i);
      others.sort((a, b) => similarity[i][b] - similarity[i][a] || a - b);
      const nearest = others.slice(0, NEIGHBOURS);
      nearestShares += nearest.filter((j) => keptTruth[j] === keptTruth[i]).length / NEIGHBOURS;
      topShare += keptTruth[nearest[0]] === keptTruth[i] ? 1 : 0;
      chanceShare += (sizes.get(keptTruth[i])! - 1) / (kept.length - 1);
    }
  }
  return {
    auto,
    trueK: countEdits(truth, run(human)),
    hindsight,
    hindsightK,
    autoK: new Set(autoLabels.filter((l) => l >= 0)).size,
    ideas: kept.length > NEIGHBOURS ? kept.length : 0,
    nearestShares,
    topShare,
    chanceShare,
  };
}

const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env), onProgress: (m) => process.stderr.write(`${m}\n`) });
const started = Date.now();
const rows: string[] = [];
for (const set of LABELLED_SETS) {
  const groups = groupIdeas(readLabelledSet(set).ideas).map((g) => floorOfGroup(g.ideas, wordVectors));
  const total = (pick: (g: GroupFloor) => EditCount) => sumEdits(groups.map(pick));
  const scored = groups.reduce((s, g) => s + g.ideas, 0);
  const share = (pick: (g: GroupFloor) => number) => (scored > 0 ? (groups.reduce((s, g) => s + pick(g), 0) / scored).toFixed(2) : '–');
  const split = (e: EditCount) => `**${e.edits}** (${e.moves} / ${e.merges} / ${e.newThemes})`;
  rows.push(
    `| ${set.name} | ${set.humanThemes} | ${groups.map((g) => g.autoK).join(', ')} | ${split(total((g) => g.auto))} | ${groups.map((g) => g.hindsightK).join(', ')} | ${split(total((g) => g.hindsight))} | ${total((g) => g.trueK).edits} | ${share((g) => g.topShare)} | ${share((g) => g.nearestShares)} | ${share((g) => g.chanceShare)} |`,
  );
}
const output = [
  '# Where the edits come from',
  '',
  `Seed ${SEED}, summed over each set's groups. Edits as in bench/RESULTS.md: **total** (moves / merges / new themes).`,
  '"Best k in hindsight": for each group, the k (in the range the pipeline searches) whose grouping needs the fewest',
  'edits, chosen by looking at the human themes: no rule for choosing k can do better with this grouping.',
  `Neighbours: how often an idea's nearest idea, and on average how many of its ${NEIGHBOURS} nearest, by the similarity the`,
  'pipeline clusters with, share its human theme; "chance": the same share for ideas drawn at random.',
  `Pipeline: \`${JSON.stringify(config)}\`.`,
  '',
  `| set | human themes | k chosen | edits, k chosen | best k in hindsight | edits, best k in hindsight | edits, true k | nearest idea in its human theme | of ${NEIGHBOURS} nearest in its human theme | chance |`,
  '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ...rows,
  '',
  `Generated by \`npx tsx bench/quality-floor.ts --write\` in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  '',
].join('\n');
process.stdout.write(output);
if (write) fs.writeFileSync(path.join(ROOT, 'bench', 'QUALITY-FLOOR.md'), output);
