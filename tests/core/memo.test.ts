import { describe, expect, it } from 'vitest';
import { entry } from '../../src/core/memo.ts';

describe('entry', () => {
  it('makes a value once per key and keeps it, null and empty strings included', () => {
    const store = new Map<string, string | null>();
    let made = 0;
    const make = (v: string | null) => () => (made++, v);
    expect(entry(store, 'a', make(null))).toBeNull();
    expect(entry(store, 'a', make('other'))).toBeNull();
    expect(entry(store, 'b', make(''))).toBe('');
    expect(entry(store, 'b', make('other'))).toBe('');
    expect(made).toBe(2);
    expect([...store]).toEqual([['a', null], ['b', '']]);
  });

  it('works on a WeakMap keyed by objects, one value per object', () => {
    const store = new WeakMap<object, number[]>();
    const k1 = {};
    const k2 = {};
    const v1 = entry(store, k1, () => [1]);
    expect(entry(store, k1, () => [2])).toBe(v1);
    expect(entry(store, k2, () => [2])).toEqual([2]);
  });
});
