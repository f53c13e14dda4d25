import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/**
 * Parses `input` with `schema` or throws one `validation_error` that names every offending field
 * (by its path in the input, so REST names snake_case fields and GraphQL camelCase ones).
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, where = 'body'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : where;
    return { field, message: describeIssue(issue) };
  });
  const detail = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
  throw new AppError('validation_error', `Invalid ${where}: ${detail}.`, { field: problems[0]?.field });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  const name = expected === 'int' ? 'integer' : expected;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

/** True when `value` is a canonical UUID (any version). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
