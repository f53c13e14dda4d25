import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { startChildServer, type ChildServer } from './child-server.ts';
import { requestJson } from './http-client.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const BENCH = path.join(REPO_ROOT, 'bench');
let compiledDir: string | undefined;

/**
 * Compiles the baselines (and the SIGTERM preload) to plain .js under `workRoot` once. Run as .ts,
 * Node would load its type stripper (~17 MiB of RSS) into the baseline only, skewing the memory
 * comparison; the product runs compiled JavaScript too.
 */
export async function compileBaselines(workRoot: string): Promise<void> {
  compiledDir = path.join(workRoot, 'compiled-baselines');
  await mkdir(compiledDir, { recursive: true });
  for (const source of ['baselines/hashing-tap.ts', 'baselines/upload-server.ts', 'baselines/download-server.ts', 'baselines/record-floor-server.ts', 'lib/exit-on-sigterm.ts']) {
    const { outputText } = ts.transpileModule(await readFile(path.join(BENCH, source), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, verbatimModuleSyntax: true },
    });
    // The compiled file lives outside the repo, where a bare 'pg' would not resolve: point it at the
    // repo's. Sibling imports name the .ts source (run as .ts elsewhere); here they are the .mjs beside.
    const resolved = outputText.replace(/from 'pg';/g, `from '${import.meta.resolve('pg')}';`).replace(/from '\.\/([\w-]+)\.ts';/g, "from './$1.mjs';");
    await writeFile(path.join(compiledDir, `${path.basename(source, '.ts')}.mjs`), resolved);
  }
}

/** The compiled .mjs of a bench script (see compileBaselines). */
export function compiled(name: 'upload-server' | 'download-server' | 'record-floor-server' | 'exit-on-sigterm'): string {
  if (!compiledDir) throw new Error('compileBaselines() first');
  return path.join(compiledDir, `${name}.mjs`);
}

/**
 * The node flags of the documented start command (docs/deploy.md "Node flags"; the Dockerfile adds
 * --enable-source-maps): the bench starts the product the same way.
 */
export const PRODUCT_NODE_FLAGS = ['--expose-gc', '--initial-old-space-size=256', '--no-allocation-site-pretenuring'];

/** The documented production command with `extraFlags` before the script, as the report prints it. */
export function productCommand(extraFlags: string[] = []): string {
  return ['node', ...PRODUCT_NODE_FLAGS, ...extraFlags, 'dist/main.js'].join(' ');
}

/** The product as `npm start` runs it in production (`productCommand()`), with only these settings. */
export interface ProductSettings {
  databaseUrl: string;
  dataDir: string;
  adminToken: string;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeFlags?: string[];
  /** Extra environment (e.g. WEBHOOK_ALLOW_PRIVATE for a loopback receiver). */
  env?: Record<string, string>;
}

export function startProduct(settings: ProductSettings, pollMs?: number): Promise<ChildServer> {
  return startChildServer({
    name: 'product',
    cwd: REPO_ROOT,
    args: [...PRODUCT_NODE_FLAGS, ...(settings.nodeFlags ?? []), path.join(REPO_ROOT, 'dist', 'main.js')],
    env: {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: settings.databaseUrl,
      DATA_DIR: settings.dataDir,
      ADMIN_TOKEN: settings.adminToken,
      STORAGE_DRIVER: 'local', // settings.env may switch it (the GCS scenario)
      RATE_LIMIT_UPLOADS_PER_MINUTE: '0',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
      RATE_LIMIT_API_PER_MINUTE: '0',
      // The sweep is background housekeeping, not part of an upload; off so it cannot land in a round.
      ORPHAN_SWEEP_INTERVAL_SECONDS: '0',
      ...settings.env,
    },
    readyPath: '/readyz',
    timeoutMs: 120_000,
    ...(pollMs === undefined ? {} : { pollMs }),
  });
}

/** bench/baselines/upload-server.ts (compiled), writing into `dir`. */
export function startUploadBaseline(dir: string, nodeFlags: string[] = []): Promise<ChildServer> {
  return startChildServer({ name: 'baseline', cwd: REPO_ROOT, args: [...nodeFlags, compiled('upload-server')], env: { BENCH_DIR: dir }, readyPath: '/' });
}

/**
 * bench/baselines/record-floor-server.ts (compiled): the bare upload baseline plus the token lookup,
 * the atomic rename and the committed row, on the bench's database; files under `dir`, and it
 * accepts only `token`.
 */
export function startRecordFloor(dir: string, databaseUrl: string, token: string): Promise<ChildServer> {
  return startChildServer({ name: 'floor', cwd: REPO_ROOT, args: [compiled('record-floor-server')], env: { BENCH_DIR: dir, DATABASE_URL: databaseUrl, FLOOR_TOKEN: token }, readyPath: '/' });
}

/**
 * bench/baselines/list-server.ts (express + pg) on the product's database. Run as .ts from the repo
 * (it needs express and pg from node_modules); memory is not compared for it.
 */
export function startListBaseline(databaseUrl: string, nodeFlags: string[] = []): Promise<ChildServer> {
  return startChildServer({
    name: 'list-baseline',
    cwd: REPO_ROOT,
    args: [...nodeFlags, path.join(BENCH, 'baselines', 'list-server.ts')],
    env: { DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    readyPath: '/healthz',
  });
}

/** bench/baselines/tus-server.ts (@tus/server + @tus/file-store), writing into `dir`; run as .ts from the repo. */
export function startTusBaseline(dir: string): Promise<ChildServer> {
  return startChildServer({ name: 'tus-baseline', cwd: REPO_ROOT, args: [path.join(BENCH, 'baselines', 'tus-server.ts')], env: { BENCH_DIR: dir, NODE_ENV: 'production' }, readyPath: '/' });
}

/** bench/baselines/gcs-server.ts (@google-cloud/storage into the emulator at `emulatorHost`); run as .ts from the repo. */
export function startGcsBaseline(emulatorHost: string, bucket: string): Promise<ChildServer> {
  return startChildServer({
    name: 'gcs-baseline',
    cwd: REPO_ROOT,
    args: [path.join(BENCH, 'baselines', 'gcs-server.ts')],
    env: { STORAGE_EMULATOR_HOST: emulatorHost, GCS_BUCKET: bucket, NODE_ENV: 'production' },
    readyPath: '/',
  });
}

/** bench/baselines/download-server.ts (compiled), serving files under `root`. */
export function startDownloadBaseline(root: string): Promise<ChildServer> {
  return startChildServer({ name: 'baseline', cwd: REPO_ROOT, args: [compiled('download-server')], env: { BENCH_DIR: root }, readyPath: '/healthz' });
}

/** A workspace, its API key and one link with room for every upload of the bench. */
export interface ProductLink {
  workspaceId: string;
  apiKey: string;
  linkId: string;
  linkToken: string;
}

export async function createLink(product: ChildServer, adminToken: string): Promise<ProductLink> {
  const ws = await requestJson(product.url, 'POST', '/v1/workspaces', adminToken, { name: 'Benchmark practice' });
  if (ws.status !== 201) throw new Error(`create workspace: ${ws.status} ${ws.text}`);
  const link = await requestJson(product.url, 'POST', `/v1/${ws.json.id}/intake/links`, ws.json.api_key, {
    customer_slug: 'bench-customer',
    expires_in_hours: 24,
    max_uploads: 10_000,
  });
  if (link.status !== 201) throw new Error(`create link: ${link.status} ${link.text}`);
  return { workspaceId: ws.json.id, apiKey: ws.json.api_key, linkId: link.json.id, linkToken: link.json.link_token };
}
