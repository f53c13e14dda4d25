import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

// Issue 13, defect 14: `Expect: 100-continue` was answered before the header checks, so a client
// (curl, for every body over 1 MB) sent megabytes to a revoked link before hearing the refusal.

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace()));
afterAll(() => t.stop());

/** Sends only the request head (with Expect: 100-continue) and resolves with the first status line. */
function firstStatusLine(path: string, headers: Record<string, string>): Promise<{ line: string; socket: net.Socket }> {
  const { port } = new URL(t.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let received = '';
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n');
      if (end >= 0) resolve({ line: received.slice(0, end), socket });
    });
    const head = Object.entries({ host: `127.0.0.1:${port}`, expect: '100-continue', ...headers })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`POST ${path} HTTP/1.1\r\n${head}\r\n`);
  });
}

describe('Expect: 100-continue', () => {
  it('a revoked link answers 404 instead of 100 Continue', async () => {
    const link = await api.createLink(ws, { customer_slug: 'expect-revoked' });
    await api.request('DELETE', `/v1/${ws.id}/intake/links/${link.id}`, { token: ws.apiKey });
    const { line, socket } = await firstStatusLine(`/upload/${link.link_token}/files`, {
      'content-length': String(5 * 1024 * 1024),
      'x-amigo-intake-filename': 'a.csv',
      'x-amigo-intake-content-type': 'text/csv',
    });
    socket.destroy();
    expect(line).toBe('HTTP/1.1 404 Not Found');
  });

  it('an announced size over the limit answers 413 instead of 100 Continue', async () => {
    const link = await api.createLink(ws, { customer_slug: 'expect-too-large' });
    const { line, socket } = await firstStatusLine(`/upload/${link.link_token}/files`, {
      'content-length': String(200 * 1024 * 1024),
      'x-amigo-intake-filename': 'a.csv',
      'x-amigo-intake-content-type': 'text/csv',
    });
    socket.destroy();
    expect(line).toBe('HTTP/1.1 413 Payload Too Large');
  });

  it('an acceptable upload is invited with 100 Continue, then stored', async () => {
    const link = await api.createLink(ws, { customer_slug: 'expect-ok' });
    const body = Buffer.from('a,b\r\n1,2\r\n');
    const { line, socket } = await firstStatusLine(`/upload/${link.link_token}/files`, {
      'content-length': String(body.length),
      'x-amigo-intake-filename': 'a.csv',
      'x-amigo-intake-content-type': 'text/csv',
      connection: 'close',
    });
    expect(line).toBe('HTTP/1.1 100 Continue');
    const rest = new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('end', () => resolve(text));
    });
    socket.write(body);
    expect(await rest).toContain('HTTP/1.1 201 Created');
  });
});
