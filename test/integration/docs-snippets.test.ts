import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_RUNS_DIR, type TestServer } from '../helpers/test-server.js';

// The quick starts are executed as a reader would run them: every `sh` block in one bash session
// (set -euo pipefail, so any failing command fails the test), every `ts` block as a Node module.

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

function blocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);
}

let t: TestServer;
let env: Record<string, string>;
let dir: string;
beforeAll(async () => {
  t = await startTestServer();
  dir = await mkdtemp(path.join(TEST_RUNS_DIR, 'snippets-'));
  env = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? dir, TMPDIR: process.env['TMPDIR'] ?? dir, B: t.url, ADMIN: t.adminToken, npm_config_update_notifier: 'false' };
});
afterAll(() => t.stop());

describe('docs/quickstart.md', () => {
  it('every sh block runs, in order, in one shell, with no failing command', async () => {
    const markdown = await readFile(path.join(repoRoot, 'docs', 'quickstart.md'), 'utf8');
    const script = ['set -euo pipefail', ...blocks(markdown, 'sh')].join('\n');
    expect(script).toContain('npx intake-links download');
    const { stdout } = await run('bash', ['-c', script], { cwd: dir, env });
    // The CLI pulled the uploaded file back (its name is prefixed with the upload id).
    expect(stdout).toMatch(/pulled\/[0-9a-f-]{36}-invoice\.csv {2}sha256 [0-9a-f]{64} verified/);
  });

  it('the TypeScript block runs against the server with the built client package', async () => {
    const markdown = await readFile(path.join(repoRoot, 'docs', 'quickstart.md'), 'utf8');
    const [snippet] = blocks(markdown, 'ts');
    const file = path.join(dir, 'quickstart-client.ts');
    await writeFile(file, snippet!);
    const { stdout } = await run(process.execPath, [file], { cwd: dir, env });
    expect(stdout).toBe('sent 20 bytes\nname,amount\nJane,12\n\nupload.downloaded, upload.received, link.created, api_key.issued\n');
  });
});

describe('README.md', () => {
  it('links only files that exist in the repository', async () => {
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!).filter((target) => !/^https?:/.test(target));
    expect(targets.length).toBeGreaterThan(3);
    for (const target of targets) {
      expect(path.resolve(repoRoot, target).startsWith(repoRoot + path.sep), `${target} leaves the repository`).toBe(true);
      await expect(readFile(path.resolve(repoRoot, target)), `${target} is missing`).resolves.toBeDefined();
    }
  });
});
