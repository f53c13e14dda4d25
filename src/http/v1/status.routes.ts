import { defineRoute, type AnyRoute } from '../route-table/route-definition.js';
import { StatusObject, toStatusObject } from './representations.js';
import type { RouteDeps } from './route-deps.js';

/** The operator status: is the database up, is scanning keeping up. /readyz stays about the database. */
export function statusRoutes({ services }: RouteDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/status',
      operationId: 'getStatus',
      summary: 'Operator status: database, scanner, scan queue',
      description: 'Any API key (or the admin token). queue_depth counts scan jobs waiting, retrying or running.',
      tag: 'Operations',
      auth: 'bearer',
      responses: { 200: { description: 'The status', schema: StatusObject } },
      errors: ['unauthorized'],
      handle: async ({ principal }) => ({ kind: 'json', status: 200, body: toStatusObject(await services.status.status(principal)) }),
    }),
  ];
}
