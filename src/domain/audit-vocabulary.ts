/** The kinds of event on the audit trail (dotted, as REST shows them). */
export const AUDIT_EVENT_TYPES = [
  'link.created',
  'link.revoked',
  'upload.received',
  'upload.downloaded',
  'upload.download_refused',
  'upload.scanned',
  'upload.infected',
  'upload.deleted',
  'webhook.disabled',
  'upload.rescan_requested',
  'api_key.issued',
  'api_key.revoked',
  'workspace.updated',
] as const;
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** Who can cause an audit event. */
export const ACTOR_KINDS = ['api_key', 'admin', 'customer', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** One sentence per actor kind, for the GraphQL schema and the OpenAPI document. */
export const ACTOR_KIND_DESCRIPTIONS: Record<ActorKind, string> = {
  api_key: 'An operator with an API key of the workspace',
  admin: 'The holder of the admin token',
  customer: 'A customer holding the link',
  system: 'The server itself (a background job)',
};
