/**
 * A read-only-looking array of `length` items, each made by `at(i)` when it is read and then
 * dropped: what the themes and the report of a large group hold instead of a million member
 * and idea objects (about 160 MB), while every reader that takes an array (renderers, the saved
 * model, tests) still gets one. The report's JSON and CSV writers read it with `lazyItems`,
 * making one item at a time. Anything that would change it, or list its keys, first turns it
 * into an ordinary array holding every item, and from then on it is one.
 * Reading item i costs what `at(i)` costs; nothing is kept.
 */
export function lazyArray<T>(length: number, at: (i: number) => T, field?: FieldReader<T>, columns?: Columns): T[] {
  const target: T[] = [];
  let filled = false;
  const fill = (): void => {
    if (filled) return;
    filled = true;
    for (let i = 0; i < length; i++) target.push(at(i));
  };
  const source: LazySource<T> = { length, at, ...(field ? { field } : {}), ...(columns ? { columns } : {}) };
  return new Proxy(target, {
    get(t, key, receiver) {
      if (!filled) {
        if (key === 'length') return length;
        if (key === LAZY) return source;
        const i = arrayIndex(key);
        if (i >= 0) return i < length ? at(i) : undefined;
      }
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      if (!filled) {
        const i = arrayIndex(key);
        if (i >= 0) return i < length;
      }
      return Reflect.has(t, key);
    },
    set(t, key, value) {
      fill();
      return Reflect.set(t, key, value);
    },
    deleteProperty(t, key) {
      fill();
      return Reflect.deleteProperty(t, key);
    },
    defineProperty(t, key, descriptor) {
      fill();
      return Reflect.defineProperty(t, key, descriptor);
    },
    ownKeys(t) {
      fill();
      return Reflect.ownKeys(t);
    },
    getOwnPropertyDescriptor(t, key) {
      fill();
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
  });
}

/** How a lazy array makes its items, for readers that go through all of them once. */
export interface LazySource<T> {
  length: number;
  at: (i: number) => T;
  /** One field of item i, read without making the item, when the maker can. */
  field?: FieldReader<T>;
  /**
   * Every item as columns, for writers that go through a million items without making them:
   * item i is the plain object whose keys are those of `columns`, in their order, each holding
   * `columns[key](i)`, a key left out where that is undefined; values are strings, numbers,
   * booleans or null. A dotted key (`idea.text`) is a field of a field: item i's `idea` is an
   * object holding `text`, for a maker that maps these items to flat ones.
   */
  columns?: Columns;
}

export type Columns = Readonly<Record<string, (i: number) => unknown>>;

export type FieldReader<T> = <K extends keyof T>(i: number, key: K) => T[K];

/** Reads items[i][key], without making item i of a lazy array that can read its fields. */
export function fieldReader<T>(items: readonly T[]): FieldReader<T> {
  return lazySource(items)?.field ?? (<K extends keyof T>(i: number, key: K) => items[i][key]);
}

const LAZY = Symbol('lazy array');

/** The maker behind a lazy array not yet filled; undefined for any other array. */
export function lazySource<T>(items: readonly T[]): LazySource<T> | undefined {
  return (items as unknown as { [LAZY]?: LazySource<T> })[LAZY];
}

/** Length and item maker of any array: a lazy array's own maker (no proxy in between), else plain reads. */
export function itemReader<T>(items: readonly T[]): LazySource<T> {
  return lazySource(items) ?? { length: items.length, at: (i) => items[i] };
}

/** `items.map(f)`, lazy when `items` is: the mapped items are made when read, never all kept. */
export function mapLazily<T, U>(items: readonly T[], f: (item: T, i: number) => U): U[] {
  const source = lazySource(items);
  return source ? lazyArray(source.length, (i) => f(source.at(i), i)) : items.map(f);
}

/** The canonical array index a property key names, or −1. */
function arrayIndex(key: string | symbol): number {
  if (typeof key !== 'string' || key.length === 0 || key.length > 10) return -1;
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57 || (c === 48 && key.length > 1)) return -1;
  for (let j = 1; j < key.length; j++) {
    const d = key.charCodeAt(j);
    if (d < 48 || d > 57) return -1;
  }
  const i = Number(key);
  return i < 4294967295 ? i : -1;
}
