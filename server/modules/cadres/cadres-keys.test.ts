import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addKey, type KeyFile, Keyring } from '../../platform/crypto/personal-data.ts';
import { makeCadre, makeOrg, signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { reencryptCadres } from './cadres.keys.ts';

const ctx = await createTestApp();

describe('key rotation', () => {
  it('re-encrypts every sealed value under the new key, readable as before', async () => {
    const staff = await signedInUser(ctx, { roles: ['city_staff'] });
    const org = await makeOrg(ctx.db);
    const cadre = await makeCadre(ctx, staff.client, { orgId: org.id, mobile: '13711112222' });
    await ctx.app.inject({
      method: 'POST',
      url: `/api/cadres/${cadre.id}/family`,
      headers: staff.client.headers,
      payload: { name: '王小红', relation: '女儿', phone: '13633334444' },
    });
    const file = JSON.parse(fs.readFileSync(ctx.config.keysFile, 'utf8')) as KeyFile;
    const rotated = new Keyring(addKey(file));
    const n = await reencryptCadres(ctx.db, rotated, () => {});
    expect(n).toBeGreaterThanOrEqual(1);
    const row = await ctx.db
      .selectFrom('cadres')
      .selectAll()
      .where('id', '=', cadre.id)
      .executeTakeFirstOrThrow();
    expect(rotated.keyIdOf(row.id_number_enc)).toBe(rotated.activeKeyId);
    expect(rotated.decrypt(row.id_number_enc)).toBe(cadre.idNumber);
    expect(rotated.open(row.mobile_enc)).toBe('13711112222');
    const family = await ctx.db
      .selectFrom('cadre_family_members')
      .selectAll()
      .where('cadre_id', '=', cadre.id)
      .executeTakeFirstOrThrow();
    expect(rotated.keyIdOf(family.phone_enc as string)).toBe(rotated.activeKeyId);
    expect(rotated.open(family.phone_enc)).toBe('13633334444');
  });
});
