import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, keysOfGroup, OPTIONS, optionsOf, recordOptions } from '../../src/options';
import { rapporteur, ROOT } from './cli';

const helpOf = (command: string) => rapporteur(command === 'report' ? ['--help'] : [command, '--help']).stdout;
const longFlag = (flags: string) => /--[\w-]+/.exec(flags)![0];

describe('options, declared once (src/options.ts)', () => {
  it.each(COMMANDS)('%s takes exactly the options declared for it', (command) => {
    const help = helpOf(command);
    const listed = [...help.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]).filter((f) => f !== '--help' && f !== '--version');
    const declared = optionsOf(command).flatMap((key) => {
      const option = OPTIONS[key] as { flags: string; negation?: { flags: string } };
      return [longFlag(option.flags), ...(option.negation ? [longFlag(option.negation.flags)] : [])];
    });
    expect(listed.sort()).toEqual(declared.sort());
  });

  it('assign reads notes with every input option the report takes, and evaluate with all but --event', () => {
    for (const key of keysOfGroup('input').filter((k) => optionsOf('report').includes(k))) {
      expect(optionsOf('assign')).toContain(key);
      if (key !== 'event') expect(optionsOf('evaluate')).toContain(key);
    }
  });

  it('a record lists its options in the declared order, whatever order they were given in', () => {
    expect(Object.keys(recordOptions('model', { vectors: true, text: 'idea', by: null, seed: 1, k: 'auto', merge: undefined }))).toEqual(['k', 'seed', 'by', 'text', 'vectors']);
    expect(Object.keys(recordOptions('report', { threshold: 0.2, model: 'm.json', text: 'idea', by: 'round', seed: 42, k: 3 }))).toEqual(['k', 'seed', 'by', 'text', 'model', 'threshold']);
  });

  it('the README documents every declared option, by its long or its short flag', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const mentioned = (flag: string) => new RegExp(`(^|[\\s\`(])${flag}\\b`, 'm').test(readme);
    for (const declared of Object.values(OPTIONS) as { flags: string; negation?: { flags: string } }[]) {
      for (const flags of [declared.flags, declared.negation?.flags].filter((f): f is string => f !== undefined)) {
        const names = flags.split(/[ ,]+/).filter((f) => f.startsWith('-'));
        expect(names.some(mentioned) ? flags : `${flags} is not in the README`).toBe(flags);
      }
    }
  });
});
