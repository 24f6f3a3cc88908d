/**
 * Validates one part of a request (body, query, params, headers) with its zod schema, turning
 * every issue into a field-level message the client can show beside the field.
 */
import type { z } from 'zod';
import { RequestInvalidError, type FieldProblems } from './http-errors.js';

export type RequestPart = 'body' | 'query' | 'params' | 'headers';

export function fieldProblems(issues: readonly z.core.$ZodIssue[], part: RequestPart): FieldProblems {
  const fields: FieldProblems = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || part;
    fields[path] = fields[path] ? `${fields[path]}; ${issue.message}` : issue.message;
  }
  return fields;
}

export function parseRequestPart<Schema extends z.ZodType>(schema: Schema, value: unknown, part: RequestPart): z.output<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = fieldProblems(parsed.error.issues, part);
  const summary = Object.entries(fields)
    .slice(0, 3)
    .map(([path, message]) => `${path}: ${message}`)
    .join('; ');
  throw new RequestInvalidError(`The request ${part} is invalid: ${summary}`, fields);
}
