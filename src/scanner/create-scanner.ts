import type { ScannerConfig } from '../config/load-config.js';
import { ClamdScanner } from './clamd.scanner.js';
import type { Scanner } from './scanner.js';

/** The configured scanner, or null when CLAMAV_HOST / CLAMAV_SOCKET are unset. */
export function createScanner(config: ScannerConfig | null): Scanner | null {
  return config ? new ClamdScanner(config.address, config.timeoutMs) : null;
}
