/** Where a file's virus scan stands, as the contract names the states. */
export const SCAN_STATUSES = ['skipped', 'pending', 'clean', 'infected'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/** One sentence per status, for the GraphQL schema and the OpenAPI document. */
export const SCAN_STATUS_DESCRIPTIONS: Record<ScanStatus, string> = {
  skipped: 'No scanner is configured',
  pending: 'Waiting for the scanner',
  clean: 'Scanned, nothing found',
  infected: 'Scanned, a signature matched',
};
