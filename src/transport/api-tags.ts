/** The OpenAPI tags, declared once (redocly requires every used tag to be declared), in reading order. */
export const API_TAGS = [
  { name: 'Workspaces', description: 'Workspaces (tenants) and the lifecycle of their API keys: issue, list, revoke.' },
  { name: 'Intake links', description: 'Upload links an operator creates and shares with a customer.' },
  { name: 'Uploads', description: 'Files customers send through a link, and their audited download.' },
  { name: 'Audit', description: 'The append-only audit trail of a workspace.' },
  { name: 'Webhooks', description: 'Signed HTTP notifications of a workspace\'s events (Standard Webhooks), and their delivery log.' },
  { name: 'Operations', description: 'What an operator checks about the server itself: database and virus scanner.' },
] as const;

export type ApiTag = (typeof API_TAGS)[number]['name'];
