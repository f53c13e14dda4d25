import { describe, expect, it } from 'vitest';
import { isForbiddenAddress, literalHostProblem } from '../../src/domain/webhook-url-policy.js';
import { retryDelayMs } from '../../src/domain/webhook-vocabulary.js';

describe('webhook address policy', () => {
  it.each([
    '127.0.0.1', '10.255.0.1', '172.31.255.255', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1',
    '::1', '::', 'fd00:ec2::254', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', 'ff02::1',
  ])('refuses %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });

  it('lets host names through to the send-time check, except names of this machine or a metadata service', () => {
    expect(literalHostProblem(new URL('https://hooks.example.com/x'))).toBeNull();
    expect(literalHostProblem(new URL('http://LOCALHOST./x'))).toContain('names this machine');
    expect(literalHostProblem(new URL('http://api.localhost/x'))).toContain('names this machine');
    expect(literalHostProblem(new URL('http://[::1]:8080/x'))).toContain('::1');
  });
});

describe('webhook retry schedule', () => {
  it('retries after 5 s and 30 s exactly, then backs off with ±20% jitter to about a day, then stops', () => {
    expect(retryDelayMs(1)).toBe(5_000);
    expect(retryDelayMs(2)).toBe(30_000);
    expect(retryDelayMs(3, 1, () => 0)).toBe(96_000);
    expect(retryDelayMs(3, 1, () => 1)).toBe(144_000);
    const total = Array.from({ length: 10 }, (_, i) => retryDelayMs(i + 1, 1, () => 0.5) as number).reduce((a, b) => a + b, 0);
    expect(total).toBe(85_355_000); // 23 h 42 m 35 s
    expect(retryDelayMs(11)).toBeNull();
    expect(retryDelayMs(1, 0.001)).toBe(5);
  });
});
