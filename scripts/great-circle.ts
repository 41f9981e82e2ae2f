// Great-circle distances between network nodes, and the rail detour factor used for estimated track lengths.
//
// The data file (networks/eurasia.json) marks a distance as "estimated" when no source gives the track or
// sailing length of a segment. Those figures were computed as
//     great-circle distance between the two nodes (haversine, R = 6371.0088 km) x DETOUR_FACTOR
// where DETOUR_FACTOR is the median ratio of sourced track length to great-circle length over the sourced
// segments listed in CALIBRATION below. Sea legs were instead apportioned from a sourced whole-route length
// along their drawn waypoints (see pathKm).
//
// Usage:
//   npx tsx scripts/great-circle.ts networks/eurasia.json --calibrate   # the calibration table and the factor
//   npx tsx scripts/great-circle.ts networks/eurasia.json FROM TO        # great-circle km and the estimate
//   npx tsx scripts/great-circle.ts networks/eurasia.json --check        # estimated rail/road edges vs. recomputed
import { readFileSync } from 'node:fs';

import { haversineKm } from '../src/core/network/geo.ts';

export { haversineKm };

/** Length in km of a polyline given as [lon, lat] points (GeoJSON order, as in edge waypoints). */
export function pathKm(points: Array<[number, number]>): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++) {
    const [lonA, latA] = points[i - 1]!;
    const [lonB, latB] = points[i]!;
    sum += haversineKm(latA, lonA, latB, lonB);
  }
  return sum;
}

/**
 * Sourced rail lengths between two nodes of the network (a direct line, not a multi-line path), used to
 * calibrate the detour factor. Each row: from, to, km as published, source id in networks/eurasia.json.
 */
export const CALIBRATION: ReadonlyArray<{ from: string; to: string; km: number; source: string }> = [
  { from: 'lanzhou', to: 'urumqi', km: 1904, source: 'wiki-lanzhou-xinjiang-railway' },
  { from: 'urumqi', to: 'alashankou', km: 460, source: 'wiki-northern-xinjiang-railway' },
  { from: 'urumqi', to: 'jinghe', km: 381.5, source: 'wiki-second-urumqi-jinghe-railway' },
  { from: 'jinghe', to: 'khorgos', km: 286, source: 'wiki-jinghe-yining-khorgos-railway' },
  { from: 'chongqing', to: 'lanzhou', km: 886, source: 'xinhua-lanzhou-chongqing-2017' },
  { from: 'altynkol', to: 'almaty', km: 370, source: 'gmw-horgos-2017' },
  { from: 'dostyk', to: 'moyynty', km: 836, source: 'qazinform-dostyk-moyynty-2025' },
  { from: 'shu', to: 'moyynty', km: 438, source: 'railnews-kz-moyynty-shu-2023' },
  { from: 'shalkar', to: 'beyneu', km: 498, source: 'zakon-shalkar-beyneu-2014' },
  { from: 'beyneu', to: 'mangystau', km: 404, source: 'xalqqazeti-beyneu-mangystau' },
  { from: 'mashhad', to: 'garmsar', km: 812, source: 'zxc-garmsar-mashhad-railway' },
  { from: 'garmsar', to: 'tehran', km: 114, source: 'zxc-garmsar-mashhad-railway' },
  { from: 'tehran', to: 'razi', km: 928, source: 'raillynews-iran-turkey-2015' },
  { from: 'razi', to: 'van', km: 120, source: 'zxc-van-tabriz-railway' },
  { from: 'ankara', to: 'kars', km: 1310, source: 'dailysabah-eastern-express-2022' },
  { from: 'istanbul', to: 'kapikule', km: 229, source: 'dailysabah-halkali-kapikule' },
  { from: 'akhalkalaki', to: 'kars', km: 105, source: 'mkr-akhalkalaki-kartsakhi' },
  { from: 'kars', to: 'dilucu', km: 224, source: 'menafn-kars-dilucu-2025' },
];

type NodeLike = { id: string; lat: number; lon: number };
type NetworkLike = { nodes: NodeLike[]; edges: Array<{ id: string; from: string; to: string; mode: string; distanceKm: number; basis: string; note?: string; fieldBasis?: Record<string, { basis: string; note?: string }> }> };

/** Great-circle km between two nodes of a network. */
export function nodeDistanceKm(net: NetworkLike, from: string, to: string): number {
  const a = net.nodes.find((n) => n.id === from);
  const b = net.nodes.find((n) => n.id === to);
  if (!a || !b) throw new Error(`unknown node ${!a ? from : to}`);
  return haversineKm(a.lat, a.lon, b.lat, b.lon);
}

/** The calibration rows with their ratios, and the median ratio (the detour factor, rounded to 0.01). */
export function calibrate(net: NetworkLike): { rows: Array<{ from: string; to: string; km: number; gcKm: number; ratio: number; source: string }>; factor: number } {
  const rows = CALIBRATION.map((c) => {
    const gcKm = nodeDistanceKm(net, c.from, c.to);
    return { ...c, gcKm, ratio: c.km / gcKm };
  });
  const sorted = rows.map((r) => r.ratio).sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { rows, factor: Math.round(median * 100) / 100 };
}

/** Estimated track length in km: great-circle distance x detour factor, rounded to 5 km. */
export function estimateRailKm(net: NetworkLike, from: string, to: string, factor: number): number {
  return Math.max(5, Math.round((nodeDistanceKm(net, from, to) * factor) / 5) * 5);
}

function main(argv: string[]): void {
  const [file, a, b] = argv;
  if (!file) {
    console.error('usage: tsx scripts/great-circle.ts NETWORK.json (--calibrate | --check | FROM TO)');
    process.exit(2);
  }
  const net = JSON.parse(readFileSync(file, 'utf8')) as NetworkLike;
  const { rows, factor } = calibrate(net);
  if (a === '--calibrate') {
    for (const r of rows) console.log(`${r.from}-${r.to}\t${r.km} km\tgc ${r.gcKm.toFixed(0)} km\tratio ${r.ratio.toFixed(2)}\t[${r.source}]`);
    console.log(`detour factor (median of ${rows.length}): ${factor}`);
    return;
  }
  if (a === '--check') {
    for (const e of net.edges) {
      const basis = e.fieldBasis?.distanceKm?.basis ?? e.basis;
      const note = `${e.fieldBasis?.distanceKm?.note ?? ''} ${e.note ?? ''}`;
      if (basis !== 'estimated' || !note.includes('detour factor') || (e.mode !== 'rail' && e.mode !== 'road')) continue;
      const est = estimateRailKm(net, e.from, e.to, factor);
      const flag = Math.abs(est - e.distanceKm) > Math.max(10, 0.02 * est) ? '  <-- differs' : '';
      console.log(`${e.id}\tfile ${e.distanceKm}\trecomputed ${est}${flag}`);
    }
    return;
  }
  if (a && b) {
    const gc = nodeDistanceKm(net, a, b);
    console.log(`${a}-${b}: great-circle ${gc.toFixed(1)} km; x ${factor} = ${(gc * factor).toFixed(1)} km; file estimate rule ${estimateRailKm(net, a, b, factor)} km`);
    return;
  }
  console.error('usage: tsx scripts/great-circle.ts NETWORK.json (--calibrate | --check | FROM TO)');
  process.exit(2);
}

if (import.meta.url === `file://${process.argv[1]}`) main(process.argv.slice(2));
