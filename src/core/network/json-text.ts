// Reading JSON text safely: a byte-order mark is dropped, nesting is bounded and numbers too large for a double
// are named, so that no later step (validation, messages, cloning) recurses without bound or sees Infinity.
import type { ValidationIssue } from '../errors.ts';
import { jsonPath } from './json-path.ts';

/** The deepest nesting of arrays and objects a data file may have; the network needs 6 levels. */
export const MAX_JSON_DEPTH = 256;

/** Path components shown before a long path is cut short. */
const SHOWN_PARTS = 8;

/** What a scan of JSON text found: where nesting first went too deep, and numbers that overflow a double. */
export interface JsonScan {
  /** Path of the container that went past the limit, or null. */
  tooDeep: (string | number)[] | null;
  /** Number literals that parse to ±Infinity, with their paths. */
  hugeNumbers: { path: (string | number)[]; literal: string }[];
}

/** A JSON path, cut after a few components for paths hundreds of levels deep. */
export function shortJsonPath(path: readonly (string | number)[]): string {
  if (path.length <= SHOWN_PARTS) return jsonPath(path);
  return `${jsonPath(path.slice(0, SHOWN_PARTS))}… (${path.length} levels)`;
}

const isNumberStart = (c: number) => c === 45 || (c >= 48 && c <= 57); // '-' or a digit
const isNumberPart = (c: number) => isNumberStart(c) || c === 43 || c === 46 || c === 69 || c === 101; // + . E e
/**
 * A number literal without an exponent and this short has at most 308 digits before the point, so it is below
 * the largest double (about 1.8e308): only longer literals and those with an exponent are converted to check.
 */
const SURELY_FINITE_LENGTH = 308;

/**
 * Scans JSON text without recursion: the path of every value is tracked on an explicit stack. Meant for text
 * that JSON.parse accepted; it stops at the first container deeper than `maxDepth`. It reads the text once and
 * makes no string for a key or a number unless a path or a literal has to be reported, so a 30 MB network file
 * scans in a few tens of milliseconds.
 */
export function scanJson(text: string, maxDepth: number = MAX_JSON_DEPTH): JsonScan {
  // Per level: an array's element index, or, in an object, where its current key's quotes start and end (the
  // key is decoded only for a reported path; -1 before the first key).
  const index: number[] = [];
  const keyStart: number[] = [];
  const keyEnd: number[] = [];
  const inObject: boolean[] = [];
  const hugeNumbers: JsonScan['hugeNumbers'] = [];
  const pathHere = (): (string | number)[] =>
    inObject.map((object, d) => {
      if (!object) return index[d] as number;
      const start = keyStart[d] as number;
      if (start < 0) return '';
      const end = keyEnd[d] as number;
      try {
        return JSON.parse(text.slice(start, end + 1)) as string;
      } catch {
        return text.slice(start + 1, end);
      }
    });
  let expectKey = false;
  let i = 0;
  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // a string: its end is the next quote not escaped by an odd run of backslashes
      let j = i;
      for (;;) {
        j = text.indexOf('"', j + 1);
        if (j < 0) {
          j = length;
          break;
        }
        let backslashes = 0;
        while (text.charCodeAt(j - 1 - backslashes) === 92) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      if (expectKey && inObject.length) {
        const top = inObject.length - 1;
        keyStart[top] = i;
        keyEnd[top] = j;
        expectKey = false;
      }
      i = j + 1;
    } else if (c === 123 || c === 91) {
      // '{' or '['
      if (inObject.length >= maxDepth) return { tooDeep: pathHere(), hugeNumbers };
      inObject.push(c === 123);
      index.push(0);
      keyStart.push(-1);
      keyEnd.push(-1);
      expectKey = c === 123;
      i++;
    } else if (c === 125 || c === 93) {
      // '}' or ']'
      inObject.pop();
      index.pop();
      keyStart.pop();
      keyEnd.pop();
      expectKey = false;
      i++;
    } else if (c === 44) {
      // ',': the next element of an array, or the next key of an object
      const top = inObject.length - 1;
      if (inObject[top]) expectKey = true;
      else if (top >= 0) index[top] = (index[top] as number) + 1;
      i++;
    } else if (isNumberStart(c)) {
      let j = i + 1;
      let exponent = false;
      for (let d = c; j < length && isNumberPart((d = text.charCodeAt(j))); j++) if (d === 69 || d === 101) exponent = true;
      if (exponent || j - i > SURELY_FINITE_LENGTH) {
        const literal = text.slice(i, j);
        if (!Number.isFinite(Number(literal))) hugeNumbers.push({ path: pathHere(), literal });
      }
      i = j;
    } else i++;
  }
  return { tooDeep: null, hugeNumbers };
}

/** A literal shown in a message: long digit strings cut in the middle. */
function shownLiteral(literal: string): string {
  return literal.length > 24 ? `${literal.slice(0, 10)}…${literal.slice(-6)} (${literal.length} characters)` : literal;
}

/**
 * Whether a parsed value is safe to use: no container deeper than `maxDepth` (counting the outermost as 0, as
 * scanJson does) and no number that is not finite. Walks the value with an explicit stack, never recursing.
 */
function isSafeValue(value: unknown, maxDepth: number): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  const stack: object[] = [value];
  const depths: number[] = [0];
  while (stack.length) {
    const v = stack.pop() as Record<string, unknown>;
    const d = depths.pop() as number;
    if (d >= maxDepth) return false;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'object' && x !== null) {
          stack.push(x);
          depths.push(d + 1);
        } else if (typeof x === 'number' && !Number.isFinite(x)) return false;
      }
    } else {
      for (const key in v) {
        const x = v[key];
        if (typeof x === 'object' && x !== null) {
          stack.push(x);
          depths.push(d + 1);
        } else if (typeof x === 'number' && !Number.isFinite(x)) return false;
      }
    }
  }
  return true;
}

/**
 * Parses JSON text from a file or a form: drops a leading byte-order mark, then returns the value or the
 * problems that make it unsafe to use (nesting deeper than `maxDepth`, numbers too large for a double).
 * The parsed value is walked first; only when it holds such a problem is the text scanned for the paths, so a
 * large valid file is not read twice. (A value JSON.parse dropped, under a key written twice, is not checked:
 * it reaches no later step.)
 * Throws the SyntaxError of JSON.parse for text that is not JSON.
 */
export function parseJsonText(text: string, file: string, maxDepth: number = MAX_JSON_DEPTH): { value: unknown; issues: ValidationIssue[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const value: unknown = JSON.parse(body);
  if (isSafeValue(value, maxDepth)) return { value, issues: [] };
  const scan = scanJson(body, maxDepth);
  const issues: ValidationIssue[] = [];
  if (scan.tooDeep) {
    issues.push({ file, jsonPath: shortJsonPath(scan.tooDeep), code: 'too_deep', message: `arrays and objects nested deeper than ${maxDepth} levels` });
  }
  for (const { path, literal } of scan.hugeNumbers) {
    issues.push({ file, jsonPath: shortJsonPath(path), code: 'number_too_large', message: `${shownLiteral(literal)} is too large for a number` });
  }
  return { value, issues };
}
