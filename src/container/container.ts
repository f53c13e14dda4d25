import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { Services } from '../services/services.js';
import { openInfrastructure, type Infrastructure } from './infrastructure.js';
import { buildServices, type Jobs } from './services.js';
import type { FollowUps } from '../services/follow-ups.js';

/** Infrastructure and the services built on it: everything but the background workers. */
export interface Container {
  config: Config;
  logger: Logger;
  infra: Infrastructure;
  services: Services;
  jobs: Jobs;
  /** Where features register what follows an event (see services/follow-ups.ts). */
  followUps: FollowUps;
  /** Closes the infrastructure (the database last) within `deadlineMs`. */
  close(deadlineMs?: number): Promise<void>;
}

/** Opens the infrastructure and builds the services over it (see infrastructure.ts, services.ts). */
export async function createContainer(config: Config, logger: Logger): Promise<Container> {
  const infra = await openInfrastructure(config, logger);
  const { services, jobs, followUps } = buildServices(config, logger, infra);
  return { config, logger, infra, services, jobs, followUps, close: (deadlineMs) => infra.close(deadlineMs) };
}
