// The validator: every kind of error is found, with the right JSON path, and all of them at once.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkNetwork, parseNetwork } from '../../../src/core/network/validate.ts';
import { DataValidationError } from '../../../src/core/errors.ts';
import { schemaFiles } from '../../../src/core/network/json-schema.ts';
import { worked } from '../../helpers/build.ts';

const problems = (data: unknown) => checkNetwork(data, 'broken.json').issues.map((i) => `${i.jsonPath} ${i.code}: ${i.message}`);

describe('schema pass', () => {
  it('accepts the worked fixture', () => {
    expect(checkNetwork(worked()).issues).toEqual([]);
  });

  it('names the file, the JSON path and the bad value', () => {
    const net = worked() as unknown as { edges: Record<string, unknown>[] };
    (net.edges[3] as { transitDays: Record<string, unknown> }).transitDays.min = '4-6';
    const { issues } = checkNetwork(net, 'networks/broken.json');
    expect(issues).toEqual([
      { file: 'networks/broken.json', jsonPath: '$.edges[3].transitDays.min', code: 'invalid_type', message: 'expected a number, got "4-6"' },
    ]);
  });

  it('reports each kind of schema error with its path', () => {
    const net = structuredClone(worked()) as unknown as Record<string, any>;
    net.nodes[0].country = 'China';
    net.nodes[1].lat = 123;
    delete net.nodes[2].kind;
    net.edges[0].mode = 'train';
    net.edges[1].capacityMtpa = -1;
    net.edges[2].trasnitDays = 3;
    net.sources[0].url = 'not a url';
    net.version = '1.0';
    expect(problems(net)).toEqual([
      '$.version invalid_format: expected a version such as "2026.11.0", got "1.0"',
      '$.sources[0].url invalid_format: Invalid URL, got "not a url"',
      '$.nodes[0].country invalid_format: expected an ISO 3166-1 alpha-2 code such as "IR", got "China"',
      '$.nodes[1].lat too_big: expected a number <= 90, got 123',
      '$.nodes[2].kind invalid_value: expected "city" or "port" or "border" or "junction" or "terminal", got nothing',
      '$.edges[0].mode invalid_value: expected "rail" or "ferry" or "sea" or "road", got "train"',
      '$.edges[1].capacityMtpa too_small: expected a number >= 0, got -1',
      '$.edges[2].trasnitDays unknown_field: unknown field "trasnitDays"',
    ]);
  });
});

describe('reference pass', () => {
  it('finds unknown ids, duplicates, ranges out of order, missing opening years and untouched nodes, all at once', () => {
    const net = structuredClone(worked()) as unknown as Record<string, any>;
    net.edges[0].to = 'bb';
    net.edges[1].sources = ['src-zz'];
    net.edges[2].corridors = ['middle'];
    net.edges[3].transitDays = { typical: 1, min: 2, max: 3 };
    net.edges[4].status = 'planned';
    net.nodes[1].dwellDays = { typical: 5, min: 1, max: 4 };
    net.nodes.push({ ...net.nodes[0], id: 'lonely' });
    net.nodes.push({ ...net.nodes[0] });
    const found = problems(net);
    expect(found).toEqual([
      '$.nodes[9].id duplicate_id: duplicate id "a" in nodes',
      '$.nodes[1].dwellDays range_order: expected min <= typical <= max, got min 1, typical 5, max 4',
      '$.edges[0].to unknown_node: unknown node id "bb"',
      '$.edges[1].sources[0] unknown_source: unknown source id "src-zz"',
      '$.edges[2].corridors[0] unknown_corridor: unknown corridor id "middle"',
      '$.edges[3].transitDays range_order: expected min <= typical <= max, got min 2, typical 1, max 3',
      '$.edges[4].opensYear missing_opens_year: missing; an edge with status "planned" needs opensYear',
      '$.nodes[8].id isolated_node: no edge touches node "lonely"',
    ]);
  });

  it('parseNetwork throws one error carrying every issue', () => {
    const net = structuredClone(worked()) as unknown as Record<string, any>;
    net.edges[0].from = 'nowhere';
    net.edges[1].sources = ['src-zz'];
    expect(() => parseNetwork(net, 'f.json')).toThrow(DataValidationError);
    try {
      parseNetwork(net, 'f.json');
    } catch (err) {
      expect((err as DataValidationError).issues).toHaveLength(2);
      expect((err as Error).message).toBe('f.json $.edges[0].from: unknown node id "nowhere" (and 1 more problems)');
    }
  });
});

describe('JSON Schema files', () => {
  it('the committed networks/*.schema.json are current (run npm run schema)', () => {
    for (const [name, text] of Object.entries(schemaFiles())) {
      expect(readFileSync(new URL(`../../../networks/${name}`, import.meta.url), 'utf8'), name).toBe(text);
    }
  });
});

describe('geometry and citations', () => {
  // a (0, 0) and b (0, 1): the great-circle distance is 111.2 km.
  const geo = () => {
    const net = worked();
    net.nodes = net.nodes.map((n) => (n.id === 'a' ? { ...n, lat: 0, lon: 0 } : n.id === 'b' ? { ...n, lat: 0, lon: 1 } : n));
    return net;
  };
  const find = (net: ReturnType<typeof worked>) => checkNetwork(net, 'n.json').issues.filter((i) => i.jsonPath === '$.edges[0].distanceKm');

  it('an edge shorter than the straight line between its ends is an error naming file and path', () => {
    const net = geo();
    net.edges[0] = { ...(net.edges[0] as (typeof net.edges)[number]), distanceKm: 100 };
    expect(find(net)).toEqual([
      { file: 'n.json', jsonPath: '$.edges[0].distanceKm', code: 'shorter_than_great_circle', message: '100 km is shorter than the 111.2 km great-circle distance between "a" and "b": the length or a node\'s position is wrong' },
    ]);
    expect(checkNetwork(net).network).toBeNull();
  });

  it('within 1% is accepted; a rail edge over twice the straight line is a warning only', () => {
    const net = geo();
    net.edges[0] = { ...(net.edges[0] as (typeof net.edges)[number]), distanceKm: 110.5 };
    expect(find(net)).toEqual([]);
    net.edges[0] = { ...(net.edges[0] as (typeof net.edges)[number]), distanceKm: 250 };
    expect(find(net).map((i) => [i.code, i.severity])).toEqual([['long_detour', 'warning']]);
  });

  it('a figure cites at most 6 sources and names a known method', () => {
    const net = worked();
    net.sources.push(...['c', 'd', 'e', 'f', 'g'].map((x) => ({ id: `src-${x}`, title: x, publisher: x, date: '2025', url: `https://example.org/${x}` })));
    const e = net.edges[0] as (typeof net.edges)[number];
    e.sources = ['src-a', 'src-b', 'src-c', 'src-d', 'src-e', 'src-f', 'src-g'];
    e.fieldBasis = { transitDays: { basis: 'estimated', method: 'no-such-method', sources: [] } };
    expect(checkNetwork(net, 'n.json').issues.map((i) => `${i.jsonPath} ${i.code}`)).toEqual([
      '$.edges[0].sources too_many_sources',
      '$.edges[0].fieldBasis.transitDays.method unknown_method',
    ]);
  });
});
