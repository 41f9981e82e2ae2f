// Closest-id suggestions for unknown ids: matches ids, names and aliases without case or diacritics,
// so "Cesme Soraya" finds cheshmeh-soraya and "Xian" finds xian; close misspellings ("xain") rank first.

/** Lower case, no diacritics, no apostrophes, words separated by one space. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .toLowerCase()
    .replace(/['’`ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Longest text compared, in characters after normalising: no id or name is longer, and it bounds the work. */
export const MAX_COMPARED_LENGTH = 64;

/**
 * Edit distance with adjacent transpositions (optimal string alignment, the restricted Damerau–Levenshtein
 * distance: F. J. Damerau, "A technique for computer detection and correction of spelling errors", CACM 7(3),
 * 1964). "xain" → "xian" costs 1, not 2. Returns `bound + 1` as soon as the distance is known to exceed `bound`.
 */
export function editDistance(a: string, b: string, bound = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  // Three rows: the one before the previous is needed for transpositions.
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > bound) return bound + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  return prev[b.length] ?? 0;
}

/** Something that can be suggested: its id, a display name, and other names it goes by. */
export interface Candidate {
  id: string;
  name: string;
  aliases?: readonly string[];
}

/** Scores above this are not suggested: more than about one edit in three. */
const MAX_SCORE = 0.6;

/** How far a form is from the query: 0 for equal, lower is closer; above MAX_SCORE means not close. */
function score(query: string, form: string): number {
  if (!form) return Number.POSITIVE_INFINITY;
  if (form === query) return 0;
  const compactQ = query.replace(/ /g, '');
  const compactF = form.replace(/ /g, '').slice(0, MAX_COMPARED_LENGTH);
  if (compactF === compactQ) return 0.01;
  if (form.startsWith(query) || compactF.startsWith(compactQ)) return 0.1 + Math.min(form.length - query.length, 9) / 100;
  if (query.length >= 3 && form.includes(query)) return 0.3;
  const longer = Math.max(compactQ.length, compactF.length);
  const bound = Math.floor(MAX_SCORE * longer);
  const distance = editDistance(compactQ, compactF, bound);
  if (distance > bound) return Number.POSITIVE_INFINITY;
  // A typo rarely hits the first letters: a shared start ranks a misspelling ahead of an equally distant other word.
  let shared = 0;
  while (shared < 3 && shared < compactQ.length && compactQ[shared] === compactF[shared]) shared++;
  return distance / longer - shared / 100;
}

/** Candidates that match the text exactly once normalised (id, name or an alias). */
export function exactMatches<T extends Candidate>(text: string, candidates: readonly T[]): T[] {
  const q = normalizeName(text);
  const compact = q.replace(/ /g, '');
  return candidates.filter((c) =>
    [c.id, c.name, ...(c.aliases ?? [])].some((f) => {
      const n = normalizeName(f);
      return n === q || n.replace(/ /g, '') === compact;
    }),
  );
}

/** Most candidates scored for one suggestion, so the work of a bad id is bounded whatever the network. */
export const MAX_SUGGEST_CANDIDATES = 2000;
/** Most aliases of one candidate that are scored. */
const MAX_ALIASES = 16;

/**
 * The closest candidates to a text, best first (at most `limit`, only reasonably close ones). The work is
 * bounded: the text and each name are cut to MAX_COMPARED_LENGTH, and at most MAX_SUGGEST_CANDIDATES candidates
 * (with MAX_ALIASES aliases each) are scored.
 */
export function closest<T extends Candidate>(text: string, candidates: readonly T[], limit = 3): T[] {
  const q = normalizeName(text.slice(0, 4 * MAX_COMPARED_LENGTH)).slice(0, MAX_COMPARED_LENGTH);
  if (!q) return [];
  const form = (f: string) => normalizeName(f.slice(0, 4 * MAX_COMPARED_LENGTH));
  return candidates
    .slice(0, MAX_SUGGEST_CANDIDATES)
    .map((c) => ({ c, s: Math.min(...[c.id, c.name, ...(c.aliases ?? []).slice(0, MAX_ALIASES)].map((f) => score(q, form(f)))) }))
    .filter((x) => x.s <= MAX_SCORE)
    .sort((a, b) => a.s - b.s || (a.c.id < b.c.id ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.c);
}
