import { fieldReader, itemReader, lazyArray, lazySource, mapLazily } from '../../src/report/lazyArray';
import { renderCsv, renderCsvChunks } from '../../src/report/renderCsv';
import { renderJson, renderJsonChunks } from '../../src/report/renderJson';
import { sampleReport } from './fixture';

describe('lazy arrays (the members and ideas of a large group)', () => {
  const made: number[] = [];
  const squares = () => lazyArray(5, (i) => (made.push(i), { i, square: i * i }));

  it('read like the array of their items, making an item only when it is read', () => {
    made.length = 0;
    const list = squares();
    expect(made).toEqual([]);
    expect(list.length).toBe(5);
    expect(Array.isArray(list)).toBe(true);
    expect(list[3]).toEqual({ i: 3, square: 9 });
    expect(list[5]).toBeUndefined();
    expect(made).toEqual([3]);
    const plain = [0, 1, 2, 3, 4].map((i) => ({ i, square: i * i }));
    expect(list.map((x) => x.square)).toEqual(plain.map((x) => x.square));
    expect(list.slice(1, 3)).toEqual(plain.slice(1, 3));
    expect([...list]).toEqual(plain);
    expect(list.filter((x) => x.i % 2 === 0)).toEqual(plain.filter((x) => x.i % 2 === 0));
    expect(JSON.stringify(list)).toBe(JSON.stringify(plain));
    expect(list).toEqual(plain);
  });

  it('become an ordinary array when changed, keeping every item', () => {
    const list = squares();
    list.push({ i: 9, square: 81 });
    expect(list.map((x) => x.i)).toEqual([0, 1, 2, 3, 4, 9]);
    expect(lazySource(list)).toBeUndefined();
    const sorted = squares().sort((a, b) => b.i - a.i);
    expect(sorted.map((x) => x.i)).toEqual([4, 3, 2, 1, 0]);
  });

  it('map lazily when lazy and eagerly otherwise; a reader gives every item of either', () => {
    const mapped = mapLazily(squares(), (x, i) => x.square + i);
    expect(lazySource(mapped)).toBeDefined();
    expect([...mapped]).toEqual([0, 2, 6, 12, 20]);
    expect(lazySource(mapLazily([1, 2], (x) => x * 2))).toBeUndefined();
    const reader = itemReader(mapped);
    expect(Array.from({ length: reader.length }, (_, i) => reader.at(i))).toEqual([0, 2, 6, 12, 20]);
  });

  it('write the same JSON and CSV bytes in pieces as the report holding ordinary arrays', () => {
    const report = sampleReport();
    const lazy = sampleReport();
    for (const group of lazy.groups) for (const theme of group.themes) {
      const ideas = theme.ideas;
      theme.ideas = lazyArray(ideas.length, (i) => ({ ...ideas[i] }));
    }
    expect([...renderJsonChunks(lazy)].join('')).toBe(renderJson(report));
    expect([...renderCsvChunks(lazy)].join('')).toBe(renderCsv(report));
  });
});

describe('reading one field of a lazy array', () => {
  it('goes to the field reader when there is one, and to the item otherwise', () => {
    const made: number[] = [];
    const withFields = lazyArray(3, (i) => (made.push(i), { a: i, b: `x${i}` }), (i, key) => (key === 'a' ? i : `x${i}`) as never);
    expect(fieldReader(withFields)(2, 'b')).toBe('x2');
    expect(made).toEqual([]);
    expect(fieldReader([{ a: 1, b: 'y' }])(0, 'b')).toBe('y');
    expect(fieldReader(lazyArray(1, () => ({ a: 5, b: 'z' })))(0, 'a')).toBe(5);
  });
});
