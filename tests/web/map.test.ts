// The server-drawn SVG map: structure, escaping, no styles or scripts, determinism, and its size on the real network.
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/core/routing/compare.ts';
import { loadEmissionFactorsFile, loadNetworkFile } from '../../src/core/load.ts';
import { createModel } from '../../src/core/network/model.ts';
import { parseQuery, type Query } from '../../src/core/routing/query.ts';
import type { Network } from '../../src/core/network/schema.ts';
import { renderMapSvg, type MapRoute } from '../../src/web/map.ts';
import { edge, model, network, node, r } from '../helpers/build.ts';

const NASTY = `A<b>&"c'`;

function fixture(): Network {
  return network(
    [
      node('a', { name: NASTY, lon: 108.9, lat: 34.3 }),
      node('b', { name: 'Border B', lon: 80.4, lat: 44.2, kind: 'border', dwellDays: r(3) }),
      node('c', { name: 'Port C', lon: 122.1, lat: 30.6, kind: 'port' }),
      node('d', { name: 'Dest D', lon: 6.8, lat: 51.4, country: 'DE' }),
    ],
    [
      edge('a-b', 'a', 'b', { transitDays: r(2) }),
      edge('b-d', 'b', 'd', { transitDays: r(2) }),
      edge('a-c', 'a', 'c', { corridors: ['sea'] }),
      edge('d-c', 'd', 'c', { mode: 'sea', transitDays: r(30), corridors: ['sea'], waypoints: [[30, 30], [60, 10], [100, 5]] }),
    ],
    ['north', 'sea'],
  );
}

const Q: Query = { from: 'a', to: 'd', objective: 'days', avoidCountries: [] };

function fixtureRoutes(net: Network): MapRoute[] {
  const result = compare(model(net), Q);
  const colors: Record<string, string> = { north: '#1f77b4', sea: '#9467bd' };
  return result.corridors.flatMap((c) =>
    c.route ? [{ key: c.corridor, label: `${c.name} <${c.corridor}> & co`, color: colors[c.corridor] ?? '#000000', route: c.route, dashed: c.corridor === 'sea' }] : [],
  );
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('renderMapSvg on a fixture', () => {
  const net = fixture();
  const routes = fixtureRoutes(net);
  const svg = renderMapSvg({ network: net, routes, title: 'Routes & <more>' });

  it('is a standalone, scalable SVG with a title and a description', () => {
    expect(routes).toHaveLength(2);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg).toMatch(/viewBox="0 0 960 \d+"/);
    expect(svg).toContain('width="100%"');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title>Routes &amp; &lt;more&gt;</title>');
    expect(svg).toMatch(/<desc>[^<]+<\/desc>/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('draws one path per route in its colour, dashed where asked, and a legend entry per route', () => {
    const paths = svg.match(/<path class="route"[^>]*>/g) ?? [];
    expect(paths).toHaveLength(2);
    expect(paths[0]).toContain('stroke="#1f77b4"');
    expect(paths[0]).not.toContain('stroke-dasharray');
    expect(paths[1]).toContain('stroke="#9467bd"');
    expect(paths[1]).toContain('stroke-dasharray');
    const legend = svg.slice(svg.indexOf('<g class="legend"'));
    expect(count(legend, '<line ')).toBe(2);
    expect(legend).toContain('North corridor &lt;north&gt; &amp; co</text>');
    expect(legend).toContain('Sea corridor &lt;sea&gt; &amp; co</text>');
    expect(legend.match(/<line [^>]*stroke="#9467bd"[^>]*>/)?.[0]).toContain('stroke-dasharray');
  });

  it('labels the ends and the border crossing, escaping names', () => {
    expect(svg).toContain('>A&lt;b&gt;&amp;&quot;c&apos;</text>');
    expect(svg).toContain('>Dest D</text>');
    expect(svg).toContain('>Border B</text>');
    expect(svg).not.toContain(NASTY);
    expect(svg).not.toContain('<b>');
    expect(count(svg, '<circle ')).toBe(2); // the two ends; the places between are dots of one path
    expect(svg.match(/<g class="nodes">\s*<path d="([^"]+)"/)?.[1]?.match(/h0/g)).toHaveLength(2);
  });

  it('uses no style attribute or element, no script and no external reference', () => {
    expect(svg).not.toMatch(/style\s*=/i);
    expect(svg).not.toMatch(/<style/i);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/href|url\(|<image|<foreignObject/i);
    expect(svg).not.toMatch(/\bon[a-z]+\s*=/i);
  });

  it('draws the land and the borders between countries, each border once, in whole pixels', () => {
    const countries = svg.slice(svg.indexOf('<g class="countries"'), svg.indexOf('<g class="routes"'));
    expect(count(countries, '<path d="M')).toBe(2);
    expect(countries.length).toBeGreaterThan(2000);
    for (const d of countries.match(/ d="[^"]+"/g) ?? []) expect(d).not.toMatch(/\d\.\d/); // whole pixels
  });

  it('is framed on the routes, not on the whole world', () => {
    // The fixture spans 6.8°E to 122.1°E and 5°N to 51.4°N: no land far south of the equator is drawn, and the
    // two ends sit well inside the frame.
    const a = /<circle cx="(\d+)" cy="(\d+)" r="4.5"/g;
    const ends = [...svg.matchAll(a)].map((m) => [Number(m[1]), Number(m[2])]);
    const [, w, h] = (/viewBox="0 0 (\d+) (\d+)"/.exec(svg) ?? []).map(Number);
    expect(ends).toHaveLength(2);
    for (const [x, y] of ends) {
      expect(x).toBeGreaterThan(20);
      expect(x).toBeLessThan((w ?? 0) - 20);
      expect(y).toBeGreaterThan(20);
      expect(y).toBeLessThan((h ?? 0) - 20);
    }
  });

  it('is deterministic', () => {
    expect(renderMapSvg({ network: fixture(), routes: fixtureRoutes(fixture()), title: 'Routes & <more>' })).toBe(svg);
  });

  it('without routes it shows the network with no legend', () => {
    const empty = renderMapSvg({ network: net, routes: [] });
    expect(empty.startsWith('<svg')).toBe(true);
    expect(empty).not.toContain('class="legend"');
    expect(empty).not.toContain('class="route"');
    expect(empty).not.toContain('NaN');
  });
});

describe('renderMapSvg on the real network', () => {
  it('renders every corridor of xian → duisburg at a reasonable size', () => {
    const net = loadNetworkFile();
    const m = createModel(net, loadEmissionFactorsFile());
    const result = compare(m, parseQuery(m, { from: 'xian', to: 'duisburg' }));
    const routes: MapRoute[] = result.corridors.flatMap((c) =>
      c.route ? [{ key: c.corridor, label: c.name, color: net.corridors.find((x) => x.id === c.corridor)?.color ?? '#000000', route: c.route }] : [],
    );
    expect(routes.map((x) => x.key).sort()).toEqual(net.corridors.map((c) => c.id).sort());
    const svg = renderMapSvg({ network: net, routes, title: "Xi'an to Duisburg" });
    expect(svg.length).toBeLessThan(400_000);
    expect(svg).not.toContain('NaN');
    for (const route of routes) {
      expect(svg).toMatch(new RegExp(`<path class="route" data-route="${route.key}" d="M[^"]+" stroke="${route.color}"`));
      expect(svg).toContain(`>${route.label}</text>`);
    }
    expect(svg).toContain('<title>Xi&apos;an to Duisburg</title>');
    expect(svg).toContain('>Xi&apos;an</text>');
    expect(svg).toContain('>Duisburg</text>');
  });
});
