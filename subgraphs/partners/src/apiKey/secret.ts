import { createHash, randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** The largest multiple of 62 a byte can hold: bytes at or above it are dropped, so every character is equally likely. */
const UNBIASED = 248;
const SECRET_LENGTH = 40;

/** What every secret starts with, so that leaked keys are recognised by scanners and people alike. */
export const SECRET_PREFIX = 'iocg_';

/** A new secret: `iocg_` and 40 base62 characters from the system's CSPRNG (about 238 bits). */
export function newSecret(): string {
  let out = '';
  while (out.length < SECRET_LENGTH) {
    for (const byte of randomBytes(64)) {
      if (byte < UNBIASED && out.length < SECRET_LENGTH) out += BASE62[byte % 62];
    }
  }
  return SECRET_PREFIX + out;
}

/** What is stored of a secret and what a gateway looks a key up by: its SHA-256, hex. */
export const secretHash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');

/** What lists show of a secret: its first 8 characters. */
export const secretPrefix = (secret: string) => secret.slice(0, 8);

/** Whether a string has the shape of a secret (for `seedDemoApiKey`). */
export const isSecret = (value: string) => /^iocg_[0-9A-Za-z]{40}$/.test(value);
