import pino, { type Logger } from 'pino';
import type { Config } from './config/load-config.js';

/** The process logger: JSON lines on stdout. Secrets are never passed to it (see http/logging.ts). */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'intake-links' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.apiKey', '*.token', '*.secret'], censor: '[redacted]' },
  });
}
