// Reading JSON text safely: paths of too-deep containers and of numbers past a double, the byte-order mark,
// and messages about values of any depth that never recurse without bound.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_JSON_DEPTH, parseJsonText, scanJson, shortJsonPath } from '../../../src/core/network/json-text.ts';
import { describeValue } from '../../../src/core/network/json-path.ts';

describe('scanJson', () => {
  it('finds numbers too large for a double with their paths, and ignores digits inside strings', () => {
    const text = '{"a":[1,{"b":1e309}],"c\\"d":-1e309,"note":"1e309","e":[0,0,5e-324,1e308]}';
    expect(scanJson(text)).toEqual({
      tooDeep: null,
      hugeNumbers: [
        { path: ['a', 1, 'b'], literal: '1e309' },
        { path: ['c"d'], literal: '-1e309' },
      ],
    });
  });

  it('stops at the first container past the limit, with its path', () => {
    const text = `{"edits":[{"value":${'['.repeat(10)}${']'.repeat(10)}}]}`;
    expect(scanJson(text, 5).tooDeep).toEqual(['edits', 0, 'value', 0, 0]);
    expect(scanJson(text, 20).tooDeep).toBeNull();
    expect(shortJsonPath(['edits', 0, 'value', 0, 0, 0, 0, 0, 0, 0])).toBe('$.edits[0].value[0][0][0][0][0]… (10 levels)');
  });
});

describe('parseJsonText', () => {
  it('drops a byte-order mark', () => {
    expect(parseJsonText('\uFEFF{"a":1}', 'f.json')).toEqual({ value: { a: 1 }, issues: [] });
  });

  it('reports nesting past MAX_JSON_DEPTH, and throws JSON.parse\'s error on text that is not JSON', () => {
    const n = MAX_JSON_DEPTH + 1;
    const { issues } = parseJsonText(`${'['.repeat(n)}${']'.repeat(n)}`, 'deep.json');
    expect(issues.map((i) => [i.code, i.file])).toEqual([['too_deep', 'deep.json']]);
    expect(parseJsonText(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`, 'ok.json').issues).toEqual([]);
    expect(() => parseJsonText('{"a":', 'bad.json')).toThrow(SyntaxError);
  });
});

describe('describeValue', () => {
  it('shows a value 100,000 levels deep without recursing through it', () => {
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(describeValue(deep)).toBe('[[[[…]]]]');
    expect(describeValue({ a: { b: { c: { d: 1 } } } })).toBe('{"a":{"b":{"c":{…}}}}');
  });

  it('names numbers JSON cannot write, and cuts long values', () => {
    expect(describeValue(Infinity)).toBe('Infinity');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(56)}...`);
    expect(describeValue(undefined)).toBe('nothing');
  });
});

describe('scanJson and parseJsonText on random documents', () => {
  /** The paths of non-finite numbers and the first too-deep container, in document order, from the parsed value. */
  function expected(value: unknown, maxDepth: number): { tooDeep: (string | number)[] | null; huge: (string | number)[][] } {
    const huge: (string | number)[][] = [];
    let tooDeep: (string | number)[] | null = null;
    const walk = (v: unknown, path: (string | number)[]): boolean => {
      if (typeof v === 'number' && !Number.isFinite(v)) huge.push(path);
      if (typeof v !== 'object' || v === null) return true;
      if (path.length >= maxDepth) {
        tooDeep = path;
        return false;
      }
      const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
      return entries.every(([k, x]) => walk(x, [...path, k]));
    };
    walk(value, []);
    return { tooDeep, huge };
  }

  it('report the paths a walk of the parsed value finds: keys with escapes, numbers past a double, deep nesting', () => {
    const keys = fc.constantFrom('a', 'b"c', 'd\\e', '1', '10', 'é', 'x y', '');
    const leaf = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant('1e999'), fc.string(), fc.boolean(), fc.constant(null));
    const doc = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(keys, tie('value'), { maxKeys: 4 })),
    })).value;
    fc.assert(
      fc.property(doc, fc.integer({ min: 1, max: 6 }), (value, maxDepth) => {
        // A marker string becomes a number literal too large for a double (JSON.stringify cannot write one).
        const text = JSON.stringify(value).replaceAll('"1e999"', '1e999');
        const parsed: unknown = JSON.parse(text);
        const want = expected(parsed, maxDepth);
        const scan = scanJson(text, maxDepth);
        expect(scan.tooDeep).toEqual(want.tooDeep);
        if (want.tooDeep === null) expect(scan.hugeNumbers.map((h) => h.path)).toEqual(want.huge);
        const { issues } = parseJsonText(text, 'f.json', maxDepth);
        expect(issues.length > 0).toBe(want.tooDeep !== null || want.huge.length > 0);
      }),
      { numRuns: 500, seed: 14 },
    );
  });
});
