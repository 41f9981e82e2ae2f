// The single-pass validation reports exactly what the two-pass validation reports: the same verdict and the same
// issues in the same order, on the shipped network, on hand-broken fixtures and on randomly broken copies; and its
// compiled checks of a node and an edge agree with the zod schemas field by field.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { CostRange, DaysRange, Edge, EdgePeriod, Id, Node, NodePeriod, PerTrain, Volume } from '../../../src/core/network/schema.ts';
import { SINGLE_PASS_MIN_RECORDS, checkNetwork, checkNetworkInTwoPasses } from '../../../src/core/network/validate.ts';
import { checkNetworkSinglePass, edgeOk, isKebabId, nodeOk } from '../../../src/core/network/single-pass.ts';
import { createModel } from '../../../src/core/network/model.ts';
import { FACTORS, edge, network, node, worked } from '../../helpers/build.ts';

type Json = Record<string, unknown>;
const shipped = JSON.parse(readFileSync(new URL('../../../networks/eurasia.json', import.meta.url), 'utf8')) as Json;

/** Both validations agree on `data`: same issues, same order, and the same network when valid. */
function expectSame(data: unknown): void {
  const two = checkNetworkInTwoPasses(data, 'f.json');
  const one = checkNetworkSinglePass(data, 'f.json');
  expect(one.issues).toEqual(two.issues);
  expect(one.network === null).toBe(two.network === null);
  if (two.network) expect(one.network).toEqual(two.network);
}

/** Sets a property as JSON.parse would: an own, enumerable property, even one named __proto__. */
function put(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

describe('the same issues as the two-pass validation', () => {
  it('on the shipped network and the worked fixture', () => {
    expectSame(shipped);
    expectSame(worked());
    expect(checkNetworkSinglePass(shipped).network).toBe(shipped);
  });

  it('on hand-broken files: schema errors at every level, reference errors, both at once', () => {
    const cases: ((n: Json & { nodes: Json[]; edges: Json[]; sources: Json[] }) => void)[] = [
      (n) => {
        n.nodes[0]!.country = 'China';
        n.nodes[1]!.lat = 123;
        delete n.nodes[2]!.kind;
        n.edges[0]!.mode = 'train';
        n.edges[1]!.capacityMtpa = -1;
        n.edges[2]!.trasnitDays = 3;
        n.sources[0]!.url = 'not a url';
        n.version = '1.0';
      },
      (n) => {
        n.edges[0]!.to = 'bb';
        n.edges[1]!.sources = ['src-zz'];
        n.edges[2]!.corridors = ['middle'];
        n.edges[3]!.transitDays = { typical: 1, min: 2, max: 3 };
        n.edges[4]!.status = 'planned';
        n.nodes[1]!.dwellDays = { typical: 5, min: 1, max: 4 };
        n.nodes.push({ ...n.nodes[0], id: 'lonely' });
        n.nodes.push({ ...n.nodes[0] });
      },
      (n) => {
        n.nodes = [n.nodes[0] as Json];
        n.edges = [];
        n.extra = true;
      },
      (n) => {
        n.nodes[0] = 'not a node' as unknown as Json;
        n.edges[0] = null as unknown as Json;
        n.edges.push({ ...n.edges[1], id: n.edges[1]!.id, waypoints: [[1, 2, 3]], periods: [{ fromYear: 2020, basis: 'reported', sources: ['nope'] }] });
      },
      (n) => {
        put(n.nodes[0]!, '__proto__', 1);
        n.edges[0]!.note = undefined;
        n.nodes[3]!.fieldBasis = { lat: { basis: 'measured', method: 'no-such-method' }, speed: { basis: 'reported' } };
      },
    ];
    for (const breakIt of cases) {
      const n = structuredClone(worked()) as unknown as Json & { nodes: Json[]; edges: Json[]; sources: Json[] };
      breakIt(n);
      expectSame(n);
    }
    for (const data of [null, 3, 'network', [], {}, { nodes: 'x', edges: {} }]) expectSame(data);
  });

  /** Values that break some rule somewhere: wrong types, bounds just outside, bad ids, objects of the wrong shape. */
  const VALUES: unknown[] = [
    undefined, null, true, false, 0, -0.5, 1.5, 7, 90.5, 180.5, 366, 1799, 1899, 2030, 2101, 25_000.5, 1e7, 2e9,
    '', 'x', 'Bad Id', 'bad--id', '-x', 'x-', 'a1-b2', 'CN', 'China', 'rail', 'train', 'operational', 'planned',
    'measured', 'https://example.org/x', 'not a url', '2026', '2026-13-45', [], [1], ['src-a'], ['zz-unknown'], [''],
    [[1, 2]], [[1, 2, 3]], [[200, 1]], {}, { typical: 1, min: 2, max: 3 }, { typical: 1, min: 1, max: 1 },
    { typical: 1, min: 0, max: 2, extra: 1 }, { basis: 'reported' }, { basis: 'reported', sources: ['nope'] },
    { unit: 'train', basis: 'estimated', sources: [] }, { mtpa: 1, year: 2024.5, basis: 'reported', sources: [] },
    [{ fromYear: 2030, basis: 'estimated', sources: ['src-a'] }], [{ fromYear: 2030, basis: 'estimated', sources: [], extra: 1 }],
  ];
  const KEYS = ['extra', 'note', 'periods', 'dwellDays', 'waypoints', 'aliases', 'gaugeChange', 'perTrain', 'volume', 'fieldBasis', 'opensYear', '__proto__'];

  /** Every place a value sits in a JSON document: its parent and its key. */
  function slots(root: unknown): [object, string | number][] {
    const out: [object, string | number][] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), walk(x)));
      else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) (out.push([v, k]), walk(x));
    };
    walk(root);
    return out;
  }

  const mutation = fc.record({
    op: fc.constantFrom('set', 'set', 'set', 'delete', 'add', 'copy'),
    slot: fc.nat(),
    other: fc.nat(),
    value: fc.constantFrom(...VALUES),
    key: fc.constantFrom(...KEYS),
  });

  it('on randomly broken copies of the shipped network and of small random networks', () => {
    const small = fc.integer({ min: 2, max: 6 }).map((count) => {
      const nodes = Array.from({ length: count }, (_, i) => node(`n${i}`, { lat: i, lon: i }));
      const edges = nodes.slice(1).map((n, i) => edge(`e${i}`, `n${i}`, n.id, { distanceKm: 200 }));
      return network(nodes, edges);
    });
    const base = fc.oneof(fc.constant(null), small);
    fc.assert(
      fc.property(base, fc.array(mutation, { minLength: 1, maxLength: 4 }), (start, mutations) => {
        const doc = structuredClone(start ?? shipped) as Json;
        for (const m of mutations) {
          const all = slots(doc);
          if (!all.length) break;
          const [parent, key] = all[m.slot % all.length] as [object, string | number];
          if (m.op === 'set') put(parent, key, structuredClone(m.value));
          else if (m.op === 'delete') {
            if (Array.isArray(parent)) parent.splice(Number(key), 1);
            else delete (parent as Json)[key as string];
          } else if (m.op === 'add') {
            const target = (parent as Json)[key as string];
            if (typeof target === 'object' && target !== null && !Array.isArray(target)) put(target, m.key, structuredClone(m.value));
          } else {
            const [from, fromKey] = all[m.other % all.length] as [object, string | number];
            put(parent, key, structuredClone((from as Json)[fromKey as string]));
          }
        }
        expectSame(doc);
      }),
      { numRuns: 150, seed: 14 },
    );
  }, 120_000);
});

/** A node and an edge with every field of the schema, all valid. */
const PROVENANCE = { basis: 'estimated', sources: ['src-a'], method: 'gc', note: 'n' } as const;
const PER_TRAIN = { unit: 'train', wagons: 50, tonnes: 1000, teu: 100, ...PROVENANCE } as const;
const FULL_NODE: Json = {
  id: 'full-node', name: 'Full', aliases: ['Alt'], country: 'CN', lat: 10, lon: 20, kind: 'city',
  dwellDays: { typical: 1, min: 0.5, max: 2 }, dwellCostUsdPerFeu: { typical: 10, min: 5, max: 20 }, gaugeChange: true,
  capacityMtpa: 5, capacityScope: 'all', capacityTeuPerYear: 1000,
  perTrain: PER_TRAIN,
  volume: { mtpa: 1, year: 2024, scope: 'containers', ...PROVENANCE },
  periods: [{ fromYear: 2030, capacityMtpa: null, dwellDays: { typical: 1, min: 1, max: 1 }, perTrain: { ...PER_TRAIN, unit: 'sailing' }, ...PROVENANCE }],
  basis: 'reported', sources: ['src-a'], fieldBasis: { lat: { ...PROVENANCE } }, note: 'A note.',
};
const FULL_EDGE: Json = {
  id: 'full-edge', name: 'Full', from: 'a', to: 'b', mode: 'rail', line: 'a-line', distanceKm: 100,
  transitDays: { typical: 1, min: 1, max: 2 }, capacityMtpa: null, capacityScope: 'containers', capacityTeuPerYear: 5,
  perTrain: PER_TRAIN, volume: { mtpa: 2, year: 2023, scope: 'all', ...PROVENANCE },
  periods: [{ fromYear: 2029, capacityMtpa: 3, transitDays: { typical: 1, min: 1, max: 1 }, perTrain: PER_TRAIN, ...PROVENANCE }],
  costUsdPerFeu: { typical: 100, min: 90, max: 110 }, traction: 'electric', status: 'planned', opensYear: 2029,
  corridors: ['north'], basis: 'reported', sources: ['src-a'], fieldBasis: { distanceKm: { basis: 'measured' } },
  waypoints: [[20, 10], [21, 11]], note: 'A note.',
};

describe('the compiled checks agree with the zod schemas field by field', () => {
  /** The object at `path` inside a copy of `full`, for editing. */
  const at = (root: Json, path: readonly (string | number)[]): Json => path.reduce<Json>((o, k) => o[k] as Json, root);
  /** The record with the object at `path` changed by `edit`. */
  const edited = (full: Json, path: readonly (string | number)[], edit: (o: Json) => void): Json => {
    const copy = structuredClone(full);
    edit(path.length ? at(copy, path) : copy);
    return copy;
  };
  const cases = [
    ['node', FULL_NODE, Node, nodeOk, [[[], Node], [['dwellDays'], DaysRange], [['perTrain'], PerTrain], [['volume'], Volume], [['periods', 0], NodePeriod], [['periods', 0, 'perTrain'], PerTrain], [['fieldBasis', 'lat'], null]]],
    ['edge', FULL_EDGE, Edge, edgeOk, [[[], Edge], [['transitDays'], DaysRange], [['costUsdPerFeu'], CostRange], [['perTrain'], PerTrain], [['volume'], Volume], [['periods', 0], EdgePeriod], [['fieldBasis', 'distanceKm'], null], [['waypoints', 0], null]]],
  ] as const;
  for (const [name, full, schema, ok, parts] of cases) {
    it(`${name}: every field of the record and of the objects in it, present, absent, or holding a wrong value`, () => {
      expect(ok(full)).toBe(true);
      const variants: unknown[] = [null, [], 'x'];
      for (const [path, part] of parts) {
        const target = at(full, path);
        // A field added to a schema must be added to the full fixture here, and then to the compiled check.
        if (part) expect(Object.keys(target).sort(), path.join('.')).toEqual(Object.keys(part.shape).sort());
        if (!Array.isArray(target)) variants.push(edited(full, path, (o) => (o.unknown = 1)));
        for (const key of Object.keys(target)) {
          variants.push(edited(full, path, (o) => delete o[key]));
          for (const value of VALUES_BY_FIELD) variants.push(edited(full, path, (o) => (o[key] = structuredClone(value))));
        }
      }
      for (const v of variants) expect(ok(v), JSON.stringify(v)).toBe(schema.safeParse(v).success);
    });
  }

  it('the Id pattern without a regular expression', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'z', '0', '9', '-', 'A', '_', ' ', 'é'), maxLength: 8 }), (s) => {
        expect(isKebabId(s)).toBe(Id.safeParse(s).success);
      }),
      { numRuns: 2000, seed: 14 },
    );
  });
});

/**
 * Wrong and right values for any field: each field meets some that pass and some that fail. No undefined: JSON has
 * none, and a field holding undefined goes to zod (which reads it as absent), as the random copies above check.
 */
const VALUES_BY_FIELD: unknown[] = [
  null, true, false, -1, 0, 2.5, 1900, 2100.5, 1e12, '', 'x', 'X', 'a-b', 'CN', 'rail', 'planned', 'train',
  [], ['src-a'], [''], [[1, 2]], [[1]], {}, { typical: 1, min: 1, max: 1 }, { typical: 1, min: 1 }, { lat: { basis: 'measured' } },
  { speed: { basis: 'measured' } }, [{ fromYear: 2030, basis: 'estimated', sources: [] }],
];

describe('which validation checkNetwork runs', () => {
  it(`from ${SINGLE_PASS_MIN_RECORDS.toLocaleString('en-US')} nodes and edges, the single pass, which returns the file's own object`, () => {
    const count = Math.ceil(SINGLE_PASS_MIN_RECORDS / 2) + 1;
    const nodes = Array.from({ length: count }, (_, i) => node(`n${i}`, { lat: 0, lon: i / 100 }));
    const edges = nodes.slice(1).map((n, i) => edge(`e${i}`, `n${i}`, n.id, { distanceKm: 2 }));
    const big = network(nodes, edges);
    expect(checkNetwork(big).network).toBe(big);
    // The look-ups built on the way are the model's.
    const m = createModel(big, FACTORS);
    expect(m.nodeById.get('n3')).toBe(big.nodes[3]);
    expect([...m.edgeById.keys()]).toEqual(big.edges.map((e) => e.id));
    const small = worked();
    expect(checkNetwork(small).network).not.toBe(small);
    expectSame(big);
  });
});
