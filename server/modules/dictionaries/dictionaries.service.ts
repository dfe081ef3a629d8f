import type { Db } from '../../db/database.ts';
import type { DictionaryItemsTable } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import * as repo from './dictionaries.repository.ts';
import type { CreateItemBody, Dictionary, DictionaryItem, UpdateItemBody } from './dictionaries.schema.ts';
import { DICTIONARY_SEEDS } from './dictionaries.seed.ts';

const toItem = (r: DictionaryItemsTable): DictionaryItem => ({
  code: r.code,
  labelZh: r.label_zh,
  labelEn: r.label_en,
  sortOrder: r.sort_order,
  active: r.active === 1,
});

export async function listDictionaries(db: Db): Promise<Dictionary[]> {
  return (await repo.listDictionaries(db)).map((d) => ({
    code: d.code,
    nameZh: d.name_zh,
    nameEn: d.name_en,
    standard: d.standard,
    editable: d.editable === 1,
    itemCount: Number(d.item_count ?? 0),
  }));
}

async function loadDictionary(db: Db, code: string) {
  const d = await repo.findDictionary(db, code);
  if (!d) throw new AppError('dictionary.not_found');
  return d;
}

export async function listItems(db: Db, code: string): Promise<DictionaryItem[]> {
  await loadDictionary(db, code);
  return (await repo.listItems(db, code)).map(toItem);
}

/** Adds a code to a local table; national-standard tables keep the standard's codes. */
export async function createItem(
  db: Db,
  actor: Actor,
  code: string,
  body: CreateItemBody,
): Promise<DictionaryItem> {
  return db.transaction().execute(async (trx) => {
    const d = await loadDictionary(trx, code);
    if (d.editable !== 1) throw new AppError('dictionary.standard_fixed');
    if (await repo.findItem(trx, code, body.code)) throw new AppError('dictionary.item_exists');
    const items = await repo.listItems(trx, code);
    const sortOrder = body.sortOrder ?? Math.max(0, ...items.map((i) => i.sort_order)) + 1;
    await repo.insertItems(trx, code, [{ ...body, sortOrder }]);
    const item = toItem((await repo.findItem(trx, code, body.code)) as DictionaryItemsTable);
    await recordAudit(trx, actor, {
      action: 'dictionary.item_create',
      entity: 'dictionary',
      entityId: `${code}/${body.code}`,
      after: item,
    });
    return item;
  });
}

/** Relabels, reorders or retires a code. */
export async function updateItem(
  db: Db,
  actor: Actor,
  code: string,
  itemCode: string,
  body: UpdateItemBody,
): Promise<DictionaryItem> {
  return db.transaction().execute(async (trx) => {
    await loadDictionary(trx, code);
    const before = await repo.findItem(trx, code, itemCode);
    if (!before) throw new AppError('dictionary.item_not_found');
    const changes = {
      ...(body.labelZh !== undefined && { label_zh: body.labelZh.trim() }),
      ...(body.labelEn !== undefined && { label_en: body.labelEn.trim() }),
      ...(body.sortOrder !== undefined && { sort_order: body.sortOrder }),
      ...(body.active !== undefined && { active: body.active ? 1 : 0 }),
    };
    // A change of nothing changes nothing: the code as it is, and nothing to audit (an empty SET is
    // not SQL, and answered 500).
    if (Object.keys(changes).length === 0) return toItem(before);
    const after = toItem(await repo.updateItem(trx, code, itemCode, changes));
    await recordAudit(trx, actor, {
      action: 'dictionary.item_update',
      entity: 'dictionary',
      entityId: `${code}/${itemCode}`,
      before: toItem(before),
      after,
    });
    return after;
  });
}

/**
 * Installs the shipped code tables: adds missing tables and codes, never overwrites what an
 * administrator changed. Idempotent; runs at every start.
 */
export async function syncDictionaries(db: Db) {
  await db.transaction().execute(async (trx) => {
    for (const d of DICTIONARY_SEEDS) {
      await repo.insertDictionary(trx, d);
      await repo.insertItems(
        trx,
        d.code,
        d.items.map((item, index) => ({ ...item, sortOrder: index + 1 })),
      );
    }
  });
}

/** The active codes of several dictionaries at once, for checking coded fields. */
export async function codeSets(
  db: Db,
  dictionaryCodes: readonly string[],
): Promise<Map<string, Set<string>>> {
  const rows = await repo.listItemsOf(db, dictionaryCodes);
  const sets = new Map<string, Set<string>>(dictionaryCodes.map((c) => [c, new Set<string>()]));
  for (const r of rows) if (r.active === 1) sets.get(r.dictionary_code)?.add(r.code);
  return sets;
}

/** The items of several dictionaries, as the import/export engine takes them. */
export async function codeOptions(
  db: Db,
  dictionaryCodes: readonly string[],
): Promise<Map<string, { code: string; labelZh: string; labelEn: string }[]>> {
  const rows = await repo.listItemsOf(db, dictionaryCodes);
  const map = new Map<string, { code: string; labelZh: string; labelEn: string }[]>(
    dictionaryCodes.map((c) => [c, []]),
  );
  for (const r of rows) {
    if (r.active === 1)
      map.get(r.dictionary_code)?.push({ code: r.code, labelZh: r.label_zh, labelEn: r.label_en });
  }
  return map;
}
