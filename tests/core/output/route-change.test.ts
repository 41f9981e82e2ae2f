// A what-if route against its baseline, by stretches and in names.
import { describe, expect, it } from 'vitest';
import { findRoute } from '../../../src/core/routing/shortest-route.ts';
import { parseQuery } from '../../../src/core/routing/query.ts';
import { applyScenario, parseAdhocEdits } from '../../../src/core/network/apply-scenario.ts';
import { describeRouteChange } from '../../../src/core/output/route-change.ts';
import { model, node, edge, network, r } from '../../helpers/build.ts';

//  a – b ~Lake ferry (1 d)~ c – d – e        baseline
//       \– x (port) – c                     b–x "New link" is planned (2 d), x–c 1 d
//                 c – y (border) – d        a detour of 2 + 2 d around c–d (1 d)
const net = network(
  ['a', 'b', 'c', 'd', 'e'].map((id) => node(id)).concat([node('x', { kind: 'port' }), node('y', { kind: 'border' })]),
  [
    edge('a-b', 'a', 'b'),
    edge('b-c', 'b', 'c', { mode: 'ferry', name: 'Lake ferry' }),
    edge('c-d', 'c', 'd'),
    edge('d-e', 'd', 'e'),
    edge('b-x', 'b', 'x', { name: 'New link', status: 'planned', opensYear: 2030, transitDays: r(2) }),
    edge('x-c', 'x', 'c'),
    edge('c-y', 'c', 'y', { transitDays: r(2) }),
    edge('y-d', 'y', 'd', { transitDays: r(2) }),
  ],
);
const base = model(net);
const routeOn = (m: typeof base) => findRoute(m, parseQuery(m, { from: 'a', to: 'e' })).route;
const whatIf = (edits: { close?: string[]; open?: string[] }) => applyScenario(base, null, '', parseAdhocEdits(base, edits)).model;

describe('describeRouteChange', () => {
  it('names an opened segment as replacing a closed one, with the days it saves or costs', () => {
    const m = whatIf({ close: ['b-c'], open: ['b-x'] });
    const change = describeRouteChange(base, m, routeOn(base), routeOn(m));
    // b→c was the 1-day ferry; now b–x (2 d) + x–c (1 d) = 3 d: +2 days.
    expect(change.status).toBe('changed');
    expect(change.stretches).toEqual([
      {
        from: 'b',
        to: 'c',
        fromName: 'B',
        toName: 'C',
        removed: [{ id: 'b-c', name: 'Lake ferry' }],
        added: [
          { id: 'b-x', name: 'New link' },
          { id: 'x-c', name: 'X–C' },
        ],
        daysDelta: 2,
        text: 'New link replaces Lake ferry',
      },
    ]);
    expect(change.text).toBe('B → C: New link replaces Lake ferry (+2.0 days)');
  });

  it('otherwise reads "now via … instead of …" by the places passed', () => {
    const m = whatIf({ close: ['c-d'] });
    const change = describeRouteChange(base, m, routeOn(base), routeOn(m));
    expect(change.stretches.map((s) => s.text)).toEqual(['now via Y instead of C–D (closed)']);
    expect(change.text).toBe('C → D: now via Y instead of C–D (closed) (+3.0 days)');
  });

  it('a lost route names the closed segments it used; an unchanged one says so', () => {
    const m = whatIf({ close: ['a-b'] });
    expect(describeRouteChange(base, m, routeOn(base), routeOn(m))).toEqual({ status: 'lost', stretches: [], text: 'No route once A–B is closed' });
    expect(describeRouteChange(base, base, routeOn(base), routeOn(base)).status).toBe('same');
    expect(describeRouteChange(base, base, null, null).status).toBe('none');
  });
});
