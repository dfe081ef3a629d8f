import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, today } from '../../platform/calendar/days.ts';
import { addKey, type KeyFile, Keyring } from '../../platform/crypto/personal-data.ts';
import { addMember, makeBranch, makeCadre, makeOrg, signedInUser } from '../../test/factories.ts';
import { createTestApp } from '../../test/test-app.ts';
import { reencryptBranches } from './branches.keys.ts';

const ctx = await createTestApp();
const staff = await signedInUser(ctx, { roles: ['city_staff'] });
const api = (
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  client = staff.client,
  headers: Record<string, string> = {},
) =>
  ctx.app.inject({
    method,
    url,
    headers: { ...(method === 'GET' ? client.read : client.headers), ...headers },
    ...(payload !== undefined && { payload: payload as object }),
  });

const partyMember = async (orgId: number, extra: Record<string, unknown> = {}) =>
  makeCadre(ctx, staff.client, { orgId, politicalStatus: '01', ...extra });

/** Reads an exported workbook back: the header row and the data rows, as arrays of cell values. */
async function readXlsx(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as never);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return { name: sheet.name, header: rows[0] as string[], rows: rows.slice(1) };
}

const auditActions = async (entityId: number) =>
  (
    await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'branch')
      .where('entity_id', '=', String(entityId))
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

describe('branches', () => {
  it('sets up standing, 1+N and general branches, checking the basis and the tree', async () => {
    const org = await makeOrg(ctx.db);
    const standing = await api('POST', '/api/branches', {
      name: '第一党支部',
      orgId: org.id,
      kind: 'standing',
    });
    expect(standing.statusCode, standing.body).toBe(201);
    expect(standing.json()).toMatchObject({
      name: '第一党支部',
      kind: 'standing',
      basis: null,
      orgName: org.name,
      counts: { primary: 0, participating: 0, mobile: 0 },
      setup: { advice: 'join_joint', counted: 0, needsAttention: true },
      secretary: null,
      nextElectionDueOn: null,
    });

    const noBasis = await api('POST', '/api/branches', { name: '书画支部', orgId: org.id, kind: 'thematic' });
    expect(noBasis.statusCode).toBe(400);
    expect(noBasis.json().error.details).toContainEqual(
      expect.objectContaining({ field: 'body.basis', rule: 'required' }),
    );
    const badBasis = await api('POST', '/api/branches', {
      name: '书画支部',
      orgId: org.id,
      kind: 'thematic',
      basis: 'nonsense',
    });
    expect(badBasis.json().error.details[0]).toMatchObject({ field: 'body.basis', rule: 'dictionary' });
    const basisOnStanding = await api('POST', '/api/branches', {
      name: '第二党支部',
      orgId: org.id,
      kind: 'standing',
      basis: 'interest',
    });
    expect(basisOnStanding.json().error.details[0]).toMatchObject({ rule: 'not_allowed' });
    const thematic = await api('POST', '/api/branches', {
      name: '书画支部',
      orgId: org.id,
      kind: 'thematic',
      basis: 'interest',
    });
    expect(thematic.json()).toMatchObject({ kind: 'thematic', basis: 'interest' });

    const twin = await api('POST', '/api/branches', { name: '第一党支部', orgId: org.id, kind: 'standing' });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.code).toBe('branch.name_taken');

    const general = await makeBranch(ctx, staff.client, {
      orgId: org.id,
      kind: 'general',
      name: '离退休党总支',
    });
    expect((await api('GET', `/api/branches/${general.id}`)).json().setup).toMatchObject({
      advice: 'no_branches',
      needsAttention: true,
    });
    const town = await makeOrg(ctx.db, { parent: org });
    const child = await makeBranch(ctx, staff.client, {
      orgId: town.id,
      parentId: general.id,
      name: '一支部',
    });
    expect(child.parentName).toBe('离退休党总支');
    const underStanding = await api('POST', '/api/branches', {
      name: '错挂支部',
      orgId: org.id,
      kind: 'standing',
      parentId: standing.json().id,
    });
    expect(underStanding.json().error.code).toBe('branch.parent_not_general');
    const generalUnderGeneral = await api('POST', '/api/branches', {
      name: '二级总支',
      orgId: org.id,
      kind: 'general',
      parentId: general.id,
    });
    expect(generalUnderGeneral.json().error.code).toBe('branch.parent_not_general');
    const elsewhere = await makeOrg(ctx.db);
    const outside = await api('POST', '/api/branches', {
      name: '外单位支部',
      orgId: elsewhere.id,
      kind: 'standing',
      parentId: general.id,
    });
    expect(outside.json().error.code).toBe('branch.parent_org_mismatch');
    const member = await addMember(ctx, staff.client, child);
    expect(member.role).toBe('primary');

    const tree = (await api('GET', `/api/branches/tree?orgId=${org.id}`)).json();
    expect(tree[0]).toMatchObject({
      id: general.id,
      kind: 'general',
      members: 1,
      advice: 'ok',
      children: [expect.objectContaining({ id: child.id, members: 1 })],
    });
    expect(tree.slice(1).map((n: { id: number }) => n.id)).toEqual(
      expect.arrayContaining([standing.json().id, thematic.json().id]),
    );
    const detail = (await api('GET', `/api/branches/${general.id}`)).json();
    expect(detail.counts).toMatchObject({ children: 1, childMembers: 1 });
    expect(await auditActions(general.id)).toEqual(['branch.create']);
  });

  it('lists with filters, counts and sorting, and narrows to an org subtree', async () => {
    const county = await makeOrg(ctx.db, { kind: 'county' });
    const town = await makeOrg(ctx.db, { parent: county });
    const big = await makeBranch(ctx, staff.client, { orgId: county.id, name: '机关第一支部' });
    const small = await makeBranch(ctx, staff.client, { orgId: town.id, name: '社区支部' });
    const choir = await makeBranch(ctx, staff.client, {
      orgId: town.id,
      name: '合唱团支部',
      kind: 'functional',
    });
    for (let i = 0; i < 3; i++) await addMember(ctx, staff.client, big);
    const one = await addMember(ctx, staff.client, small);
    await addMember(ctx, staff.client, choir, { cadreId: one.cadreId });

    const list = (await api('GET', `/api/branches?orgId=${county.id}&sort=-members`)).json();
    expect(list.total).toBe(3);
    // Ties sort by id in the same direction: the later branch first.
    expect(list.items.map((b: { id: number }) => b.id)).toEqual([big.id, choir.id, small.id]);
    expect(list.items[0]).toMatchObject({ id: big.id, counts: { primary: 3, participating: 0 } });
    const byId = new Map(list.items.map((b: { id: number }) => [b.id, b]));
    expect(byId.get(choir.id)).toMatchObject({ counts: { primary: 0, participating: 1 } });

    const inTown = (await api('GET', `/api/branches?orgId=${town.id}`)).json();
    expect(inTown.items.map((b: { id: number }) => b.id).sort()).toEqual([small.id, choir.id].sort());
    const functional = (await api('GET', `/api/branches?orgId=${county.id}&kind=functional`)).json();
    expect(functional.items.map((b: { id: number }) => b.id)).toEqual([choir.id]);
    const keyword = (
      await api('GET', `/api/branches?orgId=${county.id}&keyword=${encodeURIComponent('合唱')}`)
    ).json();
    expect(keyword.items.map((b: { id: number }) => b.id)).toEqual([choir.id]);
    const attention = (await api('GET', `/api/branches?orgId=${county.id}&needsAttention=true`)).json();
    expect(attention.items.map((b: { id: number }) => b.id).sort()).toEqual([small.id, choir.id].sort());
    const paged = (await api('GET', `/api/branches?orgId=${county.id}&sort=id&pageSize=2&page=2`)).json();
    expect(paged).toMatchObject({ total: 3, items: [expect.objectContaining({ id: choir.id })] });
    expect((await api('GET', '/api/branches?sort=secret')).statusCode).toBe(400);
  });

  it('applies the setup rule at 2, 3 and 50 members', async () => {
    const org = await makeOrg(ctx.db);
    const branch = await makeBranch(ctx, staff.client, { orgId: org.id });
    const setup = async () => (await api('GET', `/api/branches/${branch.id}`)).json().setup;
    await addMember(ctx, staff.client, branch);
    await addMember(ctx, staff.client, branch);
    expect(await setup()).toEqual({ advice: 'join_joint', counted: 2, needsAttention: true });
    const ids = async () =>
      (await api('GET', `/api/branches?orgId=${org.id}&needsAttention=true`))
        .json()
        .items.map((b: { id: number }) => b.id);
    expect(await ids()).toEqual([branch.id]);
    await addMember(ctx, staff.client, branch);
    expect(await setup()).toEqual({ advice: 'ok', counted: 3, needsAttention: false });
    expect(await ids()).toEqual([]);
    for (let i = 3; i < 49; i++) await addMember(ctx, staff.client, branch);
    expect((await setup()).advice).toBe('ok');
    await addMember(ctx, staff.client, branch);
    expect(await setup()).toEqual({ advice: 'form_general', counted: 50, needsAttention: true });
    expect(await ids()).toEqual([branch.id]);
  });
});

describe('membership: one primary, many participating', () => {
  it('refuses non-members of the Party, the deceased, wrong kinds and a second primary branch', async () => {
    const org = await makeOrg(ctx.db);
    const standing = await makeBranch(ctx, staff.client, { orgId: org.id });
    const other = await makeBranch(ctx, staff.client, { orgId: org.id });
    const joint = await makeBranch(ctx, staff.client, { orgId: org.id, kind: 'joint', basis: 'residence' });
    const thematic = await makeBranch(ctx, staff.client, { orgId: org.id, kind: 'thematic' });
    const general = await makeBranch(ctx, staff.client, { orgId: org.id, kind: 'general' });

    const masses = await makeCadre(ctx, staff.client, { orgId: org.id, politicalStatus: '13' });
    const refuse = async (branchId: number, body: object, code: string) => {
      const res = await api('POST', `/api/branches/${branchId}/members`, body);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe(code);
    };
    await refuse(standing.id, { cadreId: masses.id }, 'branch.not_party_member');
    const unset = await makeCadre(ctx, staff.client, { orgId: org.id });
    await refuse(standing.id, { cadreId: unset.id }, 'branch.not_party_member');
    const passed = await partyMember(org.id);
    await api('POST', `/api/cadres/${passed.id}/death`, { diedOn: '2025-01-01' });
    await refuse(standing.id, { cadreId: passed.id }, 'branch.cadre_deceased');

    const probationary = await partyMember(org.id, { politicalStatus: '02' });
    const p = await addMember(ctx, staff.client, standing, { cadreId: probationary.id });
    expect(p).toMatchObject({ role: 'primary', active: true, joinedOn: today(), politicalStatus: '02' });

    const cadre = await partyMember(org.id);
    await refuse(joint.id, { cadreId: cadre.id, role: 'primary' }, 'branch.kind_mismatch');
    await refuse(standing.id, { cadreId: cadre.id, role: 'participating' }, 'branch.kind_mismatch');
    await refuse(general.id, { cadreId: cadre.id }, 'branch.kind_mismatch');
    const primary = await addMember(ctx, staff.client, standing, { cadreId: cadre.id, role: 'primary' });
    await refuse(other.id, { cadreId: cadre.id }, 'branch.primary_exists');
    await refuse(standing.id, { cadreId: cadre.id }, 'branch.already_member');
    const j = await addMember(ctx, staff.client, joint, { cadreId: cadre.id });
    const t = await addMember(ctx, staff.client, thematic, { cadreId: cadre.id, role: 'participating' });
    expect([j.role, t.role]).toEqual(['participating', 'participating']);
    await refuse(joint.id, { cadreId: cadre.id }, 'branch.already_member');

    const future = await api('POST', `/api/branches/${other.id}/members`, {
      cadreId: (await partyMember(org.id)).id,
      joinedOn: addDays(today(), 3),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details[0]).toMatchObject({ field: 'body.joinedOn', rule: 'not_in_future' });

    const history = (await api('GET', `/api/cadres/${cadre.id}/branch-memberships`)).json();
    expect(history.map((m: { branchId: number; role: string }) => [m.branchId, m.role])).toEqual([
      [standing.id, 'primary'],
      [joint.id, 'participating'],
      [thematic.id, 'participating'],
    ]);
    expect(history[0].id).toBe(primary.id);
    const missing = await api('GET', '/api/cadres/99999999/branch-memberships');
    expect(missing.json().error.code).toBe('cadre.not_found');
  });

  it('holds one open primary membership per person in the database itself', async () => {
    const org = await makeOrg(ctx.db);
    const a = await makeBranch(ctx, staff.client, { orgId: org.id });
    const b = await makeBranch(ctx, staff.client, { orgId: org.id });
    const m = await addMember(ctx, staff.client, a);
    const now = new Date().toISOString();
    const row = {
      branch_id: b.id,
      cadre_id: m.cadreId,
      role: 'primary' as const,
      joined_on: '2020-01-01',
      created_at: now,
      updated_at: now,
    };
    await expect(ctx.db.insertInto('branch_memberships').values(row).execute()).rejects.toThrow();
    // A closed primary membership is history, and does not count.
    await ctx.db
      .insertInto('branch_memberships')
      .values({ ...row, left_on: '2021-01-01', leave_reason: '转出' })
      .execute();
    const members = (await api('GET', `/api/branches/${b.id}/members?status=all`)).json();
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ active: false, leftOn: '2021-01-01' });
  });

  it('transfers a primary membership in one step, keeping the history', async () => {
    const org = await makeOrg(ctx.db);
    const from = await makeBranch(ctx, staff.client, { orgId: org.id, name: '原支部' });
    const to = await makeBranch(ctx, staff.client, { orgId: org.id, name: '新支部' });
    const functional = await makeBranch(ctx, staff.client, { orgId: org.id, kind: 'functional' });
    const m = await addMember(ctx, staff.client, from, { joinedOn: '2015-03-01' });
    const part = await addMember(ctx, staff.client, functional, { cadreId: m.cadreId });
    const transfer = (id: number, body: object) =>
      api('POST', `/api/branches/memberships/${id}/transfer`, body);
    const code = async (res: Promise<{ json(): { error: { code: string } } }>) =>
      (await res).json().error.code;

    expect(await code(transfer(part.id, { toBranchId: to.id, on: '2024-01-01', reason: '迁居' }))).toBe(
      'branch.not_primary',
    );
    expect(await code(transfer(m.id, { toBranchId: functional.id, on: '2024-01-01', reason: '迁居' }))).toBe(
      'branch.kind_mismatch',
    );
    expect(await code(transfer(m.id, { toBranchId: from.id, on: '2024-01-01', reason: '迁居' }))).toBe(
      'branch.same_branch',
    );
    const early = await transfer(m.id, { toBranchId: to.id, on: '2010-01-01', reason: '迁居' });
    expect(early.statusCode).toBe(400);
    // Nothing partial: the refused transfers left the membership open where it was.
    expect((await api('GET', `/api/branches/${from.id}/members`)).json()).toHaveLength(1);
    expect((await api('GET', `/api/branches/${to.id}/members`)).json()).toHaveLength(0);

    const moved = await transfer(m.id, { toBranchId: to.id, on: '2024-06-01', reason: '随子女迁居' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      branchId: to.id,
      role: 'primary',
      joinedOn: '2024-06-01',
      active: true,
    });
    const old = (await api('GET', `/api/branches/${from.id}/members?status=left`)).json();
    expect(old).toEqual([
      expect.objectContaining({
        id: m.id,
        leftOn: '2024-06-01',
        leaveReason: '随子女迁居',
        transferredToId: moved.json().id,
        active: false,
      }),
    ]);
    expect((await api('GET', `/api/branches/${from.id}/members`)).json()).toEqual([]);
    const history = (await api('GET', `/api/cadres/${m.cadreId}/branch-memberships`)).json();
    expect(history.map((h: { branchName: string; active: boolean }) => [h.branchName, h.active])).toEqual([
      ['原支部', false],
      ['新支部', true],
      [functional.name, true],
    ]);
    expect(await code(transfer(m.id, { toBranchId: to.id, on: '2024-07-01', reason: 'x' }))).toBe(
      'branch.membership_closed',
    );
    expect(await auditActions(from.id)).toContain('branch.member_transfer_out');
    expect(await auditActions(to.id)).toContain('branch.member_transfer_in');
  });

  it('closes a membership on leaving, with the reason, ending the posts held there', async () => {
    const org = await makeOrg(ctx.db);
    const branch = await makeBranch(ctx, staff.client, { orgId: org.id });
    const m = await addMember(ctx, staff.client, branch, { joinedOn: '2020-01-01' });
    const post = await api('POST', `/api/branches/${branch.id}/committee`, {
      cadreId: m.cadreId,
      post: 'propaganda',
      startedOn: '2021-01-01',
    });
    expect(post.statusCode, post.body).toBe(201);
    const before = await api('POST', `/api/branches/memberships/${m.id}/leave`, {
      leftOn: '2019-01-01',
      reason: '出党',
    });
    expect(before.json().error.details[0]).toMatchObject({ field: 'body.leftOn', rule: 'date_order' });
    const left = await api('POST', `/api/branches/memberships/${m.id}/leave`, {
      leftOn: '2025-02-01',
      reason: '离世',
    });
    expect(left.json()).toMatchObject({ active: false, leftOn: '2025-02-01', leaveReason: '离世' });
    const again = await api('POST', `/api/branches/memberships/${m.id}/leave`, {
      leftOn: '2025-02-01',
      reason: 'x',
    });
    expect(again.json().error.code).toBe('branch.membership_closed');
    const committee = (await api('GET', `/api/branches/${branch.id}/committee`)).json();
    expect(committee[0]).toMatchObject({ post: 'propaganda', endedOn: '2025-02-01', current: false });
    expect(await auditActions(branch.id)).toEqual([
      'branch.create',
      'branch.member_add',
      'branch.committee_add',
      'branch.member_leave',
    ]);
    // Joining again later opens a new membership beside the old one.
    await addMember(ctx, staff.client, branch, { cadreId: m.cadreId });
    expect((await api('GET', `/api/branches/${branch.id}/members?status=all`)).json()).toHaveLength(2);
  });
});

describe('changing, dissolving and deleting branches', () => {
  it('keeps the kind while members remain, and dissolves or deletes only an empty branch', async () => {
    const org = await makeOrg(ctx.db);
    const branch = await makeBranch(ctx, staff.client, { orgId: org.id });
    const m = await addMember(ctx, staff.client, branch);
    const patch = (id: number, body: object) => api('PATCH', `/api/branches/${id}`, body);
    expect((await patch(branch.id, { kind: 'functional', basis: 'interest' })).json().error.code).toBe(
      'branch.kind_in_use',
    );
    expect((await patch(branch.id, { dissolvedOn: today() })).json().error.code).toBe('branch.has_members');
    expect((await api('DELETE', `/api/branches/${branch.id}`)).json().error.code).toBe('branch.has_members');
    const renamed = await patch(branch.id, { name: '改名支部', remarks: '备注' });
    expect(renamed.json()).toMatchObject({ name: '改名支部', remarks: '备注' });

    await api('POST', `/api/branches/memberships/${m.id}/leave`, { leftOn: today(), reason: '转出本市' });
    const dissolved = await patch(branch.id, { dissolvedOn: today() });
    expect(dissolved.json()).toMatchObject({
      dissolvedOn: today(),
      setup: { advice: 'dissolved', needsAttention: false },
    });
    const late = await api('POST', `/api/branches/${branch.id}/members`, { cadreId: m.cadreId });
    expect(late.json().error.code).toBe('branch.dissolved');
    // History stays: the branch that had members can be dissolved, never deleted.
    expect((await api('DELETE', `/api/branches/${branch.id}`)).json().error.code).toBe('branch.has_members');
    expect((await api('GET', `/api/branches?orgId=${org.id}`)).json().total).toBe(0);
    expect((await api('GET', `/api/branches?orgId=${org.id}&status=dissolved`)).json().total).toBe(1);
    // A dissolved branch's name is free again.
    await makeBranch(ctx, staff.client, { orgId: org.id, name: '改名支部' });

    const general = await makeBranch(ctx, staff.client, { orgId: org.id, kind: 'general' });
    const child = await makeBranch(ctx, staff.client, { orgId: org.id, parentId: general.id });
    expect((await api('DELETE', `/api/branches/${general.id}`)).json().error.code).toBe(
      'branch.has_children',
    );
    expect((await patch(general.id, { dissolvedOn: today() })).json().error.code).toBe('branch.has_children');
    expect((await patch(general.id, { kind: 'standing' })).json().error.code).toBe('branch.has_children');
    const gone = await api('DELETE', `/api/branches/${child.id}`);
    expect(gone.statusCode).toBe(204);
    expect((await api('GET', `/api/branches/${child.id}`)).json().error.code).toBe('branch.not_found');
    expect((await api('DELETE', `/api/branches/${general.id}`)).statusCode).toBe(204);
  });
});

describe('mobile members (流动党员)', () => {
  it('registers members living elsewhere, lists current and ended ones, and keeps phones sealed', async () => {
    const org = await makeOrg(ctx.db);
    const branch = await makeBranch(ctx, staff.client, { orgId: org.id });
    const m = await addMember(ctx, staff.client, branch);
    const stranger = await partyMember(org.id);
    const create = (body: object) => api('POST', `/api/branches/${branch.id}/mobile-members`, body);
    const notMember = await create({ cadreId: stranger.id, livingPlace: '上海', fromOn: '2025-01-01' });
    expect(notMember.json().error.code).toBe('branch.not_member');

    const current = await create({
      cadreId: m.cadreId,
      livingPlace: '上海市浦东新区',
      fromOn: '2025-01-01',
      contactPerson: '女儿',
      contactPhone: '139-1234-5678',
    });
    expect(current.statusCode, current.body).toBe(201);
    expect(current.json()).toMatchObject({
      contactPhone: '139****5678',
      current: true,
      cadreName: expect.any(String),
    });
    const overlap = await create({
      cadreId: m.cadreId,
      livingPlace: '北京',
      fromOn: '2024-06-01',
      untilOn: '2025-02-01',
    });
    expect(overlap.json().error.code).toBe('branch.mobile_overlap');
    const backwards = await create({
      cadreId: m.cadreId,
      livingPlace: '北京',
      fromOn: '2020-06-01',
      untilOn: '2020-01-01',
    });
    expect(backwards.json().error.details[0]).toMatchObject({ field: 'body.untilOn', rule: 'date_order' });
    const ended = await create({
      cadreId: m.cadreId,
      livingPlace: '北京',
      fromOn: '2020-01-01',
      untilOn: '2020-12-31',
    });
    expect(ended.json()).toMatchObject({ current: false });

    const list = (status: string) =>
      api('GET', `/api/branches/mobile-members?branchId=${branch.id}&status=${status}`).then((r) => r.json());
    expect((await list('current')).items.map((i: { id: number }) => i.id)).toEqual([current.json().id]);
    expect((await list('ended')).items.map((i: { id: number }) => i.id)).toEqual([ended.json().id]);
    expect((await list('all')).total).toBe(2);
    expect((await api('GET', `/api/branches/${branch.id}`)).json().counts.mobile).toBe(1);

    const sealed = await ctx.db
      .selectFrom('branch_mobile_members')
      .select('contact_phone_enc')
      .where('id', '=', current.json().id)
      .executeTakeFirstOrThrow();
    expect(sealed.contact_phone_enc).not.toContain('13912345678');
    const revealed = await api('POST', `/api/branches/mobile-members/${current.json().id}/reveal`);
    expect(revealed.json()).toEqual({ contactPhone: '13912345678' });
    expect(await auditActions(branch.id)).toContain('branch.mobile_reveal');
    const secretary = await signedInUser(ctx, { roles: ['branch_secretary'], org });
    const denied = await api(
      'POST',
      `/api/branches/mobile-members/${current.json().id}/reveal`,
      undefined,
      secretary.client,
    );
    expect(denied.statusCode).toBe(403);

    const back = await api('PATCH', `/api/branches/mobile-members/${current.json().id}`, {
      untilOn: addDays(today(), -1),
    });
    expect(back.json()).toMatchObject({ current: false, contactPhone: '139****5678' });
    expect((await list('current')).total).toBe(0);
    expect((await api('DELETE', `/api/branches/mobile-members/${ended.json().id}`)).statusCode).toBe(204);

    // Key rotation re-encrypts the phones under the new key.
    const rotated = new Keyring(addKey(JSON.parse(fs.readFileSync(ctx.config.keysFile, 'utf8')) as KeyFile));
    expect(await reencryptBranches(ctx.db, rotated)).toBeGreaterThanOrEqual(1);
    const resealed = await ctx.db
      .selectFrom('branch_mobile_members')
      .select('contact_phone_enc')
      .where('id', '=', current.json().id)
      .executeTakeFirstOrThrow();
    expect(rotated.keyIdOf(resealed.contact_phone_enc as string)).toBe(rotated.activeKeyId);
    expect(rotated.open(resealed.contact_phone_enc)).toBe('13912345678');
    expect((await api('GET', `/api/branches/mobile-members/${ended.json().id}`)).json().error.code).toBe(
      'branch.mobile_not_found',
    );
  });
});

describe('committees and elections', () => {
  it('keeps one secretary at a time, shows them on the branch and ends terms', async () => {
    const org = await makeOrg(ctx.db);
    const branch = await makeBranch(ctx, staff.client, { orgId: org.id });
    const [a, b, c] = [
      await addMember(ctx, staff.client, branch),
      await addMember(ctx, staff.client, branch),
      await addMember(ctx, staff.client, branch),
    ];
    const outsider = await partyMember(org.id);
    const add = (body: object) => api('POST', `/api/branches/${branch.id}/committee`, body);
    expect(
      (await add({ cadreId: outsider.id, post: 'secretary', startedOn: '2023-01-01' })).json().error.code,
    ).toBe('branch.not_member');
    const sec = await add({ cadreId: a.cadreId, post: 'secretary', startedOn: '2023-01-01' });
    expect(sec.statusCode, sec.body).toBe(201);
    expect(sec.json()).toMatchObject({ post: 'secretary', current: true });
    expect(
      (await add({ cadreId: b.cadreId, post: 'secretary', startedOn: '2024-01-01' })).json().error.code,
    ).toBe('branch.post_taken');
    await add({ cadreId: b.cadreId, post: 'deputy_secretary', startedOn: '2023-01-01' });
    const second = await add({ cadreId: c.cadreId, post: 'deputy_secretary', startedOn: '2023-01-01' });
    expect(second.statusCode).toBe(201);
    const shown = (await api('GET', `/api/branches/${branch.id}`)).json();
    expect(shown.secretary).toEqual({ cadreId: a.cadreId, name: sec.json().cadreName });

    const ended = await api('PATCH', `/api/branches/committee/${sec.json().id}`, { endedOn: '2024-12-31' });
    expect(ended.json()).toMatchObject({ endedOn: '2024-12-31', current: false });
    const next = await add({ cadreId: b.cadreId, post: 'secretary', startedOn: '2025-01-01' });
    expect(next.statusCode).toBe(201);
    expect((await api('GET', `/api/branches/${branch.id}`)).json().secretary.cadreId).toBe(b.cadreId);
    const current = (await api('GET', `/api/branches/${branch.id}/committee?current=true`)).json();
    expect(current.map((m: { post: string }) => m.post)).toEqual([
      'secretary',
      'deputy_secretary',
      'deputy_secretary',
    ]);
    expect((await api('DELETE', `/api/branches/committee/${second.json().id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/branches/${branch.id}/committee`)).json()).toHaveLength(3);
  });

  it('derives the next election and lists branches due, overdue or without one', async () => {
    const org = await makeOrg(ctx.db);
    const soon = await makeBranch(ctx, staff.client, { orgId: org.id, name: '将到期支部' });
    const late = await makeBranch(ctx, staff.client, { orgId: org.id, name: '超期支部' });
    const fresh = await makeBranch(ctx, staff.client, { orgId: org.id, name: '新换届支部' });
    const never = await makeBranch(ctx, staff.client, { orgId: org.id, name: '未换届支部' });
    const on = today();
    const heldSoon = addDays(addYears(on, -3), 30);
    const e = await api('POST', `/api/branches/${soon.id}/elections`, {
      heldOn: heldSoon,
      place: '活动中心',
      termYears: 3,
    });
    expect(e.statusCode, e.body).toBe(201);
    expect(e.json()).toMatchObject({ termYears: 3, nextDueOn: addYears(heldSoon, 3), place: '活动中心' });
    await api('POST', `/api/branches/${late.id}/elections`, { heldOn: addYears(on, -6), termYears: 5 });
    await api('POST', `/api/branches/${fresh.id}/elections`, { heldOn: addDays(on, -10), termYears: 5 });
    const older = await api('POST', `/api/branches/${fresh.id}/elections`, {
      heldOn: '2015-05-01',
      termYears: 3,
    });
    expect(older.statusCode).toBe(201);

    expect(
      (await api('POST', `/api/branches/${never.id}/elections`, { heldOn: addDays(on, 1), termYears: 3 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await api('POST', `/api/branches/${never.id}/elections`, { heldOn: '2020-01-01', termYears: 4 }))
        .statusCode,
    ).toBe(400);
    const twice = await api('POST', `/api/branches/${soon.id}/elections`, { heldOn: heldSoon, termYears: 5 });
    expect(twice.json().error.code).toBe('branch.election_exists');

    const due = (await api('GET', `/api/branches/elections/due?orgId=${org.id}&withinDays=90`)).json();
    expect(due.items.map((d: { branchId: number; status: string }) => [d.branchId, d.status])).toEqual([
      [never.id, 'none'],
      [late.id, 'overdue'],
      [soon.id, 'due'],
    ]);
    expect(due.items[1].daysLeft).toBeLessThan(-300);
    expect(due.items[2]).toMatchObject({ daysLeft: 30, termYears: 3, lastElectionOn: heldSoon });
    const narrow = (await api('GET', `/api/branches/elections/due?orgId=${org.id}&withinDays=10`)).json();
    expect(narrow.items.map((d: { branchId: number }) => d.branchId)).toEqual([never.id, late.id]);

    const shown = (await api('GET', `/api/branches/${fresh.id}`)).json();
    expect(shown).toMatchObject({
      lastElectionOn: addDays(on, -10),
      nextElectionDueOn: addYears(addDays(on, -10), 5),
    });
    const elections = (await api('GET', `/api/branches/${fresh.id}/elections`)).json();
    expect(elections.map((x: { heldOn: string }) => x.heldOn)).toEqual([addDays(on, -10), '2015-05-01']);
    expect((await api('DELETE', `/api/branches/elections/${elections[0].id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/branches/${fresh.id}`)).json()).toMatchObject({
      lastElectionOn: '2015-05-01',
      nextElectionDueOn: '2018-05-01',
    });
    const fixed = await api('PATCH', `/api/branches/elections/${elections[1].id}`, {
      heldOn: addDays(on, -1),
      termYears: 5,
    });
    expect(fixed.json()).toMatchObject({ nextDueOn: addYears(addDays(on, -1), 5) });
    expect((await api('GET', `/api/branches/${fresh.id}`)).json().nextElectionDueOn).toBe(
      addYears(addDays(on, -1), 5),
    );
  });

  it('adds a year to 29 February as 28 February', () => {
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2023-10-31', 5)).toBe('2028-10-31');
  });
});

describe('exports', () => {
  it('writes the branch list, members, mobile members and due elections as .xlsx', async () => {
    const org = await makeOrg(ctx.db);
    const branch = await makeBranch(ctx, staff.client, { orgId: org.id, name: '导出支部' });
    const m = await addMember(ctx, staff.client, branch, { joinedOn: '2019-07-01' });
    await addMember(ctx, staff.client, branch);
    await api('POST', `/api/branches/${branch.id}/mobile-members`, {
      cadreId: m.cadreId,
      livingPlace: '苏州市',
      fromOn: '2025-03-01',
      contactPhone: '13800001111',
    });

    const list = await api('GET', `/api/branches/export?orgId=${org.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(list.headers['content-disposition']))).toContain('党支部');
    const sheet = await readXlsx(list.rawPayload);
    expect(sheet.header.slice(0, 4)).toEqual(['支部名称', '类型', '组建依据', '所在组织']);
    const row = Object.fromEntries(sheet.header.map((h, i) => [h, sheet.rows[0]?.[i]]));
    expect(row).toMatchObject({
      支部名称: '导出支部',
      类型: '建制性支部',
      所在组织: org.name,
      组织关系党员数: 2,
      流动党员数: 1,
      设置情况: '不足3人，宜成立联合支部',
    });
    const en = await readXlsx(
      (
        await api('GET', `/api/branches/export?orgId=${org.id}`, undefined, staff.client, {
          'accept-language': 'en-US',
        })
      ).rawPayload,
    );
    expect(en.header[0]).toBe('Branch');
    expect(en.rows[0]?.[1]).toBe('Standing branch');

    const members = await readXlsx(
      (await api('GET', `/api/branches/${branch.id}/members/export`)).rawPayload,
    );
    expect(members.header).toEqual([
      '姓名',
      '隶属关系',
      '政治面貌',
      '现管单位',
      '编入日期',
      '转出日期',
      '转出原因',
      '人员状态',
    ]);
    expect(members.rows).toHaveLength(2);
    expect(members.rows.map((r) => r[1])).toEqual(['组织关系所在', '组织关系所在']);
    expect(members.rows.map((r) => r[2])).toEqual(['中国共产党党员', '中国共产党党员']);
    expect(members.rows.map((r) => r[4])).toContain('2019-07-01');

    const mobile = await readXlsx(
      (await api('GET', `/api/branches/mobile-members/export?branchId=${branch.id}`)).rawPayload,
    );
    const mrow = Object.fromEntries(mobile.header.map((h, i) => [h, mobile.rows[0]?.[i]]));
    expect(mrow).toMatchObject({ '流入地（现居住地）': '苏州市', 联系电话: '138****1111', 当前流动: '是' });

    const due = await readXlsx(
      (await api('GET', `/api/branches/elections/due/export?orgId=${org.id}`)).rawPayload,
    );
    expect(due.header[0]).toBe('支部名称');
    expect(due.rows.map((r) => [r[0], r[7]])).toEqual([['导出支部', '无换届记录']]);
    const exports = await ctx.db
      .selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'branch.export')
      .execute();
    expect(exports.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'branches: 1 rows',
        'members: 2 rows',
        'mobile_members: 1 rows',
        'elections_due: 1 rows',
      ]),
    );
  });
});
