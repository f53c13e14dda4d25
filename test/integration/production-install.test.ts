import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { freePort } from '../helpers/ports.js';
import { createTestDatabase } from '../helpers/test-database.js';
import { TEST_RUNS_DIR } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

// What docs/deploy.md tells operators: a clean copy of the repository with the built dist/,
// `npm ci --omit=dev` (no TypeScript, no test tools), then `node --expose-gc --initial-old-space-size=256 --no-allocation-site-pretenuring dist/main.js` answers.

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

describe('the production install', () => {
  it('`npm ci --omit=dev` on a clean copy, then `node --expose-gc --initial-old-space-size=256 --no-allocation-site-pretenuring dist/main.js`, serves /readyz and /docs', async () => {
    const dir = await mkdtemp(path.join(TEST_RUNS_DIR, 'prod-install-'));
    const { stdout: files } = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot });
    for (const file of files.split('\n').filter(Boolean)) await cp(path.join(repoRoot, file), path.join(dir, file), { recursive: true }).catch(() => undefined);
    await cp(path.join(repoRoot, 'dist'), path.join(dir, 'dist'), { recursive: true });
    await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: dir, env: { ...process.env, npm_config_update_notifier: 'false' }, maxBuffer: 16 * 1024 * 1024 });

    const database = await createTestDatabase();
    const port = await freePort();
    const server = spawn(process.execPath, ['--expose-gc', '--initial-old-space-size=256', '--no-allocation-site-pretenuring', 'dist/main.js'], {
      cwd: dir,
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database.url, ADMIN_TOKEN: 'production-install-test-token-0123456789', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200, { what: 'the production server to be ready', timeoutMs: 60_000 });
      expect((await fetch(`http://127.0.0.1:${port}/docs/assets/scalar.js`)).status).toBe(200);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
      await database.drop();
    }
    // npm ci downloads every production dependency: minutes on a busy machine, not a speed goal.
  }, 300_000);
});
