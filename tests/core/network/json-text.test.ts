// Reading JSON text safely: paths of too-deep containers and of numbers past a double, the byte-order mark,
// and messages about values of any depth that never recurse without bound.
import { describe, expect, it } from 'vitest';
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
