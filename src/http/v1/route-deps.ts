import type { Config } from '../../config/load-config.js';
import type { Services } from '../../services/services.js';

/** What route definitions need to build their handlers. */
export interface RouteDeps {
  services: Services;
  config: Config;
}
