import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { makeCadre, makeIdNumber, makeOrg, makeRole, signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';

const ctx = await createTestApp();
const staff = await signedInUser(ctx, { roles: ['city_staff'] });

const HEADERS = ['姓名', '身份证号码', '人员类别', '性别', '民族', '手机号码', '生日历法'];

function multipart(name: string, bytes: Buffer) {
  const boundary = '----xinyaotest';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

async function xlsx(rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csv(rows: string[][]) {
  return [HEADERS, ...rows].map((r) => r.join(',')).join('\r\n');
}

async function upload(name: string, bytes: Buffer, orgId: number) {
  const { body, contentType } = multipart(name, bytes);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/cadres/imports?targetOrgId=${orgId}`,
    headers: { ...staff.client.headers, 'content-type': contentType },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(202);
  return settle(res.json().id);
}

async function settle(id: number) {
  for (let i = 0; i < 300; i++) {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/cadres/imports/${id}`,
      headers: staff.client.read,
    });
    const job = res.json();
    if (job.status !== 'validating' && job.status !== 'committing') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not settle');
}

async function commit(id: number, duplicates: 'update' | 'skip' = 'skip') {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/cadres/imports/${id}/commit`,
    headers: staff.client.headers,
    payload: { duplicates },
  });
  expect(res.statusCode, res.body).toBe(202);
  return settle(id);
}

async function countIn(orgId: number) {
  const res = await ctx.app.inject({
    method: 'GET',
    url: `/api/cadres?orgId=${orgId}&status=all`,
    headers: staff.client.read,
  });
  return res.json().total as number;
}

describe('import', () => {
  it('reports every bad cell by row and column, writes nothing, then imports the fixed file', async () => {
    const org = await makeOrg(ctx.db);
    const good = makeIdNumber('1946-06-06', '1');
    const bad = `${good.slice(0, -1)}${good.endsWith('1') ? '2' : '1'}`;
    const rows = [
      ['张建国', good, '退休', '男', '汉族', '13911112222', '农历'],
      ['李秀英', bad, '退休', '', '', '', ''],
      ['', makeIdNumber('1950-01-01', '2'), '在职', '', '', '', ''],
    ];
    const job = await upload('roster.xlsx', await xlsx(rows), org.id);
    expect(job.status).toBe('ready');
    expect(job.preview).toMatchObject({ totalRows: 3, validRows: 1, errorCount: 3 });
    expect(job.preview.errors).toEqual([
      expect.objectContaining({ row: 3, column: '身份证号码', reason: expect.stringContaining('校验码') }),
      expect.objectContaining({ row: 4, column: '姓名', reason: '必填' }),
      expect.objectContaining({ row: 4, column: '人员类别', reason: expect.stringContaining('在职') }),
    ]);
    const refused = await ctx.app.inject({
      method: 'POST',
      url: `/api/cadres/imports/${job.id}/commit`,
      headers: staff.client.headers,
      payload: { duplicates: 'skip' },
    });
    expect(refused.statusCode).toBe(409);
    expect(await countIn(org.id)).toBe(0);

    const fixed = [
      rows[0] as string[],
      ['李秀英', makeIdNumber('1948-08-08', '2'), '退休', '', '', '', ''],
      ['周文', makeIdNumber('1950-01-01', '2'), '退休', '', '', '', ''],
    ];
    const again = await upload('roster-fixed.xlsx', await xlsx(fixed), org.id);
    expect(again.preview).toMatchObject({ validRows: 3, errorCount: 0 });
    const done = await commit(again.id);
    expect(done.status).toBe('done');
    expect(done.preview).toMatchObject({ inserted: 3 });
    expect(await countIn(org.id)).toBe(3);
    const found = await ctx.app.inject({
      method: 'GET',
      url: '/api/cadres?keyword=zjg',
      headers: staff.client.read,
    });
    const zhang = found.json().items.find((i: { name: string }) => i.name === '张建国');
    expect(zhang.mobile).toBe('139****2222');
    const record = (
      await ctx.app.inject({ method: 'GET', url: `/api/cadres/${zhang.id}`, headers: staff.client.read })
    ).json();
    expect(record.birthday.calendar).toBe('lunar');
  });

  it('reads GBK and UTF-8 CSV as Excel and WPS save them', async () => {
    const org = await makeOrg(ctx.db);
    const text = csv([['陈德华', makeIdNumber('1939-09-09'), '退休', '', '', '', '']]);
    const gbk = await upload('gbk.csv', iconv.encode(text, 'gbk'), org.id);
    expect(gbk.preview).toMatchObject({ validRows: 1, errorCount: 0 });
    const utf8 = await upload(
      'utf8.csv',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(csv([['黄桂英', makeIdNumber('1941-01-01', '2'), '退休', '', '', '', '']])),
      ]),
      org.id,
    );
    expect(utf8.preview).toMatchObject({ validRows: 1, errorCount: 0 });
    await commit(gbk.id);
    const found = await ctx.app.inject({
      method: 'GET',
      url: `/api/cadres?orgId=${org.id}&keyword=cdh`,
      headers: staff.client.read,
    });
    expect(found.json().items.map((i: { name: string }) => i.name)).toEqual(['陈德华']);
  });

  it('flags people already on the roster and updates or skips them as chosen', async () => {
    const org = await makeOrg(ctx.db);
    const existing = await makeCadre(ctx, staff.client, {
      orgId: org.id,
      name: '吴国庆',
      remarks: '原有备注',
    });
    const file = await xlsx([['吴国庆', existing.idNumber, '退休', '', '', '13522223333', '']]);
    const skip = await upload('dup.xlsx', file, org.id);
    expect(skip.preview).toMatchObject({ duplicateCount: 1, newRows: 0 });
    expect(skip.preview.duplicates[0]).toMatchObject({ row: 2, existingId: existing.id });
    await commit(skip.id, 'skip');
    const unchanged = (
      await ctx.app.inject({ method: 'GET', url: `/api/cadres/${existing.id}`, headers: staff.client.read })
    ).json();
    expect(unchanged.mobile).toBeNull();
    const update = await upload('dup.xlsx', file, org.id);
    const done = await commit(update.id, 'update');
    expect(done.preview).toMatchObject({ updated: 1, inserted: 0 });
    const changed = (
      await ctx.app.inject({ method: 'GET', url: `/api/cadres/${existing.id}`, headers: staff.client.read })
    ).json();
    expect(changed.mobile).toBe('135****3333');
    // Blank cells keep what was stored.
    expect(changed).toMatchObject({ remarks: '原有备注', orgId: org.id });
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const org = await makeOrg(ctx.db);
    const { body, contentType } = multipart(
      'photo.xlsx',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: `/api/cadres/imports?targetOrgId=${org.id}`,
      headers: { ...staff.client.headers, 'content-type': contentType },
      payload: body,
    });
    expect(res.statusCode).toBe(415);
  });

  it('serves a template whose coded columns carry drop-down lists', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/cadres/import-template',
      headers: staff.client.read,
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.getWorksheet('花名册');
    if (!sheet) throw new Error('no sheet');
    const headers = (sheet.getRow(1).values as string[]).filter(Boolean);
    expect(headers).toContain('*身份证号码');
    const ethnicityColumn = headers.indexOf('民族') + 1;
    const validation = sheet.getCell(2, ethnicityColumn).dataValidation;
    expect(validation?.type).toBe('list');
  });
});

describe('export', () => {
  it('exports the filtered list, masked without the reveal permission, and audits it', async () => {
    const org = await makeOrg(ctx.db);
    const a = await makeCadre(ctx, staff.client, { orgId: org.id, name: '甲一', mobile: '13800001234' });
    await makeCadre(ctx, staff.client, { orgId: org.id, name: '乙二' });
    const read = async (client: typeof staff.client) => {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/cadres/export?orgId=${org.id}&keyword=jy`,
        headers: client.read,
      });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const sheet = wb.worksheets[0];
      const header = sheet?.getRow(1).values as string[];
      const row = sheet?.getRow(2).values as string[];
      return { count: (sheet?.actualRowCount ?? 0) - 1, get: (h: string) => row[header.indexOf(h)] };
    };
    const full = await read(staff.client);
    expect(full.count).toBe(1);
    expect(full.get('姓名')).toBe('甲一');
    expect(full.get('身份证号码')).toBe(a.idNumber);
    expect(full.get('手机号码')).toBe('13800001234');
    expect(full.get('人员类别')).toBe('退休');

    const exporter = await makeRole(ctx, ['cadres:read', 'cadres:export'], { code: 'exporter' });
    const maskedRole = await signedInUser(ctx, { roles: [exporter.code] });
    const masked = await read(maskedRole.client);
    expect(masked.get('身份证号码')).toBe(`${a.idNumber.slice(0, 6)}********${a.idNumber.slice(-4)}`);
    expect(masked.get('手机号码')).toBe('138****1234');
    const audits = await ctx.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'cadre.export')
      .execute();
    expect(audits.map((r) => r.summary)).toEqual(
      expect.arrayContaining(['roster: 1 rows, unmasked', 'roster: 1 rows']),
    );
  });
});
