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
 * Scans JSON text without recursion: the path of every value is tracked on an explicit stack. Meant for text
 * that JSON.parse accepted; it stops at the first container deeper than `maxDepth`.
 */
export function scanJson(text: string, maxDepth: number = MAX_JSON_DEPTH): JsonScan {
  const path: (string | number)[] = [];
  const inObject: boolean[] = [];
  const hugeNumbers: JsonScan['hugeNumbers'] = [];
  let expectKey = false;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      // '{' or '['
      if (inObject.length >= maxDepth) return { tooDeep: [...path], hugeNumbers };
      inObject.push(c === 123);
      path.push(c === 123 ? '' : 0);
      expectKey = c === 123;
      i++;
    } else if (c === 125 || c === 93) {
      // '}' or ']'
      inObject.pop();
      path.pop();
      expectKey = false;
      i++;
    } else if (c === 44) {
      // ',': the next element of an array, or the next key of an object
      const top = path.length - 1;
      if (inObject[top]) expectKey = true;
      else if (top >= 0) path[top] = (path[top] as number) + 1;
      i++;
    } else if (c === 34) {
      // a string: find its end, skipping escapes; an object key becomes the last path component
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (expectKey && path.length) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          key = text.slice(i + 1, j);
        }
        path[path.length - 1] = key;
        expectKey = false;
      }
      i = j + 1;
    } else if (isNumberStart(c)) {
      let j = i + 1;
      while (j < text.length && isNumberPart(text.charCodeAt(j))) j++;
      const literal = text.slice(i, j);
      if (!Number.isFinite(Number(literal))) hugeNumbers.push({ path: [...path], literal });
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
 * Parses JSON text from a file or a form: drops a leading byte-order mark, then returns the value or the
 * problems that make it unsafe to use (nesting deeper than `maxDepth`, numbers too large for a double).
 * Throws the SyntaxError of JSON.parse for text that is not JSON.
 */
export function parseJsonText(text: string, file: string, maxDepth: number = MAX_JSON_DEPTH): { value: unknown; issues: ValidationIssue[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const value: unknown = JSON.parse(body);
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
