import { ITU, rapporteur } from './cli';
import { Report } from '../../src/report/report';
import { parseGroupK } from '../../src/groupK';

const themeCounts = (report: Report) => report.groups.map((g) => g.themes.filter((t) => !t.other).length);

describe('-k per group', () => {
  it('reads one value for all, per group by name, and a value for the groups not named', () => {
    expect(parseGroupK('7')).toEqual({ rest: 7, byGroup: new Map() });
    expect(parseGroupK('auto')).toEqual({ rest: 'auto', byGroup: new Map() });
    expect(parseGroupK('1=7, 2=auto,Round three=5')).toEqual({ rest: 'auto', byGroup: new Map<string, number | 'auto'>([['1', 7], ['2', 'auto'], ['Round three', 5]]) });
    expect(parseGroupK('6,3=4')).toEqual({ rest: 6, byGroup: new Map([['3', 4]]) });
    for (const bad of ['0', '1=0', '=3', '1=x', '1=2,1=3', '4,5']) expect(typeof parseGroupK(bad)).toBe('string');
  });

  it('-k auto chooses from the data, as no -k does', () => {
    const auto = rapporteur([ITU, '-k', 'auto', '--format', 'json']);
    expect(auto.status).toBe(0);
    expect(auto.stderr).toBe('');
    expect(auto.stdout).toBe(rapporteur([ITU, '--format', 'json']).stdout);
  });

  it('gives each named group its number of themes, and records it', () => {
    const result = rapporteur([ITU, '-k', '1=3,2=4', '--format', 'json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.options.k).toEqual({ 1: 3, 2: 4, 3: 'auto' });
    expect(themeCounts(report).slice(0, 2).map((n, i) => n <= [3, 4][i] && n >= [3, 4][i] - 1)).toEqual([true, true]);
    const auto = JSON.parse(rapporteur([ITU, '--format', 'json']).stdout) as Report;
    expect(report.groups[2]).toEqual(auto.groups[2]);
  });

  it('refuses a group the notes do not have, naming the ones they have', () => {
    const result = rapporteur([ITU, '-k', '1=3,9=2']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('rapporteur: error: -k names group "9", which the notes do not have (the groups are "1", "2", "3")\n');
  });

  it('works the same in evaluate', () => {
    const result = rapporteur(['evaluate', ITU, '--truth', 'theme', '-k', '1=5,2=7,3=5', '--format', 'json']);
    expect(result.status).toBe(0);
    const evaluation = JSON.parse(result.stdout) as { options: { k: unknown }; groups: { themes: { other?: boolean }[] }[] };
    expect(evaluation.options.k).toEqual({ 1: 5, 2: 7, 3: 5 });
    expect(rapporteur(['evaluate', ITU, '--truth', 'theme', '-k', 'auto']).status).toBe(0);
  });
});
