import type { Db } from '../../db/database.ts';
import type { Keyring } from '../../platform/crypto/personal-data.ts';
import * as repo from './branches.repository.ts';

/**
 * Re-encrypts the mobile members' contact phones under the keyring's active key (key rotation), a
 * batch per transaction.
 */
export async function reencryptBranches(db: Db, keyring: Keyring): Promise<number> {
  let count = 0;
  for await (const batch of repo.streamSealedPhones(db)) {
    await db.transaction().execute(async (trx) => {
      for (const r of batch) {
        const sealed = r.contact_phone_enc as string;
        if (keyring.keyIdOf(sealed) === keyring.activeKeyId) continue;
        await repo.updateMobileMember(trx, r.id, {
          contact_phone_enc: keyring.encrypt(keyring.decrypt(sealed)),
        });
      }
    });
    count += batch.length;
  }
  return count;
}
