import type { Db } from '../../db/database.ts';
import type { Keyring } from '../../platform/crypto/personal-data.ts';
import * as repo from './cadres.repository.ts';
import { maskedNumbers } from './cadres.service.ts';

/**
 * Re-encrypts every sealed value of the roster under the keyring's active key (key rotation), a batch
 * per transaction. The blind indexes do not change: their key is not rotated.
 */
export async function reencryptCadres(
  db: Db,
  keyring: Keyring,
  onProgress: (n: number) => void,
): Promise<number> {
  let count = 0;
  const reseal = (v: string | null) =>
    v && keyring.keyIdOf(v) !== keyring.activeKeyId ? keyring.encrypt(keyring.decrypt(v)) : v;
  for await (const batch of repo.streamEncrypted(db)) {
    await db.transaction().execute(async (trx) => {
      for (const r of batch) {
        // The masked forms are written again from the plain values, so they cannot drift from them.
        const masked = maskedNumbers({ ...r, id_number_masked: null, mobile_masked: null }, keyring);
        await repo.updateCadre(trx, r.id, {
          id_number_enc: reseal(r.id_number_enc) as string,
          mobile_enc: reseal(r.mobile_enc),
          landline_enc: reseal(r.landline_enc),
          emergency_contacts_enc: reseal(r.emergency_contacts_enc),
          id_number_masked: masked.idNumber,
          mobile_masked: masked.mobile,
          landline_masked: masked.landline,
        });
      }
      await repo.resealLedgers(
        trx,
        batch.map((r) => r.id),
        reseal,
      );
    });
    count += batch.length;
    onProgress(count);
  }
  return count;
}

/**
 * Writes the masked numbers of records that have none: those stored before masked forms were kept
 * beside the ciphertext, or written by an instance of an earlier version. Run at every start; with
 * nothing to fill it costs one read of an empty partial index.
 */
export async function fillMaskedNumbers(db: Db, keyring: Keyring): Promise<number> {
  let count = 0;
  for (;;) {
    const batch = await repo.findUnmasked(db, 1000);
    if (batch.length === 0) return count;
    await db.transaction().execute(async (trx) => {
      for (const r of batch) {
        const masked = maskedNumbers(r, keyring);
        await repo.updateCadre(trx, r.id, {
          id_number_masked: masked.idNumber,
          mobile_masked: masked.mobile,
          landline_masked: masked.landline,
        });
      }
    });
    count += batch.length;
  }
}
