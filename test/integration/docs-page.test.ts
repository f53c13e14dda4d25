import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

describe('the API reference at /docs', () => {
  it('is a page whose policy lets the browser reach this server only', async () => {
    const res = await fetch(`${t.url}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'unsafe-eval';");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    // Every script and link on the page is a path of this server, none a URL of another host.
    const sources = [...html.matchAll(/(?:src|href|data-url)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources).toEqual(['/v1/openapi.json', '/schema.graphql', '/v1/openapi.json', '/docs/assets/init.js', '/docs/assets/scalar.js']);
  });

  it('serves the reference bundle from the installed package, and its start-up script', async () => {
    const bundle = await fetch(`${t.url}/docs/assets/scalar.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
    const init = await (await fetch(`${t.url}/docs/assets/init.js`)).text();
    expect(init).toContain('withDefaultFonts: false');
  });

  it('serves /schema.graphql, the committed schema', async () => {
    const res = await fetch(`${t.url}/schema.graphql`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(await readFile(path.resolve(import.meta.dirname, '..', '..', 'schema.graphql'), 'utf8'));
  });
});
