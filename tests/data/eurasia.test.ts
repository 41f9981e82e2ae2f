// The embedded base network: valid, complete, sourced, canonical, and each corridor joins China to Duisburg on its own edges.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DEFAULT_FACTORS_FILE, DEFAULT_NETWORK_FILE, loadEmissionFactorsFile, loadNetworkFile, readJsonFile } from '../../src/core/load.ts';
import { canonicalJson } from '../../src/core/network/canonical.ts';
import { createModel } from '../../src/core/network/model.ts';
import { findRoute } from '../../src/core/routing/shortest-route.ts';
import type { Query } from '../../src/core/routing/query.ts';

const network = loadNetworkFile(DEFAULT_NETWORK_FILE, 'networks/eurasia.json');
const factors = loadEmissionFactorsFile(DEFAULT_FACTORS_FILE, 'networks/emission-factors.json');
const model = createModel(network, factors);

const REQUIRED_NODES = 'xian chongqing alashankou dostyk khorgos altynkol almaty aktau kuryk turkmenbashi baku tbilisi akhalkalaki poti kars ankara istanbul sarakhs mashhad tehran tabriz marand cheshmeh-soraya razi van tatvan brest malaszewicze budapest duisburg shanghai rotterdam constanta'.split(' ');

describe('networks/eurasia.json', () => {
  it('is large enough and sourced', () => {
    expect(network.nodes.length).toBeGreaterThanOrEqual(60);
    expect(network.edges.length).toBeGreaterThanOrEqual(90);
    expect(new Set(network.sources.map((s) => s.id)).size).toBeGreaterThanOrEqual(40);
    for (const s of network.sources) expect(s.url, s.id).toMatch(/^https?:\/\/[^/\s]+\.[^/\s]+/);
  });

  it('has every required node and edge id', () => {
    const nodes = new Set(network.nodes.map((n) => n.id));
    for (const id of REQUIRED_NODES) expect(nodes.has(id), id).toBe(true);
    const van = network.edges.find((e) => e.id === 'lake-van-ferry');
    expect(van && [van.from, van.to, van.mode]).toEqual(['tatvan', 'van', 'ferry']);
    const marand = network.edges.find((e) => e.id === 'marand-cheshmeh-soraya');
    expect(marand?.status).not.toBe('operational');
    expect(marand?.opensYear).toBeTypeOf('number');
    expect(network.edges.some((e) => e.id === 'aktau-baku-ferry')).toBe(true);
  });

  it('names the Sarakhs–Razi line on every edge between Sarakhs and Razi', () => {
    const line = network.edges.filter((e) => e.line === 'sarakhs-razi');
    expect(line.length).toBeGreaterThanOrEqual(3);
    const ends = line.flatMap((e) => [e.from, e.to]);
    for (const id of ['sarakhs', 'mashhad', 'tehran', 'tabriz', 'razi']) expect(ends, id).toContain(id);
  });

  it('has border and gauge-change dwell where the issue lists it', () => {
    const byId = new Map(network.nodes.map((n) => [n.id, n]));
    for (const id of ['dostyk', 'altynkol', 'brest', 'malaszewicze', 'akhalkalaki', 'aktau', 'kuryk', 'baku', 'turkmenbashi', 'sarakhs', 'razi']) {
      const pair = [id, ...(id === 'dostyk' ? ['alashankou'] : id === 'altynkol' ? ['khorgos'] : id === 'brest' ? ['malaszewicze'] : [])];
      expect(pair.some((p) => byId.get(p)?.dwellDays), `${id} has dwell`).toBe(true);
    }
    expect(network.nodes.some((n) => n.id.includes('etrek') && n.dwellDays && n.gaugeChange)).toBe(true);
    expect(byId.get('akhalkalaki')?.gaugeChange).toBe(true);
  });

  it('has the planned links with their opening years', () => {
    const planned = network.edges.filter((e) => e.status !== 'operational');
    expect(planned.every((e) => typeof e.opensYear === 'number')).toBe(true);
    const ends = (e: { from: string; to: string }) => `${e.from} ${e.to}`;
    expect(planned.some((e) => /igdir|dilucu/.test(ends(e)))).toBe(true); // Kars–Iğdır–Dilucu
    expect(planned.some((e) => /meghri|aghband|horadiz|nakhchivan/.test(ends(e)))).toBe(true); // Zangezur/TRIPP
    expect(planned.some((e) => e.line === 'cku')).toBe(true); // China–Kyrgyzstan–Uzbekistan
  });

  it('lets each corridor join Xi\'an and Chongqing to Duisburg on its own operational edges', () => {
    for (const corridor of model.corridorIds) {
      for (const from of ['xian', 'chongqing']) {
        const q: Query = { from, to: 'duisburg', objective: 'days', corridor, avoidCountries: [] };
        const res = findRoute(model, q);
        expect(res.route, `${corridor} from ${from}: ${res.reason}`).not.toBeNull();
        expect(res.route?.legs.every((l) => l.corridors.includes(corridor) && l.status === 'operational')).toBe(true);
        if (corridor === 'maritime') {
          // By sea: through a Chinese port and a European port, with a sea leg between them.
          const ports = (res.route?.nodes ?? []).map((id) => model.nodeById.get(id)).filter((n) => n?.kind === 'port');
          expect(ports.some((n) => n?.country === 'CN')).toBe(true);
          expect(ports.some((n) => n && !['CN', 'SG', 'EG', 'ZA'].includes(n.country))).toBe(true);
          expect(res.route?.legs.some((l) => l.mode === 'sea')).toBe(true);
        }
      }
    }
  });

  it('is stored in canonical form: sorted by id, two-space indentation, trailing newline', () => {
    for (const file of [DEFAULT_NETWORK_FILE, DEFAULT_FACTORS_FILE]) {
      expect(readFileSync(file, 'utf8'), file).toBe(canonicalJson(readJsonFile(file)));
    }
  });

  it('says how every estimated figure was estimated', () => {
    const figures = ['distanceKm', 'transitDays', 'costUsdPerFeu', 'capacityMtpa', 'dwellDays', 'dwellCostUsdPerFeu', 'opensYear'];
    for (const r of [...network.nodes, ...network.edges] as unknown as Record<string, any>[]) {
      for (const field of figures) {
        if (r[field] === undefined || r[field] === null) continue;
        const fb = r.fieldBasis?.[field];
        if ((fb?.basis ?? r.basis) === 'estimated') expect(`${fb?.note ?? ''}${r.note ?? ''}`, `${r.id}.${field}`).not.toBe('');
      }
    }
  });

  it('emission factors cover every mode the network uses', () => {
    for (const mode of new Set(network.edges.map((e) => e.mode))) expect(factors.factors.some((f) => f.mode === mode), mode).toBe(true);
    expect(factors.factors.every((f) => f.scope === 'WTW')).toBe(true);
  });
});
