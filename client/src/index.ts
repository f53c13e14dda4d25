export { createIntakeClient } from './rest-client.js';
export type * from './rest-client.js';
export { ChecksumMismatchError, IntakeApiError } from './errors.js';
export type { components, paths } from './generated/openapi.js';
