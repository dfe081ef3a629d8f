import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { safeEqual } from './hash.ts';

/**
 * Personal data at rest (national ID numbers, phone numbers): SM4-CBC encryption authenticated with
 * HMAC-SM3 (encrypt-then-MAC), under a key id so keys can rotate; and an HMAC-SM3 blind index for
 * exact lookup without decrypting. Keys come from a key file (DATA_KEYS_FILE, default
 * DATA_DIR/keys.json), generated on first start outside production.
 */
export interface KeyFile {
  /** id of the key new values are encrypted under */
  active: string;
  /** hex, 32 bytes: the blind-index key; stable across data-key rotations */
  blindIndexKey: string;
  /** id → { enc: hex 16 bytes (SM4), mac: hex 32 bytes (HMAC-SM3) } */
  keys: Record<string, { enc: string; mac: string }>;
}

/** What a purpose-separated blind index is for. */
export type LookupPurpose = 'id_number' | 'phone';

/**
 * Initialisation vectors from the system CSPRNG, drawn 256 at a time: one call per block instead of one
 * per value (an import of 100,000 people encrypts 300,000 values). Each IV is used once.
 */
const ivPool = { bytes: Buffer.alloc(0), at: 0 };
function nextIv(): Buffer {
  if (ivPool.at + 16 > ivPool.bytes.length) {
    ivPool.bytes = randomBytes(4096);
    ivPool.at = 0;
  }
  const iv = ivPool.bytes.subarray(ivPool.at, ivPool.at + 16);
  ivPool.at += 16;
  return iv;
}

export class Keyring {
  /** keys decoded once: encrypting is on the path of every import row */
  private readonly keys = new Map<string, { enc: KeyObject; mac: Buffer }>();
  private readonly blindIndexKey: Buffer;

  constructor(private readonly file: KeyFile) {
    if (!file.keys[file.active]) throw new Error(`key file: active key ${file.active} is missing`);
    for (const [id, k] of Object.entries(file.keys)) {
      this.keys.set(id, { enc: createSecretKey(Buffer.from(k.enc, 'hex')), mac: Buffer.from(k.mac, 'hex') });
    }
    this.blindIndexKey = Buffer.from(file.blindIndexKey, 'hex');
  }

  get activeKeyId(): string {
    return this.file.active;
  }

  /** Encrypts a value under the active key: `keyId.iv.ciphertext.mac`, base64url parts. */
  encrypt(plain: string): string {
    const keyId = this.file.active;
    const key = this.key(keyId);
    const iv = nextIv();
    const cipher = createCipheriv('sm4-cbc', key.enc, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const body = `${keyId}.${iv.toString('base64url')}.${ct.toString('base64url')}`;
    return `${body}.${createHmac('sm3', key.mac).update(body).digest('base64url')}`;
  }

  /** Decrypts a value written by `encrypt`; throws when it was altered. */
  decrypt(sealed: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 4) throw new Error('personal data: malformed ciphertext');
    const [keyId, iv, ct, mac] = parts as [string, string, string, string];
    const key = this.key(keyId);
    const expected = createHmac('sm3', key.mac).update(`${keyId}.${iv}.${ct}`).digest('base64url');
    if (!safeEqual(expected, mac)) throw new Error('personal data: authentication failed');
    const decipher = createDecipheriv('sm4-cbc', key.enc, Buffer.from(iv, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** Encrypts when there is a value. */
  seal(plain: string | null | undefined): string | null {
    return plain ? this.encrypt(plain) : null;
  }

  /** Decrypts when there is a value. */
  open(sealed: string | null | undefined): string | null {
    return sealed ? this.decrypt(sealed) : null;
  }

  /** The key id a sealed value was written under. */
  keyIdOf(sealed: string): string {
    return sealed.slice(0, sealed.indexOf('.'));
  }

  /** The blind index of a normalised value: equal values give equal indexes, nothing else is revealed. */
  lookup(purpose: LookupPurpose, normalized: string): string {
    return createHmac('sm3', this.blindIndexKey).update(`${purpose}:${normalized}`).digest('hex');
  }

  private key(id: string) {
    const k = this.keys.get(id);
    if (!k) throw new Error(`personal data: unknown key ${id}`);
    return k;
  }
}

function newKey() {
  return { enc: randomBytes(16).toString('hex'), mac: randomBytes(32).toString('hex') };
}

/** A fresh key file. */
export function generateKeyFile(): KeyFile {
  return { active: 'k1', blindIndexKey: randomBytes(32).toString('hex'), keys: { k1: newKey() } };
}

/** Adds a new data key and makes it the active one; old keys stay to decrypt until re-encryption. */
export function addKey(file: KeyFile): KeyFile {
  const next = Math.max(0, ...Object.keys(file.keys).map((k) => Number(k.replace(/\D/g, '')) || 0)) + 1;
  const id = `k${next}`;
  return { ...file, active: id, keys: { ...file.keys, [id]: newKey() } };
}

/** Keeps only the keys still needed. */
export function retainKeys(file: KeyFile, ids: Iterable<string>): KeyFile {
  const keep = new Set(ids);
  keep.add(file.active);
  return { ...file, keys: Object.fromEntries(Object.entries(file.keys).filter(([id]) => keep.has(id))) };
}

/** Writes a key file readable by its owner only, atomically. */
export function writeKeyFile(file: string, keys: KeyFile) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * Loads the key file; outside production a missing one is generated (demo and development). In
 * production a missing key file stops the start: several instances must share one key file, and a
 * silently generated key would make data unreadable elsewhere.
 */
export function loadKeyring(file: string, allowGenerate: boolean): Keyring {
  if (!fs.existsSync(file)) {
    if (!allowGenerate) {
      throw new Error(
        `Personal-data key file ${file} is missing: create it with \`npm run keys:rotate -- --init\``,
      );
    }
    writeKeyFile(file, generateKeyFile());
  }
  return new Keyring(JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile);
}

/** Masks an 18-character ID number: 320602********1234. */
export function maskIdNumber(value: string | null): string | null {
  return value ? `${value.slice(0, 6)}********${value.slice(-4)}` : null;
}

/** Masks a phone number: a mobile keeps its first three and last four digits (138****5678), a landline its last four. */
export function maskPhone(value: string | null): string | null {
  if (!value) return null;
  return value.length >= 11 ? `${value.slice(0, 3)}****${value.slice(-4)}` : `****${value.slice(-4)}`;
}
