import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assignIdeas, evaluateThemes, findThemes, parseModel, readNotes, renderEvaluation, renderReport, serialiseModel, VERSION } from '../../src/index';
import { defaultCacheDir, loadWordVectors } from '../../src/vectors/wordVectorCache';
import { rapporteur } from '../e2e/cli';

const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env) });
const ITU = 'fixtures/itu-world-cafe-2013.csv';

describe('the library and the command line are one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-api-'));
  const savedModel = path.join(dir, 'themes.json');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const cli = rapporteur([ITU, '--format', 'json', '-k', '1=6,auto', '--save-model', savedModel]);
  const found = findThemes(readNotes(ITU), { k: '1=6,auto', wordVectors });

  it('findThemes gives the report and the saved themes the command writes, byte for byte', () => {
    expect(cli.status).toBe(0);
    expect(renderReport(found.report, 'json')).toBe(cli.stdout);
    expect(serialiseModel(found.model)).toBe(fs.readFileSync(savedModel, 'utf8'));
  });

  it('assignIdeas gives the report of `rapporteur assign`', () => {
    const late = 'idea,round\nFighting cybercrime online,2\nXqzv blorptang,2\n';
    const command = rapporteur(['assign', '--model', savedModel, '-', '--format', 'markdown'], { input: late });
    expect(command.status).toBe(0);
    const model = parseModel(fs.readFileSync(savedModel, 'utf8'), savedModel);
    const report = assignIdeas(model, readNotes({ text: late, name: 'stdin' }), { wordVectors, modelName: savedModel });
    expect(renderReport(report, 'markdown')).toBe(command.stdout);
  });

  it('evaluateThemes gives the scores of `rapporteur evaluate`', () => {
    const command = rapporteur(['evaluate', ITU, '--truth', 'theme', '--format', 'json']);
    const notes = readNotes(ITU, { truth: 'theme' });
    const report = evaluateThemes(notes, { wordVectors });
    const options = { k: 'auto' as const, seed: 42, by: notes.columns.by ?? null, text: notes.columns.text, truth: 'theme', vectors: true };
    expect(renderEvaluation(report, { version: VERSION, input: ITU, options, skipped: notes.skipped }, 'json')).toBe(command.stdout);
  });
});

describe('findThemes on a list of ideas', () => {
  const ideas = [
    { text: 'Free wifi in every park', group: 'Tuesday' },
    { text: 'Free wifi at the library', group: 'Tuesday' },
    { text: 'Longer library opening hours', group: 'Tuesday' },
    { text: '   ', group: 'Tuesday' },
    { text: 'More trees along the river', group: 'Wednesday' },
    { text: 'Plant trees in the square', group: 'Wednesday' },
  ];

  it('groups by `group`, lists every non-empty idea once and skips the empty one with its position', () => {
    const { report } = findThemes(ideas);
    expect(report.groups.map((g) => g.name)).toEqual(['Tuesday', 'Wednesday']);
    const listed = report.groups.flatMap((g) => g.themes.flatMap((t) => t.ideas.map((i) => i.row))).sort();
    expect(listed).toEqual([1, 2, 3, 5, 6]);
    expect(report.skipped).toEqual([{ file: 'ideas', row: 4, reason: 'empty text' }]);
    expect(report.options).toMatchObject({ by: 'group', seed: 42, k: 'auto' });
  });

  it('tells what the command would print on stderr through onNotice, and prints nothing', () => {
    const notices: string[] = [];
    const written = jest.spyOn(process.stderr, 'write');
    findThemes(ideas, { k: 3, onNotice: (line) => notices.push(line) });
    expect(written).not.toHaveBeenCalled();
    written.mockRestore();
    expect(notices).toEqual(['rapporteur: note: -k 3: group "Wednesday" has only 2 ideas, so fewer themes']);
  });

  it('refuses what the command line refuses, with the same codes', () => {
    const codeOf = (run: () => unknown) => {
      try {
        run();
        return 'no error';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    expect(codeOf(() => findThemes(ideas, { k: 'Monday=3' }))).toBe('UNKNOWN_K_GROUP');
    expect(codeOf(() => findThemes(ideas, { k: 'lots' }))).toBe('BAD_K');
    expect(codeOf(() => evaluateThemes(ideas))).toBe('NO_TRUTH_VALUES');
    expect(codeOf(() => renderReport(findThemes(ideas).report, 'pdf' as never))).toBe('BAD_FORMAT');
  });
});
