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

/** What moves a scan status. */
export type ScanEvent = 'verdict_clean' | 'verdict_infected' | 'rescan_requested';

/**
 * The scan transitions, as a pure function: a verdict moves only a pending upload (a late verdict
 * for a file that was meanwhile rescanned still lands, because the rescan made it pending again);
 * a rescan makes any file pending again (also one skipped before a scanner was configured).
 * Returns null when the event does not apply.
 */
export function nextScanStatus(current: ScanStatus, event: ScanEvent): ScanStatus | null {
  switch (event) {
    case 'verdict_clean':
      return current === 'pending' ? 'clean' : null;
    case 'verdict_infected':
      return current === 'pending' ? 'infected' : null;
    case 'rescan_requested':
      return 'pending';
  }
}
