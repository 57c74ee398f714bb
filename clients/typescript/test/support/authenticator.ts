import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A small WebAuthn authenticator in software, as a browser and a platform authenticator would answer together:
 * ECDSA P-256 keys (node:crypto), the attestation object and COSE key in CBOR (attestation format `none`), and
 * assertions signed over authenticatorData and the hash of clientDataJSON. Its answers are `PublicKeyCredential.toJSON()`.
 */
export class SoftwareAuthenticator {
  private readonly credentials: { id: Buffer; key: KeyObject; userHandle: string; signCount: number }[] = [];

  constructor(readonly origin = 'http://localhost:3000') {}

  create(options: CreationOptionsJson): Record<string, unknown> {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const id = randomBytes(16);
    this.credentials.push({ id, key: privateKey, userHandle: options.user.id, signCount: 0 });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = cbor(new Map<number, unknown>([
      [1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x!, 'base64url')], [-3, Buffer.from(jwk.y!, 'base64url')],
    ]));
    const length = Buffer.alloc(2);
    length.writeUInt16BE(id.length);
    const authData = this.authenticatorData(options.rp.id, 0x40, 0, Buffer.concat([Buffer.alloc(16), length, id, cose]));
    const attestationObject = cbor(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
    return {
      id: id.toString('base64url'),
      rawId: id.toString('base64url'),
      type: 'public-key',
      response: {
        clientDataJSON: this.clientData('webauthn.create', options.challenge).toString('base64url'),
        attestationObject: attestationObject.toString('base64url'),
        transports: ['internal'],
      },
      clientExtensionResults: {},
    };
  }

  get(options: RequestOptionsJson): Record<string, unknown> {
    const credential = this.credentials[0];
    credential.signCount += 1;
    const clientData = this.clientData('webauthn.get', options.challenge);
    const authData = this.authenticatorData(options.rpId, 0, credential.signCount);
    const signature = sign('sha256', Buffer.concat([authData, createHash('sha256').update(clientData).digest()]), credential.key);
    return {
      id: credential.id.toString('base64url'),
      rawId: credential.id.toString('base64url'),
      type: 'public-key',
      response: {
        clientDataJSON: clientData.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        signature: signature.toString('base64url'),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
    };
  }

  private clientData(type: string, challenge: string): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin: this.origin, crossOrigin: false }));
  }

  /** RP id hash, flags (user present and verified, plus `extra`), the counter, and any attested credential data. */
  private authenticatorData(rpId: string, extra: number, signCount: number, attested = Buffer.alloc(0)): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(signCount);
    return Buffer.concat([createHash('sha256').update(rpId).digest(), Buffer.from([0x01 | 0x04 | extra]), counter, attested]);
  }
}

export interface CreationOptionsJson {
  challenge: string;
  rp: { id: string };
  user: { id: string };
}

export interface RequestOptionsJson {
  challenge: string;
  rpId: string;
}

/** The CBOR (RFC 8949) this needs: small and negative integers, text and byte strings, maps. */
function cbor(value: unknown): Buffer {
  const head = (major: number, length: number): Buffer =>
    length < 24 ? Buffer.from([(major << 5) | length])
      : length < 256 ? Buffer.from([(major << 5) | 24, length])
        : Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  if (typeof value === 'number') {
    return value >= 0 ? head(0, value) : head(1, -1 - value);
  }

  if (typeof value === 'string') {
    const text = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, text.length), text]);
  }

  if (Buffer.isBuffer(value)) {
    return Buffer.concat([head(2, value.length), value]);
  }

  if (value instanceof Map) {
    return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
  }

  throw new Error(`cannot encode ${typeof value}`);
}
