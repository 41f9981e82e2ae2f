// Small server-drawn SVG charts (no script, no style attributes): a days-against-cost scatter for the Pareto
// set, a line chart for the timeline and P10–P90 bars for transit-time uncertainty.
import { escapeXml } from './map.ts';

const FONT = 'system-ui, sans-serif';
const n1 = (x: number) => String(Math.round(x * 10) / 10);

/** Round axis steps: 1, 2 or 5 times a power of ten, giving about `count` ticks over [lo, hi]. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function axes(f: Frame, xs: number[], ys: number[], xLabel: string, yLabel: string, x: (v: number) => number, y: (v: number) => number, fmtX: (v: number) => string, fmtY: (v: number) => string): string[] {
  const out: string[] = [];
  out.push(`<line x1="${f.left}" y1="${f.height - f.bottom}" x2="${f.width - f.right}" y2="${f.height - f.bottom}" stroke="#333333"/>`);
  out.push(`<line x1="${f.left}" y1="${f.top}" x2="${f.left}" y2="${f.height - f.bottom}" stroke="#333333"/>`);
  for (const v of xs) {
    out.push(`<line x1="${n1(x(v))}" y1="${f.height - f.bottom}" x2="${n1(x(v))}" y2="${f.height - f.bottom + 5}" stroke="#333333"/>`);
    out.push(`<text x="${n1(x(v))}" y="${f.height - f.bottom + 18}" font-size="11" text-anchor="middle">${escapeXml(fmtX(v))}</text>`);
  }
  for (const v of ys) {
    out.push(`<line x1="${f.left - 5}" y1="${n1(y(v))}" x2="${f.width - f.right}" y2="${n1(y(v))}" stroke="#e0e0e0"/>`);
    out.push(`<text x="${f.left - 8}" y="${n1(y(v) + 4)}" font-size="11" text-anchor="end">${escapeXml(fmtY(v))}</text>`);
  }
  out.push(`<text x="${n1((f.left + f.width - f.right) / 2)}" y="${f.height - 6}" font-size="12" text-anchor="middle">${escapeXml(xLabel)}</text>`);
  out.push(`<text x="14" y="${n1((f.top + f.height - f.bottom) / 2)}" font-size="12" text-anchor="middle" transform="rotate(-90 14 ${n1((f.top + f.height - f.bottom) / 2)})">${escapeXml(yLabel)}</text>`);
  return out;
}

const open = (w: number, h: number, title: string, desc: string) => [
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" role="img" font-family="${FONT}">`,
  `<title>${escapeXml(title)}</title>`,
  `<desc>${escapeXml(desc)}</desc>`,
  `<rect x="0" y="0" width="${w}" height="${h}" fill="#ffffff"/>`,
];

/** One point of a scatter: its position, label and colour. */
export interface ScatterPoint {
  x: number;
  y: number;
  label: string;
  color: string;
}

/** A scatter plot (e.g. transit days against cost for the Pareto set), points labelled by number. */
export function scatterSvg(points: ScatterPoint[], opts: { title: string; xLabel: string; yLabel: string; fmtX?: (v: number) => string; fmtY?: (v: number) => string }): string {
  const f: Frame = { width: 720, height: 420, left: 70, right: 20, top: 20, bottom: 50 };
  const fmtX = opts.fmtX ?? ((v: number) => String(v));
  const fmtY = opts.fmtY ?? ((v: number) => String(v));
  const xsAll = points.map((p) => p.x);
  const ysAll = points.map((p) => p.y);
  const pad = (lo: number, hi: number) => (hi > lo ? [lo - (hi - lo) * 0.08, hi + (hi - lo) * 0.08] : [lo - 1, hi + 1]);
  const [x0, x1] = pad(Math.min(...xsAll, Infinity), Math.max(...xsAll, -Infinity)) as [number, number];
  const [y0, y1] = pad(Math.min(...ysAll, Infinity), Math.max(...ysAll, -Infinity)) as [number, number];
  const x = (v: number) => f.left + ((v - x0) / (x1 - x0)) * (f.width - f.left - f.right);
  const y = (v: number) => f.height - f.bottom - ((v - y0) / (y1 - y0)) * (f.height - f.top - f.bottom);
  const out = open(f.width, f.height, opts.title, `${points.length} routes: ${points.map((p) => `${p.label} at ${fmtX(p.x)}, ${fmtY(p.y)}`).join('; ')}`);
  if (points.length) out.push(...axes(f, ticks(x0, x1), ticks(y0, y1), opts.xLabel, opts.yLabel, x, y, fmtX, fmtY));
  points.forEach((p) => {
    out.push(`<circle cx="${n1(x(p.x))}" cy="${n1(y(p.y))}" r="6" fill="${escapeXml(p.color)}" stroke="#222222" stroke-width="1"/>`);
    out.push(`<text x="${n1(x(p.x) + 9)}" y="${n1(y(p.y) - 7)}" font-size="11">${escapeXml(p.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** One line of a line chart: a label, a colour and a value per x (null where there is none). */
export interface Series {
  label: string;
  color: string;
  points: { x: number; y: number | null }[];
}

/** A line chart with a legend (e.g. each corridor's best days per year). Gaps where a value is null. */
export function lineChartSvg(series: Series[], opts: { title: string; xLabel: string; yLabel: string; fmtY?: (v: number) => string; markers?: { x: number; label: string }[] }): string {
  const f: Frame = { width: 720, height: 380, left: 60, right: 150, top: 20, bottom: 50 };
  const fmtY = opts.fmtY ?? ((v: number) => String(v));
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const ys = series.flatMap((s) => s.points.flatMap((p) => (p.y === null ? [] : [p.y])));
  const x0 = Math.min(...xs, Infinity);
  const x1 = Math.max(...xs, -Infinity);
  const y0 = 0;
  const y1 = ys.length ? Math.max(...ys) * 1.1 : 1;
  const x = (v: number) => f.left + (x1 > x0 ? ((v - x0) / (x1 - x0)) * (f.width - f.left - f.right) : (f.width - f.left - f.right) / 2);
  const y = (v: number) => f.height - f.bottom - ((v - y0) / (y1 - y0)) * (f.height - f.top - f.bottom);
  const out = open(f.width, f.height, opts.title, series.map((s) => `${s.label}: ${s.points.map((p) => `${p.x} ${p.y === null ? 'none' : fmtY(p.y)}`).join(', ')}`).join('; '));
  if (xs.length) out.push(...axes(f, xs, ticks(y0, y1), opts.xLabel, opts.yLabel, x, y, (v) => String(v), fmtY));
  for (const m of opts.markers ?? []) {
    out.push(`<line x1="${n1(x(m.x))}" y1="${f.top}" x2="${n1(x(m.x))}" y2="${f.height - f.bottom}" stroke="#999999" stroke-dasharray="3 3"/>`);
  }
  series.forEach((s, i) => {
    let d = '';
    let pen = false;
    for (const p of s.points) {
      if (p.y === null) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${n1(x(p.x))},${n1(y(p.y))}`;
      pen = true;
    }
    const dash = i % 2 ? ' stroke-dasharray="6 3"' : '';
    if (d) out.push(`<path d="${d}" fill="none" stroke="${escapeXml(s.color)}" stroke-width="2.5"${dash}/>`);
    for (const p of s.points) if (p.y !== null) out.push(`<circle cx="${n1(x(p.x))}" cy="${n1(y(p.y))}" r="3" fill="${escapeXml(s.color)}"/>`);
    const ly = f.top + 14 + i * 18;
    out.push(`<line x1="${f.width - f.right + 12}" y1="${ly - 4}" x2="${f.width - f.right + 36}" y2="${ly - 4}" stroke="${escapeXml(s.color)}" stroke-width="2.5"${dash}/>`);
    out.push(`<text x="${f.width - f.right + 40}" y="${ly}" font-size="11">${escapeXml(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** One P10–P90 bar with the P50 tick, on a shared scale from 0 to `scaleMax` days. */
export function rangeBarSvg(p10: number, p50: number, p90: number, scaleMax: number, color: string, label: string): string {
  const w = 240;
  const h = 22;
  const x = (v: number) => 4 + (Math.max(0, Math.min(v, scaleMax)) / (scaleMax || 1)) * (w - 8);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img">`,
    `<title>${escapeXml(label)}</title>`,
    `<line x1="4" y1="${h / 2}" x2="${w - 4}" y2="${h / 2}" stroke="#dddddd"/>`,
    `<rect x="${n1(x(p10))}" y="5" width="${n1(Math.max(1, x(p90) - x(p10)))}" height="${h - 10}" fill="${escapeXml(color)}" opacity="0.55" stroke="#333333" stroke-width="0.5"/>`,
    `<line x1="${n1(x(p50))}" y1="2" x2="${n1(x(p50))}" y2="${h - 2}" stroke="#000000" stroke-width="2"/>`,
    '</svg>',
  ].join('');
}

/** One point of a calibration chart: the published figure, the model's, and whether the row is fitted. */
export interface CalibrationPoint {
  published: number;
  model: number;
  fitted: boolean;
  label: string;
}

/**
 * Model against published, on the same scale from 0, with the line where they agree and the ±15% band around it.
 * Fitted rows (observed, schedule) are filled circles; claims and targets hollow.
 */
export function calibrationChartSvg(points: CalibrationPoint[], opts: { title: string; unit: string; color: string }): string {
  const f: Frame = { width: 300, height: 280, left: 48, right: 12, top: 14, bottom: 44 };
  const hi = Math.max(1, ...points.flatMap((p) => [p.published, p.model])) * 1.08;
  const x = (v: number) => f.left + (v / hi) * (f.width - f.left - f.right);
  const y = (v: number) => f.height - f.bottom - (v / hi) * (f.height - f.top - f.bottom);
  const fmt = (v: number) => (v >= 1000 ? `${Math.round(v / 1000)}k` : String(Math.round(v)));
  const out = open(f.width, f.height, opts.title, points.map((p) => `${p.label}: published ${p.published}, model ${p.model}`).join('; '));
  const t = ticks(0, hi, 4);
  out.push(...axes(f, t, t, `published (${opts.unit})`, `model (${opts.unit})`, x, y, fmt, fmt));
  out.push(`<path d="M${n1(x(0))},${n1(y(0))}L${n1(x(hi / 1.15))},${n1(y(hi))}L${n1(x(hi))},${n1(y(hi))}L${n1(x(hi))},${n1(y(hi * 0.85))}Z" fill="#e8f2e8"/>`);
  out.push(`<line x1="${n1(x(0))}" y1="${n1(y(0))}" x2="${n1(x(hi))}" y2="${n1(y(hi))}" stroke="#5a8f5a" stroke-width="1.5"/>`);
  for (const p of points) {
    const fill = p.fitted ? escapeXml(opts.color) : '#ffffff';
    out.push(`<circle cx="${n1(x(p.published))}" cy="${n1(y(p.model))}" r="4" fill="${fill}" stroke="#222222" stroke-width="1"><title>${escapeXml(p.label)}</title></circle>`);
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
