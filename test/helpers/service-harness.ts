import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config/load-config.js';
import { openInfrastructure, type Infrastructure } from '../../src/container/infrastructure.js';
import { buildServices, type Jobs } from '../../src/container/services.js';
import type { FollowUps } from '../../src/services/follow-ups.js';
import type { Services } from '../../src/services/services.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { TEST_RUNS_DIR } from './test-server.js';

/** The services over real infrastructure, without HTTP and without workers (immich's medium tests are the model). */
export interface ServiceHarness {
  config: Config;
  infra: Infrastructure;
  services: Services;
  jobs: Jobs;
  followUps: FollowUps;
  db: TestDatabase;
  close(): Promise<void>;
}

/**
 * Builds infrastructure and services on a fresh copy of the migrated template database and a data
 * folder of its own, so lifecycle rules can be tested by calling services directly. Nothing runs in
 * the background: a test runs a job body itself (e.g. `jobs.scans.scanUpload(...)`).
 */
export async function createServiceHarness(env: Record<string, string> = {}): Promise<ServiceHarness> {
  const db = await createTestDatabase();
  const dataDir = path.join(TEST_RUNS_DIR, `svc-${randomBytes(6).toString('hex')}`);
  await mkdir(dataDir, { recursive: true });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    ADMIN_TOKEN: `harness-admin-${randomBytes(24).toString('hex')}`,
    RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
    RATE_LIMIT_UPLOADS_PER_MINUTE: '0',
    RATE_LIMIT_API_PER_MINUTE: '0',
    // No pg-boss maintenance timers: a harness only sends jobs and runs their bodies itself.
    PROCESS_ROLES: 'web',
    ...env,
  });
  const logger = pino({ level: 'silent' });
  const infra = await openInfrastructure(config, logger);
  const { services, jobs, followUps } = buildServices(config, logger, infra);
  return {
    config,
    infra,
    services,
    jobs,
    followUps,
    db,
    async close() {
      await infra.close();
      await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
