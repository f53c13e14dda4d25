import type { Request } from 'express';
import type { UploadRecord } from '../domain/records.js';
import type { UploadIdempotencyService } from '../services/upload/idempotency.service.js';
import type { RouteResult } from './route-table/route-definition.js';

export const IDEMPOTENCY_HEADERS = { key: 'idempotency-key', replayed: 'Idempotent-Replayed' } as const;

/**
 * Runs the raw route's upload under the request's `Idempotency-Key`, if it sent one: a key seen before
 * answers the first 201 body again (with `Idempotent-Replayed: true`) without reading the body, a key
 * still in flight is 409, and a new key is claimed for this attempt and released when it fails.
 * `receive` stores the file under the id it is given (a fresh one when undefined).
 */
export async function answerIdempotently(
  idempotency: UploadIdempotencyService,
  req: Request,
  linkToken: string,
  receive: (uploadId: string | undefined) => Promise<UploadRecord>,
  render: (upload: UploadRecord) => unknown,
): Promise<RouteResult> {
  const key = idempotency.parseKey(req.headersDistinct[IDEMPOTENCY_HEADERS.key]);
  const outcome = key === undefined ? null : await idempotency.begin(linkToken, key);
  if (outcome === null) return { kind: 'json', status: 201, body: render(await receive(undefined)) };
  switch (outcome.kind) {
    case 'replay':
      return replayed(req, outcome.body);
    case 'replay-upload': {
      // The first attempt committed but its answer was lost: the stored row is what that answer said.
      const body = render(outcome.upload);
      await outcome.complete(body);
      return replayed(req, body);
    }
    case 'claimed': {
      const { claim } = outcome;
      try {
        const body = render(await receive(claim.uploadId));
        await claim.complete(body);
        return { kind: 'json', status: 201, body };
      } catch (error) {
        await claim.release();
        throw error;
      }
    }
  }
}

function replayed(req: Request, body: unknown): RouteResult {
  // The body of a replayed request is never read: close the connection rather than drain it.
  const headers: Record<string, string> = { [IDEMPOTENCY_HEADERS.replayed]: 'true' };
  if (!req.complete) headers['Connection'] = 'close';
  return { kind: 'json', status: 201, body, headers };
}
