// The web app over real HTTP (server on port 0): pages, downloads, bad input, XSS, isolation of what-if edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/web/app.ts';
import { compare, compareScenario, createModel, parseQuery, applyScenario, parseAdhocEdits } from '../../src/core/index.ts';
import { loadEmissionFactorsFile, loadNetworkFile } from '../../src/core/load.ts';

const model = createModel(loadNetworkFile(), loadEmissionFactorsFile());
let server: Server;
let base = '';

beforeAll(async () => {
  const app = createApp({ model });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (path: string, init?: RequestInit) => {
  const res = await fetch(base + path, init);
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, text: await res.text() };
};

describe('pages', () => {
  it('counts in words: "1 leg of unknown capacity", never "1 legs"', async () => {
    const r = await get('/compare?from=chengdu&to=milan');
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/\b\d+ legs? of unknown capacity/);
    expect(r.text).not.toMatch(/\b1 legs\b/);
  });

  it('/ shows the form with Xi\'an and Duisburg chosen', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.text).toContain('<form class="compare-form no-print" method="get" action="/compare">');
    expect(r.text).toMatch(/<option value="?xian"? selected>/);
    expect(r.text).toMatch(/<option value="?duisburg"? selected>/);
  });

  it('/compare shows four corridors, the best marked, legs with sources and the map', async () => {
    const r = await get('/compare?from=xian&to=duisburg');
    expect(r.status).toBe(200);
    for (const name of ['Northern corridor', 'Middle corridor', 'Southern corridor', 'Maritime route']) expect(r.text).toContain(name);
    expect(r.text).toContain('<strong class="best-mark">best</strong>');
    expect(r.text).toMatch(/<li id="?s1"?>/);
    expect(r.text).toContain('<svg');
    expect(r.text).toContain('href="/compare.csv?from=xian&amp;to=duisburg"');
  });

  it('via= pins the route through places, by id or name, on the page and in the API', async () => {
    const page = await get('/compare?from=xian&to=duisburg&via=Baku');
    expect(page.status).toBe(200);
    expect(page.text).toContain('via Baku International Sea Trade Port (Alat)');
    // The form keeps the place, resolved to its id (the canonical query).
    expect(page.text).toContain('name="via" size="16" placeholder="places, in order" value="baku"');
    const api = JSON.parse((await get('/api/compare?from=xian&to=duisburg&via=baku')).text);
    const direct = compare(model, parseQuery(model, { from: 'xian', to: 'duisburg', via: ['baku'] }));
    expect(api.best.route.nodes).toEqual(direct.best.route?.nodes);
    expect(api.best.route.nodes).toContain('baku');
    const bad = await get('/compare?from=xian&to=duisburg&via=bakku');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<a href="/compare?from=xian&amp;to=duisburg&amp;via=baku">');
  });

  it('a segment page\'s what-if form opens the comparison with the matching edits', async () => {
    const page = await get('/edges/lake-van-ferry?from=xian&to=istanbul');
    expect(page.text).toContain('action="/edges/lake-van-ferry/what-if"');
    expect(page.text).toMatch(/<option value=istanbul selected>/);
    expect(page.text).toContain('name="capacity" inputmode="decimal" size="6" value="3.5"');
    const go = (q: string) => fetch(`${base}/edges/lake-van-ferry/what-if?from=xian&to=istanbul&${q}`, { redirect: 'manual' });
    // Unchanged figures make no edit; a new capacity is a set=, a range a JSON range, "closed" a close=.
    const cap = await go('transit=0.15&transitMin=0.15&transitMax=0.17&cost=77&costMin=70&costMax=109&capacity=7&status=open');
    expect(cap.status).toBe(303);
    expect(cap.headers.get('location')).toBe('/compare?from=xian&to=istanbul&set=lake-van-ferry.capacityMtpa%3D7');
    const closed = await go('transit=0.3&transitMin=0.2&transitMax=0.5&cost=77&costMin=70&costMax=109&capacity=3.5&status=closed');
    expect(decodeURIComponent(closed.headers.get('location') ?? '')).toBe('/compare?from=xian&to=istanbul&close=lake-van-ferry&set=lake-van-ferry.transitDays={"typical":0.3,"min":0.2,"max":0.5}');
    const bad = await go('transit=abc&cost=77&capacity=3.5&status=open');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Transit days (typical): expected a number of at least 0, got &quot;abc&quot;');
  });

  it('the Xi\'an → Duisburg page weighs at most 100 KB', async () => {
    const r = await get('/compare?from=xian&to=duisburg&objective=days');
    expect(Buffer.byteLength(r.text)).toBeLessThanOrEqual(100_000);
  });

  it('/compare with a scenario shows baseline, what-if and change', async () => {
    const r = await get('/compare?from=xian&to=duisburg&scenario=southern-2030');
    expect(r.status).toBe(200);
    expect(r.text).toContain('What if: Southern corridor in 2030');
    expect(r.text).toContain('<small>baseline</small>');
    expect(r.text).toContain('replaces Lake Van rail ferry (Tatvan–Van)');
  });

  it('/network filters; /nodes/:id and /edges/:id show each figure with basis and sources; /sources; /scenarios', async () => {
    const all = await get('/network');
    const ferries = await get('/network?corridor=middle&mode=ferry');
    expect(ferries.status).toBe(200);
    expect(ferries.text).toContain('aktau-baku-ferry');
    expect(ferries.text).not.toContain('lake-van-ferry');
    expect(all.text).toContain('lake-van-ferry');
    const edge = await get('/edges/lake-van-ferry');
    expect(edge.text).toContain('Distance');
    expect(edge.text).toMatch(/<td>(measured|reported|estimated)<\/td>/);
    const node = await get('/nodes/akhalkalaki');
    expect(node.text).toContain('gauge change');
    const sources = await get('/sources');
    expect(sources.text).toContain(`Sources (${model.network.sources.length})`);
    const scenarios = await get('/scenarios');
    expect(scenarios.text).toContain('id="southern-2030"');
  });
});

describe('analyses', () => {
  it('compare with alternatives and uncertainty: sections on the page, fields in the JSON', async () => {
    const page = await get('/compare?from=xian&to=duisburg&alternatives=3&samples=500&seed=2&within=20');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h2>Alternatives</h2>');
    expect(page.text).toContain('<h2>Transit-time uncertainty</h2>');
    expect(page.text).toContain('<th>Within 20 days</th>');
    const json = JSON.parse((await get('/api/compare?from=xian&to=duisburg&alternatives=3&samples=500&seed=2')).text);
    for (const c of json.corridors) {
      expect(c.alternatives.length).toBeGreaterThan(0);
      expect(c.alternatives.length).toBeLessThanOrEqual(3);
      expect(c.distribution.p10).toBeLessThanOrEqual(c.distribution.p90);
    }
    const again = JSON.parse((await get('/api/compare?from=xian&to=duisburg&samples=500&seed=2')).text);
    expect(again.corridors[0].distribution.p50).toBe(json.corridors[0].distribution.p50);
  });

  it('/pareto shows the set and a scatter; /api/pareto returns it', async () => {
    const page = await get('/pareto?from=xian&to=duisburg&criteria=days&criteria=cost');
    expect(page.status).toBe(200);
    expect(page.text).toContain('trade-offs');
    expect(page.text).toContain('<svg');
    const json = JSON.parse((await get('/api/pareto?from=xian&to=duisburg&criteria=days,cost')).text);
    expect(json.criteria).toEqual(['days', 'cost']);
    expect(json.routes.length).toBeGreaterThan(0);
  });

  it('/capacity names the limiting segments; /timeline draws the years', async () => {
    const cap = await get('/capacity?from=xian&to=istanbul&corridor=southern');
    expect(cap.status).toBe(200);
    expect(cap.text).toContain('Lake Van rail ferry');
    const capJson = JSON.parse((await get('/api/capacity?from=xian&to=duisburg')).text);
    expect(capJson.length).toBe(model.network.corridors.length + 1);
    const tl = await get('/timeline?from=xian&to=duisburg&years=2025-2031');
    expect(tl.status).toBe(200);
    expect(tl.text).toContain('<th scope="row">2031</th>');
    expect(JSON.parse((await get('/api/timeline?from=xian&to=duisburg&years=2025-2031')).text).years).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031]);
  });

  it('bad analysis input is a 400 with the form kept', async () => {
    const alt = await get('/compare?from=xian&to=duisburg&alternatives=11');
    expect(alt.status).toBe(400);
    expect(alt.text).toContain('Alternatives per corridor: expected at most 10');
    expect(alt.text).toContain('name="alternatives" inputmode="numeric" size="3" placeholder="1–10" value="11"');
    const years = await get('/timeline?from=xian&to=duisburg&years=2040-2030');
    expect(years.status).toBe(400);
    expect(years.text).toContain('value="2040-2030"');
    expect((await get('/pareto?from=xian&to=duisburg&criteria=speed')).status).toBe(400);
    expect((await get('/api/pareto?from=xian&to=duisburg&criteria=days')).status).toBe(400);
  });

  it('/method states the emission method and lists the factors with sources', async () => {
    const page = await get('/method');
    expect(page.text).toContain('well-to-wheel');
    // Each factor by mode, traction and country name (Kazakhstan's electric rail), its sources as footnotes.
    expect(page.text).toMatch(/<td>rail<\/td><td>electric<\/td><td>Kazakhstan<\/td><td>45.3<\/td>/);
    expect(page.text).toMatch(/<li id="f1"><strong>/);
  });
});

describe('downloads', () => {
  it('/api/compare is the CLI\'s JSON shape, equal to the core result', async () => {
    const r = await get('/api/compare?from=xian&to=duisburg&objective=cost');
    expect(r.type).toMatch(/application\/json/);
    expect(JSON.parse(r.text)).toEqual(compare(model, parseQuery(model, { from: 'xian', to: 'duisburg', objective: 'cost' })));
  });

  it('/api/compare with edits equals the core what-if result', async () => {
    const r = await get('/api/compare?from=xian&to=duisburg&close=lake-van-ferry&set=sarakhs-razi.capacityMtpa=15');
    const applied = applyScenario(model, null, '', parseAdhocEdits(model, { close: ['lake-van-ferry'], set: ['sarakhs-razi.capacityMtpa=15'] }, { close: 'close', open: 'open', set: 'set' }));
    const expected = compareScenario(model, applied, { id: 'edits', name: 'What-if edits', description: 'Edits made on this page.' }, parseQuery(model, { from: 'xian', to: 'duisburg' }));
    expect(JSON.parse(r.text)).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('/compare.csv, /api/route, /api/network, /api/compare.geojson, /api/openapi.json', async () => {
    const c = await get('/compare.csv?from=xian&to=duisburg');
    expect(c.type).toMatch(/text\/csv/);
    expect(c.text.split('\n')[0]).toMatch(/^corridor,days_typical,/);
    const route = JSON.parse((await get('/api/route?from=xian&to=duisburg&corridor=southern')).text);
    expect(route.route.legs.every((l: { edge: string }) => model.edgeById.get(l.edge)?.corridors.includes('southern'))).toBe(true);
    expect(JSON.parse((await get('/api/network')).text).id).toBe('eurasia');
    const geo = await get('/api/compare.geojson?from=xian&to=duisburg');
    expect(geo.type).toMatch(/application\/geo\+json/);
    const fc = JSON.parse(geo.text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.some((f: { geometry: { type: string } }) => f.geometry.type === 'LineString')).toBe(true);
    const api = JSON.parse((await get('/api/openapi.json')).text);
    expect(api.openapi).toBe('3.1.0');
    expect(Object.keys(api.paths)).toEqual(expect.arrayContaining(['/api/compare', '/api/route', '/api/network', '/api/compare.geojson', '/api/pareto', '/api/capacity', '/api/timeline']));
  });

  it('names UTF-8 in every content type, computed or answered again from the cache, with the same bytes', async () => {
    const types: Record<string, string> = {
      '/compare?from=xian&to=budapest': 'text/html; charset=utf-8',
      '/compare.csv?from=xian&to=budapest': 'text/csv; charset=utf-8',
      '/api/compare?from=xian&to=budapest': 'application/json; charset=utf-8',
      '/api/compare.geojson?from=xian&to=budapest': 'application/geo+json; charset=utf-8',
      '/compare?from=xian&to=nowhere': 'text/html; charset=utf-8',
    };
    for (const [path, type] of Object.entries(types)) {
      const first = await get(path);
      const again = await get(path);
      expect([first.type, again.type]).toEqual([type, type]);
      expect(again.text).toBe(first.text);
      expect(again.headers.get('content-length')).toBe(String(Buffer.byteLength(first.text)));
    }
  });
});

describe('bad input: 400 with the form and the user\'s values kept, never 500', () => {
  it('an unknown node suggests the closest ids and keeps what was typed', async () => {
    const r = await get('/compare?from=cesme%20soraya&to=duisburg&year=2030');
    expect(r.status).toBe(400);
    // The suggestion is a link that puts the right id in place of what was typed, keeping the rest.
    expect(r.text).toContain('<a href="/compare?from=cheshmeh-soraya&amp;to=duisburg&amp;year=2030">Cheshmeh Soraya</a>');
    expect(r.text).toContain('<option value="cesme soraya" selected>cesme soraya (unknown)</option>');
    expect(r.text).toContain('name="year" inputmode="numeric" size="5" placeholder="e.g. 2030" value="2030"');
  });

  it('a bad number, an unknown edge in an edit, a bad scenario id and too many edits', async () => {
    const num = await get('/compare?from=xian&to=duisburg&cargoMtpa=lots');
    expect(num.status).toBe(400);
    expect(num.text).toContain('Cargo, Mt/yr: expected a number, got &quot;lots&quot;');
    expect(num.text).toContain('value="lots"');
    const edit = await get('/compare?from=xian&to=duisburg&close=lake-van-fery');
    expect(edit.status).toBe(400);
    expect(edit.text).toContain('<a href="/compare?from=xian&amp;to=duisburg&amp;close=lake-van-ferry">Lake Van rail ferry (Tatvan–Van)</a>');
    expect(edit.text).toContain('value="lake-van-fery" checked');
    const scen = await get('/compare?from=xian&to=duisburg&scenario=southern-2031');
    expect(scen.status).toBe(400);
    expect(scen.text).toContain('<a href="/compare?from=xian&amp;to=duisburg&amp;scenario=southern-2030">Southern corridor in 2030</a>');
    const many = await get(`/compare?from=xian&to=duisburg&${Array.from({ length: 21 }, () => 'close=lake-van-ferry').join('&')}`);
    expect(many.status).toBe(400);
    expect(many.text).toContain('too many edits: 21; at most 20');
    const path = await get('/compare?from=xian&to=duisburg&scenario=..%2F..%2Fpackage');
    expect(path.status).toBe(400);
  });

  it('JSON endpoints answer errors as JSON with the same status', async () => {
    const r = await get('/api/compare?from=xain&to=duisburg');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).error.errors[0]).toMatchObject({ field: 'from' });
    const nf = await get('/api/nothing');
    expect(nf.status).toBe(404);
    expect(JSON.parse(nf.text).error.status).toBe(404);
  });

  it('unknown pages, nodes and edges are 404; bad filters 400; other methods 405; huge URLs 414', async () => {
    expect((await get('/nope')).status).toBe(404);
    const node = await get('/nodes/karz');
    expect(node.status).toBe(404);
    expect(node.text).toContain('Kars');
    for (const path of ['/edges/lake-van-fery', '/edges/lake-van-fery/what-if?close=1']) {
      const edge = await get(path);
      expect(edge.status, path).toBe(404);
      expect(edge.text, path).toContain('Lake Van');
    }
    expect((await get('/network?mode=plane')).status).toBe(400);
    expect((await get('/compare', { method: 'POST' })).status).toBe(405);
    expect((await get(`/compare?from=${'x'.repeat(9000)}`)).status).toBe(414);
  });

  it('garbage in any parameter never gives a 500', async () => {
    const junk = ['', ' ', '-1', '1e999', 'NaN', '%00', '[]', '{}', '\u202e', 'x'.repeat(300), '../../etc/passwd', 'null', '__proto__', 'constructor'];
    const params = ['from', 'to', 'objective', 'year', 'cargoMtpa', 'scenario', 'avoid', 'close', 'open', 'set', 'tonnesPerFeu', 'corridor', 'alternatives', 'samples', 'seed', 'within', 'criteria', 'years'];
    for (const p of params) {
      for (const j of junk) {
        for (const path of ['/compare', '/api/compare', '/api/route', '/compare.csv', '/api/pareto', '/api/capacity', '/api/timeline']) {
          const r = await get(`${path}?from=xian&to=duisburg&${p}=${encodeURIComponent(j)}`);
          expect(r.status, `${path} ${p}=${j}`).toBeLessThan(500);
        }
      }
      const arr = await get(`/compare?${p}[a]=1&${p}=2&${p}=3`);
      expect(arr.status).toBeLessThan(500);
    }
  }, 90_000);
});

describe('figures past their bounds', () => {
  it('the 1e308 edits answer 400 naming the bound on every compare endpoint', async () => {
    const edits = [
      ['brest.dwellDays={"typical":0,"min":0,"max":1e308}', 'dwellDays: max 1e308 is above the limit of 365 days'],
      ['xian-baoji.transitDays={"typical":1e308,"min":0,"max":1e308}', 'transitDays: typical 1e308 is above the limit of 365 days'],
      ['xian-baoji.distanceKm=1e309', 'distanceKm: 1e309 is too large for a number'],
      ['brest.dwellDays=366', 'dwellDays: 366 is above the limit of 365 days'],
    ];
    for (const [set, message] of edits) {
      for (const path of ['/compare', '/api/compare', '/compare.csv', '/api/compare.geojson']) {
        const r = await get(`${path}?from=xian&to=duisburg&samples=1000&set=${encodeURIComponent(set as string)}`);
        expect(r.status, `${path} ${set}`).toBe(400);
        expect(r.text.replace(/&quot;/g, '"'), `${path} ${set}`).toContain(message);
      }
    }
  });
});

describe('security', () => {
  const payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
  it('an XSS payload in every parameter comes back escaped, never raw', async () => {
    for (const p of ['from', 'to', 'objective', 'year', 'cargoMtpa', 'scenario', 'avoid', 'close', 'open', 'set', 'tonnesPerFeu', 'corridor', 'alternatives', 'samples', 'seed', 'within', 'criteria', 'years']) {
      for (const path of ['/compare', '/api/compare', '/compare.csv', '/api/route', '/network', '/', '/pareto', '/capacity', '/timeline', '/api/pareto']) {
        const r = await get(`${path}?from=xian&to=duisburg&${p}=${encodeURIComponent(payload)}`);
        expect(r.text, `${path} ${p}`).not.toContain('<script>alert(1)');
        expect(r.text, `${path} ${p}`).not.toContain('<img src=x');
      }
    }
    const page = await get(`/compare?from=${encodeURIComponent(payload)}&to=duisburg`);
    expect(page.text).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect((await get(`/nodes/${encodeURIComponent(payload)}`)).text).not.toContain('<script>alert(1)');
  });

  it('sends a strict Content-Security-Policy and no framework banner', async () => {
    const r = await get('/compare?from=xian&to=duisburg');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.text).not.toMatch(/<script|style="/);
  });
});

describe('isolation', () => {
  it('parallel requests with and without edits never see each other\'s edits', async () => {
    const plain = '/api/compare?from=xian&to=duisburg';
    const edited = '/api/compare?from=xian&to=duisburg&close=northern&set=lake-van-ferry.transitDays=5';
    const expectedPlain = (await get(plain)).text;
    const expectedEdited = (await get(edited)).text;
    expect(expectedEdited).not.toBe(expectedPlain);
    const paths = Array.from({ length: 40 }, (_, i) => (i % 2 ? edited : plain));
    const results = await Promise.all(paths.map((p) => get(p)));
    results.forEach((r, i) => expect(r.text).toBe(i % 2 ? expectedEdited : expectedPlain));
    // The base model is unchanged.
    expect(model.closedEdges.size).toBe(0);
    expect(model.edgeById.get('lake-van-ferry')?.transitDays.typical).not.toBe(5);
  });
});
