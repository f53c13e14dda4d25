import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../route-table/route-definition.js';
import { nextPageLink } from './link-header.js';
import { cursorParam, limitParam, timestampParam, uuidParam } from './query-params.js';
import { AuditEventObject, toAuditEventObject } from './representations.js';
import type { RouteDeps } from './route-deps.js';

const AuditQuery = z.object({
  link_id: uuidParam.optional(),
  upload_id: uuidParam.optional(),
  since: timestampParam.optional().meta({ description: 'Only events at or after this time' }),
  until: timestampParam.optional().meta({ description: 'Only events before this time' }),
  limit: limitParam.optional(),
  cursor: cursorParam.optional(),
});

/** The audit trail. */
export function auditEventRoutes({ services, config }: RouteDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/{workspace_id}/audit-events',
      operationId: 'listAuditEvents',
      summary: 'List audit events',
      description:
        'Link creations and revocations, received uploads and every download, newest first. Paged like the link list ' +
        '(`Link: <...>; rel="next"`). Events are never changed or deleted.',
      tag: 'Audit',
      auth: 'bearer',
      params: { workspace_id: 'The workspace' },
      query: AuditQuery,
      responses: { 200: { description: 'Array of audit events', schema: z.array(AuditEventObject), headers: { Link: 'The next page, when there is one' } } },
      errors: [],
      handle: async ({ principal, params, query, req }) => {
        const page = await services.audit.list(principal, params.workspace_id, {
          linkId: query.link_id,
          uploadId: query.upload_id,
          since: query.since,
          until: query.until,
          limit: query.limit,
          cursor: query.cursor,
        });
        return {
          kind: 'json',
          status: 200,
          body: page.items.map(toAuditEventObject),
          headers: nextPageLink(req, page.nextCursor, config.http.publicBaseUrl),
        };
      },
    }),
  ];
}
