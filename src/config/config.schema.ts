import { z } from 'zod';

/** Parses an optional positive/zero integer from an environment string. */
const intFromEnv = (defaultValue: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .default(defaultValue);

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

// Express accepts true/false, a hop count, or a comma-separated list of addresses/subnets/names.
const trustProxy = z
  .string()
  .trim()
  .default('false')
  .transform((value): boolean | number | string => {
    if (value === 'true') return true;
    if (value === 'false' || value === '') return false;
    if (/^\d+$/.test(value)) return Number(value);
    return value;
  });

/** What this process does: `web` serves HTTP and enqueues, `worker` runs the queued jobs. */
export const PROCESS_ROLE_NAMES = ['web', 'worker'] as const;
export type ProcessRole = (typeof PROCESS_ROLE_NAMES)[number];

const processRoles = z
  .string()
  .trim()
  .default('web,worker')
  .transform((value) => value.split(',').map((part) => part.trim()).filter((part) => part !== ''))
  .pipe(
    z
      .array(z.enum(PROCESS_ROLE_NAMES, { error: 'must be a comma list of web and worker' }))
      .min(1, 'must name at least one of web and worker'),
  );

const optionalBoolean = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value))
  .pipe(z.enum(['true', 'false'], { error: 'must be true or false' }).optional())
  .transform((value) => (value === undefined ? undefined : value === 'true'));

const url = (protocols: string[]) =>
  z
    .url({ protocol: new RegExp(`^(${protocols.join('|')})$`), error: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}` })
    .optional()
    .or(z.literal('').transform(() => undefined));

/**
 * Every environment variable the server reads, with its default. `loadConfig` is the only code that
 * looks at `process.env`; everything else receives the parsed `Config`.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: intFromEnv(3000, 0, 65535),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    PUBLIC_BASE_URL: url(['http', 'https']).transform((value) => value?.replace(/\/+$/, '')),
    DATABASE_URL: url(['postgres', 'postgresql']),
    DATA_DIR: z.string().trim().min(1).default('./.data'),
    ADMIN_TOKEN: optionalString.pipe(
      z.string().min(32, 'must be at least 32 characters (a long random secret)').optional(),
    ),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAX_UPLOAD_BYTES: intFromEnv(104_857_600, 1),
    UPLOAD_IDLE_TIMEOUT_SECONDS: intFromEnv(60, 1, 3600),
    STORAGE_DRIVER: z.enum(['local', 'gcs', 'none']).default('local'),
    GCS_BUCKET: optionalString,
    GCS_PROJECT_ID: optionalString,
    STORAGE_EMULATOR_HOST: url(['http', 'https']),
    REDIS_URL: url(['redis', 'rediss']),
    RATE_LIMIT_STORE: z.enum(['memory', 'postgres', 'redis']).optional(),
    RATE_LIMIT_UPLOADS_PER_MINUTE: intFromEnv(60, 0),
    RATE_LIMIT_PUBLIC_PER_MINUTE: intFromEnv(300, 0),
    RATE_LIMIT_API_PER_MINUTE: intFromEnv(1200, 0),
    TRUST_PROXY: trustProxy,
    GRAPHQL_MAX_COST: intFromEnv(25_000, 1),
    ORPHAN_SWEEP_INTERVAL_SECONDS: intFromEnv(3600, 0),
    SHUTDOWN_GRACE_SECONDS: intFromEnv(25, 0, 3600),
    WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
    WEBHOOK_RETRY_SCALE: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/, 'must be a decimal number')
      .transform(Number)
      .pipe(z.number().positive('must be more than 0').max(1000))
      .default(1),
    LINK_EXPIRY_CHECK_SECONDS: intFromEnv(30, 0, 3600),
    PROCESS_ROLES: processRoles,
    CLAMAV_HOST: optionalString,
    CLAMAV_PORT: intFromEnv(3310, 1, 65535),
    CLAMAV_SOCKET: optionalString,
    CLAMAV_TIMEOUT_SECONDS: intFromEnv(60, 1, 3600),
    SCAN_REQUIRED: optionalBoolean,
    SMTP_URL: url(['smtp', 'smtps']),
    SMTP_FROM: z.string().trim().min(3).max(320).default('intake-links <no-reply@localhost>'),
  });

/**
 * Rules between variables. Checked on the raw input, apart from the schema, so they are reported
 * even when other variables are invalid too (zod skips object refinements after some failures).
 */
export function crossFieldProblems(input: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const blank = (value: string | undefined) => value === undefined || value.trim() === '';
  if (input['STORAGE_DRIVER']?.trim() === 'gcs' && blank(input['GCS_BUCKET'])) {
    problems.push('GCS_BUCKET: is required when STORAGE_DRIVER=gcs');
  }
  if (input['RATE_LIMIT_STORE']?.trim() === 'redis' && blank(input['REDIS_URL'])) {
    problems.push('REDIS_URL: is required when RATE_LIMIT_STORE=redis');
  }
  if (!blank(input['CLAMAV_HOST']) && !blank(input['CLAMAV_SOCKET'])) {
    problems.push('CLAMAV_SOCKET: set either CLAMAV_HOST (with CLAMAV_PORT) or CLAMAV_SOCKET, not both');
  }
  return problems;
}

export type Env = z.infer<typeof envSchema>;
