import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** SM3 digest (GB/T 32905) of a string, as hex. */
export function sm3(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex');
}

/** HMAC-SM3 of a string under a key, as hex. */
export function hmacSm3(key: Buffer | string, text: string): string {
  return createHmac('sm3', key).update(text, 'utf8').digest('hex');
}

/** A 256-bit random token, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares two strings in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
