import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseGroup } from '../../src/analyseGroup';
import { acrossEvents } from '../../src/events/acrossEvents';
import { EventThemes } from '../../src/events/crossEvent';
import { groupIdeas } from '../../src/groupIdeas';
import { Idea } from '../../src/ingest/idea';
import { parseNotes } from '../../src/ingest/parseNotes';
import { defaultCacheDir, loadWordVectors } from '../../src/vectors/wordVectorCache';

const fixtures = path.join(__dirname, '..', '..', 'fixtures');
const read = (file: string, text: string) => parseNotes(fs.readFileSync(path.join(fixtures, file), 'utf8'), file, { text }).ideas;

describe('themes shared across events (with word vectors, as the command runs)', () => {
  const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env) });
  const options = { seed: 42, wordVectors };
  const eventOf = (name: string, ideas: readonly Idea[]): EventThemes => ({ event: name, themes: groupIdeas(ideas).flatMap((g) => analyseGroup(g.ideas, options)) });
  const itu = read('itu-world-cafe-2013.csv', 'idea');

  it('finds some themes shared by the three ITU rounds taken as three events', () => {
    const rounds = ['1', '2', '3'].map((r) => eventOf(`round ${r}`, itu.filter((i) => i.group === r)));
    expect(acrossEvents(rounds, options).view.themes.filter((t) => t.shared).length).toBeGreaterThan(0);
  }, 60_000);

  it('finds none shared between the ITU notes and an unrelated set of news titles', () => {
    const events = [eventOf('ITU', itu), eventOf('news', read('dev-googlenews-120.csv', 'text'))];
    const view = acrossEvents(events, options).view;
    expect(view.themes.filter((t) => t.shared)).toEqual([]);
  }, 60_000);
});
