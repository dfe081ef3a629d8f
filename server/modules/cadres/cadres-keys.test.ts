import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addKey, type KeyFile, Keyring } from '../../platform/crypto/personal-data.ts';
import { makeCadre, makeOrg, signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { fillMaskedNumbers, reencryptCadres } from './cadres.keys.ts';

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

describe('masked numbers', () => {
  it('shows the masked numbers kept beside the ciphertext, fills missing ones and keeps them right on rotation', async () => {
    const ctx = await createTestApp();
    const staff = await signedInUser(ctx, { roles: ['city_staff'] });
    const org = await makeOrg(ctx.db);
    const cadre = await makeCadre(ctx, staff.client, { orgId: org.id, mobile: '13755556666' });
    const shown = `${cadre.idNumber.slice(0, 6)}********${cadre.idNumber.slice(-4)}`;
    const read = async () => {
      const list = await ctx.app.inject({
        method: 'GET',
        url: `/api/cadres?orgId=${org.id}`,
        headers: staff.client.read,
      });
      const view = await ctx.app.inject({
        method: 'GET',
        url: `/api/cadres/${cadre.id}`,
        headers: staff.client.read,
      });
      const item = list.json().items[0];
      return { list: [item.idNumber, item.mobile], view: [view.json().idNumber, view.json().mobile] };
    };
    const masked = { list: [shown, '137****6666'], view: [shown, '137****6666'] };
    expect(await read()).toEqual(masked);

    // What is shown is what is stored: the ciphertext is not opened to mask it.
    const set = (values: { id_number_masked: string | null; mobile_masked: string | null }) =>
      ctx.db.updateTable('cadres').set(values).where('id', '=', cadre.id).execute();
    await set({ id_number_masked: '999999********9999', mobile_masked: '199****9999' });
    const stored = {
      list: ['999999********9999', '199****9999'],
      view: ['999999********9999', '199****9999'],
    };
    expect(await read()).toEqual(stored);

    // A record stored before they were kept is shown by decrypting, until the start fills it.
    const file = JSON.parse(fs.readFileSync(ctx.config.keysFile, 'utf8')) as KeyFile;
    await set({ id_number_masked: null, mobile_masked: null });
    expect(await read()).toEqual(masked);
    expect(await fillMaskedNumbers(ctx.db, new Keyring(file))).toBe(1);
    const row = await ctx.db
      .selectFrom('cadres')
      .select(['id_number_masked', 'mobile_masked', 'landline_masked'])
      .where('id', '=', cadre.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ id_number_masked: shown, mobile_masked: '137****6666', landline_masked: null });
    expect(await fillMaskedNumbers(ctx.db, new Keyring(file))).toBe(0);

    // Rotation writes them again from the plain values; the server, still on the old key file, shows
    // them without being able to decrypt anything.
    await set({ id_number_masked: '999999********9999', mobile_masked: '199****9999' });
    await reencryptCadres(ctx.db, new Keyring(addKey(file)), () => {});
    expect(await read()).toEqual(masked);
  });
});
