// Bounds on every figure: extreme numbers (1e308, 1e309 read as Infinity, 400-digit strings) written into a
// network file or typed as what-if edits are either refused, naming the field, or give finite figures in every
// analysis and output format. Plus worked cases for set, scale and add-edge.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsonText } from '../../../src/core/network/json-text.ts';
import { checkNetwork } from '../../../src/core/network/validate.ts';
import { jsonPath } from '../../../src/core/network/json-path.ts';
import { applyScenario, parseAdhocEdits, isScenarioError, applyEdits, type LocatedEdit } from '../../../src/core/network/apply-scenario.ts';
import { createModel, type Model } from '../../../src/core/network/model.ts';
import { LIMITS, type Network } from '../../../src/core/network/schema.ts';
import type { Edit } from '../../../src/core/network/scenario-schema.ts';
import { compare } from '../../../src/core/routing/compare.ts';
import { corridorDistributions, samplePert } from '../../../src/core/analysis/uncertainty.ts';
import { corridorAlternatives } from '../../../src/core/analysis/alternatives.ts';
import { compareScenario } from '../../../src/core/analysis/diff.ts';
import { withAnalyses } from '../../../src/core/analysis/compare-extras.ts';
import { mulberry32 } from '../../../src/core/analysis/random.ts';
import { formatCompare, formatScenarioCompare, TEXT_FORMATS } from '../../../src/core/output/format.ts';
import { formatAlternatives, formatDistributions } from '../../../src/core/output/format-analysis.ts';
import { compareGeoJson, geojsonText } from '../../../src/core/output/geojson.ts';
import type { Query } from '../../../src/core/routing/query.ts';
import { edge, FACTORS, model, r, worked } from '../../helpers/build.ts';

/** Number literals as they may stand in a file: ordinary, at a bound, past it, at the edge of a double, beyond it. */
const LITERALS = [
  '0', '-0', '5e-324', '0.' + '0'.repeat(400) + '1', '1', '364.99', '365', '365.5', '25000', '25001', '1e6', '1000001',
  '1e15', '9007199254740993', '1e308', '1.7976931348623157e308', '1e309', '-1e309', '1' + '0'.repeat(400), '-1e308',
];

/** The figures of the worked fixture that can be overwritten: [path in the network, a literal's index]. */
const FIGURE_PATHS: (string | number)[][] = [
  ...[0, 1, 2, 3, 5, 6].flatMap((i) => [
    ['edges', i, 'distanceKm'],
    ['edges', i, 'capacityMtpa'],
    ...['typical', 'min', 'max'].map((k) => ['edges', i, 'transitDays', k]),
  ]),
  ...[0, 1, 2, 4].flatMap((i) => ['typical', 'min', 'max'].map((k) => ['edges', i, 'costUsdPerFeu', k])),
  ...[1, 4].flatMap((i) => ['typical', 'min', 'max'].map((k) => ['nodes', i, 'dwellDays', k])),
  ...['typical', 'min', 'max'].map((k) => ['nodes', 1, 'dwellCostUsdPerFeu', k]),
];

/** The worked network as JSON text with the given literals written at the given paths. */
function networkText(edits: { path: (string | number)[]; literal: string }[]): string {
  const net = worked() as unknown as Record<string, unknown>;
  edits.forEach(({ path }, n) => {
    let at = net as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path[path.length - 1] as string | number] = `@@${n}@@`;
  });
  let text = JSON.stringify(net, null, 2);
  edits.forEach(({ literal }, n) => (text = text.replace(`"@@${n}@@"`, literal)));
  return text;
}

/** Every number in a value is finite (JSON would write Infinity and NaN as null). */
function nonFinite(value: unknown, at = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${at}: ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFinite(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => nonFinite(v, `${at}.${k}`));
  return [];
}

/** Figures that are always numbers in the JSON output: a null there would hide an overflow. */
const NUMERIC_KEYS = new Set(['typical', 'min', 'max', 'distanceKm', 'co2KgPerFeu', 'p10', 'p50', 'p90', 'mean', 'summedMin', 'summedMax']);
function nullNumbers(value: unknown, at = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => nullNumbers(v, `${at}[${i}]`));
  if (value && typeof value === 'object') {
    // A delta with a route on one side only has no figures to subtract: its nulls say so (see routeDelta).
    if ('status' in value && ['lost', 'gained', 'none'].includes(String(value.status))) return [];
    return Object.entries(value).flatMap(([k, v]) => (NUMERIC_KEYS.has(k) && v === null ? [`${at}.${k}`] : nullNumbers(v, `${at}.${k}`)));
  }
  return [];
}

const BAD_TEXT = /Infinity|NaN|∞/;

/** Runs compare, samples and alternatives (on the what-if model when given) and every output format; returns what is wrong. */
function outputProblems(base: Model, applied: ReturnType<typeof applyScenario> | null, query: Query): string[] {
  const target = applied ? applied.model : base;
  const result = applied ? compareScenario(base, applied, { id: 'x', name: 'X', description: 'x' }, query) : compare(base, query);
  const dists = corridorDistributions(target, query, { samples: 200, seed: 3, withinDays: 10 });
  const alts = corridorAlternatives(target, query, 3);
  const json = withAnalyses(result, alts, dists);
  const problems = [...nonFinite(json), ...nullNumbers(json)];
  const texts: string[] = [JSON.stringify(json), geojsonText(compareGeoJson(target, result))];
  for (const format of TEXT_FORMATS) {
    texts.push(applied ? formatScenarioCompare(result as ReturnType<typeof compareScenario>, base.network, format) : formatCompare(result, base.network, format));
    texts.push(formatDistributions({ from: query.from, to: query.to, samples: 200, seed: 3, withinDays: 10, corridors: dists }, target.network, format));
    const altRows = [...alts.corridors.map((c) => ({ corridor: c.corridor, name: c.name, alternatives: c.alternatives, reason: c.reason })), { corridor: null, name: 'Best', alternatives: alts.best.alternatives, reason: alts.best.reason }];
    texts.push(formatAlternatives({ from: query.from, to: query.to, objective: query.objective, corridors: altRows }, target.network, format));
  }
  for (const t of texts) if (BAD_TEXT.test(t)) problems.push(`output contains ${BAD_TEXT.exec(t)?.[0]}: …${t.slice(Math.max(0, (BAD_TEXT.exec(t)?.index ?? 0) - 40), (BAD_TEXT.exec(t)?.index ?? 0) + 20)}…`);
  return problems;
}

const QUERIES: Query[] = [
  { from: 'a', to: 't', objective: 'days', avoidCountries: [] },
  { from: 'a', to: 'd', objective: 'cost', avoidCountries: [] },
  { from: 'a', to: 'd', objective: 'km', avoidCountries: [] },
];

describe('extreme numbers in a network file', () => {
  const editArb = fc.array(fc.record({ path: fc.constantFrom(...FIGURE_PATHS), literal: fc.constantFrom(...LITERALS) }), { minLength: 1, maxLength: 3 });

  it('are refused naming the field, or give finite figures everywhere', () => {
    fc.assert(
      fc.property(editArb, fc.constantFrom(...QUERIES), (edits, query) => {
        const unique = edits.filter((e, i) => edits.findIndex((x) => x.path.join() === e.path.join()) === i);
        const { value, issues } = parseJsonText(networkText(unique), 'extreme.json');
        const paths = unique.map((e) => jsonPath(e.path));
        const parents = unique.map((e) => jsonPath(e.path.slice(0, -1)));
        if (issues.length) {
          for (const i of issues) {
            expect(i.message).toMatch(/is too large for a number$/);
            expect(paths).toContain(i.jsonPath);
          }
          return;
        }
        const { network, issues: found } = checkNetwork(value, 'extreme.json');
        if (!network) {
          // Every error is at a figure we wrote (or its range, for min <= typical <= max).
          for (const i of found.filter((x) => x.severity !== 'warning')) expect([...paths, ...parents]).toContain(i.jsonPath);
          return;
        }
        for (const e of unique) expect(Number(e.literal)).toBeLessThanOrEqual(LIMITS.costUsdPerFeu);
        expect(outputProblems(createModel(network, FACTORS), null, query)).toEqual([]);
      }),
      { numRuns: 150, seed: 13 },
    );
  });

  it('1e308 km fails validation naming the field; 1e309 says it is too large for a number', () => {
    const big = checkNetwork(parseJsonText(networkText([{ path: ['edges', 0, 'distanceKm'], literal: '1e308' }]), 'n.json').value, 'n.json');
    expect(big.network).toBeNull();
    expect(big.issues).toContainEqual({ file: 'n.json', jsonPath: '$.edges[0].distanceKm', code: 'too_big', message: 'expected a number <= 25000, got 1e+308' });
    const huge = parseJsonText(networkText([{ path: ['edges', 0, 'distanceKm'], literal: '1e309' }, { path: ['nodes', 1, 'dwellDays', 'max'], literal: '1' + '0'.repeat(400) }]), 'n.json');
    expect(huge.issues.map((i) => `${i.jsonPath}: ${i.message}`)).toEqual([
      '$.nodes[1].dwellDays.max: 1000000000…000000 (401 characters) is too large for a number',
      '$.edges[0].distanceKm: 1e309 is too large for a number',
    ]);
  });
});

describe('extreme numbers in what-if edits', () => {
  const FIELDS = ['a-b.transitDays', 'a-b.distanceKm', 'a-b.capacityMtpa', 'a-b.costUsdPerFeu', 'b.dwellDays', 'b.dwellCostUsdPerFeu', 'e-d.transitDays'];
  const valueArb = fc.oneof(
    fc.constantFrom(...LITERALS),
    fc.tuple(fc.constantFrom(...LITERALS), fc.constantFrom(...LITERALS), fc.constantFrom(...LITERALS)).map(([t, lo, hi]) => `{"typical":${t},"min":${lo},"max":${hi}}`),
  );

  it('set: refused (exit 2 / 400) or finite everywhere', () => {
    const base = model(worked());
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...FIELDS), valueArb), { minLength: 1, maxLength: 3 }), fc.constantFrom(...QUERIES), (sets, query) => {
        let applied: ReturnType<typeof applyScenario>;
        try {
          applied = applyScenario(base, null, '', parseAdhocEdits(base, { set: sets.map(([f, v]) => `${f}=${v}`) }));
        } catch (err) {
          expect(isScenarioError(err)).toBe(true);
          return;
        }
        expect(outputProblems(base, applied, query)).toEqual([]);
      }),
      { numRuns: 150, seed: 17 },
    );
  });

  it('scale: a result past the bound is refused, so scaling twice by 1e308 cannot overflow', () => {
    const base = model(worked());
    const scale = (factors: number[], field: 'distanceKm' | 'transitDays' = 'distanceKm') =>
      applyEdits(base, factors.map((factor, i): LocatedEdit => ({ edit: { op: 'scale', edge: 'a-b', field, factor }, file: 's.json', path: ['edits', i] })), 'scenario "s"');
    expect(() => scale([1e308, 1e308])).toThrow('s.json $.edits[0].factor: scaling by 1e308: distanceKm: too large for a number (and 1 more problems)');
    // a-b is 1,000 km: 25× reaches the 25,000 km bound, 26× passes it.
    expect(() => scale([26])).toThrow('scaling by 26: distanceKm: 26000 is above the limit of 25,000 km');
    expect(scale([25]).model.edgeById.get('a-b')?.distanceKm).toBe(25000);
    // a-b runs 2 (1.5–3) d: 150× gives 300 (225–450) d, a max past 365.
    expect(() => scale([150], 'transitDays')).toThrow('scaling by 150: transitDays: max 450 is above the limit of 365 days');
  });

  it('scale checks the planned values it scales too', () => {
    const net = worked();
    const ab = net.edges.find((e) => e.id === 'a-b');
    if (ab) ab.periods = [{ fromYear: 2030, capacityMtpa: 500, basis: 'reported', sources: ['src-a'] }];
    const base = model(net);
    const scale = (factor: number) => () => applyEdits(base, [{ edit: { op: 'scale', edge: 'a-b', field: 'capacityMtpa', factor }, file: 's.json', path: ['edits', 0] }], 'scenario "s"');
    // Today 10 Mt/yr, 500 from 2030: 30× gives 300 and 15,000, past the 10,000 bound.
    expect(scale(30)).toThrow('scaling by 30: capacityMtpa: 15000 is above the limit of 10,000 Mt/yr');
    expect(scale(20)().model.edgeById.get('a-b')?.periods?.[0]?.capacityMtpa).toBe(10_000);
  });

  it('a method\'s relative range is a ratio of at most 10', () => {
    const net = { ...worked(), methods: [{ id: 'm', name: 'M', description: 'd', sources: ['src-a'], relativeRange: { min: 0.9, max: 1e308 } }] };
    expect(checkNetwork(net).issues.map((i) => `${i.jsonPath}: ${i.message}`)).toEqual(['$.methods[0].relativeRange.max: expected a number <= 10, got 1e+308']);
  });

  it('set and add-edge use the same bounds as the network file', () => {
    const base = model(worked());
    const run = (edit: Edit) => () => applyEdits(base, [{ edit, file: 's.json', path: ['edits', 0] }], 'scenario "s"');
    expect(run({ op: 'set', node: 'b', field: 'dwellDays', value: 366 })).toThrow('s.json $.edits[0].value: dwellDays: 366 is above the limit of 365 days');
    expect(run({ op: 'set', edge: 'a-b', field: 'capacityMtpa', value: 10_001 })).toThrow('capacityMtpa: 10001 is above the limit of 10,000 Mt/yr');
    expect(run({ op: 'set', edge: 'a-b', field: 'capacityMtpa', value: null })).not.toThrow();
    const parsedBad = applyScenario(base, null, '', []);
    expect(parsedBad.changes).toEqual([]);
    const add = edge('a-x', 'a', 'x', { distanceKm: 30_000 });
    // add-edge records are checked by the Edge schema when the scenario file is parsed (parseScenario), with its bounds.
    const net: Network = worked();
    expect(checkNetwork({ ...net, edges: [...net.edges, add] }).issues.map((i) => i.jsonPath)).toContain('$.edges[9].distanceKm');
    expect(run({ op: 'set', edge: 'a-b', field: 'transitDays', value: r(1, 1, 365) })).not.toThrow();
  });
});

describe('the PERT sampler', () => {
  it('stays finite on ranges at and past the bounds of a double', () => {
    const u = mulberry32(1);
    for (const range of [r(0, 0, 1e308), r(1e308, 0, 1e308), r(1.7e308, 0, 1.7976931348623157e308), r(0, -1.7e308, 1.7e308), r(5, 5, 5)]) {
      const x = samplePert(u, range);
      expect(Number.isFinite(x)).toBe(true);
    }
  });
});
