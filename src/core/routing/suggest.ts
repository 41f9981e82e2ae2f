// Closest-id suggestions for unknown ids: matches ids, names and aliases without case or diacritics,
// so "Cesme Soraya" finds cheshmeh-soraya and "Xian" finds xian.

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

/** Levenshtein edit distance (two-row dynamic programme). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Something that can be suggested: its id, a display name, and other names it goes by. */
export interface Candidate {
  id: string;
  name: string;
  aliases?: readonly string[];
}

function score(query: string, form: string): number {
  if (!form) return Number.POSITIVE_INFINITY;
  if (form === query) return 0;
  const compactQ = query.replace(/ /g, '');
  const compactF = form.replace(/ /g, '');
  if (compactF === compactQ) return 0.01;
  if (form.startsWith(query) || compactF.startsWith(compactQ)) return 0.1 + (form.length - query.length) / 100;
  if (query.length >= 3 && form.includes(query)) return 0.3;
  return editDistance(compactQ, compactF) / Math.max(compactQ.length, compactF.length);
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

/** Longest text that suggestions look at: ids and names are far shorter, so longer input is cut first. */
export const MAX_SUGGEST_TEXT = 64;
/** Most candidates scored for one suggestion, so the work of a bad id is bounded whatever the network. */
export const MAX_SUGGEST_CANDIDATES = 2000;

/**
 * The closest candidates to a text, best first (at most `limit`, only reasonably close ones). The work is
 * bounded: the text is cut to MAX_SUGGEST_TEXT characters, each name to the same, and at most
 * MAX_SUGGEST_CANDIDATES candidates are scored.
 */
export function closest<T extends Candidate>(text: string, candidates: readonly T[], limit = 3): T[] {
  const q = normalizeName(text.slice(0, MAX_SUGGEST_TEXT * 2)).slice(0, MAX_SUGGEST_TEXT);
  if (!q) return [];
  const form = (f: string) => normalizeName(f.slice(0, MAX_SUGGEST_TEXT * 2)).slice(0, MAX_SUGGEST_TEXT);
  return candidates
    .slice(0, MAX_SUGGEST_CANDIDATES)
    .map((c) => ({ c, s: Math.min(...[c.id, c.name, ...(c.aliases ?? []).slice(0, 16)].map((f) => score(q, form(f)))) }))
    .filter((x) => x.s <= 0.6)
    .sort((a, b) => a.s - b.s || (a.c.id < b.c.id ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.c);
}
