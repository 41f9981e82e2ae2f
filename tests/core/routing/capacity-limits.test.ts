// Tonnage limits on routes, worked by hand: node capacities, spare capacity from published volumes, per-train
// limits, sea legs that do not limit, and year-dependent values (periods).
import { describe, expect, it } from 'vitest';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import { parseQuery, type QueryInput } from '../../../src/core/routing/query.ts';
import { checkNetwork } from '../../../src/core/network/validate.ts';
import type { Network } from '../../../src/core/network/schema.ts';
import { edge, model, network, node, r } from '../../helpers/build.ts';

const prov = { basis: 'reported' as const, sources: ['src-a'] };

/**
 *   a --rail 10 Mt/yr, volume 7 (2024), 50 wagons/train-- p[port, 6 Mt/yr, volume 1] --ferry 4 Mt/yr, 20 wagons, 1,200 t/sailing-- q --sea (no figure)-- d
 *
 * Capacity: min(10, 6, 4) = 4 on the ferry, whose volume is unknown → spare null.
 * From 2030 the ferry carries 12 Mt/yr (period), so the port (6, volume 1) limits: spare 5.
 * Per train: wagons min(50, 20) = 20 on the ferry, tonnes 1,200 on the ferry, teu unknown.
 */
function limits(): Network {
  return network(
    [node('a'), node('p', { kind: 'port', capacityMtpa: 6, volume: { mtpa: 1, year: 2024, ...prov } }), node('q', { kind: 'port' }), node('d')],
    [
      edge('a-p', 'a', 'p', { capacityMtpa: 10, volume: { mtpa: 7, year: 2024, ...prov }, perTrain: { unit: 'train', wagons: 50, ...prov } }),
      edge('p-q', 'p', 'q', {
        mode: 'ferry',
        capacityMtpa: 4,
        perTrain: { unit: 'sailing', wagons: 20, tonnes: 1200, ...prov },
        periods: [{ fromYear: 2030, capacityMtpa: 12, transitDays: r(0.5), ...prov, note: 'second ferry' }],
      }),
      edge('q-d', 'q', 'd', { mode: 'sea' }),
    ],
  );
}

const route = (input: QueryInput, net: Network = limits()) => {
  const m = model(net);
  return findRoute(m, parseQuery(m, { from: 'a', to: 'd', ...input }));
};

describe('tonnage limits', () => {
  it('the fixture is valid', () => {
    expect(checkNetwork(limits()).issues).toEqual([]);
  });

  it('takes the smallest capacity of segments and places, names it, and says a sea leg does not limit', () => {
    const t = route({}).route?.totals;
    expect(t?.capacityMtpa).toBe(4);
    expect(t?.bottleneck).toMatchObject({ kind: 'edge', id: 'p-q', capacityMtpa: 4 });
    expect(t?.bottleneckEdge).toBe('p-q');
    expect(t?.spareMtpa).toBeNull();
    expect(t?.unknownCapacityEdges).toEqual([]);
    expect(t?.unlimitedEdges).toEqual(['q-d']);
  });

  it('the per-train limit is the smallest along the route, with the segment that sets it', () => {
    expect(route({}).route?.totals.perTrain).toEqual({ wagons: 20, tonnes: 1200, teu: null, edge: 'p-q' });
  });

  it('a period raises the ferry from 2030, the port becomes the bottleneck and its spare capacity shows', () => {
    const t = route({ year: 2030 }).route?.totals;
    expect(t?.capacityMtpa).toBe(6);
    expect(t?.bottleneck).toMatchObject({ kind: 'node', id: 'p', name: 'P', capacityMtpa: 6 });
    expect(t?.bottleneckEdge).toBeNull();
    // 6 − 1 carried in 2024
    expect(t?.spareMtpa).toBe(5);
    // the period's transit days apply too: 1 + 0.5 + 1
    expect(t?.transitDays.typical).toBe(2.5);
    expect(route({ year: 2029 }).route?.totals.transitDays.typical).toBe(3);
  });

  it('cargo is tested against spare capacity where the volume is known, against nameplate elsewhere', () => {
    // a–p: 10 less 7 carried = 3 spare, below 3.5
    const res = route({ cargoMtpa: 3.5 });
    expect(res.route).toBeNull();
    expect(res.reason).toContain('spare capacity 3 Mt/yr (10 less 7 carried in 2024) is below the 3.5 Mt/yr cargo');
    // 2.5 fits a–p's spare 3, the port's spare 5 and the ferry's nameplate 4
    expect(route({ cargoMtpa: 2.5 }).route?.nodes).toEqual(['a', 'p', 'q', 'd']);
  });

  it('periods must lie after the network\'s as-of year and in order', () => {
    const net = limits();
    const ferry = net.edges[1] as (typeof net.edges)[number];
    ferry.periods = [
      { fromYear: 2026, capacityMtpa: 5, ...prov },
      { fromYear: 2025, capacityMtpa: 6, ...prov },
    ];
    expect(checkNetwork(net).issues.map((i) => `${i.jsonPath} ${i.code}`)).toEqual([
      '$.edges[1].periods[0].fromYear period_not_future',
      '$.edges[1].periods[1].fromYear period_not_future',
      '$.edges[1].periods[1].fromYear period_order',
    ]);
  });
});

describe('what-if edits and periods', async () => {
  const { applyEdits } = await import('../../../src/core/network/apply-scenario.ts');
  it('a set holds for every year; a scale scales the planned value too', () => {
    const base = model(limits());
    const set = applyEdits(base, [{ edit: { op: 'set', edge: 'p-q', field: 'capacityMtpa', value: 3 }, file: 'x', path: [] }], 'what-if').model;
    const q = (m: typeof base, year?: number) => findRoute(m, parseQuery(m, { from: 'a', to: 'd', ...(year ? { year } : {}) })).route?.totals.capacityMtpa;
    expect(q(set)).toBe(3);
    expect(q(set, 2030)).toBe(3);
    const scaled = applyEdits(base, [{ edit: { op: 'scale', edge: 'p-q', field: 'capacityMtpa', factor: 0.25 }, file: 'x', path: [] }], 'what-if').model;
    // today 4 × 0.25 = 1; from 2030 12 × 0.25 = 3
    expect(q(scaled)).toBe(1);
    expect(q(scaled, 2030)).toBe(3);
  });
});
