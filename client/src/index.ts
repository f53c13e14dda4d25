export { createIntakeClient } from './rest-client.js';
export type * from './rest-client.js';
export { ChecksumMismatchError, IntakeApiError } from './errors.js';
export type { components, paths } from './generated/openapi.js';
export { subscribeLiveEvents } from './live-events.js';
export type { LiveEvent, LiveEventsOptions, LiveEventsSubscription } from './live-events.js';
