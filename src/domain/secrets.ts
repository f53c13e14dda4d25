import { createHash, randomBytes } from 'node:crypto';

/** Prefix of every API key, so secret scanners (and people) recognise a leaked one. */
export const API_KEY_PREFIX = 'ilk_';

const SECRET_BYTES = 32; // 256 bits from the CSPRNG; base64url gives 43 characters
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const API_KEY_PATTERN = /^ilk_[A-Za-z0-9_-]{43}$/;

/** A new customer link token: URL-safe, 43 characters, 256 bits. */
export function generateLinkToken(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/** A new operator API key: `ilk_` followed by 43 URL-safe characters (256 bits). */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(SECRET_BYTES).toString('base64url');
}

/** True when `value` has the shape of a link token (says nothing about whether it exists). */
export function isWellFormedLinkToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** True when `value` has the shape of an API key. */
export function isWellFormedApiKey(value: string): boolean {
  return API_KEY_PATTERN.test(value);
}

/** The lookup hash stored for a secret; the database never compares the secret itself. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
