// RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s steps) from a base32 secret (RFC 4648).
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Normalises a secret as shown to people: drops spaces, dashes and `=` padding, upper-cases. */
export function normalizeSecret(secret) {
  return String(secret).replace(/[\s\-=]/g, '').toUpperCase();
}

/** Decodes RFC 4648 base32 (padding and grouping spaces allowed). */
export function base32Decode(secret) {
  const clean = normalizeSecret(secret);
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of clean) {
    const idx = ALPHABET.indexOf(ch);
    if (idx < 0) throw new Error(`invalid base32 character ${JSON.stringify(ch)} in TOTP secret`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP for a counter. */
export function hotp(key, counter, digits = 6) {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const bin = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

/** Time step (counter) for a moment, 30 s steps from the Unix epoch. */
export function timeStep(timeMs = Date.now(), period = 30) {
  return Math.floor(timeMs / 1000 / period);
}

/** The TOTP code for a base32 secret at a moment (default: now). */
export function totp(secret, { timeMs = Date.now(), period = 30, digits = 6 } = {}) {
  return hotp(base32Decode(secret), timeStep(timeMs, period), digits);
}
