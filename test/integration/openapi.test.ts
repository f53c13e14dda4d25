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
  ['get', '/v1/workspaces/{workspace_id}'],
  ['get', '/v1/workspaces/{workspace_id}/api-keys'],
  ['post', '/v1/workspaces/{workspace_id}/api-keys'],
  ['delete', '/v1/workspaces/{workspace_id}/api-keys/{key_id}'],
  ['post', '/v1/{workspace_id}/intake/links'],
  ['get', '/v1/{workspace_id}/intake/links'],
  ['get', '/v1/{workspace_id}/intake/links/{link_id}'],
  ['delete', '/v1/{workspace_id}/intake/links/{link_id}'],
  ['get', '/v1/{workspace_id}/intake/links/{link_id}/uploads'],
  ['get', '/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}/download'],
  ['post', '/upload/{link_token}/files'],
  ['get', '/v1/{workspace_id}/audit-events'],
  ['delete', '/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}'],
  ['post', '/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}/rescan'],
  ['get', '/v1/status'],
  ['post', '/v1/{workspace_id}/webhooks'],
  ['get', '/v1/{workspace_id}/webhooks'],
  ['get', '/v1/{workspace_id}/webhooks/{webhook_id}'],
  ['patch', '/v1/{workspace_id}/webhooks/{webhook_id}'],
  ['delete', '/v1/{workspace_id}/webhooks/{webhook_id}'],
  ['post', '/v1/{workspace_id}/webhooks/{webhook_id}/rotate-secret'],
  ['get', '/v1/{workspace_id}/webhooks/{webhook_id}/deliveries'],
  ['post', '/v1/{workspace_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver'],
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
      ['idempotency-key', false],
    ]);
    expect(Object.keys(upload.responses).sort()).toEqual(['201', '303', '400', '404', '409', '410', '413', '422', '429', '500', '502', '503']);
    expect(upload.security).toEqual([]);
    expect(upload.requestBody.content).toEqual({ 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } });
  });

  it('types query parameters as what they stand for (boolean, integer, uuid, date-time)', () => {
    const params = (path: string) => Object.fromEntries(doc.paths[path].get.parameters.filter((p: any) => p.in === 'query').map((p: any) => [p.name, p.schema]));
    const links = params('/v1/{workspace_id}/intake/links');
    expect(links.include_expired).toEqual({ type: 'boolean' });
    expect(links.limit).toEqual({ type: 'integer', minimum: 1, maximum: 1000, default: 100 });
    const audit = params('/v1/{workspace_id}/audit-events');
    expect(audit.link_id).toEqual({ type: 'string', format: 'uuid' });
    expect(audit.since).toEqual({ type: 'string', format: 'date-time' });
  });

  it('lists the accepted file types as the download\'s content types, as binary', () => {
    const download = doc.paths['/v1/{workspace_id}/intake/links/{link_id}/uploads/{upload_id}/download'].get;
    const content = download.responses['200'].content;
    expect(Object.keys(content)).toContain('application/pdf');
    expect(content['application/pdf']).toEqual({ schema: { type: 'string', format: 'binary' } });
  });

  it('says on every operation that it can answer 503 service_unavailable and 500', () => {
    for (const methods of Object.values(doc.paths) as any[]) {
      for (const operation of Object.values(methods) as any[]) {
        expect(operation.responses['503'].content['application/json'].schema.allOf[1].properties.error_code.enum).toContain('service_unavailable');
        expect(operation.responses['500']).toBeDefined();
      }
    }
  });

  it('declares its servers, license and tags', () => {
    expect(doc.servers).toEqual([{ url: '/', description: 'The server that serves this document (PUBLIC_BASE_URL unset)' }]);
    expect(doc.info.license).toEqual({ name: 'Apache-2.0', identifier: 'Apache-2.0' });
    expect(doc.tags.map((tag: any) => tag.name)).toEqual(['Workspaces', 'Intake links', 'Uploads', 'Audit', 'Webhooks', 'Operations']);
  });
});
