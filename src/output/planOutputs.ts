import * as path from 'node:path';
import { checkTargets, OutputRequest, OutputTarget, resolveTarget } from './targets';
import { removeStaleTemporaries } from './writeOutputs';

/**
 * Every output a command was asked for, resolved and checked against the inputs and each other
 * before anything is read: a run that cannot write where it was told stops before it starts.
 * Temporary files that a killed earlier run left beside these outputs are removed.
 */
export function planOutputs(requests: readonly Partial<OutputRequest>[], inputs: readonly string[]): OutputTarget[] {
  const targets = requests.filter((r): r is OutputRequest => r.file !== undefined).map(resolveTarget);
  checkTargets(targets, inputs);
  for (const target of targets) if (target.kind === 'file') removeStaleTemporaries(path.dirname(target.path), [path.basename(target.path)]);
  return targets;
}
