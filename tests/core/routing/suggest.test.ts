// Closest-id suggestions: the edit distance with transpositions, the ranking of close misspellings and the
// bound on the work for long input.
import { describe, expect, it } from 'vitest';
import { closest, editDistance, MAX_SUGGEST_CANDIDATES, normalizeName } from '../../../src/core/routing/suggest.ts';

describe('editDistance (optimal string alignment)', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('xain', 'xian')).toBe(1);
    expect(editDistance('duisbrug', 'duisburg')).toBe(1);
  });

  it('agrees with Levenshtein where nothing is transposed', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'ab')).toBe(2);
    expect(editDistance('abc', 'abc')).toBe(0);
    // Restricted Damerau–Levenshtein: a transposed pair is not edited again ("ca" → "abc" is 3, not 2).
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  it('stops at the bound and reports bound + 1', () => {
    expect(editDistance('aaaaaaaa', 'bbbbbbbb', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 3)).toBe(4);
    expect(editDistance('xain', 'xian', 1)).toBe(1);
  });
});

describe('closest', () => {
  // Names as in the network: "van" is as far from "xain" as "xian" by plain Levenshtein (2 edits each).
  const places = [
    { id: 'van', name: 'Van' },
    { id: 'xian', name: "Xi'an" },
    { id: 'kazan', name: 'Kazan' },
    { id: 'duisburg', name: 'Duisburg' },
    { id: 'cheshmeh-soraya', name: 'Cheshmeh Soraya', aliases: ['Çeşme Süreyya'] },
  ];

  it('ranks a close misspelling first: xain suggests xian, then the others', () => {
    const ids = closest('xain', places).map((c) => c.id);
    expect(ids[0]).toBe('xian');
    expect(ids).toContain('van');
  });

  it('matches names and aliases without case, diacritics or spaces', () => {
    expect(closest('Duisbrug', places)[0]?.id).toBe('duisburg');
    expect(closest('cesme sureyya', places)[0]?.id).toBe('cheshmeh-soraya');
    expect(closest('XIAN', places)[0]?.id).toBe('xian');
  });

  it('suggests nothing for text that is close to nothing', () => {
    expect(closest('rotterdam', places)).toEqual([]);
    expect(closest('', places)).toEqual([]);
    expect(closest('  ', places)).toEqual([]);
  });

  it('bounds the work for very long input', () => {
    const long = 'x'.repeat(200_000);
    const started = performance.now();
    expect(closest(long, places)).toEqual([]);
    expect(closest(`xian${'a'.repeat(100_000)}`, places)).toEqual([]);
    // Generous: the point is that the time does not grow with the input (a full table would take minutes).
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('scores at most MAX_SUGGEST_CANDIDATES candidates', () => {
    const many = Array.from({ length: MAX_SUGGEST_CANDIDATES + 5 }, (_, i) => ({ id: `p${i}`, name: `Place ${i}` }));
    many.push({ id: 'target', name: 'Target' });
    expect(closest('target', many)).toEqual([]);
    expect(closest('target', many.slice(-10)).map((p) => p.id)).toEqual(['target']);
  });

  it('normalises names the way ids are written', () => {
    expect(normalizeName("Xi'an")).toBe('xian');
    expect(normalizeName('Małaszewicze')).toBe('malaszewicze');
    expect(normalizeName('Kapıköy')).toBe('kapikoy');
  });
});
