import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const FIREBASE_TOOLS_VERSION = '15.34.2';
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOLS_DIR = join(REPO_ROOT, '.cache', 'test-tools');
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Returns the folder of firebase-tools (pinned), installed under `.cache/test-tools/`, installing it
 * first when missing. Safe to call from several processes at once.
 */
export async function ensureFirebaseTools(): Promise<string> {
  const spec = `firebase-tools@${FIREBASE_TOOLS_VERSION}`;
  const finalDir = join(TOOLS_DIR, spec);
  const packageDir = join(finalDir, 'node_modules', 'firebase-tools');
  // The final folder only appears through rename(), so its presence means a finished install.
  if (existsSync(join(packageDir, 'package.json'))) return packageDir;

  await mkdir(TOOLS_DIR, { recursive: true });
  const lockPath = `${finalDir}.lock`;
  const deadline = Date.now() + INSTALL_TIMEOUT_MS;
  while (!(await tryLock(lockPath))) {
    if (existsSync(join(packageDir, 'package.json'))) return packageDir;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockPath}`);
    await sleep(500);
  }
  try {
    if (existsSync(join(packageDir, 'package.json'))) return packageDir;
    // Holding the lock, any temp folder left is from a killed install.
    for (const name of await readdir(TOOLS_DIR)) {
      if (name.startsWith(`${spec}.tmp-`)) await rm(join(TOOLS_DIR, name), { recursive: true, force: true });
    }
    const tmpDir = `${finalDir}.tmp-${process.pid}`;
    await mkdir(tmpDir, { recursive: true });
    process.stderr.write(`test-tools: installing ${spec} into ${finalDir} (about 45 s, once)\n`);
    await run('npm', ['install', '--prefix', tmpDir, '--no-save', '--no-audit', '--no-fund', '--omit=optional', spec]);
    await rm(finalDir, { recursive: true, force: true });
    await rename(tmpDir, finalDir);
    return packageDir;
  } finally {
    await rm(lockPath, { force: true });
  }
}

/** Takes the lock file, or clears it when its owner process is gone so a killed install doesn't block forever. */
async function tryLock(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const owner = Number(await readFile(lockPath, 'utf8').catch(() => ''));
  // An empty file can be a lock being written right now: only a named, dead owner is stale.
  if (owner > 0 && !isAlive(owner)) await rm(lockPath, { force: true });
  return false;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-8000);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code}):\n${stderr}`));
    });
  });
}
