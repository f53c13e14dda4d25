import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/api-client.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { TEST_RUNS_DIR } from '../helpers/test-server.js';

// `npm start` on a bare machine: no DATABASE_URL, so the server runs its embedded PostgreSQL under
// DATA_DIR; no ADMIN_TOKEN, so it generates one, prints it once and keeps it.

const dirs: string[] = [];
const started: ServerProcess[] = [];
afterAll(async () => {
  for (const server of started) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function freshDataDir(): Promise<string> {
  const dir = path.join(TEST_RUNS_DIR, `embedded-${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { recursive: true, mode: 0o755 });
  dirs.push(dir);
  return dir;
}

async function stop(server: ServerProcess): Promise<number | null> {
  server.child.kill('SIGTERM');
  const { code } = await server.exited;
  return code;
}

describe('npm start with no DATABASE_URL', () => {
  it('starts an embedded PostgreSQL, prints a generated admin token once, keeps data across restarts', async () => {
    const dataDir = await freshDataDir();
    const first = await startServerProcess({ DATA_DIR: dataDir });
    started.push(first);
    const api = new ApiClient(first.url);

    expect((await api.request('GET', '/readyz')).status).toBe(200);
    const tokenFile = path.join(dataDir, 'admin-token');
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const token = (await readFile(tokenFile, 'utf8')).trim();
    expect(first.stderr()).toContain(token);
    expect(first.stdout()).not.toContain(token);
    expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

    const workspace = await api.createWorkspace(token, 'Embedded');
    const link = await api.createLink(workspace, { customer_slug: 'persisted' });
    expect(await stop(first)).toBe(0);

    const second = await startServerProcess({ DATA_DIR: dataDir });
    started.push(second);
    expect(second.stderr()).not.toContain(token);
    const again = new ApiClient(second.url);
    const links = await again.request('GET', `/v1/${workspace.id}/intake/links`, { token: workspace.apiKey });
    expect(links.body.map((l: any) => l.id)).toEqual([link.id]);
    expect(await stop(second)).toBe(0);
  });

  it('starts again after being killed with SIGKILL, taking over the PostgreSQL it left running', async () => {
    const dataDir = await freshDataDir();
    const crashed = await startServerProcess({ DATA_DIR: dataDir });
    started.push(crashed);
    const token = (await readFile(path.join(dataDir, 'admin-token'), 'utf8')).trim();
    const workspace = await new ApiClient(crashed.url).createWorkspace(token, 'Survives a crash');
    crashed.child.kill('SIGKILL');
    await crashed.exited;

    const restarted = await startServerProcess({ DATA_DIR: dataDir });
    started.push(restarted);
    expect(restarted.stdout()).toContain('left running by a server that did not shut down');
    const links = await new ApiClient(restarted.url).request('GET', `/v1/${workspace.id}/intake/links`, { token: workspace.apiKey });
    expect(links.status).toBe(200);
    expect(await stop(restarted)).toBe(0);
  });

  it('refuses to start a second server on a DATA_DIR in use, and leaves the first one running', async () => {
    const dataDir = await freshDataDir();
    const first = await startServerProcess({ DATA_DIR: dataDir });
    started.push(first);
    await expect(startServerProcess({ DATA_DIR: dataDir })).rejects.toThrow(/another server using this DATA_DIR/);
    expect((await new ApiClient(first.url).request('GET', '/readyz')).status).toBe(200);
    expect(await stop(first)).toBe(0);
  });

  it('runs as an ordinary (non-root) user too', async (context) => {
    if (process.getuid?.() !== 0) {
      // Already an ordinary user: the test above proved it.
      context.skip();
    }
    const dataDir = await freshDataDir();
    chownSync(dataDir, 65534, 65534); // nobody:nogroup; setpriv execs node itself, so the signal reaches the server directly
    const server = await startServerProcess({ DATA_DIR: dataDir, HOME: dataDir }, { command: ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] });
    started.push(server);
    expect((await new ApiClient(server.url).request('GET', '/readyz')).status).toBe(200);
    expect(statSync(path.join(dataDir, 'postgres')).uid).toBe(65534);
    expect(await stop(server)).toBe(0);
  });
});
