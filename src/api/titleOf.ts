import * as path from 'node:path';

/** What a report is about when the notes do not say: the input's file name without folder and extension. */
export function titleOf(name: string): string {
  return name === 'stdin' ? 'Notes' : path.basename(name).replace(/\.[^.]+$/, '');
}
