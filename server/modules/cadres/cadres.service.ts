import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import { isUniqueViolation } from '../../db/dialect.ts';
import type { CadreRow, CadresTable } from '../../db/schema.ts';
import { AppError, type FieldProblem } from '../../errors.ts';
import { narrowest, pathInScope, type Scope, subtreeOrgIds } from '../../platform/access/scope.ts';
import { type Actor, auditHistory, recordAudit } from '../../platform/audit/audit.ts';
import { ageOn, birthdayKeysInWindow, nextBirthday } from '../../platform/calendar/birthdays.ts';
import { today } from '../../platform/calendar/days.ts';
import { type Keyring, maskIdNumber, maskPhone } from '../../platform/crypto/personal-data.ts';
import type { Auth } from '../../platform/http/types.ts';
import { fieldProblem, invalid } from '../../platform/validation/problems.ts';
import { codeSets } from '../dictionaries/dictionaries.service.ts';
import { getOrg } from '../orgs/orgs.service.ts';
import * as repo from './cadres.repository.ts';
import { type CadreFacts, CODED_FIELDS, checkCadre, type Derived, type RuleProblem } from './cadres.rules.ts';
import type {
  Cadre,
  CadreListItem,
  CreateCadreBody,
  ListCadresQuery,
  RecordDeathBody,
  UpdateCadreBody,
} from './cadres.schema.ts';
import { namePinyin, searchTerms } from './cadres.search.ts';
import { normalizeIdNumber } from './id-number.ts';

/** The 80+/90+/100+ band of an age, or null under 80. */
export function ageBand(age: number): string | null {
  return age >= 100 ? '100+' : age >= 90 ? '90+' : age >= 80 ? '80+' : null;
}

const yearsAgo = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;

/** Only digits, for phone lookups. */
export function normalizePhone(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** The dictionaries the record's coded fields draw from, as sets of codes. */
export function loadCodeSets(db: Db) {
  return codeSets(db, Object.values(CODED_FIELDS));
}

/** Rule problems as API error details. */
export function toDetails(problems: RuleProblem[]): FieldProblem[] {
  return problems.map((p) => fieldProblem(p.field, p.rule, p.zh, p.en));
}

type EmergencyContact = { name: string; relation: string; phone: string };

/** The columns of a record from its facts and what the rules derived from them. */
export function toColumns(
  input: CreateCadreBody,
  derived: Derived,
  keyring: Keyring,
): Omit<Insertable<CadresTable>, 'created_at' | 'updated_at' | 'status'> {
  const mobile = input.mobile ? normalizePhone(input.mobile) : null;
  const landline = input.landline ? normalizePhone(input.landline) : null;
  const formerNames = (input.formerNames ?? []).map((n) => n.trim()).filter(Boolean);
  return {
    org_id: input.orgId,
    name: input.name.trim(),
    former_names: formerNames.length ? formerNames.join('、') : null,
    name_pinyin: namePinyin(input.name),
    gender: derived.gender,
    birth_date: derived.birthDate,
    id_number_enc: keyring.encrypt(derived.idNumber),
    id_number_bidx: keyring.lookup('id_number', derived.idNumber),
    id_number_masked: maskIdNumber(derived.idNumber),
    ethnicity: input.ethnicity ?? null,
    native_place: input.nativePlace ?? null,
    education: input.education ?? null,
    political_status: input.politicalStatus ?? null,
    party_joined_on: input.partyJoinedOn ?? null,
    work_started_on: input.workStartedOn ?? null,
    category: input.category,
    revolutionary_period: input.revolutionaryPeriod ?? null,
    retired_on: input.retiredOn ?? null,
    rank: input.rank ?? null,
    treatment_level: input.treatmentLevel ?? null,
    treatment_doc_no: input.treatmentDocNo ?? null,
    former_unit: input.formerUnit ?? null,
    former_position: input.formerPosition ?? null,
    unit_nature: input.unitNature ?? null,
    living_situation: input.livingSituation ?? null,
    relocated: input.relocated ? 1 : 0,
    relocation_place: input.relocated ? (input.relocationPlace ?? null) : null,
    military_transfer: input.militaryTransfer ? 1 : 0,
    mobile_enc: keyring.seal(mobile),
    mobile_bidx: mobile ? keyring.lookup('phone', mobile) : null,
    mobile_masked: maskPhone(mobile),
    landline_enc: keyring.seal(landline),
    landline_bidx: landline ? keyring.lookup('phone', landline) : null,
    landline_masked: maskPhone(landline),
    home_address: input.homeAddress ?? null,
    home_region_code: input.homeRegionCode ?? null,
    habitual_address: input.habitualAddress ?? null,
    habitual_region_code: input.habitualRegionCode ?? null,
    emergency_contacts_enc: input.emergencyContacts?.length
      ? keyring.encrypt(JSON.stringify(input.emergencyContacts))
      : null,
    birthday_calendar: derived.birthdayCalendar,
    birthday_key: derived.birthdayKey,
    photo_file_id: input.photoFileId ?? null,
    hobbies: input.hobbies ?? null,
    specialities: input.specialities ?? null,
    remarks: input.remarks ?? null,
  };
}

/** A stored record back as the create body it would take (to merge a change into). */
export function toInput(row: CadreRow, keyring: Keyring): CreateCadreBody {
  const [month, day] = row.birthday_key.split('-').map(Number) as [number, number];
  return {
    name: row.name,
    idNumber: keyring.decrypt(row.id_number_enc),
    orgId: row.org_id,
    category: row.category,
    formerNames: row.former_names ? row.former_names.split('、') : [],
    gender: row.gender,
    birthDate: row.birth_date,
    ethnicity: row.ethnicity,
    nativePlace: row.native_place,
    education: row.education,
    politicalStatus: row.political_status,
    partyJoinedOn: row.party_joined_on,
    workStartedOn: row.work_started_on,
    revolutionaryPeriod: row.revolutionary_period,
    retiredOn: row.retired_on,
    rank: row.rank,
    treatmentLevel: row.treatment_level,
    treatmentDocNo: row.treatment_doc_no,
    formerUnit: row.former_unit,
    formerPosition: row.former_position,
    unitNature: row.unit_nature,
    livingSituation: row.living_situation,
    relocated: row.relocated === 1,
    relocationPlace: row.relocation_place,
    militaryTransfer: row.military_transfer === 1,
    mobile: keyring.open(row.mobile_enc),
    landline: keyring.open(row.landline_enc),
    homeAddress: row.home_address,
    homeRegionCode: row.home_region_code,
    habitualAddress: row.habitual_address,
    habitualRegionCode: row.habitual_region_code,
    emergencyContacts: row.emergency_contacts_enc
      ? (JSON.parse(keyring.decrypt(row.emergency_contacts_enc)) as EmergencyContact[])
      : [],
    birthdayCalendar: row.birthday_calendar,
    lunarBirthday: row.birthday_calendar === 'lunar' ? { month, day } : null,
    photoFileId: row.photo_file_id,
    hobbies: row.hobbies,
    specialities: row.specialities,
    remarks: row.remarks,
  };
}

/** What the audit log keeps of a record: everything but the plain personal numbers. */
function snapshot(input: CreateCadreBody, derived: Derived) {
  const { idNumber: _id, mobile, landline, emergencyContacts, ...rest } = input;
  return {
    ...rest,
    idNumber: maskIdNumber(derived.idNumber),
    mobile: maskPhone(mobile ? normalizePhone(mobile) : null),
    landline: maskPhone(landline ? normalizePhone(landline) : null),
    emergencyContacts: (emergencyContacts ?? []).map((c) => ({
      ...c,
      phone: maskPhone(normalizePhone(c.phone)),
    })),
    birthDate: derived.birthDate,
    gender: derived.gender,
  };
}

/**
 * The masked personal numbers of a record, as stored beside their ciphertext. A record written by an
 * instance of an earlier version during a rolling upgrade has none yet (the next start fills them):
 * its numbers are decrypted and masked.
 */
export function maskedNumbers(
  row: {
    id_number_masked: string | null;
    mobile_masked: string | null;
    landline_masked?: string | null;
    id_number_enc: string;
    mobile_enc: string | null;
    landline_enc?: string | null;
  },
  keyring: Keyring,
) {
  if (row.id_number_masked !== null) {
    return {
      idNumber: row.id_number_masked,
      mobile: row.mobile_masked,
      landline: row.landline_masked ?? null,
    };
  }
  return {
    idNumber: maskIdNumber(keyring.decrypt(row.id_number_enc)) as string,
    mobile: maskPhone(keyring.open(row.mobile_enc)),
    landline: maskPhone(keyring.open(row.landline_enc)),
  };
}

/** The record as the console shows it, masked. */
export function toCadre(
  row: CadreRow & { org_name: string },
  keyring: Keyring,
  death: Cadre['death'],
  on = today(),
): Cadre {
  const age = ageOn(row.birth_date, on);
  const [month, day] = row.birthday_key.split('-').map(Number) as [number, number];
  const birthday = { calendar: row.birthday_calendar, month, day };
  const masked = maskedNumbers(row, keyring);
  const contacts = row.emergency_contacts_enc
    ? (JSON.parse(keyring.decrypt(row.emergency_contacts_enc)) as EmergencyContact[])
    : [];
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    name: row.name,
    formerNames: row.former_names ? row.former_names.split('、') : [],
    gender: row.gender,
    birthDate: row.birth_date,
    age,
    ageBand: ageBand(age),
    idNumber: masked.idNumber,
    ethnicity: row.ethnicity,
    nativePlace: row.native_place,
    education: row.education,
    politicalStatus: row.political_status,
    partyJoinedOn: row.party_joined_on,
    workStartedOn: row.work_started_on,
    category: row.category,
    revolutionaryPeriod: row.revolutionary_period,
    retiredOn: row.retired_on,
    yearsRetired: row.retired_on ? ageOn(row.retired_on, on) : null,
    rank: row.rank,
    treatmentLevel: row.treatment_level,
    treatmentDocNo: row.treatment_doc_no,
    formerUnit: row.former_unit,
    formerPosition: row.former_position,
    unitNature: row.unit_nature,
    livingSituation: row.living_situation,
    relocated: row.relocated === 1,
    relocationPlace: row.relocation_place,
    militaryTransfer: row.military_transfer === 1,
    mobile: masked.mobile,
    landline: masked.landline,
    homeAddress: row.home_address,
    homeRegionCode: row.home_region_code,
    habitualAddress: row.habitual_address,
    habitualRegionCode: row.habitual_region_code,
    emergencyContacts: contacts.map((c) => ({ ...c, phone: maskPhone(normalizePhone(c.phone)) ?? '' })),
    birthday,
    nextBirthday: nextBirthday(birthday, on),
    photoFileId: row.photo_file_id,
    hobbies: row.hobbies,
    specialities: row.specialities,
    remarks: row.remarks,
    status: row.status,
    death,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A record inside the caller's scope; outside it answers exactly as a missing one. */
export async function loadCadre(db: Db, id: number, scope: Scope | null) {
  const row = await repo.findCadre(db, id, scope);
  if (!row) throw new AppError('cadre.not_found');
  return row;
}

async function deathOf(db: Db, id: number): Promise<Cadre['death']> {
  const d = await repo.findDeath(db, id);
  return d
    ? {
        diedOn: d.died_on,
        cause: d.cause,
        farewell: d.farewell,
        pensionRecipient: d.pension_recipient,
        pensionUntil: d.pension_until,
        remarks: d.remarks,
        recordedAt: d.recorded_at,
      }
    : null;
}

/** One record, masked. */
export async function getCadre(db: Db, keyring: Keyring, auth: Auth, id: number): Promise<Cadre> {
  const row = await loadCadre(db, id, auth.scope);
  return toCadre(row, keyring, await deathOf(db, id));
}

async function checkTarget(db: Db, orgId: number, scope: Scope | null) {
  const org = await getOrg(db, orgId, scope);
  if (org.active !== 1) throw new AppError('org.inactive');
}

function check(input: CreateCadreBody, codes: ReadonlyMap<string, ReadonlySet<string>>): Derived {
  const result = checkCadre(input as CadreFacts, codes, today());
  if (!result.ok) throw new AppError('validation', toDetails(result.problems));
  return result.derived;
}

/** Adds a person to the roster. */
export async function createCadre(
  db: Db,
  keyring: Keyring,
  auth: Auth,
  actor: Actor,
  body: CreateCadreBody,
): Promise<Cadre> {
  await checkTarget(db, body.orgId, auth.scope);
  const derived = check(body, await loadCodeSets(db));
  const id = await db.transaction().execute(async (trx) => {
    if (await repo.findByIdNumberIndex(trx, keyring.lookup('id_number', derived.idNumber))) {
      throw new AppError('cadre.duplicate_id_number');
    }
    const now = new Date().toISOString();
    try {
      const id = await repo.insertCadre(trx, {
        ...toColumns(body, derived, keyring),
        status: 'active',
        created_at: now,
        updated_at: now,
      });
      await repo.replaceSearchTerms(trx, [
        { cadreId: id, terms: searchTerms([body.name, ...(body.formerNames ?? [])]) },
      ]);
      await recordAudit(trx, actor, {
        action: 'cadre.create',
        entity: 'cadre',
        entityId: id,
        summary: body.name,
        after: snapshot(body, derived),
      });
      return id;
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('cadre.duplicate_id_number');
      throw error;
    }
  });
  return getCadre(db, keyring, auth, id);
}

/** Changes a record; the same rules apply to the record as changed. */
export async function updateCadre(
  db: Db,
  keyring: Keyring,
  auth: Auth,
  actor: Actor,
  id: number,
  body: UpdateCadreBody,
): Promise<Cadre> {
  const row = await loadCadre(db, id, auth.scope);
  const before = toInput(row, keyring);
  const merged: CreateCadreBody = { ...before, ...body } as CreateCadreBody;
  // A new ID number re-derives birth date and gender unless they were changed too.
  if (body.idNumber !== undefined && normalizeIdNumber(body.idNumber) !== before.idNumber) {
    if (body.birthDate === undefined) merged.birthDate = undefined;
    if (body.gender === undefined) merged.gender = undefined;
  }
  if (
    body.birthdayCalendar === 'lunar' &&
    body.lunarBirthday === undefined &&
    before.birthdayCalendar !== 'lunar'
  ) {
    merged.lunarBirthday = null;
  }
  if (body.orgId !== undefined && body.orgId !== row.org_id) await checkTarget(db, body.orgId, auth.scope);
  const derived = check(merged, await loadCodeSets(db));
  const beforeDerived: Derived = {
    idNumber: before.idNumber,
    gender: row.gender,
    birthDate: row.birth_date,
    birthdayCalendar: row.birthday_calendar,
    birthdayKey: row.birthday_key,
  };
  await db.transaction().execute(async (trx) => {
    const holder = await repo.findByIdNumberIndex(trx, keyring.lookup('id_number', derived.idNumber));
    if (holder && holder.id !== id) throw new AppError('cadre.duplicate_id_number');
    await repo.updateCadre(trx, id, {
      ...toColumns(merged, derived, keyring),
      updated_at: new Date().toISOString(),
    });
    await repo.replaceSearchTerms(trx, [
      { cadreId: id, terms: searchTerms([merged.name, ...(merged.formerNames ?? [])]) },
    ]);
    await recordAudit(trx, actor, {
      action: 'cadre.update',
      entity: 'cadre',
      entityId: id,
      summary: merged.name,
      before: snapshot(before, beforeDerived),
      after: snapshot(merged, derived),
    });
  });
  return getCadre(db, keyring, auth, id);
}

/** The plain personal numbers of a record, for a caller allowed to see them; every reveal is audited. */
export async function revealCadre(db: Db, keyring: Keyring, auth: Auth, actor: Actor, id: number) {
  const row = await loadCadre(db, id, auth.scope);
  await recordAudit(db, actor, { action: 'cadre.reveal', entity: 'cadre', entityId: id, summary: row.name });
  return {
    idNumber: keyring.decrypt(row.id_number_enc),
    mobile: keyring.open(row.mobile_enc),
    landline: keyring.open(row.landline_enc),
    emergencyContacts: row.emergency_contacts_enc
      ? (JSON.parse(keyring.decrypt(row.emergency_contacts_enc)) as EmergencyContact[])
      : [],
  };
}

/** Turns the list query into repository filters: age bands to birth-date bounds, keywords to lookups. */
export function toFilter(
  query: Omit<ListCadresQuery, 'page' | 'pageSize' | 'sort'>,
  orgIds: number[] | null,
  keyring: Keyring,
  on = today(),
): repo.CadreFilter {
  const minAge = Math.max(query.ageMin ?? 0, query.ageBand ? Number.parseInt(query.ageBand, 10) : 0);
  const filter: repo.CadreFilter = {
    orgIds,
    status: query.status === 'all' ? undefined : (query.status ?? 'active'),
    category: query.category,
    rank: query.rank,
    treatmentLevel: query.treatmentLevel,
    relocated: query.relocated,
    livingSituation: query.livingSituation,
    partyMember: query.partyMember,
    mobility: query.mobility,
    bornOnOrBefore: minAge > 0 ? yearsAgo(on, minAge) : undefined,
    bornAfter: query.ageMax !== undefined ? yearsAgo(on, query.ageMax + 1) : undefined,
  };
  const keyword = query.keyword?.trim();
  if (keyword) {
    const id = normalizeIdNumber(keyword);
    const digits = normalizePhone(keyword);
    if (/^\d{17}[\dX]$/.test(id)) filter.idNumberBidx = keyring.lookup('id_number', id);
    else if (/^\d{7,12}$/.test(digits) && digits.length === keyword.replace(/[\s-]/g, '').length) {
      filter.phoneBidx = keyring.lookup('phone', digits);
    } else filter.term = keyword.toLowerCase().replace(/\s+/g, '');
  }
  return filter;
}

function toListItem(r: repo.ListRow, keyring: Keyring, on: string): CadreListItem {
  const masked = maskedNumbers(r, keyring);
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, on),
    idNumber: masked.idNumber,
    mobile: masked.mobile,
    category: r.category as CadreListItem['category'],
    orgId: r.org_id,
    orgName: r.org_name,
    rank: r.rank,
    treatmentLevel: r.treatment_level,
    politicalStatus: r.political_status,
    retiredOn: r.retired_on,
    livingSituation: r.living_situation,
    relocated: r.relocated === 1,
    status: r.status as CadreListItem['status'],
  };
}

/**
 * The orgs a list covers: the caller's subtree, or the subtree of the org it is narrowed to (which
 * must lie inside the caller's), as a list of ids (null: every org).
 */
export async function listOrgIds(db: Db, orgId: number | undefined, scope: Scope | null) {
  const inner = orgId ? await getOrg(db, orgId, scope) : undefined;
  return subtreeOrgIds(db, narrowest(scope, inner && { orgId: inner.id, path: inner.path }));
}

/** A page of the roster. */
export async function listCadres(db: Db, keyring: Keyring, auth: Auth, query: ListCadresQuery) {
  if (query.mobility && !auth.permissions.has('cadres:health')) throw new AppError('cadre.health_forbidden');
  const on = today();
  const filter = toFilter(query, await listOrgIds(db, query.orgId, auth.scope), keyring, on);
  const { items, total } = await repo.listCadres(
    db,
    filter,
    query.sort ?? 'name',
    query.page,
    query.pageSize,
  );
  return { items: items.map((r) => toListItem(r, keyring, on)), total };
}

/** Who has a birthday in the next `days` days, honouring lunar birthdays, soonest first. */
export async function upcomingBirthdays(
  db: Db,
  auth: Auth,
  query: { days: number; orgId?: number | undefined; category?: 'lixiu' | 'tuixiu' | undefined },
) {
  const on = today();
  const window = birthdayKeysInWindow(on, query.days);
  const rows = await repo.findByBirthdayKeys(
    db,
    { orgIds: await listOrgIds(db, query.orgId, auth.scope), status: 'active', category: query.category },
    { solar: [...window.solar.keys()], lunar: [...window.lunar.keys()] },
  );
  return rows
    .map((r) => {
      const [month, day] = r.birthday_key.split('-').map(Number) as [number, number];
      const calendar = r.birthday_calendar;
      const date = (calendar === 'solar' ? window.solar : window.lunar).get(r.birthday_key) as string;
      return {
        id: r.id,
        name: r.name,
        orgName: r.org_name,
        category: r.category,
        birthDate: r.birth_date,
        birthday: { calendar, month, day },
        date,
        turning: Number(date.slice(0, 4)) - Number(r.birth_date.slice(0, 4)),
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** A record's change history from the audit log. */
export async function cadreHistory(db: Db, auth: Auth, id: number) {
  await loadCadre(db, id, auth.scope);
  const rows = await auditHistory(db, 'cadre', id);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorName: r.actor_name,
    action: r.action,
    summary: r.summary,
    before: r.before ? JSON.parse(r.before) : null,
    after: r.after ? JSON.parse(r.after) : null,
  }));
}

/** Records a passing away (离世): the person leaves the active lists. */
export async function recordDeath(
  db: Db,
  keyring: Keyring,
  auth: Auth,
  actor: Actor,
  id: number,
  body: RecordDeathBody,
) {
  const row = await loadCadre(db, id, auth.scope);
  if (row.status === 'deceased') throw new AppError('cadre.deceased');
  if (body.diedOn > today() || body.diedOn < row.birth_date) {
    throw invalid(
      'diedOn',
      'date_range',
      '离世日期应在出生日期之后、今天之前',
      'The date must lie between birth and today',
    );
  }
  await db.transaction().execute(async (trx) => {
    const death = {
      cadre_id: id,
      died_on: body.diedOn,
      cause: body.cause ?? null,
      farewell: body.farewell ?? null,
      pension_recipient: body.pensionRecipient ?? null,
      pension_until: body.pensionUntil ?? null,
      remarks: body.remarks ?? null,
      recorded_at: new Date().toISOString(),
    };
    await repo.insertDeath(trx, death);
    await repo.updateCadre(trx, id, { status: 'deceased', updated_at: death.recorded_at });
    await recordAudit(trx, actor, {
      action: 'cadre.death',
      entity: 'cadre',
      entityId: id,
      summary: row.name,
      after: body,
    });
  });
  return getCadre(db, keyring, auth, id);
}

/** Reverses a recorded passing away (a mistake), with a reason that the audit log keeps. */
export async function reverseDeath(
  db: Db,
  keyring: Keyring,
  auth: Auth,
  actor: Actor,
  id: number,
  reason: string,
) {
  const row = await loadCadre(db, id, auth.scope);
  const death = await deathOf(db, id);
  if (row.status !== 'deceased' || !death) throw new AppError('cadre.not_deceased');
  await db.transaction().execute(async (trx) => {
    await repo.deleteDeath(trx, id);
    await repo.updateCadre(trx, id, { status: 'active', updated_at: new Date().toISOString() });
    await recordAudit(trx, actor, {
      action: 'cadre.death_reversed',
      entity: 'cadre',
      entityId: id,
      summary: `${row.name}: ${reason}`,
      before: death,
      after: { reason },
    });
  });
  return getCadre(db, keyring, auth, id);
}

/** Whether a record's org lies in a scope (for imports that update existing records). */
export function cadreInScope(orgPath: string, scope: Scope | null) {
  return pathInScope(orgPath, scope);
}

/** What another module may know of a person it links to its records (a branch membership, a post). */
export interface CadreSummary {
  id: number;
  name: string;
  orgId: number;
  orgName: string;
  politicalStatus: string | null;
  /** a member or probationary member of the Communist Party of China (政治面貌 01 or 02) */
  partyMember: boolean;
  status: 'active' | 'deceased';
}

const PARTY_MEMBER_CODES = new Set(['01', '02']);

function toSummary(r: {
  id: number;
  name: string;
  org_id: number;
  org_name: string;
  political_status: string | null;
  status: string;
}): CadreSummary {
  return {
    id: r.id,
    name: r.name,
    orgId: r.org_id,
    orgName: r.org_name,
    politicalStatus: r.political_status,
    partyMember: r.political_status !== null && PARTY_MEMBER_CODES.has(r.political_status),
    status: r.status as CadreSummary['status'],
  };
}

/**
 * A person the caller may link to a record of another module: only inside the caller's scope, and
 * answering `cadre.not_found` outside it as for a missing one.
 */
export async function cadreSummary(db: Db, id: number, scope: Scope | null): Promise<CadreSummary> {
  return toSummary(await loadCadre(db, id, scope));
}

/**
 * People already linked to records the caller may see (a branch's members), by id. Not a way to look
 * people up: the ids come from the caller's own, scope-checked records.
 */
export async function cadreSummaries(db: Db, ids: readonly number[]): Promise<Map<number, CadreSummary>> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await repo.findSummaries(db, unique) : [];
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}
