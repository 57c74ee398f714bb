import { createHmac } from 'node:crypto';

/**
 * A copy of an HS256 access token with new times, signed again with the service's secret: the service accepts it
 * exactly as the original until `exp`, so an expired copy is the original token as the service sees it after expiry.
 */
export function resignedToken(token: string, secret: string, expiresInSeconds: number): string {
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  claims.exp = now + expiresInSeconds;
  claims.nbf = Math.min(now, now + expiresInSeconds) - 60;
  claims.iat = claims.nbf;
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

/** RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits) for a base32 secret, at `time` (ms since the epoch). */
export function totp(base32Secret: string, time = Date.now()): string {
  const key = base32Decode(base32Secret);
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(time / 1000 / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  // RFC 4226 dynamic truncation.
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return binary.toString().padStart(6, '0');
}

function base32Decode(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const character of text.replace(/=+$/, '').toUpperCase()) {
    const index = alphabet.indexOf(character);
    if (index < 0) {
      throw new Error(`not base32: ${character}`);
    }

    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }

  return Buffer.from(bytes);
}
