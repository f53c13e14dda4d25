import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where the generated admin token is kept when ADMIN_TOKEN is not set. */
export function adminTokenFile(dataDir: string): string {
  return path.join(dataDir, 'admin-token');
}

/** The admin token and where it came from. */
export interface ResolvedAdminToken {
  token: string;
  /** True only on the start that generated it: the one time it is printed. */
  generated: boolean;
  /** The file it is kept in, when it was not given as ADMIN_TOKEN. */
  file?: string;
}

/**
 * The admin token: ADMIN_TOKEN when set; otherwise one generated on the first start and kept
 * (mode 0600) in DATA_DIR. `generated` is true only on the start that created it, the one time it is
 * printed.
 */
export async function resolveAdminToken(configured: string | undefined, dataDir: string): Promise<ResolvedAdminToken> {
  if (configured) return { token: configured, generated: false };
  const file = adminTokenFile(dataDir);
  if (existsSync(file)) return { token: (await readFile(file, 'utf8')).trim(), generated: false, file };
  await mkdir(dataDir, { recursive: true });
  const token = `ilk_admin_${randomBytes(32).toString('base64url')}`;
  await writeFile(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return { token, generated: true, file };
}

/** The one-time notice for a generated token (plain text on stderr, outside the JSON log). */
export function adminTokenNotice(token: string, file: string, port: number): string {
  const rule = '='.repeat(72);
  return [
    rule,
    ' intake-links generated an admin token. It is shown this once; it is kept in',
    ` ${file}`,
    '',
    `   ${token}`,
    '',
    ' Create a workspace with it:',
    `   curl -X POST http://localhost:${port || 3000}/v1/workspaces -H "Authorization: Bearer ${token}" \\`,
    `        -H "Content-Type: application/json" -d '{"name": "My practice"}'`,
    rule,
    '',
  ].join('\n');
}
