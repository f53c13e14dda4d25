import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../helpers/ports.js';

/** Debian's clamav-daemon (installed by .ci/run). */
export const CLAMD_BINARY = '/usr/sbin/clamd';

/** The EICAR test string: every scanner detects it, and it harms nothing. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** The name our own signature database gives it (clamd adds `.UNOFFICIAL` to signatures it did not ship). */
export const EICAR_SIGNATURE = 'Test.EICAR.UNOFFICIAL';

/** A clamd of the test's own on a free loopback port. */
export interface TestClamd {
  host: string;
  port: number;
  /** Environment for a server that scans with this clamd. */
  env: Record<string, string>;
  /** Stops clamd (an outage); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

/**
 * Starts clamd with a temporary config and a signature database of one line: an `.ndb` body
 * signature matching the EICAR string. The machine cannot download official signatures (no
 * freshclam), and clamd refuses to start with an empty database, so the tests bring their own.
 */
export async function startTestClamd(options: { streamMaxLength?: string } = {}): Promise<TestClamd> {
  if (!existsSync(CLAMD_BINARY)) throw new Error(`${CLAMD_BINARY} is missing: apt-get install clamav-daemon (see .ci/run)`);
  const dir = await mkdtemp(join(process.env['TMPDIR'] ?? '/tmp', 'clamd-'));
  await mkdir(join(dir, 'db'));
  await mkdir(join(dir, 'tmp'));
  await writeFile(join(dir, 'db', 'test.ndb'), `Test.EICAR:0:*:${Buffer.from(EICAR).toString('hex')}\n`);
  const port = await freePort();
  const conf = join(dir, 'clamd.conf');
  await writeFile(
    conf,
    [
      'Foreground yes',
      `DatabaseDirectory ${join(dir, 'db')}`,
      `TemporaryDirectory ${join(dir, 'tmp')}`,
      `TCPSocket ${port}`,
      'TCPAddr 127.0.0.1',
      `StreamMaxLength ${options.streamMaxLength ?? '110M'}`,
      'MaxFileSize 110M',
      'MaxScanSize 110M',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  const start = async () => {
    if (child && child.exitCode === null) return; // already running: a second one would leak
    const started = spawn(CLAMD_BINARY, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    started.stderr?.on('data', (data: Buffer) => (stderr += data.toString()));
    child = started;
    const deadline = Date.now() + 60_000;
    while (!(await pong(port))) {
      if (started.exitCode !== null) throw new Error(`clamd exited (${started.exitCode}): ${stderr}`);
      if (Date.now() > deadline) throw new Error(`clamd did not answer PING within 60 s: ${stderr}`);
      await sleep(50);
    }
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000).then(() => running.kill('SIGKILL'))]);
    await exited;
  };
  await start();
  return {
    host: '127.0.0.1',
    port,
    env: { CLAMAV_HOST: '127.0.0.1', CLAMAV_PORT: String(port), CLAMAV_TIMEOUT_SECONDS: '20' },
    stop,
    start,
    dispose: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write('zPING\0'));
    socket.on('data', (data) => (answer += data.toString()));
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(answer.startsWith('PONG')));
  });
}
