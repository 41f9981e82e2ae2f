// What-if from the command line: shipped scenarios, scenario files, ad-hoc edits and their errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { worked } from '../helpers/build.ts';

let dir = '';
const run = runCli;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'corridors-scenario-'));
  writeFileSync(join(dir, 'worked.json'), JSON.stringify(worked()));
  writeFileSync(join(dir, 'slow-border.json'), JSON.stringify({ id: 'slow-border', name: 'Slow border', description: 'b dwell 3×', sources: ['src-a'], edits: [{ op: 'scale', node: 'b', field: 'dwellDays', factor: 3 }] }));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ id: 'bad', name: 'Bad', description: 'typo', sources: [], edits: [{ op: 'close', edge: 'lake-van-fery' }, { op: 'set', edge: 'lake-van-ferry', field: 'transitDays', value: '2-3' }] }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compare with a scenario', () => {
  it('prints baseline and scenario side by side (southern-2030 on the base network)', async () => {
    const res = await run(['compare', '--from', 'xian', '--to', 'duisburg', '--scenario', 'southern-2030']);
    expect(res.code).toBe(0);
    expect(res.out).toContain('What-if: Southern corridor in 2030 (southern-2030)');
    expect(res.out).toMatch(/Southern corridor · base/);
    // The change says where the route runs now, by name, instead of listing edge ids.
    expect(res.out).toMatch(/Southern corridor: now .*Marand.*instead of via .*Van/s);
    expect(res.out.split('Changes:')[1]?.split('Sources:')[0]).not.toContain('lake-van-ferry');
    // Every line fits 100 columns except a URL, which is never broken so that it stays usable.
    for (const line of res.out.split('\n')) if (!/https?:\/\//.test(line)) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('json adds baseline and delta to each corridor', async () => {
    const res = await run(['compare', '--from', 'xian', '--to', 'duisburg', '--scenario', 'red-sea-closed', '--format', 'json']);
    const json = JSON.parse(res.out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['network', 'query', 'corridors', 'best', 'scenario']));
    for (const c of json.corridors) expect(Object.keys(c)).toEqual(expect.arrayContaining(['corridor', 'name', 'route', 'reason', 'baseline', 'delta']));
    const sea = json.corridors.find((c: any) => c.corridor === 'maritime');
    expect(sea.delta.routeChanged).toBe(true);
  });

  it('a scenario file and ad-hoc edits on any network (worked fixture: b dwell 3 → 9 d, north 7 → 13 d)', async () => {
    const res = await run(['compare', '--network', join(dir, 'worked.json'), '--from', 'a', '--to', 'd', '--scenario', join(dir, 'slow-border.json'), '--format', 'json']);
    expect(res.code).toBe(0);
    const north = JSON.parse(res.out).corridors[0];
    expect(north.baseline.totals.transitDays.typical).toBe(7);
    expect(north.route.totals.transitDays.typical).toBe(13);
    const adhoc = await run(['compare', '--network', join(dir, 'worked.json'), '--from', 'a', '--to', 'd', '--close', 'e-d', '--set', 'b.dwellDays=1', '--format', 'csv']);
    expect(adhoc.code).toBe(0);
    expect(adhoc.out.split("\n")[1]).toMatch(/^North corridor,7,4\.5,17,1100,2000,([\d.]+),5,a > b > d,5,4\.5,8,1100,2000,\1,5,a > b > d,-2,0,0,0,false,changed,/);
  });

  it('md and csv formats', async () => {
    const md = await run(['compare', '--from', 'xian', '--to', 'duisburg', '--scenario', 'northern-closed', '--format', 'md']);
    expect(md.out).toContain('| Northern corridor · base |');
    const csvOut = await run(['compare', '--from', 'xian', '--to', 'duisburg', '--scenario', 'northern-closed', '--format', 'csv']);
    expect(csvOut.out.split('\n')[0]).toMatch(/^corridor,baseline_days_typical,/);
  });
});

describe('bad what-if input: exit 2, the file or flag, the path, the closest ids; nothing on stdout', () => {
  it('an unknown shipped scenario id', async () => {
    const res = await run(['compare', '--from', 'xian', '--to', 'duisburg', '--scenario', 'southern-2031']);
    expect(res.code).toBe(2);
    expect(res.out).toBe('');
    expect(res.err).toMatch(/unknown scenario "southern-2031"; did you mean southern-2030/);
  });

  it('a scenario file with bad edits names each one', async () => {
    const res = await run(['compare', '--from', 'xian', '--to', 'duisburg', '--scenario', join(dir, 'bad.json')]);
    expect(res.code).toBe(2);
    expect(res.out).toBe('');
    expect(res.err).toContain('bad.json $.edits[1].value:');
  });

  it('an ad-hoc edit with an unknown id', async () => {
    const res = await run(['compare', '--from', 'xian', '--to', 'duisburg', '--close', 'lake-van-fery']);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/^corridors: --close lake-van-fery: unknown edge, line, node or corridor "lake-van-fery"; did you mean lake-van-ferry/);
    expect(res.err).not.toContain('$:');
  });

  it('validate reports a scenario file\'s unknown edge with its path and exits 1', async () => {
    writeFileSync(join(dir, 'typo.json'), JSON.stringify({ id: 'typo', name: 'Typo', description: 'typo', sources: [], edits: [{ op: 'close', edge: 'lake-van-fery' }] }));
    const res = await run(['validate', join(dir, 'typo.json')]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/typo\.json \$\.edits\[0\]\.edge: unknown edge "lake-van-fery"; did you mean lake-van-ferry/);
  });
});

describe('corridors scenarios', () => {
  it('lists each shipped scenario with a line', async () => {
    const res = await run(['scenarios']);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^southern-2030\s+Southern corridor in 2030 \(year 2030\): 5 edits$/m);
  });
});
