import type { AnyRoute } from '../route-table/route-definition.js';
import { auditEventRoutes } from './audit-events.routes.js';
import { linkRoutes } from './links.routes.js';
import type { RouteDeps } from './route-deps.js';
import { statusRoutes } from './status.routes.js';
import { uploadRoutes } from './uploads.routes.js';
import { webhookRoutes } from './webhooks.routes.js';
import { workspaceRoutes } from './workspaces.routes.js';

/** The whole route table: every REST operation and the raw upload route. */
export function apiRoutes(deps: RouteDeps): AnyRoute[] {
  return [...workspaceRoutes(deps), ...linkRoutes(deps), ...uploadRoutes(deps), ...auditEventRoutes(deps), ...statusRoutes(deps), ...webhookRoutes(deps)];
}
