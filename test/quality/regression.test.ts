import * as fs from 'node:fs';
import { LABELLED_SETS } from '../../bench/labelledSets';
import { BenchResults, RESULTS_JSON, scoreLabelledSet } from '../../bench/scoreSet';
import { defaultCacheDir, loadWordVectors } from '../../src/vectors/wordVectorCache';

/** How far the mean AMI (automatic k) of a set may fall below its committed figure. */
const TOLERANCE = 0.02;

/**
 * The pipeline with its default settings must not lose agreement with the human groupings:
 * each labelled set is scored as `npm run bench:quality` scores it (same function, same
 * seeds) and compared with the figure that `npm run bench:quality -- --write` committed in
 * bench/results.json. After a deliberate change, rerun that command and commit both files.
 */
describe('quality does not regress (bench/results.json)', () => {
  const committed = JSON.parse(fs.readFileSync(RESULTS_JSON, 'utf8')) as BenchResults;
  const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env) });

  it('has a committed figure for every labelled set', () => {
    expect(committed.seeds.length).toBeGreaterThan(0);
    expect(committed.sets.map((s) => s.file).sort()).toEqual(LABELLED_SETS.map((s) => s.file).sort());
  });

  it.each(LABELLED_SETS.map((set) => [set.name, set] as const))(
    '%s: mean AMI with automatic k',
    (_, set) => {
      const figure = committed.sets.find((s) => s.file === set.file);
      if (figure === undefined) throw new Error(`bench/results.json has no figure for ${set.file}; run npm run bench:quality -- --write`);
      const { ami } = scoreLabelledSet(set, { seeds: committed.seeds, wordVectors, trueK: false });
      if (ami.mean < figure.auto.ami - TOLERANCE) {
        throw new Error(
          `mean AMI ${ami.mean.toFixed(4)} over seeds ${committed.seeds.join(',')} is more than ${TOLERANCE} below the committed ` +
            `${figure.auto.ami.toFixed(4)} (bench/results.json, pipeline ${JSON.stringify(committed.pipeline)})`,
        );
      }
    },
    120_000,
  );
});
