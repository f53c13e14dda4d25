import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/app');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs with no environment at all, with the documented defaults', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config.http.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('/srv/app', '.data'));
    expect(config.uploads.maxBytes).toBe(104_857_600);
    expect(config.storage).toEqual({ driver: 'local', root: path.resolve('/srv/app/.data/files') });
    expect(config.rateLimits).toMatchObject({ store: 'memory', uploadsPerMinute: 60, publicPerMinute: 300 });
    expect(config.nodeEnv).toBe('development');
    expect(config.adminToken).toBeUndefined();
  });

  it('reads PROCESS_ROLES (default both) and the scanner variables', () => {
    expect(loadConfig({}, '/srv/app').roles).toEqual({ web: true, worker: true, names: ['web', 'worker'] });
    expect(loadConfig({}, '/srv/app').scanner).toBe(null);
    expect(loadConfig({ PROCESS_ROLES: ' worker ' }, '/srv/app').roles).toEqual({ web: false, worker: true, names: ['worker'] });
    expect(loadConfig({ CLAMAV_HOST: 'clamd.internal' }, '/srv/app').scanner).toEqual({
      address: { host: 'clamd.internal', port: 3310 },
      timeoutMs: 60_000,
      required: true,
    });
    expect(loadConfig({ CLAMAV_SOCKET: '/run/clamd.sock', SCAN_REQUIRED: 'false', CLAMAV_TIMEOUT_SECONDS: '5' }, '/srv/app').scanner).toEqual({
      address: { socket: '/run/clamd.sock' },
      timeoutMs: 5_000,
      required: false,
    });
    expect(problemsOf({ PROCESS_ROLES: 'web,cron', SCAN_REQUIRED: 'yes', CLAMAV_HOST: 'a', CLAMAV_SOCKET: '/b' }).map((p) => p.split(':')[0]).sort()).toEqual(
      ['CLAMAV_SOCKET', 'PROCESS_ROLES.1', 'SCAN_REQUIRED'],
    );
    expect(problemsOf({ PROCESS_ROLES: ',' })).toEqual(['PROCESS_ROLES: must name at least one of web and worker']);
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://db/x',
      MAX_UPLOAD_BYTES: '-5',
      LOG_LEVEL: 'loud',
      STORAGE_DRIVER: 'gcs',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '1.5',
      ADMIN_TOKEN: 'short',
      NODE_ENV: 'staging',
    });
    const names = problems.map((p) => p.split(':')[0]);
    expect(names).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'MAX_UPLOAD_BYTES', 'LOG_LEVEL', 'GCS_BUCKET', 'RATE_LIMIT_UPLOADS_PER_MINUTE', 'ADMIN_TOKEN', 'NODE_ENV']),
    );
    expect(problems).toHaveLength(8);
  });

  it('never echoes a secret back in its messages', () => {
    const secret = 'short-secret';
    expect(problemsOf({ ADMIN_TOKEN: secret }).join('\n')).not.toContain(secret);
  });

  it('reads GCS, Redis, rate limits and TRUST_PROXY', () => {
    const config = loadConfig(
      {
        STORAGE_DRIVER: 'gcs',
        GCS_BUCKET: 'intake-files',
        STORAGE_EMULATOR_HOST: 'http://127.0.0.1:9199',
        REDIS_URL: 'redis://127.0.0.1:6379',
        RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
        TRUST_PROXY: 'loopback, 10.0.0.0/8',
        PUBLIC_BASE_URL: 'https://files.example.com/',
        NODE_ENV: 'production',
      },
      '/srv/app',
    );
    expect(config.storage).toEqual({ driver: 'gcs', bucket: 'intake-files', projectId: undefined, emulatorHost: 'http://127.0.0.1:9199' });
    expect(config.rateLimits.store).toBe('redis');
    expect(config.rateLimits.publicPerMinute).toBe(0);
    expect(config.http.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(config.http.publicBaseUrl).toBe('https://files.example.com');
    expect(config.nodeEnv).toBe('production');
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
  });
});
