import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
let api: ApiClient;
let doc: any;

beforeAll(async () => {
  t = await startTestServer();
  api = new ApiClient(t.url);
  doc = (await api.request('GET', '/v1/openapi.json')).body;
});
afterAll(() => t.stop());

const documented = [
  ['post', '/v1/workspaces'],
  ['post', '/v1/workspaces/{workspace_id}/api-keys'],
  ['delete', '/v1/workspaces/{workspace_id}/api-keys/{key_id}'],
  ['post', '/v1/{workspace_id}/intake/links'],
  ['get', '/v1/{workspace_id}/intake/links'],
  ['delete', '/v1/{workspace_id}/intake/links/{link_id}'],
  ['get', '/v1/{workspace_id}/intake/links/{link_id}/uploads'],
  ['get', '/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}/download'],
  ['post', '/upload/{link_token}/files'],
  ['get', '/v1/{workspace_id}/audit-events'],
  ['delete', '/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}'],
  ['post', '/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}/rescan'],
  ['get', '/v1/status'],
] as const;

describe('the OpenAPI document generated from the route table', () => {
  it('is OpenAPI 3.1 with full paths', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const path of Object.keys(doc.paths)) expect(path).toMatch(/^\/(v1|upload)\//);
  });

  it('describes exactly the served operations', () => {
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods as object).map((m) => `${m} ${path}`));
    expect(operations.sort()).toEqual(documented.map(([m, p]) => `${m} ${p}`).sort());
  });

  it.each(documented)('%s %s is really served (not a 404 for an unknown route)', async (method, path) => {
    const concrete = path.replace(/\{[a-z_]+\}/g, '00000000-0000-4000-8000-000000000000');
    const res = await api.request(method.toUpperCase(), concrete);
    expect(res.body?.error_code ?? 'none').not.toBe('method_not_allowed');
    // Every documented route answers in the error shape with a code its operation declares.
    const declared = Object.keys(doc.paths[path][method].responses);
    expect(declared).toContain(String(res.status));
  });

  it('documents the link request and response fields of the contract', () => {
    const create = doc.paths['/v1/{workspace_id}/intake/links'].post;
    const body = create.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties)).toEqual(['customer_slug', 'display_name', 'expires_in_hours', 'max_uploads']);
    expect(body.required).toEqual(['customer_slug']);
    expect(body.additionalProperties).toBe(false);
    expect(create.responses['201'].content['application/json'].schema.$ref).toBe('#/components/schemas/IntakeLink');
    expect(Object.keys(doc.components.schemas.IntakeLink.properties)).toEqual([
      'id', 'workspace_id', 'customer_slug', 'display_name', 'upload_url', 'link_token', 'status',
      'created_at', 'expires_at', 'revoked_at', 'max_uploads', 'upload_count', 'last_upload_at',
    ]);
    expect(create.responses['422'].content['application/json'].schema.allOf[1].properties.error_code.enum).toContain('validation_error');
  });

  it('documents the upload route headers and its error statuses', () => {
    const upload = doc.paths['/upload/{link_token}/files'].post;
    const headers = upload.parameters.filter((p: any) => p.in === 'header').map((p: any) => [p.name, p.required]);
    expect(headers).toEqual([
      ['x-amigo-intake-filename', true],
      ['x-amigo-intake-content-type', true],
      ['content-length', false],
    ]);
    expect(Object.keys(upload.responses).sort()).toEqual(['201', '400', '404', '410', '413', '422', '429', '500', '502', '503']);
    expect(upload.security).toEqual([]);
  });
});
