// What-if edits on the worked fixture (tests/helpers/build.ts), with answers worked by hand, and
// properties on random networks and random edit lists.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyScenario, applyEdits, parseAdhocEdits, parseScenario, ScenarioError, type LocatedEdit } from '../../../src/core/network/apply-scenario.ts';
import { compareScenario } from '../../../src/core/analysis/diff.ts';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import { compare } from '../../../src/core/routing/compare.ts';
import { checkNetwork } from '../../../src/core/network/validate.ts';
import type { Edit } from '../../../src/core/network/scenario-schema.ts';
import type { Query } from '../../../src/core/routing/query.ts';
import type { Network } from '../../../src/core/network/schema.ts';
import { edge, model, r, worked } from '../../helpers/build.ts';
import { netArb, plannedNetArb } from '../../helpers/random.ts';

const Q: Query = { from: 'a', to: 'd', objective: 'days', avoidCountries: [] };
const located = (edits: Edit[]): LocatedEdit[] => edits.map((edit, i) => ({ edit, file: 'test.json', path: ['edits', i] }));
const apply = (net: Network, edits: Edit[]) => applyEdits(model(net), located(edits), 'scenario "t"');
const days = (net: Network, edits: Edit[], q: Partial<Query> = {}) => findRoute(apply(net, edits).model, { ...Q, ...q }).route?.totals.transitDays ?? null;

function withLine(): Network {
  const net = worked();
  for (const e of net.edges) if (e.id === 'a-b' || e.id === 'b-d') e.line = 'ab-line';
  return net;
}

describe('each edit kind, worked by hand', () => {
  it('close edge: the south corridor loses its route, the best becomes north (7 d)', () => {
    const m = apply(worked(), [{ op: 'close', edge: 'e-d' }]).model;
    expect(findRoute(m, { ...Q, corridor: 'south' }).reason).toContain('closed by scenario "t"');
    expect(findRoute(m, Q).route?.nodes).toEqual(['a', 'b', 'd']);
  });

  it('close node, close corridor (only the edges no other corridor uses)', () => {
    expect(findRoute(apply(worked(), [{ op: 'close', node: 'e' }]).model, { ...Q, corridor: 'south' }).route).toBeNull();
    const m = apply(worked(), [{ op: 'close', corridor: 'south' }]).model;
    expect([...m.closedEdges.keys()].sort()).toEqual(['a-e', 'e-d']); // d-t is shared and stays open
  });

  it('open: a planned direct link becomes usable', () => {
    const net = worked();
    net.edges.push(edge('a-d-new', 'a', 'd', { transitDays: r(1), status: 'planned', opensYear: 2030 }));
    expect(days(net, [], { corridor: 'north' })?.typical).toBe(7);
    expect(days(net, [{ op: 'open', edge: 'a-d-new' }], { corridor: 'north' })).toEqual({ typical: 1, min: 1, max: 1 });
  });

  it('set on a line: every edge of the line changes', () => {
    // a-b and b-d at 1 d each: 1 + 3 (dwell b) + 1 = 5 d; min 1 + 1 + 1 = 3; max 1 + 10 + 1 = 12.
    expect(days(withLine(), [{ op: 'set', line: 'ab-line', field: 'transitDays', value: 1 }], { corridor: 'north' })).toEqual({ typical: 5, min: 3, max: 12 });
    const m = apply(withLine(), [{ op: 'set', line: 'ab-line', field: 'capacityMtpa', value: 15 }]).model;
    expect(findRoute(m, { ...Q, corridor: 'north' }).route?.totals.capacityMtpa).toBe(15);
    // A set figure is a what-if assumption: it counts as estimated.
    expect(findRoute(m, { ...Q, corridor: 'north' }).route?.legs[0]?.estimated).toEqual(['capacityMtpa']);
  });

  it('scale a node dwell: b at 2× takes north to 2 + 6 + 2 = 10 d', () => {
    expect(days(worked(), [{ op: 'scale', node: 'b', field: 'dwellDays', factor: 2 }], { corridor: 'north' })).toEqual({ typical: 10, min: 5.5, max: 27 });
  });

  it('set traction: electric b-d drops its CO2 from 600 to 400 kg', () => {
    const m = apply(worked(), [{ op: 'set', edge: 'b-d', field: 'traction', value: 'electric' }]).model;
    expect(findRoute(m, { ...Q, corridor: 'north' }).route?.totals.co2KgPerFeu).toBe(800);
  });

  it('add-edge', () => {
    const added = edge('a-d-direct', 'a', 'd', { transitDays: r(5, 4, 6) });
    expect(days(worked(), [{ op: 'add-edge', edge: added }], { corridor: 'north' })).toEqual({ typical: 5, min: 4, max: 6 });
  });

  it('never changes the base network', () => {
    const net = withLine();
    const before = structuredClone(net);
    apply(net, [
      { op: 'set', line: 'ab-line', field: 'transitDays', value: { typical: 1, min: 0.5, max: 2 } },
      { op: 'scale', node: 'b', field: 'dwellDays', factor: 3 },
      { op: 'close', edge: 'e-d' },
      { op: 'add-edge', edge: edge('a-d-direct', 'a', 'd') },
    ]);
    expect(net).toEqual(before);
  });
});

describe('bad edits: every problem, located; nothing half-applied', () => {
  it('names the JSON path and the closest ids', () => {
    try {
      apply(worked(), [
        { op: 'close', edge: 'a-bb' },
        { op: 'set', node: 'b', field: 'transitDays', value: 1 },
        { op: 'set', edge: 'a-b', field: 'transitDays', value: { typical: 1, min: 2, max: 3 } },
        { op: 'set', edge: 'a-b', field: 'traction', value: 3 },
      ]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ScenarioError);
      expect((err as ScenarioError).code).toBe('INVALID_SCENARIO');
      expect((err as ScenarioError).issues.map((i) => `${i.file} ${i.jsonPath}: ${i.message}`)).toEqual([
        'test.json $.edits[0].edge: unknown edge "a-bb"; did you mean a-b?',
        'test.json $.edits[1].field: field "transitDays" cannot be set on a node; fields: dwellDays, dwellCostUsdPerFeu',
        'test.json $.edits[2].value: expected min <= typical <= max, got min 2, typical 1, max 3',
        'test.json $.edits[3].value: traction: expected "electric" or "diesel", got 3',
      ]);
    }
  });

  it('a new edge is checked like a network edge', () => {
    expect(() => apply(worked(), [{ op: 'add-edge', edge: edge('a-q', 'a', 'q', { transitDays: { typical: 1, min: 2, max: 3 }, status: 'planned' }) }])).toThrow(ScenarioError);
    try {
      apply(worked(), [{ op: 'add-edge', edge: edge('a-q', 'a', 'q', { transitDays: { typical: 1, min: 2, max: 3 }, status: 'planned', corridors: ['west'] }) }]);
    } catch (err) {
      expect((err as ScenarioError).issues.map((i) => `${i.jsonPath} ${i.code}`)).toEqual([
        '$.edits[0].edge.to unknown_node',
        '$.edits[0].edge.corridors[0] unknown_corridor',
        '$.edits[0].edge.transitDays range_order',
        '$.edits[0].edge.opensYear missing_opens_year',
      ]);
    }
  });

  it('a scenario file is checked by schema, with paths', () => {
    const m = model(worked());
    expect(() => parseScenario(m, { id: 'x', name: 'X', description: 'd', sources: ['nope'], edits: [] }, 's.json')).toThrow('s.json $.sources[0]: unknown source id "nope"');
    try {
      parseScenario(m, { id: 'x', name: 'X', description: 'd', sources: [], edits: [{ op: 'shut', edge: 'a-b' }, { op: 'scale', edge: 'a-b', field: 'distanceKm', factor: -1 }] }, 's.json');
      expect.unreachable();
    } catch (err) {
      const lines = (err as ScenarioError).issues.map((i) => `${i.jsonPath}: ${i.message}`);
      expect(lines[0]).toMatch(/^\$\.edits\[0\]\.op: /);
      expect(lines[1]).toBe('$.edits[1].factor: expected a number >= 0, got -1');
    }
  });

  it('ad-hoc edits name the flag and suggest ids', () => {
    const m = model(worked());
    expect(() => parseAdhocEdits(m, { close: ['a-bx'] })).toThrow('--close a-bx $: unknown edge, line, node or corridor "a-bx"; did you mean a-b');
    expect(() => parseAdhocEdits(m, { set: ['a-b.transitDays=-1'] })).toThrow(/--set a-b\.transitDays=-1 \$: transitDays: expected a number >= 0/);
    expect(() => parseAdhocEdits(m, { set: ['a-b.speed=3'] })).toThrow(/unknown field "speed"/);
    expect(() => parseAdhocEdits(m, { set: ['a-b'] })).toThrow(/expected ID\.field=value/);
    const edits = parseAdhocEdits(m, { close: ['e', 'south'], open: ['a-b'], set: ['b.dwellDays=0', 'a-b.capacityMtpa=null'] });
    expect(edits.map((e) => e.edit)).toEqual([
      { op: 'close', node: 'e' },
      { op: 'close', corridor: 'south' },
      { op: 'open', edge: 'a-b' },
      { op: 'set', node: 'b', field: 'dwellDays', value: 0 },
      { op: 'set', edge: 'a-b', field: 'capacityMtpa', value: null },
    ]);
  });
});

describe('baseline against scenario', () => {
  it('shows the change per corridor and whether the route changed', () => {
    const base = model(worked());
    const applied = applyScenario(base, null, '', parseAdhocEdits(base, { close: ['e-d'], set: ['b.dwellDays=1'] }));
    const res = compareScenario(base, applied, { id: 'adhoc', name: 'Ad hoc', description: 'test' }, Q);
    const [north, south, sea] = res.corridors;
    // north: dwell b {3, 1, 10} -> 1: 7 -> 5 d, max 17 -> 8, same route.
    expect(north?.delta).toMatchObject({ status: 'changed', routeChanged: false, transitDays: { typical: -2, min: 0, max: -9 } });
    expect(south?.delta.status).toBe('lost');
    expect(sea?.delta.status).toBe('unchanged');
    // best: south (6.5 d) before, north (5 d) after.
    expect(res.best.delta).toMatchObject({ routeChanged: true, removedEdges: ['a-e', 'e-d'], addedEdges: ['a-b', 'b-d'], transitDays: { typical: -1.5 } });
    expect(res.scenario.changes).toEqual(['closed edge e-d', 'set dwellDays of node b to {"typical":1,"min":1,"max":1}']);
  });
});

describe('scenario properties', () => {
  const editArb = (net: Network) =>
    fc.oneof(
      fc.constantFrom(...net.edges.map((e) => e.id)).map((id): Edit => ({ op: 'close', edge: id })),
      fc.record({ id: fc.constantFrom(...net.edges.map((e) => e.id)), v: fc.integer({ min: 0, max: 20 }) }).map(({ id, v }): Edit => ({ op: 'set', edge: id, field: 'transitDays', value: v })),
      fc.record({ id: fc.constantFrom(...net.nodes.map((n) => n.id)), f: fc.integer({ min: 0, max: 4 }) }).map(({ id, f }): Edit => ({ op: 'scale', node: id, field: 'dwellDays', factor: f })),
      fc.constantFrom(...net.edges.map((e) => e.id)).map((id): Edit => ({ op: 'open', edge: id })),
    );
  const query = (net: Network): Query => ({ from: 'n0', to: net.nodes[net.nodes.length - 1]?.id ?? 'n1', objective: 'days', avoidCountries: [] });

  it('the base network is deep-equal before and after any edit list, and the copy is valid', () => {
    fc.assert(
      fc.property(plannedNetArb.chain((net) => fc.tuple(fc.constant(net), fc.array(editArb(net), { maxLength: 6 }))), ([net, edits]) => {
        const before = structuredClone(net);
        const applied = apply(net, edits);
        expect(net).toEqual(before);
        // The edited copy is itself a valid network.
        expect(checkNetwork(applied.model.network).issues).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('closing edges never makes any corridor faster or cheaper', () => {
    fc.assert(
      fc.property(netArb.chain((net) => fc.tuple(fc.constant(net), fc.subarray(net.edges.map((e) => e.id)), fc.constantFrom('days', 'cost'))), ([net, ids, objective]) => {
        const q = { ...query(net), objective: objective as Query['objective'] };
        const before = compare(model(net), q);
        const after = compare(apply(net, ids.map((id): Edit => ({ op: 'close', edge: id }))).model, q);
        after.corridors.forEach((c, i) => {
          const b = before.corridors[i]?.route;
          if (!b) expect(c.route).toBeNull();
          if (c.route && b) {
            if (objective === 'days') expect(c.route.totals.transitDays.typical).toBeGreaterThanOrEqual(b.totals.transitDays.typical - 1e-9);
            else expect(c.route.totals.costUsdPerFeu?.typical ?? 0).toBeGreaterThanOrEqual((b.totals.costUsdPerFeu?.typical ?? 0) - 1e-9);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('opening edges never makes a corridor slower', () => {
    fc.assert(
      fc.property(plannedNetArb.chain((net) => fc.tuple(fc.constant(net), fc.subarray(net.edges.map((e) => e.id)))), ([net, ids]) => {
        const q = query(net);
        const before = compare(model(net), q);
        const after = compare(apply(net, ids.map((id): Edit => ({ op: 'open', edge: id }))).model, q);
        after.corridors.forEach((c, i) => {
          const b = before.corridors[i]?.route;
          if (b) {
            expect(c.route).not.toBeNull();
            expect(c.route?.totals.transitDays.typical ?? Infinity).toBeLessThanOrEqual(b.totals.transitDays.typical + 1e-9);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('an empty scenario gives a zero delta', () => {
    fc.assert(
      fc.property(plannedNetArb, (net) => {
        const base = model(net);
        const res = compareScenario(base, applyScenario(base, null, ''), { id: 'empty', name: 'Empty', description: 'nothing' }, query(net));
        for (const c of [...res.corridors, res.best]) {
          expect(['unchanged', 'none']).toContain(c.delta.status);
          if (c.delta.status === 'unchanged') expect(c.delta.transitDays).toEqual({ typical: 0, min: 0, max: 0 });
        }
      }),
      { numRuns: 100 },
    );
  });
});
