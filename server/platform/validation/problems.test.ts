import { describe, expect, it } from 'vitest';
import { makeOrg, signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { addDays, today } from '../calendar/days.ts';

const ctx = await createTestApp();
const staff = await signedInUser(ctx, { roles: ['city_staff'] });

type Detail = { field: string; rule: string; message: string };

/** Sends the same request in both languages and returns both replies' status, code and details. */
async function both(method: 'GET' | 'POST', url: string, payload?: object) {
  const send = async (language: string) => {
    const res = await ctx.app.inject({
      method,
      url,
      headers: {
        ...(method === 'GET' ? staff.client.read : staff.client.headers),
        'accept-language': language,
      },
      ...(payload && { payload }),
    });
    const error = res.json().error as { code: string; details: Detail[] };
    return { status: res.statusCode, code: error.code, details: error.details };
  };
  return { zh: await send('zh-CN'), en: await send('en-US') };
}

/** Every detail has exactly the three keys of the one shape, and the languages differ only in the message. */
function expectOneShape(zh: Detail[], en: Detail[]) {
  expect(zh.length).toBeGreaterThan(0);
  for (const d of [...zh, ...en]) {
    expect(Object.keys(d).sort()).toEqual(['field', 'message', 'rule']);
    expect(d.field).toMatch(/^(body|query|params|headers|record)\./);
  }
  expect(en.map((d) => [d.field, d.rule])).toEqual(zh.map((d) => [d.field, d.rule]));
  zh.forEach((d, i) => {
    expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    expect(en[i]?.message).not.toMatch(/[\u4e00-\u9fff]/);
  });
}

describe('field problems', () => {
  it('a schema error and a service rule answer the same shape, in the caller’s language', async () => {
    const org = await makeOrg(ctx.db);
    const schema = await both('POST', '/api/branches', { name: 'x'.repeat(101), orgId: org.id });
    expect(schema.zh.status).toBe(400);
    expect(schema.zh.code).toBe('validation');
    expectOneShape(schema.zh.details, schema.en.details);
    expect(schema.zh.details).toEqual([
      { field: 'body.kind', rule: 'required', message: '此项必填' },
      { field: 'body.name', rule: 'maxLength', message: '最多 100 个字符' },
    ]);
    expect(schema.en.details.map((d) => d.message)).toEqual(['Required', 'At most 100 characters']);

    const rule = await both('POST', '/api/branches', {
      name: '未来支部',
      orgId: org.id,
      kind: 'standing',
      foundedOn: addDays(today(), 2),
    });
    expect(rule.zh.status).toBe(400);
    expect(rule.zh.code).toBe('validation');
    expectOneShape(rule.zh.details, rule.en.details);
    expect(rule.zh.details).toEqual([
      { field: 'body.foundedOn', rule: 'not_in_future', message: '日期不能晚于今天' },
    ]);
    expect(rule.en.details[0]?.message).toBe('The date cannot be later than today');
  });

  it('names query and path parameters by where they came from', async () => {
    const query = await both('GET', '/api/branches?pageSize=0');
    expectOneShape(query.zh.details, query.en.details);
    expect(query.zh.details).toEqual([{ field: 'query.pageSize', rule: 'minimum', message: '不能小于 1' }]);

    const params = await both('GET', '/api/branches/abc');
    expectOneShape(params.zh.details, params.en.details);
    expect(params.en.details).toEqual([
      { field: 'params.id', rule: 'type', message: 'Must be a whole number' },
    ]);
  });

  it('reports a value refused by every branch of "text or null" once, by its own rule', async () => {
    const org = await makeOrg(ctx.db);
    const { zh, en } = await both('POST', '/api/branches', {
      name: '长备注支部',
      orgId: org.id,
      kind: 'standing',
      remarks: 'x'.repeat(2001),
      foundedOn: 'yesterday',
      parentId: 'abc',
    });
    expectOneShape(zh.details, en.details);
    expect(zh.details.map((d) => `${d.field} ${d.rule}`).sort()).toEqual([
      'body.foundedOn format',
      'body.parentId type',
      'body.remarks maxLength',
    ]);
    expect(en.details.find((d) => d.field === 'body.foundedOn')?.message).toBe('Must be a date, YYYY-MM-DD');
    expect(zh.details.find((d) => d.field === 'body.parentId')?.message).toBe('应为整数');
  });
});
