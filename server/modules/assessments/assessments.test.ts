import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seedStandards } from '../../../scripts/demo/standards.ts';
import { signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { freezeVersion, isFrozen } from './assessments.service.ts';

const ctx = await createTestApp();
const city = await signedInUser(ctx, { roles: ['city_staff'] });
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const api = (method: Method, url: string, payload?: unknown, client = city.client) =>
  ctx.app.inject({
    method,
    url,
    headers: method === 'GET' ? client.read : client.headers,
    ...(payload !== undefined && { payload: payload as object }),
  });
const S = '/api/assessments/standards';
let seq = 0;

const measure = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  text: `细则${code}`,
  evidence: '会议记录',
  evidenceKinds: ['meetings'],
  rule: 'scored',
  weight: 50,
  ...extra,
});

/** A standard with a draft version holding two dimensions of one measure each (50 + 50 points). */
async function makeDraft() {
  const standard = await api('POST', S, { code: `std${++seq}`, name: `标准${seq}` });
  expect(standard.statusCode, standard.body).toBe(201);
  const draft = await api('POST', `${S}/${standard.json().id}/versions`, { notes: '第一版' });
  expect(draft.statusCode, draft.body).toBe(201);
  const v = draft.json();
  let res = await api('POST', `${S}/versions/${v.id}/dimensions`, { code: '1', title: '有坚强的班子' });
  expect(res.statusCode, res.body).toBe(201);
  res = await api('POST', `${S}/versions/${v.id}/dimensions`, { code: '2', title: '有健全的制度' });
  const [d1, d2] = res.json().dimensions;
  await api('POST', `${S}/dimensions/${d1.id}/measures`, measure('1.1'));
  res = await api('POST', `${S}/dimensions/${d2.id}/measures`, measure('2.1'));
  expect(res.statusCode, res.body).toBe(201);
  return { standardId: standard.json().id as number, version: res.json() };
}

const audits = async (versionId: number) =>
  (
    await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'assessment_version')
      .where('entity_id', '=', String(versionId))
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

describe('assessment standards', () => {
  it('authors a draft: dimensions and measures added, changed, reordered, deleted, each audited', async () => {
    const { version } = await makeDraft();
    expect(version).toMatchObject({
      version: 1,
      status: 'draft',
      totalWeight: 100,
      dimensionCount: 2,
      measureCount: 2,
    });
    const [d1, d2] = version.dimensions;
    const m11 = d1.measures[0];
    let res = await api('PATCH', `${S}/measures/${m11.id}`, { text: '按期换届', weight: 40 });
    expect(res.json().dimensions[0].measures[0]).toMatchObject({ text: '按期换届', weight: 40 });
    res = await api(
      'POST',
      `${S}/dimensions/${d1.id}/measures`,
      measure('1.2', { rule: 'required', weight: 0 }),
    );
    expect(res.json().dimensions[0].weight).toBe(40);

    const badRequired = await api(
      'POST',
      `${S}/dimensions/${d1.id}/measures`,
      measure('1.3', { rule: 'required', weight: 5 }),
    );
    expect(badRequired.statusCode).toBe(400);
    expect(badRequired.json().error.details[0]).toMatchObject({
      field: 'body.weight',
      rule: 'required_weight',
    });
    const badScored = await api('PATCH', `${S}/measures/${m11.id}`, { weight: 0 });
    expect(badScored.json().error.details[0].rule).toBe('scored_weight');

    const m12 = res.json().dimensions[0].measures[1];
    const m21 = d2.measures[0];
    // Swap the dimensions and move 1.2 under the second.
    res = await api('PUT', `${S}/versions/${version.id}/order`, {
      dimensions: [
        { id: d2.id, measureIds: [m12.id, m21.id] },
        { id: d1.id, measureIds: [m11.id] },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .dimensions.map((d: { code: string; measures: { code: string }[] }) => [
          d.code,
          d.measures.map((m) => m.code),
        ]),
    ).toEqual([
      ['2', ['1.2', '2.1']],
      ['1', ['1.1']],
    ]);
    const partial = await api('PUT', `${S}/versions/${version.id}/order`, {
      dimensions: [{ id: d1.id, measureIds: [m11.id] }],
    });
    expect(partial.json().error.code).toBe('assessment.order_mismatch');

    res = await api('PATCH', `${S}/dimensions/${d2.id}`, { title: '有健全的制度和规矩' });
    expect(res.json().dimensions[0].title).toBe('有健全的制度和规矩');
    res = await api('DELETE', `${S}/measures/${m12.id}`);
    expect(res.json().measureCount).toBe(2);
    res = await api('POST', `${S}/versions/${version.id}/dimensions`, { code: '3', title: '临时' });
    const d3 = res.json().dimensions[2];
    res = await api('DELETE', `${S}/dimensions/${d3.id}`);
    expect(res.json().dimensionCount).toBe(2);
    res = await api('PATCH', `${S}/versions/${version.id}`, { notes: '修订' });
    expect(res.json().notes).toBe('修订');

    expect(await audits(version.id)).toEqual([
      'assessment_version.create',
      'assessment_dimension.create',
      'assessment_dimension.create',
      'assessment_measure.create',
      'assessment_measure.create',
      'assessment_measure.update',
      'assessment_measure.create',
      'assessment_version.reorder',
      'assessment_dimension.update',
      'assessment_measure.delete',
      'assessment_dimension.create',
      'assessment_dimension.delete',
      'assessment_version.update',
    ]);
  });

  it('refuses to publish an incomplete version, naming each problem', async () => {
    const standard = (await api('POST', S, { code: `std${++seq}`, name: '空标准' })).json();
    const draft = (await api('POST', `${S}/${standard.id}/versions`, {})).json();
    const empty = await api('POST', `${S}/versions/${draft.id}/publish`);
    expect(empty.statusCode).toBe(409);
    expect(empty.json().error.code).toBe('assessment.incomplete');
    expect(empty.json().error.details).toEqual([
      expect.objectContaining({ field: 'record.dimensions', rule: 'required' }),
    ]);

    let v = (await api('POST', `${S}/versions/${draft.id}/dimensions`, { code: '1', title: '甲' })).json();
    v = (await api('POST', `${S}/versions/${draft.id}/dimensions`, { code: '1', title: '乙' })).json();
    await api('POST', `${S}/dimensions/${v.dimensions[0].id}/measures`, measure('1.1', { weight: 30 }));
    await api('POST', `${S}/dimensions/${v.dimensions[0].id}/measures`, measure('1.1', { weight: 30 }));
    const res = await api('POST', `${S}/versions/${draft.id}/publish`, undefined, city.client);
    expect(res.statusCode).toBe(409);
    const details = res.json().error.details as { field: string; rule: string; message: string }[];
    expect(details.map((d) => [d.field, d.rule])).toEqual([
      ['record.dimensions.1', 'duplicate_code'],
      ['record.dimensions.1', 'no_measures'],
      ['record.measures.1.1', 'duplicate_code'],
      ['record.weights', 'total'],
    ]);
    expect(details[1]?.message).toContain('乙');
    expect(details[3]?.message).toContain('60');
    const en = await ctx.app.inject({
      method: 'POST',
      url: `${S}/versions/${draft.id}/publish`,
      headers: { ...city.client.headers, 'accept-language': 'en-US' },
    });
    expect(en.json().error.details[3].message).toBe('Scored measures total 60 points; they must total 100');
  });

  it('publishes, refuses edits with the reason, withdraws, freezes for good', async () => {
    const { standardId, version } = await makeDraft();
    const published = await api('POST', `${S}/versions/${version.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', frozenAt: null });
    expect(published.json().publishedAt).toBeTruthy();

    const m = version.dimensions[0].measures[0];
    const d = version.dimensions[0];
    const edits: [Method, string, object?][] = [
      ['PATCH', `${S}/versions/${version.id}`, { notes: 'x' }],
      ['DELETE', `${S}/versions/${version.id}`],
      ['POST', `${S}/versions/${version.id}/dimensions`, { code: '9', title: 'x' }],
      ['PATCH', `${S}/dimensions/${d.id}`, { title: 'x' }],
      ['DELETE', `${S}/dimensions/${d.id}`],
      ['POST', `${S}/dimensions/${d.id}/measures`, measure('9.1')],
      ['PATCH', `${S}/measures/${m.id}`, { text: 'x' }],
      ['DELETE', `${S}/measures/${m.id}`],
      ['PUT', `${S}/versions/${version.id}/order`, { dimensions: [] }],
      ['POST', `${S}/versions/${version.id}/publish`],
    ];
    for (const [method, url, body] of edits) {
      const res = await api(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(409);
      expect(res.json().error.code, `${method} ${url}`).toBe('assessment.version_not_draft');
    }

    // A published version nobody uses goes back to draft to be corrected, then out again.
    const withdrawn = await api('POST', `${S}/versions/${version.id}/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'draft', publishedAt: null });
    expect((await api('PATCH', `${S}/measures/${m.id}`, { text: '更正' })).statusCode).toBe(200);
    expect((await api('POST', `${S}/versions/${version.id}/withdraw`)).json().error.code).toBe(
      'assessment.version_not_published',
    );
    expect((await api('POST', `${S}/versions/${version.id}/freeze`)).json().error.code).toBe(
      'assessment.version_not_published',
    );
    await api('POST', `${S}/versions/${version.id}/publish`);

    const frozen = await api('POST', `${S}/versions/${version.id}/freeze`);
    expect(frozen.json()).toMatchObject({ status: 'frozen' });
    expect(frozen.json().frozenAt).toBeTruthy();
    expect(await isFrozen(ctx.db, version.id)).toBe(true);
    for (const [method, url, body] of edits) {
      const res = await api(method, url, body);
      expect(res.json().error.code, `${method} ${url}`).toBe('assessment.version_frozen');
    }
    expect((await api('POST', `${S}/versions/${version.id}/withdraw`)).json().error.code).toBe(
      'assessment.version_frozen',
    );
    // Freezing again (as a second round starting) changes nothing.
    await ctx.db.transaction().execute((trx) => freezeVersion(trx, version.id));
    expect((await api('GET', `${S}/versions/${version.id}`)).json().frozenAt).toBe(frozen.json().frozenAt);
    expect(await audits(version.id)).toEqual(
      expect.arrayContaining([
        'assessment_version.publish',
        'assessment_version.withdraw',
        'assessment_version.freeze',
      ]),
    );

    // The next version starts as a copy; the frozen one stays as it was.
    const next = await api('POST', `${S}/${standardId}/versions`, { copyFrom: version.id, notes: '第二版' });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({
      version: 2,
      status: 'draft',
      copiedFromId: version.id,
      measureCount: 2,
      totalWeight: 100,
    });
    expect(next.json().dimensions.map((x: { title: string }) => x.title)).toEqual(
      version.dimensions.map((x: { title: string }) => x.title),
    );
    const copied = next.json().dimensions[0].measures[0];
    expect(copied).toMatchObject({ code: '1.1', text: '更正', evidenceKinds: ['meetings'] });
    expect(copied.id).not.toBe(m.id);
    await api('PATCH', `${S}/measures/${copied.id}`, { text: '第二版的细则' });
    expect((await api('GET', `${S}/versions/${version.id}`)).json().dimensions[0].measures[0].text).toBe(
      '更正',
    );
    const second = await api('POST', `${S}/${standardId}/versions`, {});
    expect(second.json().error.code).toBe('assessment.draft_exists');
    expect((await api('DELETE', `${S}/versions/${next.json().id}`)).statusCode).toBe(204);
    expect((await api('GET', `${S}/versions/${next.json().id}`)).statusCode).toBe(404);

    const list = (await api('GET', S)).json<{ id: number; versions: { status: string }[] }[]>();
    expect(list.find((s) => s.id === standardId)?.versions.map((v) => v.status)).toEqual(['frozen']);
    const twin = await api('POST', S, { code: `std${seq}`, name: '重复' });
    expect(twin.json().error.code).toBe('assessment.code_taken');
  });

  it('exports a version with its dimensions, measures, evidence and points', async () => {
    const { version } = await makeDraft();
    await api(
      'POST',
      `${S}/dimensions/${version.dimensions[0].id}/measures`,
      measure('1.2', { rule: 'required', weight: 0, evidenceKinds: ['document', 'photo'] }),
    );
    const res = await api('GET', `${S}/versions/${version.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const sheet = wb.worksheets[0];
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows[0]).toEqual([
      '维度编号',
      '考核维度',
      '细则编号',
      '考核细则',
      '佐证材料',
      '材料类型',
      '计分方式',
      '分值',
      '备注',
    ]);
    expect(rows.slice(1)).toEqual([
      ['1', '有坚强的班子', '1.1', '细则1.1', '会议记录', '平台会议记录', '计分', 50],
      ['1', '有坚强的班子', '1.2', '细则1.2', '会议记录', '文件资料、照片', '必达', 0],
      ['2', '有健全的制度', '2.1', '细则2.1', '会议记录', '平台会议记录', '计分', 50],
    ]);
    expect(await audits(version.id)).toContain('assessment_version.export');
  });

  it('exports the standards list with its filters: one row per version, drafts included for authors', async () => {
    const { standardId, version } = await makeDraft();
    const code = `std${seq}`;
    const rowsOf = async (query: string) => {
      const res = await api('GET', `${S}/export?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const rows: unknown[][] = [];
      wb.worksheets[0]?.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1));
      });
      return rows;
    };
    const mine = await rowsOf(`standardId=${standardId}`);
    expect(mine[0]?.slice(0, 7)).toEqual([
      '标准代码',
      '标准名称',
      '演示内容',
      '版本',
      '状态',
      '维度数',
      '细则数',
    ]);
    expect(mine.slice(1).map((r) => r.slice(0, 7))).toEqual([[code, `标准${seq}`, '否', 1, '草稿', 2, 2]]);
    expect((await api('POST', `${S}/versions/${version.id}/publish`)).statusCode).toBe(200);
    expect((await api('POST', `${S}/${standardId}/versions`, { copyFrom: version.id })).statusCode).toBe(201);
    const both = await rowsOf(`keyword=${code}`);
    expect(both.slice(1).map((r) => [r[0], r[3], r[4]])).toEqual([
      [code, 1, '已发布'],
      [code, 2, '草稿'],
    ]);
    const drafts = await rowsOf(`keyword=${code}&status=draft`);
    expect(drafts.slice(1).map((r) => [r[0], r[3]])).toEqual([[code, 2]]);
    expect((await rowsOf(`keyword=${code}&status=frozen`)).length).toBe(1);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'assessment_standard.export')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(4);
  });

  it('seeds the demo 六有一提升: seven dimensions, 29 measures, 100 points, published, marked demo', async () => {
    const actor = { userId: null, name: 'test', ip: null, requestId: null };
    const { versionId, measures } = await seedStandards(ctx.db, actor);
    expect(measures).toBe(29);
    expect((await seedStandards(ctx.db, actor)).versionId).toBe(versionId);
    const v = (await api('GET', `${S}/versions/${versionId}`)).json();
    expect(v).toMatchObject({
      standardCode: 'liuyou',
      standardName: '六有一提升',
      status: 'published',
      version: 1,
      totalWeight: 100,
    });
    expect(v.dimensions.map((d: { title: string }) => d.title)).toEqual([
      '有坚强的班子',
      '有健全的制度',
      '有固定的场所',
      '有经常性的活动',
      '有规范的台账',
      '有必要的经费',
      '提升组织力（作用发挥）',
    ]);
    const all = v.dimensions.flatMap((d: { measures: unknown[] }) => d.measures) as {
      code: string;
      evidence: string;
      rule: string;
      weight: number;
    }[];
    expect(all).toHaveLength(29);
    expect(new Set(all.map((m) => m.code)).size).toBe(29);
    expect(all.every((m) => m.evidence.length > 0)).toBe(true);
    expect(all.filter((m) => m.rule === 'required').length).toBeGreaterThan(0);
    expect(all.reduce((sum, m) => sum + m.weight, 0)).toBe(100);
    const list = (await api('GET', S)).json<{ code: string; isDemo: boolean }[]>();
    expect(list.find((s) => s.code === 'liuyou')?.isDemo).toBe(true);
  });
});
