import type { Config } from '../config/load-config.js';
import type { Services } from '../services/services.js';
import { buildOpenApiDocument } from '../http/route-table/openapi.js';
import { tusOperations } from '../tus/tus-operations.js';
import type { AnyRoute } from '../http/route-table/route-definition.js';
import { apiRoutes } from '../http/v1/api-routes.js';

/** The API's version, as the OpenAPI document states it. */
export const API_VERSION = '0.1.0';

/**
 * The OpenAPI document for a configuration: both faces' operations (the route table and tus), composed
 * here so neither face imports the other. The committed openapi.json is this for the default
 * configuration (`npm run openapi`); a server serves it for its own (its upload limit, its base URL).
 */
export function openApiDocumentFor(
  config: Config,
  // Building the route table only builds handlers; nothing here calls a service. A server passes the
  // table it mounts, so it is built once at start-up.
  routes: readonly AnyRoute[] = apiRoutes({ services: {} as Services, config }),
): Record<string, unknown> {
  const servers = config.http.publicBaseUrl
    ? [{ url: config.http.publicBaseUrl, description: 'This server' }]
    : [{ url: '/', description: 'The server that serves this document (PUBLIC_BASE_URL unset)' }];
  return buildOpenApiDocument([...routes, ...tusOperations(config)], { version: API_VERSION, servers });
}
