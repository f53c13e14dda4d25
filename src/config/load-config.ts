import path from 'node:path';
import { crossFieldProblems, envSchema, type Env, type ProcessRole } from './config.schema.js';

/** The server's configuration, parsed and validated once at start. */
export interface Config {
  nodeEnv: Env['NODE_ENV'];
  http: {
    port: number;
    host: string;
    /** Absolute origin used in `Link` headers; relative links when unset. */
    publicBaseUrl: string | undefined;
    trustProxy: boolean | number | string;
    shutdownGraceMs: number;
  };
  /** PostgreSQL URL; undefined means "run the embedded PostgreSQL under dataDir". */
  databaseUrl: string | undefined;
  dataDir: string;
  adminToken: string | undefined;
  logLevel: Env['LOG_LEVEL'];
  uploads: {
    maxBytes: number;
    /** An upload body that sends nothing for this long is abandoned. */
    idleTimeoutMs: number;
  };
  storage:
    | { driver: 'local'; root: string }
    | { driver: 'gcs'; bucket: string; projectId: string | undefined; emulatorHost: string | undefined }
    | { driver: 'none' };
  rateLimits: {
    store: 'memory' | 'postgres' | 'redis';
    redisUrl: string | undefined;
    uploadsPerMinute: number;
    publicPerMinute: number;
    /** Requests per API key (on /v1 and /graphql) per rolling minute; 0 = off. */
    apiPerMinute: number;
  };
  graphql: { maxCost: number };
  jobs: { orphanSweepIntervalMs: number; linkExpiryCheckMs: number };
  webhooks: {
    /** Lets webhooks reach loopback and private addresses (tests, LANs). */
    allowPrivate: boolean;
    /** Multiplies the retry waits (tests shrink them). */
    retryScale: number;
  };
  /** What this process does (PROCESS_ROLES): serve HTTP, run queued jobs, or both. */
  roles: { web: boolean; worker: boolean; names: ProcessRole[] };
  /** The virus scanner; null when none is configured (uploads stay `skipped`). */
  scanner: ScannerConfig | null;
  /** Arrival e-mails to workspaces' notify_email; null when SMTP_URL is unset (none are sent). */
  mail: { smtpUrl: string; from: string } | null;
}

/** Where clamd listens, and whether downloads wait for a clean verdict. */
export interface ScannerConfig {
  address: { host: string; port: number } | { socket: string };
  timeoutMs: number;
  /** Refuse downloads of uploads still `pending` (default true when a scanner is configured). */
  required: boolean;
}

/** Thrown when the environment is invalid; `problems` names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment and returns the configuration. Every invalid variable is reported at
 * once (never only the first), and secrets are never echoed back in the messages.
 */
export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>, cwd = process.cwd()): Config {
  const known = Object.keys(envSchema.shape);
  const input = Object.fromEntries(known.map((key) => [key, env[key]]));
  const parsed = envSchema.safeParse(input);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`)),
    ...crossFieldProblems(input),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError([...new Set(problems)]);
  return toConfig(parsed.data, cwd);
}

function toConfig(env: Env, cwd: string): Config {
  const dataDir = path.resolve(cwd, env.DATA_DIR);
  return {
    nodeEnv: env.NODE_ENV,
    http: {
      port: env.PORT,
      host: env.HOST,
      publicBaseUrl: env.PUBLIC_BASE_URL,
      trustProxy: env.TRUST_PROXY,
      shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    },
    databaseUrl: env.DATABASE_URL,
    dataDir,
    adminToken: env.ADMIN_TOKEN,
    logLevel: env.LOG_LEVEL,
    uploads: { maxBytes: env.MAX_UPLOAD_BYTES, idleTimeoutMs: env.UPLOAD_IDLE_TIMEOUT_SECONDS * 1000 },
    storage: storageConfig(env, dataDir),
    rateLimits: {
      store: env.RATE_LIMIT_STORE ?? (env.REDIS_URL ? 'redis' : 'memory'),
      redisUrl: env.REDIS_URL,
      uploadsPerMinute: env.RATE_LIMIT_UPLOADS_PER_MINUTE,
      publicPerMinute: env.RATE_LIMIT_PUBLIC_PER_MINUTE,
      apiPerMinute: env.RATE_LIMIT_API_PER_MINUTE,
    },
    graphql: { maxCost: env.GRAPHQL_MAX_COST },
    jobs: { orphanSweepIntervalMs: env.ORPHAN_SWEEP_INTERVAL_SECONDS * 1000, linkExpiryCheckMs: env.LINK_EXPIRY_CHECK_SECONDS * 1000 },
    webhooks: { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE, retryScale: env.WEBHOOK_RETRY_SCALE },
    roles: { web: env.PROCESS_ROLES.includes('web'), worker: env.PROCESS_ROLES.includes('worker'), names: [...new Set(env.PROCESS_ROLES)] },
    scanner: scannerConfig(env),
    mail: env.SMTP_URL ? { smtpUrl: env.SMTP_URL, from: env.SMTP_FROM } : null,
  };
}

function scannerConfig(env: Env): ScannerConfig | null {
  const address = env.CLAMAV_SOCKET ? { socket: env.CLAMAV_SOCKET } : env.CLAMAV_HOST ? { host: env.CLAMAV_HOST, port: env.CLAMAV_PORT } : null;
  if (!address) return null;
  return { address, timeoutMs: env.CLAMAV_TIMEOUT_SECONDS * 1000, required: env.SCAN_REQUIRED ?? true };
}

function storageConfig(env: Env, dataDir: string): Config['storage'] {
  switch (env.STORAGE_DRIVER) {
    case 'local':
      return { driver: 'local', root: path.join(dataDir, 'files') };
    case 'gcs':
      return {
        driver: 'gcs',
        bucket: env.GCS_BUCKET as string, // presence checked by crossFieldProblems
        projectId: env.GCS_PROJECT_ID,
        emulatorHost: env.STORAGE_EMULATOR_HOST,
      };
    case 'none':
      return { driver: 'none' };
  }
}
