import fs from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { sqliteFile } from '../../db/dialect.ts';
import { addDays, today } from '../../platform/calendar/days.ts';
import { makeCadre, makeIdNumber, makeOrg, signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();
const staff = await signedInUser(ctx, { roles: ['city_staff'] });
const org = await makeOrg(ctx.db);
const api = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  client = staff.client,
) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload !== undefined && { payload: payload as object }),
  });

describe('the master record', () => {
  it('normalises the ID number and derives birth date, gender and age', async () => {
    const id = makeIdNumber('1935-03-08', '2');
    const typed = ` ${id.slice(0, -1).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))}${id.slice(-1).toLowerCase()} `;
    const res = await api('POST', '/api/cadres', {
      name: '王秀英',
      idNumber: typed,
      orgId: org.id,
      category: 'lixiu',
      revolutionaryPeriod: 'liberation_war',
    });
    expect(res.statusCode, res.body).toBe(201);
    const cadre = res.json();
    expect(cadre.birthDate).toBe('1935-03-08');
    expect(cadre.gender).toBe('2');
    expect(cadre.age).toBeGreaterThanOrEqual(90);
    expect(cadre.ageBand).toBe('90+');
    expect(cadre.idNumber).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
  });

  it('refuses a wrong checksum with a clear reason', async () => {
    const id = makeIdNumber();
    const wrong = `${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`;
    const res = await api('POST', '/api/cadres', {
      name: '李四',
      idNumber: wrong,
      orgId: org.id,
      category: 'tuixiu',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual(
      expect.objectContaining({ field: 'body.idNumber', rule: 'checksum' }),
    );
    expect(res.json().error.details[0].message).toContain('校验码');
  });

  it('refuses a birth date or gender that disagrees with the ID number', async () => {
    const res = await api('POST', '/api/cadres', {
      name: '赵六',
      idNumber: makeIdNumber('1950-01-01', '1'),
      orgId: org.id,
      category: 'tuixiu',
      birthDate: '1951-01-01',
      gender: '2',
    });
    expect(res.statusCode).toBe(400);
    const rules = res.json().error.details.map((d: { field: string }) => d.field);
    expect(rules).toEqual(expect.arrayContaining(['body.birthDate', 'body.gender']));
  });

  it('applies the lixiu rules', async () => {
    const res = await api('POST', '/api/cadres', {
      name: '钱七',
      idNumber: makeIdNumber('1928-01-01'),
      orgId: org.id,
      category: 'lixiu',
      workStartedOn: '1950-01-01',
    });
    expect(res.statusCode).toBe(400);
    const rules = res.json().error.details.map((d: { rule: string }) => d.rule);
    expect(rules).toEqual(expect.arrayContaining(['required_for_lixiu', 'lixiu_before_1949']));
  });

  it('refuses a second record with the same ID number', async () => {
    const first = await makeCadre(ctx, staff.client, { orgId: org.id });
    const res = await api('POST', '/api/cadres', {
      name: '重复',
      idNumber: first.idNumber.toLowerCase(),
      orgId: org.id,
      category: 'tuixiu',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('cadre.duplicate_id_number');
  });

  it('keeps no plain ID number or phone anywhere in the database', async () => {
    const id = makeIdNumber('1944-04-04');
    await makeCadre(ctx, staff.client, {
      orgId: org.id,
      idNumber: id,
      mobile: '13912345678',
      landline: '0513-85123456',
    });
    const rows = JSON.stringify(await ctx.db.selectFrom('cadres').selectAll().execute());
    const audit = JSON.stringify(await ctx.db.selectFrom('audit_log').selectAll().execute());
    for (const plain of [id, '13912345678', '85123456']) {
      expect(rows.includes(plain), plain).toBe(false);
      expect(audit.includes(plain), plain).toBe(false);
    }
    const file = sqliteFile(ctx.dataDir);
    if (process.env.TEST_DATABASE_URL) return;
    // On SQLite, read the file's bytes themselves (and its write-ahead log).
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(ctx.db);
    const bytes = Buffer.concat([
      fs.readFileSync(file),
      fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0),
    ]);
    expect(bytes.length).toBeGreaterThan(10_000);
    for (const plain of [id, '13912345678', '85123456'])
      expect(bytes.includes(Buffer.from(plain)), plain).toBe(false);
  });

  it('masks phones and reveals them only with the permission, auditing each reveal', async () => {
    const cadre = await makeCadre(ctx, staff.client, { orgId: org.id, mobile: '13812345678' });
    const got = (await api('GET', `/api/cadres/${cadre.id}`)).json();
    expect(got.mobile).toBe('138****5678');
    const reveal = await api('POST', `/api/cadres/${cadre.id}/reveal`);
    expect(reveal.statusCode).toBe(200);
    expect(reveal.json()).toMatchObject({ idNumber: cadre.idNumber, mobile: '13812345678' });
    const entries = await ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'cadre.reveal')
      .where('entity_id', '=', String(cadre.id))
      .execute();
    expect(entries).toHaveLength(1);
    const leader = await signedInUser(ctx, { roles: ['leader'] });
    expect((await api('POST', `/api/cadres/${cadre.id}/reveal`, undefined, leader.client)).statusCode).toBe(
      403,
    );
  });

  it('updates, re-deriving from a new ID number, and keeps a history', async () => {
    const cadre = await makeCadre(ctx, staff.client, { orgId: org.id, name: '孙八' });
    const newId = makeIdNumber('1945-09-03', '2');
    const res = await api('PATCH', `/api/cadres/${cadre.id}`, { idNumber: newId, remarks: '改正身份证号' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ birthDate: '1945-09-03', gender: '2', remarks: '改正身份证号' });
    const history = (await api('GET', `/api/cadres/${cadre.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['cadre.update', 'cadre.create']);
    expect(JSON.stringify(history)).not.toContain(newId);
  });
});

describe('finding people', () => {
  it('finds by name, pinyin, initials, given name, ID number and phone', async () => {
    const cadre = await makeCadre(ctx, staff.client, {
      orgId: org.id,
      name: '诸葛明亮',
      mobile: '13700001111',
      formerNames: ['诸葛亮'],
    });
    for (const keyword of [
      '诸葛',
      '明亮',
      'zhugemingliang',
      'zgml',
      'zhuge',
      'mingl',
      cadre.idNumber,
      '13700001111',
      'zgl',
    ]) {
      const res = await api('GET', `/api/cadres?keyword=${encodeURIComponent(keyword)}`);
      expect(res.statusCode).toBe(200);
      expect(
        res.json().items.map((i: { id: number }) => i.id),
        keyword,
      ).toContain(cadre.id);
    }
  });

  it('lists a keyword search in name order, each person once, following moves, renames and deaths', async () => {
    const own = await makeOrg(ctx.db);
    const other = await makeOrg(ctx.db);
    const make = (name: string) => makeCadre(ctx, staff.client, { orgId: own.id, name });
    const b = await make('端木丙');
    const j = await make('端木甲');
    const y = await make('端木乙');
    const search = async (q: string) => {
      const body = (await api('GET', `/api/cadres?keyword=d&${q}`)).json();
      return { ids: body.items.map((i: { id: number }) => i.id), total: body.total };
    };
    // 'd' matches each of them twice (duanmu…, dm…): listed once, by pinyin.
    expect(await search(`orgId=${own.id}`)).toEqual({ ids: [b.id, j.id, y.id], total: 3 });
    expect((await search(`orgId=${own.id}&sort=-name`)).ids).toEqual([y.id, j.id, b.id]);
    expect(await search(`orgId=${own.id}&pageSize=1&page=2`)).toEqual({ ids: [j.id], total: 3 });
    expect((await api('PATCH', `/api/cadres/${j.id}`, { orgId: other.id })).statusCode).toBe(200);
    expect((await search(`orgId=${own.id}`)).ids).toEqual([b.id, y.id]);
    expect((await search(`orgId=${other.id}`)).ids).toEqual([j.id]);
    expect((await api('PATCH', `/api/cadres/${y.id}`, { name: '端木丁' })).statusCode).toBe(200);
    expect((await search(`orgId=${own.id}`)).ids).toEqual([b.id, y.id]);
    expect((await api('PATCH', `/api/cadres/${b.id}`, { name: '端木戊' })).statusCode).toBe(200);
    expect((await search(`orgId=${own.id}`)).ids).toEqual([y.id, b.id]);
    await api('POST', `/api/cadres/${y.id}/death`, { diedOn: '2026-01-05' });
    expect((await search(`orgId=${own.id}`)).ids).toEqual([b.id]);
    expect((await search(`orgId=${own.id}&status=all`)).ids).toEqual([y.id, b.id]);
    expect((await search(`orgId=${own.id}&status=deceased`)).ids).toEqual([y.id]);
  });

  it('filters by category, age band and party membership', async () => {
    const own = await makeOrg(ctx.db);
    const old = await makeCadre(ctx, staff.client, {
      orgId: own.id,
      idNumber: makeIdNumber('1925-02-02'),
      category: 'lixiu',
      revolutionaryPeriod: 'anti_japanese_war',
      politicalStatus: '01',
    });
    const young = await makeCadre(ctx, staff.client, { orgId: own.id, idNumber: makeIdNumber('1960-02-02') });
    const ids = async (q: string) =>
      (await api('GET', `/api/cadres?orgId=${own.id}&${q}`)).json().items.map((i: { id: number }) => i.id);
    expect(await ids('category=lixiu')).toEqual([old.id]);
    expect(await ids('ageBand=100%2B')).toEqual([old.id]);
    expect(await ids('partyMember=true')).toEqual([old.id]);
    expect(await ids('partyMember=false')).toEqual([young.id]);
    expect(await ids('sort=-birthDate')).toEqual([young.id, old.id]);
  });

  it('lists birthdays in the next days', async () => {
    const soon = addDays(today(), 2);
    const cadre = await makeCadre(ctx, staff.client, {
      orgId: org.id,
      idNumber: makeIdNumber(`1941-${soon.slice(5)}`),
    });
    const list = (await api('GET', '/api/cadres/birthdays?days=7')).json();
    const item = list.find((i: { id: number }) => i.id === cadre.id);
    expect(item).toMatchObject({
      turning: Number(soon.slice(0, 4)) - 1941,
    });
  });
});

describe('passing away', () => {
  it('takes the person out of active lists, and a reversal needs a reason', async () => {
    const own = await makeOrg(ctx.db);
    const cadre = await makeCadre(ctx, staff.client, { orgId: own.id });
    const died = await api('POST', `/api/cadres/${cadre.id}/death`, {
      diedOn: '2026-01-05',
      farewell: '2026-01-08 市殡仪馆',
    });
    expect(died.statusCode, died.body).toBe(200);
    expect(died.json().status).toBe('deceased');
    expect((await api('GET', `/api/cadres?orgId=${own.id}`)).json().total).toBe(0);
    expect((await api('GET', `/api/cadres?orgId=${own.id}&status=deceased`)).json().total).toBe(1);
    const across = (await api('GET', '/api/cadre-ledgers/deaths?from=2026-01-01&to=2026-01-31')).json();
    expect(across.items).toContainEqual(expect.objectContaining({ cadreId: cadre.id, diedOn: '2026-01-05' }));
    expect((await api('POST', `/api/cadres/${cadre.id}/death/reverse`, { reason: '' })).statusCode).toBe(400);
    const back = await api('POST', `/api/cadres/${cadre.id}/death/reverse`, { reason: '误报，经核实健在' });
    expect(back.json()).toMatchObject({ status: 'active', death: null });
    const history = (await api('GET', `/api/cadres/${cadre.id}/history`)).json();
    expect(history[0]).toMatchObject({ action: 'cadre.death_reversed' });
    expect(history[0].summary).toContain('误报');
  });
});

describe('ledgers', () => {
  it('records hospital stays, with the date order checked, and lists them across records', async () => {
    const cadre = await makeCadre(ctx, staff.client, { orgId: org.id });
    const bad = await api('POST', `/api/cadres/${cadre.id}/hospital-stays`, {
      hospital: '南通大学附属医院',
      admittedOn: '2026-03-10',
      dischargedOn: '2026-03-01',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await api('POST', `/api/cadres/${cadre.id}/hospital-stays`, {
      hospital: '南通大学附属医院',
      department: '心内科',
      bed: '12',
      admittedOn: '2026-03-10',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const across = (await api('GET', '/api/cadre-ledgers/hospital-stays?from=2026-03-01')).json();
    expect(across.items.map((i: { cadreId: number }) => i.cadreId)).toContain(cadre.id);
    const upd = await api('PATCH', `/api/cadres/${cadre.id}/hospital-stays/${ok.json().id}`, {
      dischargedOn: '2026-03-20',
      outcome: '好转出院',
    });
    expect(upd.json()).toMatchObject({ dischargedOn: '2026-03-20', outcome: '好转出院' });
    expect((await api('DELETE', `/api/cadres/${cadre.id}/hospital-stays/${ok.json().id}`)).statusCode).toBe(
      204,
    );
  });

  it('masks family phones and travel document numbers', async () => {
    const cadre = await makeCadre(ctx, staff.client, { orgId: org.id });
    const fam = await api('POST', `/api/cadres/${cadre.id}/family`, {
      name: '王小明',
      relation: '儿子',
      phone: '13600002222',
    });
    expect(fam.json().phone).toBe('136****2222');
    const doc = await api('POST', `/api/cadres/${cadre.id}/travels`, {
      kind: 'document',
      documentType: '护照',
      documentNo: 'E12345678',
      custody: '单位保管',
    });
    expect(doc.json().documentNo).toBe('E****678');
  });

  it('keeps health data behind its own permission, and audits reading it', async () => {
    const cadre = await makeCadre(ctx, staff.client, { orgId: org.id });
    const put = await api('PUT', `/api/cadres/${cadre.id}/health`, {
      illnesses: '高血压',
      mobility: 'partial',
      designatedHospital: '南通市第一人民医院',
    });
    expect(put.statusCode, put.body).toBe(200);
    const leader = await signedInUser(ctx, { roles: ['leader'] });
    expect((await api('GET', `/api/cadres/${cadre.id}/health`, undefined, leader.client)).statusCode).toBe(
      403,
    );
    expect((await api('GET', `/api/cadres?mobility=partial`, undefined, leader.client)).statusCode).toBe(403);
    expect(
      (await api('GET', `/api/cadres?mobility=partial`)).json().items.map((i: { id: number }) => i.id),
    ).toContain(cadre.id);
    await api('GET', `/api/cadres/${cadre.id}/health`);
    const register = (await api('GET', '/api/cadre-ledgers/health?pageSize=200')).json();
    expect(register.items).toContainEqual(
      expect.objectContaining({ cadreId: cadre.id, mobility: 'partial' }),
    );
    expect((await api('GET', '/api/cadre-ledgers/health', undefined, leader.client)).statusCode).toBe(403);
    const reads = await ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'cadre.health.read')
      .where('entity_id', '=', String(cadre.id))
      .execute();
    expect(reads.length).toBe(1);
  });
});

describe('clearing fields', () => {
  it('stores a null as null, not as an empty string', async () => {
    const org = await makeOrg(ctx.db);
    const cadre = await makeCadre(ctx, staff.client, { orgId: org.id, remarks: '待核', formerUnit: '某局' });
    const res = await api('PATCH', `/api/cadres/${cadre.id}`, { remarks: null, formerUnit: null });
    expect(res.json()).toMatchObject({ remarks: null, formerUnit: null });
    const row = await ctx.db
      .selectFrom('cadres')
      .select(['remarks', 'former_unit'])
      .where('id', '=', cadre.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ remarks: null, former_unit: null });
  });
});
