import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import { AppError } from '../../errors.ts';
import type { Scope } from '../../platform/access/scope.ts';
import { type Actor, recordAudit, recordAuditMany } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar/days.ts';
import { type Keyring, maskPhone } from '../../platform/crypto/personal-data.ts';
import type { Auth } from '../../platform/http/types.ts';
import { inOrder, notInFuture } from '../../platform/validation/problems.ts';
import { type CadreSummary, cadreSummaries, cadreSummary } from '../cadres/cadres.service.ts';
import * as repo from './branches.repository.ts';
import { overlaps, roleFor } from './branches.rules.ts';
import type {
  AddMemberBody,
  CreateMobileMemberBody,
  LeaveBody,
  ListMobileMembersQuery,
  Membership,
  MobileMember,
  TransferBody,
  UpdateMobileMemberBody,
} from './branches.schema.ts';
import { loadBranch, loadWorkingBranch, orgPathOf } from './branches.service.ts';

/** A person who may join a branch: in the caller's scope, alive, and a party member. */
async function joinable(db: Db, cadreId: number, scope: Scope | null) {
  const cadre = await cadreSummary(db, cadreId, scope);
  if (cadre.status === 'deceased') throw new AppError('branch.cadre_deceased');
  if (!cadre.partyMember) throw new AppError('branch.not_party_member');
  return cadre;
}

const UNKNOWN: Pick<CadreSummary, 'name' | 'orgName' | 'politicalStatus' | 'status'> = {
  name: '',
  orgName: '',
  politicalStatus: null,
  status: 'active',
};

/** Memberships with the names and statuses of their people. */
async function toMemberships(db: Db, rows: repo.MembershipRecord[]): Promise<Membership[]> {
  const people = await cadreSummaries(
    db,
    rows.map((r) => r.cadre_id),
  );
  return rows.map((r) => {
    const c = people.get(r.cadre_id) ?? UNKNOWN;
    return {
      id: r.id,
      branchId: r.branch_id,
      branchName: r.branch_name,
      branchKind: r.branch_kind,
      cadreId: r.cadre_id,
      cadreName: c.name,
      cadreOrgName: c.orgName,
      politicalStatus: c.politicalStatus,
      cadreStatus: c.status,
      role: r.role,
      joinedOn: r.joined_on,
      leftOn: r.left_on,
      leaveReason: r.leave_reason,
      transferredToId: r.transferred_to_id,
      remarks: r.remarks,
      active: r.left_on === null,
    };
  });
}

async function loadMembership(db: Db, id: number, scope: Scope | null) {
  const row = await repo.findMembership(db, id, scope);
  if (!row) throw new AppError('branch.membership_not_found');
  return row;
}

async function getMembership(db: Db, id: number, scope: Scope | null) {
  const [m] = await toMemberships(db, [await loadMembership(db, id, scope)]);
  return m as Membership;
}

/** The members of a branch in the caller's scope: current ones, those who left, or all. */
export async function listMembers(
  db: Db,
  auth: Auth,
  branchId: number,
  status: 'active' | 'left' | 'all' = 'active',
) {
  await loadBranch(db, branchId, auth.scope);
  const members = await toMemberships(db, await repo.listMembers(db, branchId, status));
  return members.sort(
    (a, b) =>
      Number(b.active) - Number(a.active) ||
      a.cadreName.localeCompare(b.cadreName, 'zh-CN') ||
      a.joinedOn.localeCompare(b.joinedOn),
  );
}

/** A person's branch memberships over time (in branches inside the caller's scope). */
export async function cadreMemberships(db: Db, auth: Auth, cadreId: number) {
  await cadreSummary(db, cadreId, auth.scope);
  return toMemberships(db, await repo.listCadreMemberships(db, cadreId, auth.scope));
}

/**
 * Explains a unique-index refusal after the fact: the partial indexes are the last line against two
 * open primary memberships (or two open ones in one branch) written at the same moment.
 */
async function explainConflict(db: Db, cadreId: number, branchId: number) {
  if (await repo.findOpenMembership(db, [branchId], cadreId)) return new AppError('branch.already_member');
  return new AppError('branch.primary_exists');
}

/**
 * Adds a party member to a branch: the primary membership (组织关系) in a standing branch, at most one
 * per person; participating ones in functional, joint or thematic branches, any number.
 */
export async function addMember(db: Db, auth: Auth, actor: Actor, branchId: number, body: AddMemberBody) {
  const branch = await loadWorkingBranch(db, branchId, auth.scope);
  const cadre = await joinable(db, body.cadreId, auth.scope);
  const role = roleFor(branch.kind);
  if (!role || (body.role && body.role !== role)) throw new AppError('branch.kind_mismatch');
  const joinedOn = body.joinedOn ?? today();
  notInFuture('joinedOn', joinedOn);
  let id: number;
  try {
    id = await db.transaction().execute(async (trx) => {
      if (await repo.findOpenMembership(trx, [branchId], cadre.id))
        throw new AppError('branch.already_member');
      if (role === 'primary' && (await repo.findOpenPrimary(trx, cadre.id))) {
        throw new AppError('branch.primary_exists');
      }
      const now = new Date().toISOString();
      const id = await repo.insertMembership(trx, {
        branch_id: branchId,
        cadre_id: cadre.id,
        role,
        joined_on: joinedOn,
        left_on: null,
        leave_reason: null,
        transferred_to_id: null,
        remarks: body.remarks ?? null,
        created_at: now,
        updated_at: now,
      });
      await recordAudit(trx, actor, {
        action: 'branch.member_add',
        entity: 'branch',
        entityId: branchId,
        summary: `${branch.name}: ${cadre.name}`,
        after: { membershipId: id, cadreId: cadre.id, role, joinedOn },
      });
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await explainConflict(db, cadre.id, branchId);
    throw error;
  }
  return getMembership(db, id, auth.scope);
}

/** Closes a membership with the day and the reason (退出, 出党, 离世…); the record stays as history. */
export async function leaveBranch(db: Db, auth: Auth, actor: Actor, id: number, body: LeaveBody) {
  const m = await loadMembership(db, id, auth.scope);
  if (m.left_on) throw new AppError('branch.membership_closed');
  notInFuture('leftOn', body.leftOn);
  inOrder('leftOn', m.joined_on, body.leftOn);
  const reason = body.reason.trim();
  await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await repo.updateMembership(trx, id, { left_on: body.leftOn, leave_reason: reason, updated_at: now });
    await repo.closeLinked(trx, m.branch_id, m.cadre_id, body.leftOn, now);
    await recordAudit(trx, actor, {
      action: 'branch.member_leave',
      entity: 'branch',
      entityId: m.branch_id,
      summary: `${m.branch_name}: ${reason}`,
      after: { membershipId: id, cadreId: m.cadre_id, leftOn: body.leftOn, reason },
    });
  });
  return getMembership(db, id, auth.scope);
}

/**
 * Moves a person's organisational relationship (组织关系转接) to another standing branch: the old
 * membership closes on the day with the reason and points at the new one, which opens the same day.
 */
export async function transferMembership(db: Db, auth: Auth, actor: Actor, id: number, body: TransferBody) {
  const m = await loadMembership(db, id, auth.scope);
  if (m.left_on) throw new AppError('branch.membership_closed');
  if (m.role !== 'primary') throw new AppError('branch.not_primary');
  const target = await loadWorkingBranch(db, body.toBranchId, auth.scope);
  if (target.id === m.branch_id) throw new AppError('branch.same_branch');
  if (target.kind !== 'standing') throw new AppError('branch.kind_mismatch');
  const cadre = await joinable(db, m.cadre_id, auth.scope);
  notInFuture('on', body.on);
  inOrder('on', m.joined_on, body.on);
  const reason = body.reason.trim();
  let newId: number;
  try {
    newId = await db.transaction().execute(async (trx) => {
      const now = new Date().toISOString();
      await repo.updateMembership(trx, id, { left_on: body.on, leave_reason: reason, updated_at: now });
      await repo.closeLinked(trx, m.branch_id, m.cadre_id, body.on, now);
      const newId = await repo.insertMembership(trx, {
        branch_id: target.id,
        cadre_id: cadre.id,
        role: 'primary',
        joined_on: body.on,
        left_on: null,
        leave_reason: null,
        transferred_to_id: null,
        remarks: null,
        created_at: now,
        updated_at: now,
      });
      await repo.updateMembership(trx, id, { transferred_to_id: newId });
      const after = { cadreId: cadre.id, from: m.branch_id, to: target.id, on: body.on, reason };
      await recordAuditMany(trx, actor, [
        {
          action: 'branch.member_transfer_out',
          entity: 'branch',
          entityId: m.branch_id,
          summary: `${cadre.name} → ${target.name}`,
          after: { ...after, membershipId: id },
        },
        {
          action: 'branch.member_transfer_in',
          entity: 'branch',
          entityId: target.id,
          summary: `${cadre.name} ← ${m.branch_name}`,
          after: { ...after, membershipId: newId },
        },
      ]);
      return newId;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await explainConflict(db, cadre.id, target.id);
    throw error;
  }
  return getMembership(db, newId, auth.scope);
}

// ---- mobile members (流动党员) ----

/** Only digits, for storing a phone. */
const digits = (phone: string) => phone.replace(/\D/g, '');

function toMobile(r: repo.MobileRecord, cadreName: string, keyring: Keyring, on: string): MobileMember {
  return {
    id: r.id,
    branchId: r.branch_id,
    branchName: r.branch_name,
    orgName: r.org_name,
    cadreId: r.cadre_id,
    cadreName,
    livingPlace: r.living_place,
    fromOn: r.from_on,
    untilOn: r.until_on,
    contactPerson: r.contact_person,
    contactPhone: maskPhone(keyring.open(r.contact_phone_enc)),
    remarks: r.remarks,
    current: r.until_on === null || r.until_on >= on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Mobile-member entries with their people's names, phones masked. */
export async function toMobiles(db: Db, keyring: Keyring, rows: repo.MobileRecord[]) {
  const on = today();
  const people = await cadreSummaries(
    db,
    rows.map((r) => r.cadre_id),
  );
  return rows.map((r) => toMobile(r, people.get(r.cadre_id)?.name ?? '', keyring, on));
}

async function loadMobile(db: Db, id: number, scope: Scope | null) {
  const row = await repo.findMobileMember(db, id, scope);
  if (!row) throw new AppError('branch.mobile_not_found');
  return row;
}

/** One mobile-member entry, phone masked. */
export async function getMobileMember(db: Db, keyring: Keyring, auth: Auth, id: number) {
  const [m] = await toMobiles(db, keyring, [await loadMobile(db, id, auth.scope)]);
  return m as MobileMember;
}

/** The mobile-member filters resolved against the caller's scope. */
export async function toMobileFilter(
  db: Db,
  auth: Auth,
  query: Omit<ListMobileMembersQuery, 'page' | 'pageSize'>,
): Promise<repo.MobileFilter> {
  if (query.branchId) await loadBranch(db, query.branchId, auth.scope);
  return {
    scope: auth.scope,
    branchId: query.branchId,
    orgPath: await orgPathOf(db, query.orgId, auth.scope),
    status: query.status ?? 'current',
  };
}

/** A page of mobile members in the caller's scope: current ones, those whose period has ended, or all. */
export async function listMobileMembers(db: Db, keyring: Keyring, auth: Auth, query: ListMobileMembersQuery) {
  const filter = await toMobileFilter(db, auth, query);
  const { items, total } = await repo.listMobileMembers(db, filter, today(), query);
  return { items: await toMobiles(db, keyring, items), total };
}

async function checkPeriod(
  db: Db,
  branchId: number,
  cadreId: number,
  period: { from: string; until: string | null },
  exceptId: number | null,
) {
  inOrder('untilOn', period.from, period.until);
  const others = await repo.mobilePeriods(db, branchId, cadreId);
  if (others.some((o) => o.id !== exceptId && overlaps({ from: o.from_on, until: o.until_on }, period))) {
    throw new AppError('branch.mobile_overlap');
  }
}

/** Registers a member of the branch as living elsewhere for a while (流动党员登记). */
export async function createMobileMember(
  db: Db,
  keyring: Keyring,
  auth: Auth,
  actor: Actor,
  branchId: number,
  body: CreateMobileMemberBody,
) {
  const branch = await loadWorkingBranch(db, branchId, auth.scope);
  const cadre = await cadreSummary(db, body.cadreId, auth.scope);
  if (cadre.status === 'deceased') throw new AppError('branch.cadre_deceased');
  if (!(await repo.findOpenMembership(db, [branchId], cadre.id))) throw new AppError('branch.not_member');
  const period = { from: body.fromOn, until: body.untilOn ?? null };
  await checkPeriod(db, branchId, cadre.id, period, null);
  const phone = body.contactPhone ? digits(body.contactPhone) : null;
  const id = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const id = await repo.insertMobileMember(trx, {
      branch_id: branchId,
      cadre_id: cadre.id,
      living_place: body.livingPlace.trim(),
      from_on: period.from,
      until_on: period.until,
      contact_person: body.contactPerson ?? null,
      contact_phone_enc: keyring.seal(phone),
      remarks: body.remarks ?? null,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: 'branch.mobile_create',
      entity: 'branch',
      entityId: branchId,
      summary: `${branch.name}: ${cadre.name}`,
      after: { mobileId: id, ...body, contactPhone: maskPhone(phone) },
    });
    return id;
  });
  return getMobileMember(db, keyring, auth, id);
}

/** Changes a mobile-member entry (the end of the period, most often). */
export async function updateMobileMember(
  db: Db,
  keyring: Keyring,
  auth: Auth,
  actor: Actor,
  id: number,
  body: UpdateMobileMemberBody,
) {
  const row = await loadMobile(db, id, auth.scope);
  const period = {
    from: body.fromOn ?? row.from_on,
    until: body.untilOn !== undefined ? body.untilOn : row.until_on,
  };
  await checkPeriod(db, row.branch_id, row.cadre_id, period, id);
  const phone =
    body.contactPhone !== undefined
      ? body.contactPhone
        ? digits(body.contactPhone)
        : null
      : keyring.open(row.contact_phone_enc);
  const next = {
    living_place: body.livingPlace?.trim() ?? row.living_place,
    from_on: period.from,
    until_on: period.until,
    contact_person: body.contactPerson !== undefined ? body.contactPerson : row.contact_person,
    remarks: body.remarks !== undefined ? body.remarks : row.remarks,
  };
  await db.transaction().execute(async (trx) => {
    await repo.updateMobileMember(trx, id, {
      ...next,
      contact_phone_enc: body.contactPhone !== undefined ? keyring.seal(phone) : row.contact_phone_enc,
      updated_at: new Date().toISOString(),
    });
    await recordAudit(trx, actor, {
      action: 'branch.mobile_update',
      entity: 'branch',
      entityId: row.branch_id,
      summary: row.branch_name,
      before: {
        mobileId: id,
        livingPlace: row.living_place,
        fromOn: row.from_on,
        untilOn: row.until_on,
        contactPerson: row.contact_person,
        contactPhone: maskPhone(keyring.open(row.contact_phone_enc)),
        remarks: row.remarks,
      },
      after: {
        mobileId: id,
        livingPlace: next.living_place,
        fromOn: next.from_on,
        untilOn: next.until_on,
        contactPerson: next.contact_person,
        contactPhone: maskPhone(phone),
        remarks: next.remarks,
      },
    });
  });
  return getMobileMember(db, keyring, auth, id);
}

/** Removes a mobile-member entry made by mistake. */
export async function deleteMobileMember(db: Db, keyring: Keyring, auth: Auth, actor: Actor, id: number) {
  const row = await loadMobile(db, id, auth.scope);
  await db.transaction().execute(async (trx) => {
    await repo.deleteMobileMember(trx, id);
    await recordAudit(trx, actor, {
      action: 'branch.mobile_delete',
      entity: 'branch',
      entityId: row.branch_id,
      summary: row.branch_name,
      before: {
        mobileId: id,
        cadreId: row.cadre_id,
        livingPlace: row.living_place,
        fromOn: row.from_on,
        untilOn: row.until_on,
        contactPhone: maskPhone(keyring.open(row.contact_phone_enc)),
      },
    });
  });
}

/** The plain contact phone of an entry, for a caller allowed to see it; every reveal is audited. */
export async function revealMobileMember(db: Db, keyring: Keyring, auth: Auth, actor: Actor, id: number) {
  const row = await loadMobile(db, id, auth.scope);
  await recordAudit(db, actor, {
    action: 'branch.mobile_reveal',
    entity: 'branch',
    entityId: row.branch_id,
    summary: `${row.branch_name}: ${id}`,
  });
  return { contactPhone: keyring.open(row.contact_phone_enc) };
}
