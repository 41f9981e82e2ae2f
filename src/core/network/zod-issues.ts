// Zod issues as located, readable validation issues: one message style for every file the core checks.
import type { z } from 'zod';
import type { ValidationIssue } from '../errors.ts';
import { describeValue, jsonPath } from './json-path.ts';

const ARTICLE: Record<string, string> = { object: 'an object', array: 'an array', integer: 'an integer' };

/** Turns one zod issue into a located, readable issue. */
export function zodIssueToIssue(file: string, issue: z.core.$ZodIssue, prefix: readonly PropertyKey[] = []): ValidationIssue[] {
  const path = [...prefix, ...issue.path];
  const input = 'input' in issue ? issue.input : undefined;
  const at = jsonPath(path);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = ARTICLE[issue.expected] ?? `a ${issue.expected}`;
      const message = input === undefined ? `missing; expected ${expected}` : `expected ${expected}, got ${describeValue(input)}`;
      return [{ file, jsonPath: at, code: 'invalid_type', message }];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        file,
        jsonPath: jsonPath([...path, key]),
        code: 'unknown_field',
        message: `unknown field "${key}"`,
      }));
    case 'invalid_value':
      return [
        {
          file,
          jsonPath: at,
          code: 'invalid_value',
          message: `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${describeValue(input)}`,
        },
      ];
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? (issue.inclusive ? '>=' : '>') : issue.inclusive ? '<=' : '<';
      const what =
        issue.origin === 'array'
          ? `expected ${word === '>=' ? 'at least' : 'at most'} ${String(bound)} item${bound === 1 ? '' : 's'}`
          : issue.origin === 'string'
            ? `expected ${word === '>=' ? 'at least' : 'at most'} ${String(bound)} characters`
            : `expected a number ${word} ${String(bound)}`;
      const got = issue.origin === 'array' && Array.isArray(input) ? `${input.length} item(s)` : describeValue(input);
      return [{ file, jsonPath: at, code: issue.code, message: `${what}, got ${got}` }];
    }
    case 'invalid_format':
      return [{ file, jsonPath: at, code: 'invalid_format', message: `${issue.message}, got ${describeValue(input)}` }];
    default:
      return [{ file, jsonPath: at, code: issue.code, message: issue.message }];
  }
}
