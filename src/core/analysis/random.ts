// Seeded pseudo-random numbers for the Monte Carlo figures: a mulberry32 generator, normal draws
// (Box–Muller), Gamma draws (Marsaglia & Tsang 2000) and Beta draws from two Gammas. Same seed, same numbers.

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** A 32-bit integer hash (the murmur3 finalizer): spreads nearby inputs over the whole 32-bit range. */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Folds a non-negative safe integer into a 32-bit generator state, keeping the bits above 2^32. */
function seedState(seed: number): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
  return (low ^ mix32(high + 0x9e3779b9)) >>> 0;
}

/**
 * The mulberry32 generator (Tommy Ettinger, 2017): 32 bits of state, uniform numbers in [0, 1)
 * with a resolution of 2^-32. Good enough for Monte Carlo summaries; not for cryptography.
 * @param seed a non-negative safe integer.
 */
export function mulberry32(seed: number): Uniform {
  let state = seedState(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

/**
 * An independent seed derived from a seed and an index (e.g. a corridor's position), so that several
 * streams can be drawn without depending on the order they are evaluated in. Returns a 32-bit integer.
 */
export function subSeed(seed: number, index: number): number {
  return mix32(seedState(seed) ^ mix32(Math.imul(index + 1, 0x9e3779b9)));
}

/** A standard normal draw by the Box–Muller transform (Box & Muller 1958); uses two uniforms, keeps one value. */
export function normal(uniform: Uniform): number {
  const u1 = 1 - uniform(); // in (0, 1], so the logarithm is finite
  const u2 = uniform();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * A Gamma(shape, 1) draw by Marsaglia & Tsang (2000), "A simple method for generating gamma variables",
 * ACM TOMS 26(3). Shapes below 1 use the boost Gamma(shape + 1) · U^(1/shape).
 * @param shape > 0.
 */
export function gamma(uniform: Uniform, shape: number): number {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new Error(`random: gamma shape must be a finite number > 0, got ${shape}`);
  if (shape < 1) return gamma(uniform, shape + 1) * Math.pow(1 - uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normal(uniform);
    const base = 1 + c * x;
    if (base <= 0) continue;
    const v = base * base * base;
    const u = 1 - uniform();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) draw as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). Result in [0, 1]. */
export function beta(uniform: Uniform, a: number, b: number): number {
  const x = gamma(uniform, a);
  const y = gamma(uniform, b);
  const sum = x + y;
  return sum > 0 ? x / sum : 0.5;
}
