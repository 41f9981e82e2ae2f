// The shipped scenarios: each loads and applies on the base network, and each changes what it says it changes.
import { describe, expect, it } from 'vitest';
import { loadScenario, shippedScenarios, loadNetworkFile, loadEmissionFactorsFile } from '../../src/core/load.ts';
import { applyScenario } from '../../src/core/network/apply-scenario.ts';
import { compareScenario } from '../../src/core/analysis/diff.ts';
import { createModel } from '../../src/core/network/model.ts';
import type { Query } from '../../src/core/routing/query.ts';

const base = createModel(loadNetworkFile(), loadEmissionFactorsFile());
const Q: Query = { from: 'xian', to: 'duisburg', objective: 'days', avoidCountries: [] };
const run = (id: string) => {
  const { scenario, file } = loadScenario(base, id);
  const applied = applyScenario(base, scenario, file);
  return compareScenario(base, applied, scenario, Q);
};
const corridor = (res: ReturnType<typeof run>, id: string) => res.corridors.find((c) => c.corridor === id);

describe('shipped scenarios', () => {
  it('ships the eight scenarios the issue names', () => {
    expect(shippedScenarios().map((s) => s.id)).toEqual(
      ['caspian-storms', 'cku-open', 'lake-van-bypass', 'middle-2030', 'northern-closed', 'red-sea-closed', 'southern-2030', 'tripp-open'],
    );
  });

  it('southern-2030: the southern route leaves the Lake Van ferry for Marand–Cheshmeh Soraya', () => {
    const south = corridor(run('southern-2030'), 'southern');
    expect(south?.baseline?.legs.map((l) => l.edge)).toContain('lake-van-ferry');
    expect(south?.delta.removedEdges).toContain('lake-van-ferry');
    expect(south?.delta.addedEdges).toContain('marand-cheshmeh-soraya');
    expect(south?.route?.legs.find((l) => l.edge === 'tehran-tabriz')?.traction).toBe('electric');
  });

  it('northern-closed: the northern corridor has no route and the best moves elsewhere', () => {
    const res = run('northern-closed');
    expect(corridor(res, 'northern')?.delta.status).toBe('lost');
    expect(corridor(res, 'northern')?.reason).toMatch(/closed by scenario "northern-closed"/);
    expect(res.best.route?.corridors).not.toContain('northern');
  });

  it('red-sea-closed: the sea route goes round the Cape and takes longer', () => {
    const sea = corridor(run('red-sea-closed'), 'maritime');
    expect(sea?.route?.nodes).toContain('cape-of-good-hope');
    expect(sea?.delta.transitDays?.typical).toBeGreaterThan(0);
  });

  it('caspian-storms: the middle corridor gets slower; middle-2030 faster', () => {
    expect(corridor(run('caspian-storms'), 'middle')?.delta.transitDays?.typical).toBeGreaterThan(0);
    expect(corridor(run('middle-2030'), 'middle')?.delta.transitDays?.typical).toBeLessThan(0);
  });

  it('every shipped scenario applies without touching the base network', () => {
    const before = structuredClone(base.network);
    for (const s of shippedScenarios()) run(s.id);
    expect(base.network).toEqual(before);
  });
});
