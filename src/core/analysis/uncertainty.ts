// Transit days as a distribution rather than three numbers: each leg's running time and each dwell is drawn
// from a PERT distribution on the sources' (min, typical, max), the draws are added up per sample, and the
// samples are summarised as percentiles, a mean, a histogram and the chance of arriving within a deadline.
import type { Model } from '../network/model.ts';
import { compare } from '../routing/compare.ts';
import { QueryError } from '../errors.ts';
import { parseNumber, type Query } from '../routing/query.ts';
import { beta, mulberry32, subSeed, type Uniform } from './random.ts';
import type { Route } from '../routing/route.ts';
import type { Range } from '../network/schema.ts';
import type { Days } from '../units.ts';

/** A route's transit days as a sampled distribution. All figures in days, rounded to 1e-6. */
export interface TransitDistribution {
  samples: number;
  /** The seed the samples were drawn with: pass it back to get the same numbers. */
  seed: number;
  p10: Days;
  p50: Days;
  p90: Days;
  mean: Days;
  /** Smallest and largest sample. */
  min: Days;
  max: Days;
  /** The sum of every leg's and dwell's min (max): the distribution's support. */
  summedMin: Days;
  summedMax: Days;
  /** Share of samples at or below `days`; null when no deadline was asked for. */
  withinDays: { days: Days; probability: number } | null;
  /** How the samples were drawn and why. */
  method: string;
  /** 20 equal bins over [summedMin, summedMax], the last one closed; one bin when the two are equal. */
  histogram: { fromDays: Days; toDays: Days; count: number }[];
}

/** Options of a distribution: how many samples (100..100000), the seed (a non-negative integer), an optional deadline in days. */
export interface DistributionOptions {
  samples: number;
  seed: number;
  withinDays?: number;
}

/** One corridor's best route (or the best on any corridor) with its distribution. */
export interface CorridorDistribution {
  /** Corridor id, or "best" for the best route on any corridor. */
  corridor: string;
  name: string;
  route: Route | null;
  reason: string | null;
  distribution: TransitDistribution | null;
}

/** PERT's weight on the most likely value. */
const LAMBDA = 4;
const BINS = 20;

/**
 * The method statement returned with every distribution. PERT after Malcolm, Roseboom, Clark & Fazar (1959),
 * "Application of a technique for research and development program evaluation", Operations Research 7(5).
 */
export const PERT_METHOD =
  'Each leg\'s transit days and each dwell are drawn independently from a PERT distribution (a Beta scaled to [min, max] with the typical value as its mode, λ = 4; Malcolm et al. 1959) and added up. ' +
  'PERT because the typical value is the most likely one, the spread follows the sources\' min and max, and unlike the triangular distribution it puts less weight on the extremes, ' +
  'which published minima and maxima (a record run, a congestion peak) are. Beta draws from two Gamma draws (Marsaglia & Tsang 2000) on a seeded mulberry32 generator; percentiles by nearest rank.';

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * One draw from PERT(min, mode, max) with λ = 4: min + (max − min) · Beta(α, β), α = 1 + 4(mode − min)/(max − min),
 * β = 1 + 4(max − mode)/(max − min). A range with max = min is its constant. The mean is (min + 4·mode + max)/6.
 */
export function samplePert(uniform: Uniform, range: Range): number {
  const { min, max } = range;
  const span = max - min;
  // Validated figures are bounded (LIMITS), but a range that is empty, inverted or too wide for a double has
  // no distribution: it is its typical value. The shape parameters divide before they multiply, so they stay
  // within [1, 5] whatever the magnitudes.
  if (!(span > 0) || !Number.isFinite(span)) return range.typical;
  const mode = Math.min(max, Math.max(min, range.typical));
  const a = 1 + LAMBDA * ((mode - min) / span);
  const b = 1 + LAMBDA * ((max - mode) / span);
  return Math.min(max, Math.max(min, min + span * beta(uniform, a, b)));
}

/** The ranges a route's days are made of, in the order they are drawn and added: per leg, transit then dwell. */
function rangesOf(route: Route): Range[] {
  const ranges: Range[] = [];
  for (const leg of route.legs) {
    ranges.push(leg.transitDays);
    if (leg.dwellDays) ranges.push(leg.dwellDays);
  }
  return ranges;
}

/**
 * `n` samples of a route's total transit days (unrounded), drawn with the seed. Internal; exported for tests.
 * Every sample lies within [sum of mins, sum of maxes], added in the same order.
 */
export function sampleTransit(route: Route, n: number, seed: number): number[] {
  const uniform = mulberry32(seed);
  const ranges = rangesOf(route);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (const range of ranges) sum += samplePert(uniform, range);
    out[i] = sum;
  }
  return out;
}

/** Checks distribution options. @throws QueryError (BAD_QUERY) on field "samples", "seed" or "withinDays". */
function checkOptions(opts: DistributionOptions): { samples: number; seed: number; withinDays: number | undefined } {
  const samples = parseNumber('samples', opts.samples, { min: 100, max: 100000, integer: true });
  const seed = parseNumber('seed', opts.seed, { min: 0, integer: true });
  if (!Number.isSafeInteger(seed)) throw new QueryError('seed', `seed: expected at most ${Number.MAX_SAFE_INTEGER}, got ${seed}`);
  const withinDays = opts.withinDays === undefined ? undefined : parseNumber('withinDays', opts.withinDays, { min: 0 });
  return { samples, seed, withinDays };
}

/**
 * A route's transit days (legs plus dwells) as a Monte Carlo distribution: every leg's transitDays and every
 * dwellDays drawn independently from PERT(min, typical, max) with λ = 4 (see PERT_METHOD for why), added up per
 * sample. Percentiles by the nearest-rank method on the sorted samples; `withinDays.probability` is the share
 * of samples ≤ `opts.withinDays`. The same seed gives the same numbers.
 * @param opts.samples 100..100000; opts.seed a non-negative integer; opts.withinDays days ≥ 0 (optional).
 * @throws QueryError (BAD_QUERY) with field "samples", "seed" or "withinDays".
 */
export function transitDistribution(route: Route, opts: DistributionOptions): TransitDistribution {
  const { samples, seed, withinDays } = checkOptions(opts);
  const draws = sampleTransit(route, samples, seed).sort((a, b) => a - b);
  let low = 0;
  let high = 0;
  for (const range of rangesOf(route)) {
    low += range.min;
    high += range.max;
  }
  const rank = (p: number) => draws[Math.max(0, Math.ceil((p / 100) * samples) - 1)] ?? Number.NaN;
  const total = draws.reduce((s, x) => s + x, 0);
  const width = (high - low) / BINS;
  const histogram: TransitDistribution['histogram'] = [];
  if (width > 0) {
    for (let i = 0; i < BINS; i++) histogram.push({ fromDays: round(low + i * width), toDays: round(i === BINS - 1 ? high : low + (i + 1) * width), count: 0 });
    for (const x of draws) {
      const bin = histogram[Math.min(BINS - 1, Math.max(0, Math.floor((x - low) / width)))];
      if (bin) bin.count += 1;
    }
  } else histogram.push({ fromDays: round(low), toDays: round(high), count: samples });
  let within: TransitDistribution['withinDays'] = null;
  if (withinDays !== undefined) {
    let count = 0;
    for (const x of draws) if (x <= withinDays) count += 1;
    within = { days: withinDays, probability: round(count / samples) };
  }
  return {
    samples,
    seed,
    p10: round(rank(10)),
    p50: round(rank(50)),
    p90: round(rank(90)),
    mean: round(total / samples),
    min: round(draws[0] ?? Number.NaN),
    max: round(draws[samples - 1] ?? Number.NaN),
    summedMin: round(low),
    summedMax: round(high),
    withinDays: within,
    method: PERT_METHOD,
    histogram,
  };
}

/**
 * The distribution of each corridor's best route of `compare(model, query)` (in the network's corridor order),
 * then of the best route on any corridor (`corridor: "best"`) last; `distribution` is null where there is no route.
 * Each gets its own seed, derived from `opts.seed` and its position (best 0, corridor i → i + 1; see subSeed),
 * so a corridor's numbers do not depend on the others; the derived seed is returned in `distribution.seed`.
 * @throws QueryError (BAD_QUERY) with field "samples", "seed" or "withinDays", checked before any routing.
 */
export function corridorDistributions(model: Model, query: Query, opts: DistributionOptions): CorridorDistribution[] {
  const checked = checkOptions(opts);
  const result = compare(model, query);
  const withSeed = (index: number): DistributionOptions => ({
    samples: checked.samples,
    seed: subSeed(checked.seed, index),
    ...(checked.withinDays !== undefined ? { withinDays: checked.withinDays } : {}),
  });
  const corridors = result.corridors.map((c, i) => ({
    corridor: c.corridor,
    name: c.name,
    route: c.route,
    reason: c.reason,
    distribution: c.route ? transitDistribution(c.route, withSeed(i + 1)) : null,
  }));
  const best = result.best;
  return [
    ...corridors,
    {
      corridor: 'best',
      name: 'Best on any corridor',
      route: best.route,
      reason: best.reason,
      distribution: best.route ? transitDistribution(best.route, withSeed(0)) : null,
    },
  ];
}
