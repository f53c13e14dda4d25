import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/helpers/ports.ts';
import { ensureFirebaseTools } from '../../test/services/test-tools.ts';
import { REPO_ROOT } from './servers.ts';

// The firebase-tools storage emulator (a GCS JSON API, no Java), started the way the tests start it
// (test/services/gcs-emulator-child.cjs; firebase-tools installed once under .cache/test-tools/).

export interface BenchGcsEmulator {
  host: string;
  pid: number;
  /** Empties its object index (blob files stay on disk until it stops). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startBenchGcsEmulator(): Promise<BenchGcsEmulator> {
  const toolsDir = await ensureFirebaseTools();
  const port = await freePort();
  const blobDir = await mkdtemp(path.join(os.tmpdir(), 'bench-gcs-'));
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'test', 'services', 'gcs-emulator-child.cjs'), toolsDir, String(port), blobDir], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, GCS_EMULATOR_EXIT_ON_STDIN_END: '1' },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`GCS emulator: no READY within 60 s\n${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
      if (output.split('\n').includes(`READY ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`GCS emulator exited (${code}) before READY\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(blobDir, { recursive: true, force: true });
  };
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  const host = `http://127.0.0.1:${port}`;
  return {
    host,
    pid: child.pid as number,
    async reset() {
      const res = await fetch(`${host}/internal/reset`, { method: 'POST' });
      if (!res.ok) throw new Error(`POST ${host}/internal/reset answered ${res.status}`);
    },
    stop,
  };
}
