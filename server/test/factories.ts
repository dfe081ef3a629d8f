import type { Db } from '../db/database.ts';
import type { OrgRow } from '../db/schema.ts';
import { checkCharacter } from '../modules/cadres/id-number.ts';
import * as identity from '../modules/identity/identity.service.ts';
import type { OrgKind } from '../modules/orgs/orgs.schema.ts';
import * as orgs from '../modules/orgs/orgs.service.ts';
import type { Permission } from '../platform/access/permissions.ts';
import { WHOLE_TREE } from '../platform/access/scope.ts';
import type { Actor } from '../platform/audit/audit.ts';
import type { TestContext } from './test-app.ts';

const system: Actor = { userId: null, name: 'test', ip: null, requestId: null };
let seq = 0;
const next = () => ++seq;

/** The city at the root of the tree, created on first use. */
export async function rootOrg(db: Db): Promise<OrgRow> {
  const root = await orgs.ensureRoot(db, system, '测试市', '320600');
  return orgs.getOrg(db, root.id, WHOLE_TREE);
}

/** An org; its parent (the city) is created when none is given. */
export async function makeOrg(
  db: Db,
  opts: { parent?: OrgRow; kind?: OrgKind; name?: string } = {},
): Promise<OrgRow> {
  const parent = opts.parent ?? (await rootOrg(db));
  const kind = opts.kind ?? (parent.kind === 'city' ? 'county' : parent.kind === 'county' ? 'town' : 'unit');
  const org = await orgs.createOrg(
    db,
    system,
    { orgId: parent.id, path: parent.path },
    {
      parentId: parent.id,
      name: opts.name ?? `组织${next()}`,
      kind,
    },
  );
  return orgs.getOrg(db, org.id, WHOLE_TREE);
}

export const GOOD_PASSWORD = 'Xy7#kq2Lm!';

/** A staff account holding the given built-in roles at an org (the root when none is given). */
export async function makeUser(
  ctx: TestContext,
  opts: { roles?: string[]; org?: OrgRow; username?: string; password?: string; mustChange?: boolean } = {},
) {
  const org = opts.org ?? (await rootOrg(ctx.db));
  const username = opts.username ?? `user${next()}`;
  const password = opts.password ?? GOOD_PASSWORD;
  const id = await identity.provisionAccount(ctx.db, ctx.config, {
    username,
    name: `测试用户${seq}`,
    password,
    orgId: org.id,
    roles: opts.roles ?? [],
  });
  if (opts.mustChange) {
    await ctx.db.updateTable('users').set({ must_change_password: 1 }).where('id', '=', id).execute();
  }
  return { id, username, password, org };
}

/** A signed-in client: the cookie and CSRF token to send with inject(). */
export interface Client {
  cookie: string;
  csrf: string;
  /** headers for a state-changing request */
  headers: Record<string, string>;
  /** headers for a read */
  read: Record<string, string>;
}

/** Signs in through the API, as the console does. */
export async function signIn(
  ctx: TestContext,
  username: string,
  password = GOOD_PASSWORD,
  remoteAddress = '127.0.0.1',
): Promise<Client> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies[0];
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `${setCookie.name}=${setCookie.value}`;
  const csrf = res.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf }, read: { cookie } };
}

/** A user with roles, signed in. */
export async function signedInUser(ctx: TestContext, opts: Parameters<typeof makeUser>[1] = {}) {
  const user = await makeUser(ctx, opts);
  return { ...user, client: await signIn(ctx, user.username, user.password) };
}

/**
 * A branch secretary signed in at a meeting's own org, one per org: only a branch's own people submit
 * its meetings (the levels above review them).
 */
export async function meetingSubmitter(ctx: TestContext, meetingId: number): Promise<Client> {
  const { org_id } = await ctx.db
    .selectFrom('branch_meetings')
    .select('org_id')
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  let client = submitters.get(ctx)?.get(org_id);
  if (!client) {
    const org = await ctx.db
      .selectFrom('orgs')
      .selectAll()
      .where('id', '=', org_id)
      .executeTakeFirstOrThrow();
    client = (await signedInUser(ctx, { roles: ['branch_secretary'], org })).client;
    if (!submitters.has(ctx)) submitters.set(ctx, new Map());
    submitters.get(ctx)?.set(org_id, client);
  }
  return client;
}
const submitters = new WeakMap<TestContext, Map<number, Client>>();

/** A custom (non-built-in) role granting the given permissions, created as the security administrator would. */
export async function makeRole(ctx: TestContext, permissions: Permission[], opts: { code?: string } = {}) {
  return identity.createRole(ctx.db, system, {
    code: opts.code ?? `role_${next()}`,
    name: `测试角色${seq}`,
    permissions,
  });
}

/**
 * Replaces a user's role assignments with the given (role code, org) grants, in this order; the first
 * is the one a fresh sign-in makes active.
 */
export async function assignRoles(ctx: TestContext, userId: number, grants: { role: string; org: OrgRow }[]) {
  const { findRoleByCode, replaceAssignments } = await import('../modules/identity/identity.repository.ts');
  const rows = [];
  for (const grant of grants) {
    const role = await findRoleByCode(ctx.db, grant.role);
    if (!role) throw new Error(`no role ${grant.role}`);
    rows.push({ roleId: role.id, orgId: grant.org.id });
  }
  await replaceAssignments(ctx.db, userId, rows, new Date().toISOString(), WHOLE_TREE);
}

/** A liaison area (老干部工作联系片); there is no API to create one. */
export async function makeLiaisonArea(db: Db, name = `联系片${next()}`) {
  const { insertLiaisonArea } = await import('../modules/orgs/orgs.repository.ts');
  return { id: await insertLiaisonArea(db, name, 0), name };
}

/** One org of each level under the city: a county with a town and a unit in it. */
export async function makeCounty(db: Db) {
  const county = await makeOrg(db, { kind: 'county' });
  const town = await makeOrg(db, { parent: county, kind: 'town' });
  const unit = await makeOrg(db, { parent: town, kind: 'unit' });
  return { county, town, unit };
}

/** The audit administrator, signed in, to read the log with. */
export async function signedInAuditor(ctx: TestContext) {
  return signedInUser(ctx, { roles: ['auditadmin'] });
}

let idSeq = 100;

/** A valid 18-digit ID number for a birth date and gender ('1' male, '2' female), unique per call. */
export function makeIdNumber(birthDate = '1940-05-06', gender: '1' | '2' = '1', region = '320602'): string {
  const seq = idSeq++ % 500;
  const order = String(seq * 2 + (gender === '1' ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  const first17 = `${region}${birthDate.replace(/-/g, '')}${order}`;
  return first17 + checkCharacter(first17);
}

/** A cadre created through the API by the given client, in the given org (the root by default). */
export async function makeCadre(
  ctx: TestContext,
  client: Client,
  body: Partial<Record<string, unknown>> & { orgId: number },
): Promise<{ id: number; idNumber: string; [k: string]: unknown }> {
  const idNumber = (body.idNumber as string | undefined) ?? makeIdNumber();
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/cadres',
    headers: client.headers,
    payload: { name: `测试${next()}`, category: 'tuixiu', ...body, idNumber },
  });
  if (res.statusCode !== 201) throw new Error(`makeCadre: ${res.statusCode} ${res.body}`);
  return { ...res.json(), idNumber };
}

/** A party branch created through the API by the given client; its org is created when none is given. */
export async function makeBranch(
  ctx: TestContext,
  client: Client,
  body: Partial<Record<string, unknown>> & { orgId?: number } = {},
): Promise<{ id: number; orgId: number; name: string; kind: string; [k: string]: unknown }> {
  const orgId = body.orgId ?? (await makeOrg(ctx.db)).id;
  const kind = (body.kind as string | undefined) ?? 'standing';
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/branches',
    headers: client.headers,
    payload: {
      name: `第${next()}党支部`,
      kind,
      ...(['functional', 'joint', 'thematic'].includes(kind) && { basis: 'interest' }),
      ...body,
      orgId,
    },
  });
  if (res.statusCode !== 201) throw new Error(`makeBranch: ${res.statusCode} ${res.body}`);
  return res.json();
}

/**
 * A membership created through the API: the given cadre, or a new party-member cadre in the branch's
 * org when none is given.
 */
export async function addMember(
  ctx: TestContext,
  client: Client,
  branch: { id: number; orgId: number },
  body: Partial<Record<string, unknown>> & { cadreId?: number } = {},
): Promise<{ id: number; cadreId: number; role: string; [k: string]: unknown }> {
  const cadreId =
    body.cadreId ?? (await makeCadre(ctx, client, { orgId: branch.orgId, politicalStatus: '01' })).id;
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/branches/${branch.id}/members`,
    headers: client.headers,
    payload: { ...body, cadreId },
  });
  if (res.statusCode !== 201) throw new Error(`addMember: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A measure of a standard version, as makePublishedVersion takes it. */
export interface MeasureSpec {
  rule?: 'scored' | 'required';
  weight?: number;
  evidenceKinds?: string[];
}

/**
 * A published version of a new standard, authored through the API by a city-wide author: one dimension
 * per measure given (by default one must-pass measure accepting documents, photos and meetings).
 */
export async function makePublishedVersion(
  ctx: TestContext,
  client: Client,
  measures: MeasureSpec[] = [{ rule: 'required', weight: 0 }],
): Promise<{ id: number; measureIds: number[]; [k: string]: unknown }> {
  const call = async (url: string, payload: object = {}) => {
    const res = await ctx.app.inject({ method: 'POST', url, headers: client.headers, payload });
    if (res.statusCode >= 300) throw new Error(`makePublishedVersion ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const S = '/api/assessments/standards';
  const n = next();
  const standard = await call(S, { code: `std_${n}`, name: `测试标准${n}` });
  let version = await call(`${S}/${standard.id}/versions`);
  for (const [i, m] of measures.entries()) {
    version = await call(`${S}/versions/${version.id}/dimensions`, {
      code: `${i + 1}`,
      title: `维度${i + 1}`,
    });
    const dimension = version.dimensions[i];
    version = await call(`${S}/dimensions/${dimension.id}/measures`, {
      code: `${i + 1}.1`,
      text: `细则${i + 1}.1`,
      evidence: '佐证材料',
      evidenceKinds: m.evidenceKinds ?? ['document', 'photo', 'meetings'],
      rule: m.rule ?? 'required',
      weight: m.weight ?? 0,
    });
  }
  version = await call(`${S}/versions/${version.id}/publish`);
  const measureIds = (version.dimensions as { measures: { id: number }[] }[]).flatMap((d) =>
    d.measures.map((m) => m.id),
  );
  return { ...version, measureIds };
}

/**
 * An assessment round opened through the API by a city-wide client, on the given version (a new
 * published one by default): its branches by org subtree and kinds, or listed by id.
 */
export async function makeRound(
  ctx: TestContext,
  client: Client,
  body: Partial<Record<string, unknown>> & { versionId?: number } = {},
): Promise<{ id: number; versionId: number; year: number; [k: string]: unknown }> {
  const versionId = body.versionId ?? (await makePublishedVersion(ctx, client)).id;
  const year = (body.year as number | undefined) ?? 2025;
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/assessments/rounds',
    headers: client.headers,
    payload: { name: `${year}年第${next()}轮`, year, dueOn: `${year}-06-30`, ...body, versionId },
  });
  if (res.statusCode !== 201) throw new Error(`makeRound: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Posts one file as a multipart upload (form field `file`), as the console's upload buttons do. */
export function uploadFile(
  ctx: TestContext,
  client: Client,
  url: string,
  file: { name: string; bytes: Buffer },
) {
  const boundary = '----xinyaotest';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({
    method: 'POST',
    url,
    headers: { ...client.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
}
