
import { PAGE_LIMITS, pageLimitRule } from '../domain/link-rules.js';
import { AppError } from '../errors/app-error.js';
import { isUuid } from './validation.js';

/** A page of results and the cursor of the next page (the id of this page's last item), if any. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Page size and cursor as the services accept them from either face. */
export interface PageRequest {
  limit?: number | null | undefined;
  /** The id of the last item of the previous page. */
  cursor?: string | null | undefined;
}

/** The page size to use: the request's, checked, or the default. */
export function pageLimit(request: PageRequest): number {
  if (request.limit === undefined || request.limit === null) return PAGE_LIMITS.default;
  const parsed = pageLimitRule.safeParse(request.limit);
  if (!parsed.success) {
    throw new AppError('validation_error', `Invalid query: limit: must be a whole number between ${PAGE_LIMITS.min} and ${PAGE_LIMITS.max}.`, {
      field: 'limit',
    });
  }
  return parsed.data;
}

/** The cursor as an id, or undefined; a cursor that cannot be an id is a validation error. */
export function cursorId(request: PageRequest): string | undefined {
  if (request.cursor === undefined || request.cursor === null || request.cursor === '') return undefined;
  if (!isUuid(request.cursor)) throw invalidCursor();
  return request.cursor.toLowerCase();
}

/** The error for a cursor that names nothing on this list. */
export function invalidCursor(): AppError {
  return new AppError('validation_error', 'Invalid query: cursor: does not name an item of this list (use the id of the last item of the previous page).', {
    field: 'cursor',
  });
}

/** Splits the `limit + 1` rows a repository returned into a page and its next cursor. */
export function toPage<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? last.id : null };
}

