import { z } from 'zod';
import { PAGE_LIMITS } from '../../domain/link-rules.js';
import { queryParamDocs } from '../route-table/query-param-docs.js';

/*
 * Query-string fields arrive as strings; these parse them strictly (a typo is a 422 naming the
 * field, never a silent default). Each also says, for the OpenAPI document, the type it stands for
 * (boolean, integer), so generated clients send real booleans and numbers.
 */

export const booleanParam = z
  .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1')
  .register(queryParamDocs, { type: 'boolean' });

export const limitParam = z
  .string()
  .regex(/^\d+$/, `must be a whole number between ${PAGE_LIMITS.min} and ${PAGE_LIMITS.max}`)
  .transform(Number)
  .pipe(z.int().min(PAGE_LIMITS.min, `must be between ${PAGE_LIMITS.min} and ${PAGE_LIMITS.max}`).max(PAGE_LIMITS.max, `must be between ${PAGE_LIMITS.min} and ${PAGE_LIMITS.max}`))
  .register(queryParamDocs, {
    type: 'integer',
    minimum: PAGE_LIMITS.min,
    maximum: PAGE_LIMITS.max,
    default: PAGE_LIMITS.default,
    description: `Page size, ${PAGE_LIMITS.min}-${PAGE_LIMITS.max} (default ${PAGE_LIMITS.default})`,
  });

export const cursorParam = z.string().max(100).meta({ description: 'The id of the last item of the previous page (taken from the Link header)' });

export const timestampParam = z.iso
  .datetime({ offset: true, error: 'must be an ISO-8601 timestamp, e.g. 2026-01-31T09:00:00Z' })
  .transform((value) => new Date(value))
  .register(queryParamDocs, { type: 'string', format: 'date-time' });

export const uuidParam = z.uuid({ error: 'must be a UUID' }).register(queryParamDocs, { type: 'string', format: 'uuid' });
