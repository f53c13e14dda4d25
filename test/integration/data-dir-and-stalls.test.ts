import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, TestWorkspace } from '../helpers/api-client.js';
import { openRequest } from '../helpers/raw-http.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

// Issue 13, defects 8 and 9: a stalled JSON body on /graphql was held for an hour (the idle cut-off
// applied to uploads only); files and folders under DATA_DIR were 0640/0755, and the folder names
// list workspace and upload ids.

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;
beforeAll(async () => ({ t, api, ws } = await startServerWithWorkspace({ env: { UPLOAD_IDLE_TIMEOUT_SECONDS: '1' } })));
afterAll(() => t.stop());

describe('modes under DATA_DIR', () => {
  it('stores files 0600 in folders 0700', async () => {
    const link = await api.createLink(ws, { customer_slug: 'modes' });
    const res = await api.upload(link.link_token, Buffer.from('a,b\r\n1,2\r\n'), { filename: 'a.csv', contentType: 'text/csv' });
    expect(res.status).toBe(201);
    const root = path.join(t.dataDir, 'files');
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const modes = new Set<string>();
    for (const entry of entries) {
      const mode = (await stat(path.join(entry.parentPath, entry.name))).mode & 0o777;
      modes.add(`${entry.isDirectory() ? 'dir' : 'file'} ${mode.toString(8)}`);
    }
    expect([...modes].sort()).toEqual(['dir 700', 'file 600']);
    expect(((await stat(root)).mode & 0o777).toString(8)).toBe('700');
  });
});

describe('a stalled JSON body on /graphql', () => {
  it('is cut after UPLOAD_IDLE_TIMEOUT_SECONDS', async () => {
    const open = openRequest(t.url, { path: '/graphql', headers: { 'content-type': 'application/json', 'content-length': '100' } });
    open.req.write('{"query":');
    const closed = await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve('still open'), 15_000);
      const done = () => {
        clearTimeout(timer);
        resolve('closed');
      };
      open.req.once('close', done);
      open.response.then(done, done);
    });
    open.req.destroy();
    expect(closed).toBe('closed');
  });
});
