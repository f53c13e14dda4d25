import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { openApiDocumentFor } from '../../src/docs/openapi-document.js';

// The committed openapi.json is what the route table describes, and redocly's recommended rules pass it.

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

describe('the committed openapi.json', () => {
  it('is what the route table generates (else run `npm run openapi` and commit openapi.json)', async () => {
    const committed = await readFile(path.join(repoRoot, 'openapi.json'), 'utf8');
    expect(committed, 'openapi.json is stale: run `npm run openapi` and commit it').toBe(`${JSON.stringify(openApiDocumentFor(loadConfig({})), null, 2)}\n`);
  });

  it('passes `redocly lint` with no errors and no warnings', async () => {
    const cli = path.join(repoRoot, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, 'lint', 'openapi.json', '--format', 'json'], {
      cwd: repoRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    }).catch((error: { stdout: string; stderr: string }) => error);
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: { message: string }[] };
    expect(report.problems.map((problem) => problem.message), stderr).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
