import { describe, expect, it } from 'vitest';
import { addKey, generateKeyFile, Keyring, maskIdNumber, maskPhone } from './personal-data.ts';

describe('personal data', () => {
  const keys = generateKeyFile();
  const ring = new Keyring(keys);

  it('round-trips and randomises ciphertexts', () => {
    const a = ring.encrypt('32060219450101123X');
    const b = ring.encrypt('32060219450101123X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('19450101');
    expect(ring.decrypt(a)).toBe('32060219450101123X');
  });
  it('detects tampering', () => {
    const sealed = ring.encrypt('13812345678');
    const parts = sealed.split('.');
    parts[2] = `${parts[2]?.slice(0, -2)}AA`;
    expect(() => ring.decrypt(parts.join('.'))).toThrow(/authentication/);
  });
  it('decrypts old values after rotation and encrypts under the new key', () => {
    const old = ring.encrypt('hello');
    const rotated = new Keyring(addKey(keys));
    expect(rotated.decrypt(old)).toBe('hello');
    expect(rotated.keyIdOf(rotated.encrypt('x'))).toBe('k2');
  });
  it('gives equal blind indexes for equal values, separated by purpose', () => {
    expect(ring.lookup('phone', '13812345678')).toBe(ring.lookup('phone', '13812345678'));
    expect(ring.lookup('phone', '13812345678')).not.toBe(ring.lookup('id_number', '13812345678'));
  });
  it('masks', () => {
    expect(maskIdNumber('320602194501011234')).toBe('320602********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('85512345')).toBe('****2345');
  });
});
