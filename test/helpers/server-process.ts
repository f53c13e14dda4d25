import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './ports.js';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const MAIN_JS = path.join(REPO_ROOT, 'dist', 'main.js');
/** The node flags of the Dockerfile's CMD (docs/deploy.md, "Node flags"), so tests run the server as shipped. */
const PRODUCT_NODE_FLAGS = ['--enable-source-maps', '--expose-gc', '--initial-old-space-size=256', '--no-allocation-site-pretenuring'];

/** The built server (`node dist/main.js`, what `npm start` runs) as a child process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Peak resident memory so far, in bytes (VmHWM). */
  peakRssBytes(): Promise<number>;
}

/**
 * Starts dist/main.js with exactly `env` (plus PATH), and resolves once it logs that it listens.
 * `command` lets a test run it through e.g. `runuser -u nobody --`.
 */
export async function startServerProcess(env: Record<string, string>, options: { command?: string[]; timeoutMs?: number } = {}): Promise<ServerProcess> {
  const port = env['PORT'] ? Number(env['PORT']) : await freePort();
  const [program, ...args] = [...(options.command ?? []), process.execPath, ...PRODUCT_NODE_FLAGS, MAIN_JS];
  const child = spawn(program as string, args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const deadline = Date.now() + (options.timeoutMs ?? 90_000);
  while (!stdout.includes('"msg":"intake-links is listening"')) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited before listening (${child.exitCode ?? child.signalCode}):\n${stderr}\n${stdout}`);
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start in time:\n${stderr}\n${stdout}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    async peakRssBytes() {
      const { readFile } = await import('node:fs/promises');
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      if (!kb) throw new Error('no VmHWM in /proc status');
      return Number(kb) * 1024;
    },
  };
}
