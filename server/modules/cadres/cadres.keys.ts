import type { Db } from '../../db/database.ts';
import type { Keyring } from '../../platform/crypto/personal-data.ts';
import * as repo from './cadres.repository.ts';

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
        await repo.updateCadre(trx, r.id, {
          id_number_enc: reseal(r.id_number_enc) as string,
          mobile_enc: reseal(r.mobile_enc),
          landline_enc: reseal(r.landline_enc),
          emergency_contacts_enc: reseal(r.emergency_contacts_enc),
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
