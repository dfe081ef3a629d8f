import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { type Keyring, maskPhone } from '../../platform/crypto/personal-data.ts';
import type { Auth } from '../../platform/http/types.ts';
import * as repo from './cadres.repository.ts';
import type { RuleProblem } from './cadres.rules.ts';
import type { HealthBody } from './cadres.schema.ts';
import { loadCadre, normalizePhone, toDetails } from './cadres.service.ts';

/** One field of a ledger entry: its API name, its column, and whether it is sealed personal data. */
interface LedgerField {
  key: string;
  column: string;
  /** phone numbers are normalised; both are encrypted and shown masked */
  sealed?: 'phone' | 'document';
}

/**
 * A ledger that holds many entries per record (family, hospital stays, travel). The routes, the
 * audit and the masking are the same for each; only the fields and the rules differ.
 */
export interface LedgerDef {
  table: repo.LedgerTable;
  /** the audit action's middle part and the route's name */
  entity: 'family' | 'hospital_stay' | 'travel';
  fields: LedgerField[];
  /** the cross-record list's date column, for from/to filters */
  dateColumn?: string;
  check?: (entry: Record<string, unknown>) => RuleProblem[];
}

const order = (a: unknown, b: unknown, field: string, zh: string, en: string): RuleProblem[] =>
  a && b && String(b) < String(a) ? [{ field, rule: 'date_order', zh, en }] : [];

export const FAMILY: LedgerDef = {
  table: 'cadre_family_members',
  entity: 'family',
  fields: [
    { key: 'name', column: 'name' },
    { key: 'relation', column: 'relation' },
    { key: 'birthDate', column: 'birth_date' },
    { key: 'phone', column: 'phone_enc', sealed: 'phone' },
    { key: 'workUnit', column: 'work_unit' },
    { key: 'remarks', column: 'remarks' },
  ],
};

export const HOSPITAL_STAYS: LedgerDef = {
  table: 'cadre_hospital_stays',
  entity: 'hospital_stay',
  dateColumn: 'admitted_on',
  fields: [
    { key: 'hospital', column: 'hospital' },
    { key: 'department', column: 'department' },
    { key: 'bed', column: 'bed' },
    { key: 'admittedOn', column: 'admitted_on' },
    { key: 'dischargedOn', column: 'discharged_on' },
    { key: 'condition', column: 'condition' },
    { key: 'outcome', column: 'outcome' },
  ],
  check: (e) =>
    order(
      e.admittedOn,
      e.dischargedOn,
      'dischargedOn',
      '出院日期不能早于入院日期',
      'Discharge cannot precede admission',
    ),
};

export const TRAVELS: LedgerDef = {
  table: 'cadre_travels',
  entity: 'travel',
  dateColumn: 'departs_on',
  fields: [
    { key: 'kind', column: 'kind' },
    { key: 'destination', column: 'destination' },
    { key: 'purpose', column: 'purpose' },
    { key: 'departsOn', column: 'departs_on' },
    { key: 'returnsOn', column: 'returns_on' },
    { key: 'documentType', column: 'document_type' },
    { key: 'documentNo', column: 'document_no_enc', sealed: 'document' },
    { key: 'issuedOn', column: 'issued_on' },
    { key: 'expiresOn', column: 'expires_on' },
    { key: 'custody', column: 'custody' },
    { key: 'remarks', column: 'remarks' },
  ],
  check: (e) => [
    ...order(
      e.departsOn,
      e.returnsOn,
      'returnsOn',
      '返回日期不能早于出发日期',
      'Return cannot precede departure',
    ),
    ...order(e.issuedOn, e.expiresOn, 'expiresOn', '有效期不能早于签发日期', 'Expiry cannot precede issue'),
  ],
};

const maskDocument = (v: string | null) => (v ? `${v.slice(0, 1)}****${v.slice(-3)}` : null);

/** An entry as the API shows it (personal numbers masked). */
function toEntry(def: LedgerDef, row: Record<string, unknown>, keyring: Keyring) {
  const entry: Record<string, unknown> = { id: row.id, cadreId: row.cadre_id };
  for (const f of def.fields) {
    const value = row[f.column] as string | null;
    entry[f.key] = f.sealed ? (f.sealed === 'phone' ? maskPhone : maskDocument)(keyring.open(value)) : value;
  }
  return entry;
}

function toColumns(def: LedgerDef, body: Record<string, unknown>, keyring: Keyring, partial: boolean) {
  const row: Record<string, unknown> = {};
  for (const f of def.fields) {
    if (!(f.key in body)) {
      if (!partial) row[f.column] = null;
      continue;
    }
    const value = body[f.key] as string | null | undefined;
    if (f.sealed) {
      const plain = value ? (f.sealed === 'phone' ? normalizePhone(value) : value.trim()) : null;
      row[f.column] = keyring.seal(plain);
    } else row[f.column] = typeof value === 'string' ? value.trim() : (value ?? null);
  }
  return row;
}

function masked(def: LedgerDef, body: Record<string, unknown>) {
  const out = { ...body };
  for (const f of def.fields) if (f.sealed && out[f.key]) out[f.key] = '****';
  return out;
}

function checkEntry(def: LedgerDef, entry: Record<string, unknown>) {
  const problems = def.check?.(entry) ?? [];
  if (problems.length > 0) throw new AppError('validation', toDetails(problems));
}

/** A record's entries in one ledger. */
export async function listEntries(db: Db, keyring: Keyring, auth: Auth, def: LedgerDef, cadreId: number) {
  await loadCadre(db, cadreId, auth.scope);
  const rows = await repo.listLedger(db, def.table, cadreId);
  return rows.map((r) => toEntry(def, r as unknown as Record<string, unknown>, keyring));
}

/** Adds an entry. */
export async function createEntry(
  db: Db,
  keyring: Keyring,
  auth: Auth,
  actor: Actor,
  def: LedgerDef,
  cadreId: number,
  body: Record<string, unknown>,
) {
  const cadre = await loadCadre(db, cadreId, auth.scope);
  checkEntry(def, body);
  return db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const id = await repo.insertLedgerEntry(trx, def.table, {
      ...toColumns(def, body, keyring, false),
      cadre_id: cadreId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: `cadre.${def.entity}.create`,
      entity: 'cadre',
      entityId: cadreId,
      summary: cadre.name,
      after: { id, ...masked(def, body) },
    });
    const row = await repo.findLedgerEntry(trx, def.table, cadreId, id);
    return toEntry(def, row as unknown as Record<string, unknown>, keyring);
  });
}

async function loadEntry(db: Db, def: LedgerDef, cadreId: number, id: number) {
  const row = await repo.findLedgerEntry(db, def.table, cadreId, id);
  if (!row) throw new AppError('ledger.not_found');
  return row as unknown as Record<string, unknown>;
}

/** Changes an entry. */
export async function updateEntry(
  db: Db,
  keyring: Keyring,
  auth: Auth,
  actor: Actor,
  def: LedgerDef,
  cadreId: number,
  id: number,
  body: Record<string, unknown>,
) {
  const cadre = await loadCadre(db, cadreId, auth.scope);
  const before = toEntry(def, await loadEntry(db, def, cadreId, id), keyring);
  checkEntry(def, { ...before, ...body });
  return db.transaction().execute(async (trx) => {
    await repo.updateLedgerEntry(trx, def.table, id, {
      ...toColumns(def, body, keyring, true),
      updated_at: new Date().toISOString(),
    });
    const after = toEntry(def, await loadEntry(trx, def, cadreId, id), keyring);
    await recordAudit(trx, actor, {
      action: `cadre.${def.entity}.update`,
      entity: 'cadre',
      entityId: cadreId,
      summary: cadre.name,
      before,
      after,
    });
    return after;
  });
}

/** Removes an entry (recorded in the history with what it held). */
export async function deleteEntry(
  db: Db,
  keyring: Keyring,
  auth: Auth,
  actor: Actor,
  def: LedgerDef,
  cadreId: number,
  id: number,
) {
  const cadre = await loadCadre(db, cadreId, auth.scope);
  const before = toEntry(def, await loadEntry(db, def, cadreId, id), keyring);
  await db.transaction().execute(async (trx) => {
    await repo.deleteLedgerEntry(trx, def.table, id);
    await recordAudit(trx, actor, {
      action: `cadre.${def.entity}.delete`,
      entity: 'cadre',
      entityId: cadreId,
      summary: cadre.name,
      before,
    });
  });
}

/** Entries of one ledger across the records in scope, for staff's registers (e.g. who is in hospital). */
export async function listAcross(
  db: Db,
  keyring: Keyring,
  auth: Auth,
  def: LedgerDef,
  query: { page: number; pageSize: number; from?: string | undefined; to?: string | undefined },
) {
  const { items, total } = await repo.listLedgerAcross(db, def.table, auth.scope, {
    ...query,
    ...(def.dateColumn && { dateColumn: def.dateColumn }),
  });
  return {
    total,
    items: items.map((r) => ({
      ...toEntry(def, r as unknown as Record<string, unknown>, keyring),
      cadreName: r.cadre_name,
      orgName: r.org_name,
    })),
  };
}

// ---- health: one profile per record, sensitive ----

type HealthRow = NonNullable<Awaited<ReturnType<typeof repo.findHealth>>>;

const toHealth = (cadreId: number, h: HealthRow | undefined) => ({
  cadreId,
  illnesses: h?.illnesses ?? null,
  mobility: h?.mobility ?? null,
  disability: h?.disability ?? null,
  caregiver: h?.caregiver ?? null,
  designatedHospital: h?.designated_hospital ?? null,
  nearestHospital: h?.nearest_hospital ?? null,
  updatedAt: h?.updated_at ?? null,
});

/** A record's health profile; reading it is audited, as health data is sensitive. */
export async function getHealth(db: Db, auth: Auth, actor: Actor, cadreId: number) {
  const cadre = await loadCadre(db, cadreId, auth.scope);
  const health = await repo.findHealth(db, cadreId);
  await recordAudit(db, actor, {
    action: 'cadre.health.read',
    entity: 'cadre',
    entityId: cadreId,
    summary: cadre.name,
  });
  return toHealth(cadreId, health);
}

/** Writes a record's health profile. */
export async function saveHealth(db: Db, auth: Auth, actor: Actor, cadreId: number, body: HealthBody) {
  const cadre = await loadCadre(db, cadreId, auth.scope);
  return db.transaction().execute(async (trx) => {
    const before = toHealth(cadreId, await repo.findHealth(trx, cadreId));
    // a field left out keeps its value; a field sent as null clears it
    const value = <K extends keyof HealthBody>(k: K) => (k in body ? (body[k] ?? null) : before[k]);
    await repo.saveHealth(trx, {
      cadre_id: cadreId,
      illnesses: value('illnesses'),
      mobility: value('mobility'),
      disability: value('disability'),
      caregiver: value('caregiver'),
      designated_hospital: value('designatedHospital'),
      nearest_hospital: value('nearestHospital'),
      updated_at: new Date().toISOString(),
    });
    const after = toHealth(cadreId, await repo.findHealth(trx, cadreId));
    await recordAudit(trx, actor, {
      action: 'cadre.health.update',
      entity: 'cadre',
      entityId: cadreId,
      summary: cadre.name,
      before,
      after,
    });
    return after;
  });
}

/** Passings away (离世) across the records in scope, newest first, filtered by date of death. */
export async function listDeathsAcross(
  db: Db,
  auth: Auth,
  query: { page: number; pageSize: number; from?: string | undefined; to?: string | undefined },
) {
  const { items, total } = await repo.listLedgerAcross(db, 'cadre_deaths', auth.scope, {
    ...query,
    dateColumn: 'died_on',
  });
  return {
    total,
    items: items.map((raw) => {
      const r = raw as unknown as Record<string, string | null> & { cadre_id: number };
      return {
        cadreId: r.cadre_id,
        cadreName: r.cadre_name as string,
        orgName: r.org_name as string,
        diedOn: r.died_on as string,
        cause: r.cause ?? null,
        farewell: r.farewell ?? null,
        pensionRecipient: r.pension_recipient ?? null,
        pensionUntil: r.pension_until ?? null,
      };
    }),
  };
}

/** Health profiles across the records in scope (sensitive: the reading is audited). */
export async function listHealthAcross(
  db: Db,
  auth: Auth,
  actor: Actor,
  query: { page: number; pageSize: number },
) {
  const { items, total } = await repo.listLedgerAcross(db, 'cadre_health', auth.scope, query);
  await recordAudit(db, actor, {
    action: 'cadre.health.list',
    entity: 'cadre',
    summary: `${items.length} of ${total}`,
  });
  return {
    total,
    items: items.map((raw) => {
      const r = raw as unknown as HealthRow & { cadre_name: string; org_name: string };
      return { ...toHealth(r.cadre_id, r), cadreName: r.cadre_name, orgName: r.org_name };
    }),
  };
}
