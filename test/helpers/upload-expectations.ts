import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { ApiClient, TestWorkspace } from './api-client.js';

/** The documented fields of an upload object, in the documented order. */
export const UPLOAD_FIELDS = [
  'id', 'link_id', 'customer_slug', 'filename', 'content_type', 'sha256', 'size_bytes', 'received_at', 'scan_status', 'scan_signature', 'scanned_at', 'duplicate_of',
];

/** A UTC ISO-8601 timestamp as the REST face writes it. */
export const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** SHA-256 in hex, computed here with node:crypto (not by the server). */
export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Something with a status and a parsed body (ApiResponse or RawResponse). */
interface AnyResponse {
  status: number;
  body?: unknown;
  json?: unknown;
}

/** Asserts a REST error: the status, and a body that is exactly `{error_code, detail}` with a sentence. */
export function expectError(res: AnyResponse, status: number, errorCode: string): void {
  const body = ('json' in res ? res.json : res.body) as Record<string, unknown> | undefined;
  expect({ status: res.status, body }).toMatchObject({ status, body: { error_code: errorCode } });
  expect(Object.keys(body ?? {})).toEqual(['error_code', 'detail']);
  expect(typeof body?.['detail']).toBe('string');
  expect((body?.['detail'] as string).length).toBeGreaterThan(0);
}

/** A link as the operator listing shows it now (any status). */
export async function fetchLink(api: ApiClient, ws: TestWorkspace, linkId: string): Promise<any> {
  const res = await api.request('GET', `/v1/${ws.id}/intake/links?include_expired=true&limit=1000`, { token: ws.apiKey });
  if (res.status !== 200) throw new Error(`list links: ${res.status} ${res.text}`);
  const link = (res.body as any[]).find((candidate) => candidate.id === linkId);
  if (!link) throw new Error(`link ${linkId} is not listed`);
  return link;
}

/** The uploads of a link as the operator listing shows them (newest first). */
export async function listUploads(api: ApiClient, ws: TestWorkspace, linkId: string): Promise<any[]> {
  const res = await api.request('GET', `/v1/${ws.id}/intake/links/${linkId}/uploads`, { token: ws.apiKey });
  if (res.status !== 200) throw new Error(`list uploads: ${res.status} ${res.text}`);
  return res.body as any[];
}

/** curl's default request type for `--data-binary`: the server must ignore it. */
export const CURL_FORM_TYPE = 'application/x-www-form-urlencoded';
