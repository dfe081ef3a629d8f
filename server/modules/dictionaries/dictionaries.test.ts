import { describe, expect, it } from 'vitest';
import { signedInAuditor, signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();

interface Item {
  code: string;
  labelZh: string;
  labelEn: string;
  sortOrder: number;
  active: boolean;
}

let n = 0;
const uniqueCode = (stem: string) => `${stem}_${++n}_${Date.now() % 100000}`;

async function reader() {
  return (await signedInUser(ctx, { roles: ['unit_staff'] })).client;
}

async function admin() {
  return signedInUser(ctx, { roles: ['sysadmin'] });
}

async function items(code: string, headers: Record<string, string>): Promise<Item[]> {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/dictionaries/${code}/items`, headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('the seeded national-standard tables', () => {
  it('are listed with their standards and marked fixed', async () => {
    const client = await reader();
    const res = await ctx.app.inject({ method: 'GET', url: '/api/dictionaries', headers: client.read });
    expect(res.statusCode).toBe(200);
    const byCode = new Map(
      res
        .json<{ code: string; standard: string | null; editable: boolean; itemCount: number }[]>()
        .map((d) => [d.code, d]),
    );
    expect(byCode.get('gender')).toMatchObject({
      standard: 'GB/T 2261.1-2003',
      editable: false,
      itemCount: 4,
    });
    expect(byCode.get('ethnicity')).toMatchObject({
      standard: 'GB/T 3304-1991',
      editable: false,
      itemCount: 58,
    });
    expect(byCode.get('education')).toMatchObject({ standard: 'GB/T 4658-2006', editable: false });
    expect(byCode.get('political_status')).toMatchObject({ standard: 'GB/T 4762-1984', editable: false });
    expect(byCode.get('rank')).toMatchObject({ standard: null, editable: true });
  });

  it('hold GB/T 2261.1 gender codes', async () => {
    const gender = await items('gender', (await reader()).read);
    expect(gender.map((i) => [i.code, i.labelZh])).toEqual([
      ['0', '未知的性别'],
      ['1', '男'],
      ['2', '女'],
      ['9', '未说明的性别'],
    ]);
  });

  it('hold the 56 nationalities of GB/T 3304 plus its two extra codes', async () => {
    const ethnicity = await items('ethnicity', (await reader()).read);
    const codes = ethnicity.map((i) => i.code);
    const expected = Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0'));
    expect(codes).toEqual([...expected, '97', '98']);
    expect(ethnicity.find((i) => i.code === '01')?.labelZh).toBe('汉族');
    expect(ethnicity.find((i) => i.code === '56')?.labelZh).toBe('基诺族');
    expect(ethnicity.find((i) => i.code === '97')?.labelZh).toBe('其他');
    expect(ethnicity.find((i) => i.code === '98')?.labelZh).toBe('外国血统中国籍人士');
  });

  it('hold GB/T 4762 political status codes', async () => {
    const status = await items('political_status', (await reader()).read);
    expect(status.find((i) => i.code === '01')?.labelZh).toBe('中国共产党党员');
    expect(status.find((i) => i.code === '02')?.labelZh).toBe('中国共产党预备党员');
    expect(status.find((i) => i.code === '13')?.labelZh).toBe('群众');
  });

  it('answer 404 for an unknown table', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/dictionaries/no_such_table/items',
      headers: (await reader()).read,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('dictionary.not_found');
  });
});

describe('changing codes', () => {
  it('refuses a new code in a national-standard table', async () => {
    const { client } = await admin();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/dictionaries/gender/items',
      headers: client.headers,
      payload: { code: '3', labelZh: '其他', labelEn: 'Other' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('dictionary.standard_fixed');
    expect((await items('gender', client.read)).map((i) => i.code)).toEqual(['0', '1', '2', '9']);
  });

  it('adds a code to a local table, after the last one', async () => {
    const { client } = await admin();
    const before = await items('rank', client.read);
    const code = uniqueCode('rank');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/dictionaries/rank/items',
      headers: client.headers,
      payload: { code, labelZh: '一级调研员', labelEn: 'First-grade researcher' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code, labelZh: '一级调研员', active: true });
    expect(res.json().sortOrder).toBeGreaterThan(Math.max(...before.map((i) => i.sortOrder)));
    const after = await items('rank', client.read);
    expect(after.at(-1)?.code).toBe(code);

    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/dictionaries/rank/items',
      headers: client.headers,
      payload: { code, labelZh: '重复', labelEn: 'Duplicate' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('dictionary.item_exists');
  });

  it('relabels a code, in a national-standard table too, and audits it', async () => {
    const admin1 = await admin();
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/dictionaries/political_status/items/13',
      headers: admin1.client.headers,
      payload: { labelEn: 'Ordinary citizen' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '13', labelZh: '群众', labelEn: 'Ordinary citizen' });
    const shown = (await items('political_status', admin1.client.read)).find((i) => i.code === '13');
    expect(shown?.labelEn).toBe('Ordinary citizen');

    const auditor = await signedInAuditor(ctx);
    const log = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?action=dictionary.item_update&actorId=${admin1.id}`,
      headers: auditor.client.read,
    });
    expect(log.json().items).toEqual([
      expect.objectContaining({
        entity: 'dictionary',
        entityId: 'political_status/13',
        before: expect.objectContaining({ labelEn: expect.not.stringMatching('Ordinary citizen') }),
        after: expect.objectContaining({ labelEn: 'Ordinary citizen' }),
      }),
    ]);
  });

  it('retires a code without removing it', async () => {
    const { client } = await admin();
    const code = uniqueCode('old');
    await ctx.app.inject({
      method: 'POST',
      url: '/api/dictionaries/rank/items',
      headers: client.headers,
      payload: { code, labelZh: '旧职级', labelEn: 'Old rank' },
    });
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/dictionaries/rank/items/${code}`,
      headers: client.headers,
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect((await items('rank', client.read)).find((i) => i.code === code)?.active).toBe(false);
  });

  it('changes nothing, and audits nothing, when asked to change nothing', async () => {
    const { client, id } = await admin();
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/dictionaries/gender/items/0',
      headers: client.headers,
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: '0', labelZh: '未知的性别' });
    const auditor = await signedInAuditor(ctx);
    const log = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?action=dictionary.item_update&actorId=${id}`,
      headers: auditor.client.read,
    });
    expect(log.json().items).toEqual([]);
  });

  it('answers 404 for an unknown code', async () => {
    const { client } = await admin();
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/dictionaries/gender/items/7',
      headers: client.headers,
      payload: { labelZh: '无' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('dictionary.item_not_found');
  });

  it('takes dictionaries:write', async () => {
    const client = await reader();
    const add = await ctx.app.inject({
      method: 'POST',
      url: '/api/dictionaries/rank/items',
      headers: client.headers,
      payload: { code: uniqueCode('no'), labelZh: '无权', labelEn: 'No' },
    });
    expect(add.statusCode).toBe(403);
    expect(add.json().error.code).toBe('auth.forbidden');
    const relabel = await ctx.app.inject({
      method: 'PATCH',
      url: '/api/dictionaries/gender/items/1',
      headers: client.headers,
      payload: { labelZh: '男性' },
    });
    expect(relabel.statusCode).toBe(403);
    expect((await items('gender', client.read)).find((i) => i.code === '1')?.labelZh).toBe('男');
  });
});
