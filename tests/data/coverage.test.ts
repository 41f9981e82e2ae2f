// Coverage of the lanes shippers ask about (issue 10): every Chinese origin to every European destination on
// every corridor, the Northern sub-routes through Mongolia and Manzhouli, and the geometry of every edge.
import { describe, expect, it } from 'vitest';
import { loadEmissionFactorsFile, loadNetworkFile, readJsonFile, DEFAULT_NETWORK_FILE } from '../../src/core/load.ts';
import { createModel } from '../../src/core/network/model.ts';
import { checkNetwork } from '../../src/core/network/validate.ts';
import { haversineKm } from '../../src/core/network/geo.ts';
import { compare } from '../../src/core/routing/compare.ts';
import { parseQuery } from '../../src/core/routing/query.ts';
import { findRoute } from '../../src/core/routing/shortest-route.ts';
import { throughput } from '../../src/core/analysis/throughput.ts';

const network = loadNetworkFile();
const model = createModel(network, loadEmissionFactorsFile());

export const ORIGINS = 'chengdu chongqing xian zhengzhou wuhan yiwu hefei changsha urumqi shanghai'.split(' ');
export const DESTINATIONS = 'duisburg hamburg lodz malaszewicze warsaw budapest vienna milan prague rotterdam'.split(' ');
const PORTS = { cn: ['shanghai', 'ningbo', 'shenzhen'], eu: ['hamburg', 'rotterdam', 'antwerp', 'gdansk', 'piraeus', 'koper'] };
const NORTHERN = ['erenhot', 'zamyn-uud', 'ulaanbaatar', 'naushki', 'manzhouli', 'zabaikalsk'];

describe('coverage', () => {
  it('has at least 160 places, 220 segments and 150 sources', () => {
    expect(network.nodes.length).toBeGreaterThanOrEqual(160);
    expect(network.edges.length).toBeGreaterThanOrEqual(220);
    expect(network.sources.length).toBeGreaterThanOrEqual(150);
  });

  it('has the pinned places, Chinese and European ports as ports', () => {
    for (const id of [...ORIGINS, ...DESTINATIONS, ...NORTHERN, ...PORTS.cn, ...PORTS.eu]) expect(model.nodeById.has(id), id).toBe(true);
    for (const id of [...PORTS.cn, ...PORTS.eu]) expect(model.nodeById.get(id)?.kind, id).toBe('port');
    for (const id of ['zamyn-uud', 'zabaikalsk']) {
      expect(model.nodeById.get(id)?.gaugeChange, id).toBe(true);
      expect(model.nodeById.get(id)?.dwellDays, id).toBeDefined();
    }
  });

  it('gives a route on all four corridors for each of the 400 origin × destination × corridor combinations', () => {
    const missing: string[] = [];
    for (const from of ORIGINS) {
      for (const to of DESTINATIONS) {
        const result = compare(model, parseQuery(model, { from, to }));
        expect(result.corridors.map((c) => c.corridor).sort()).toEqual(['maritime', 'middle', 'northern', 'southern']);
        for (const c of result.corridors) if (!c.route) missing.push(`${from} → ${to} (${c.corridor}): ${c.reason}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('routes Zhengzhou → Hamburg on the Northern corridor without Kazakhstan via Erenhot or Manzhouli', () => {
    const route = findRoute(model, parseQuery(model, { from: 'zhengzhou', to: 'hamburg', corridor: 'northern', avoidCountries: 'KZ' })).route;
    expect(route).not.toBeNull();
    expect(route?.nodes.some((n) => n === 'erenhot' || n === 'manzhouli')).toBe(true);
    expect(route?.nodes.some((n) => model.nodeById.get(n)?.country === 'KZ')).toBe(false);
    // Both sub-routes exist: each can be forced.
    for (const via of ['erenhot', 'manzhouli']) {
      const r = findRoute(model, parseQuery(model, { from: 'zhengzhou', to: 'hamburg', corridor: 'northern', via }));
      expect(r.route?.nodes, via).toContain(via === 'erenhot' ? 'ulaanbaatar' : 'zabaikalsk');
    }
  });

  it('sends every Asia–Europe sailing round the Cape when the Red Sea is closed, at a higher cost', () => {
    const suez = network.edges.filter((e) => e.line === 'suez');
    expect(suez.length).toBeGreaterThan(0);
    const closed = createModel(network, model.factors, { edges: new Map(suez.map((e) => [e.id, 'closed'])) });
    for (const from of PORTS.cn) {
      for (const to of PORTS.eu) {
        const q = parseQuery(model, { from, to, corridor: 'maritime', objective: 'cost' });
        const before = findRoute(model, { ...q, modes: ['sea'] }).route;
        const after = findRoute(closed, { ...q, modes: ['sea'] }).route;
        expect(after, `${from} → ${to}`).not.toBeNull();
        expect(after?.legs.some((l) => l.line === 'suez')).toBe(false);
        expect(after?.legs.some((l) => l.line === 'cape')).toBe(true);
        expect((after?.totals.costUsdPerFeu?.typical ?? 0) - (before?.totals.costUsdPerFeu?.typical ?? 0), `${from} → ${to}`).toBeGreaterThan(0);
      }
    }
  });

  it('no edge is shorter than the great-circle distance between its ends, and validation passes with the rule on', () => {
    const { issues } = checkNetwork(readJsonFile(DEFAULT_NETWORK_FILE), 'networks/eurasia.json');
    expect(issues.filter((i) => i.severity !== 'warning')).toEqual([]);
    const pos = new Map(network.nodes.map((n) => [n.id, n]));
    for (const e of network.edges) {
      const a = pos.get(e.from);
      const b = pos.get(e.to);
      if (a && b) expect(e.distanceKm, e.id).toBeGreaterThanOrEqual(0.99 * haversineKm(a.lat, a.lon, b.lat, b.lon));
    }
  });

  it('known capacities alone carry Xi\'an → Duisburg freight on every overland corridor', () => {
    for (const corridor of ['northern', 'middle', 'southern']) {
      const t = throughput(model, { from: 'xian', to: 'duisburg', corridor, avoidCountries: [] });
      expect(t.knownOnly.maxFlowMtpa, corridor).toBeGreaterThan(0);
      expect(t.knownOnly.minCut.length, corridor).toBeGreaterThan(0);
    }
  });

  it('northern-closed leaves no Northern route to Europe, whichever sub-route', async () => {
    const { loadScenario } = await import('../../src/core/load.ts');
    const { applyScenario } = await import('../../src/core/network/apply-scenario.ts');
    const { scenario } = loadScenario(model, 'northern-closed');
    const closed = applyScenario(model, scenario, 'northern-closed').model;
    for (const from of ['xian', 'zhengzhou', 'erenhot', 'manzhouli']) {
      const r = findRoute(closed, parseQuery(closed, { from, to: 'duisburg', corridor: 'northern' }));
      expect(r.route, from).toBeNull();
    }
  });

  it('the year 2030 moves a corridor\'s bottleneck or capacity (planned upgrades in periods)', () => {
    const changed = ['northern', 'middle', 'southern'].filter((corridor) => {
      const today = throughput(model, { from: 'xian', to: 'duisburg', corridor, avoidCountries: [] });
      const later = throughput(model, { from: 'xian', to: 'duisburg', corridor, avoidCountries: [], year: 2030 });
      const key = (t: typeof today) => JSON.stringify([t.knownOnly, t.unknownUnlimited.maxFlowMtpa]);
      return key(today) !== key(later);
    });
    expect(changed.length).toBeGreaterThan(0);
  });
});
