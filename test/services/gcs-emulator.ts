import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../helpers/ports.js';
import { ensureFirebaseTools } from './test-tools.js';

const CHILD_SCRIPT = fileURLToPath(new URL('./gcs-emulator-child.cjs', import.meta.url));
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const PORT_ATTEMPTS = 5;

/** A running storage emulator; `host` is what the GCS client gets as `apiEndpoint`. */
export interface GcsEmulator {
  host: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts the firebase-tools storage emulator (GCS JSON API, no Java) in a child process and resolves
 * once it serves requests. Picks a free port unless one is given; retries when the port was taken meanwhile.
 */
export async function startGcsEmulator(opts: { port?: number } = {}): Promise<GcsEmulator> {
  const toolsDir = await ensureFirebaseTools();
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    try {
      return await spawnEmulator(toolsDir, port);
    } catch (err) {
      const portTaken = err instanceof Error && err.message.includes('EADDRINUSE');
      if (!portTaken || opts.port !== undefined || attempt >= PORT_ATTEMPTS) throw err;
    }
  }
}

/** Empties the emulator's object index (blob files stay on disk until the emulator stops). */
export async function resetGcsEmulator(host: string): Promise<void> {
  const res = await fetch(`${host}/internal/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`POST ${host}/internal/reset answered ${res.status}`);
}

async function spawnEmulator(toolsDir: string, port: number): Promise<GcsEmulator> {
  const blobDir = await mkdtemp(join(tmpdir(), 'gcs-emulator-'));
  const child = spawn(process.execPath, [CHILD_SCRIPT, toolsDir, String(port), blobDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, GCS_EMULATOR_EXIT_ON_STDIN_END: '1' },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-16_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => rm(blobDir, { recursive: true, force: true }));

  try {
    await waitForReady(child, port);
  } catch (err) {
    await kill(child, exited);
    throw new Error(`GCS emulator on port ${port} did not start: ${(err as Error).message}\n--- child stderr ---\n${stderr}`);
  }
  return {
    host: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    stop: () => kill(child, exited),
  };
}

function waitForReady(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => done(new Error(`no READY within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    const onData = (chunk: Buffer): void => {
      stdout += chunk.toString();
      if (stdout.split('\n').includes(`READY ${port}`)) done();
    };
    const onExit = (code: number | null, signal: string | null): void =>
      done(new Error(`child exited (${signal ?? code}) before READY`));
    const done = (err?: Error): void => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      // Keep draining so a chatty child never blocks on a full pipe.
      child.stdout!.resume();
      if (err) reject(err);
      else resolve();
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
    child.once('error', (err) => done(err));
  });
}

async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

