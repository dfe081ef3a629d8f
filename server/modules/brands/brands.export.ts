import type { Db } from '../../db/database.ts';
import type { Locale } from '../../errors.ts';
import { type Actor, recordAudit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar/days.ts';
import type { ColumnDef } from '../../platform/excel/columns.ts';
import { xlsxBuffer } from '../../platform/excel/write.ts';
import type { Auth } from '../../platform/http/types.ts';
import { AWARD_EXPORT_COLUMNS, BRAND_EXPORT_COLUMNS } from './brands.columns.ts';
import type { ExportAwardsQuery, ExportBrandsQuery } from './brands.schema.ts';
import { listAllAwards, listAllBrands } from './brands.service.ts';

/** An export ready to send: the .xlsx bytes and the file's name. */
export interface Exported {
  bytes: Buffer;
  fileName: string;
}

const named = (locale: Locale, zh: string, en: string) => `${locale === 'en-US' ? en : zh}-${today()}.xlsx`;

/**
 * Rows into .xlsx bytes. The brand lists are bounded by the branches (one live brand each, about 1,200
 * in a city of the source's size), so they are written on the request path.
 */
const toXlsx = (sheet: string, columns: ColumnDef[], rows: Record<string, unknown>[], locale: Locale) =>
  xlsxBuffer(sheet, columns, rows, new Map(), locale);

async function audited(db: Db, actor: Actor, what: string, rows: number, filters: unknown) {
  await recordAudit(db, actor, {
    action: 'brand.export',
    entity: 'brand',
    summary: `${what}: ${rows} rows`,
    after: { what, filters, rows },
  });
}

/** The filtered brand list as .xlsx. */
export async function exportBrands(
  db: Db,
  auth: Auth,
  actor: Actor,
  query: ExportBrandsQuery,
  locale: Locale,
): Promise<Exported> {
  const brands = await listAllBrands(db, auth, query);
  const bytes = await toXlsx(
    locale === 'en-US' ? 'Brands' : '党建品牌',
    BRAND_EXPORT_COLUMNS,
    brands,
    locale,
  );
  await audited(db, actor, 'brands', brands.length, query);
  return { bytes, fileName: named(locale, '党建品牌', 'brands') };
}

/** The filtered selections (十佳, 优秀, provincial cases) as .xlsx. */
export async function exportAwards(
  db: Db,
  auth: Auth,
  actor: Actor,
  query: ExportAwardsQuery,
  locale: Locale,
): Promise<Exported> {
  const awards = await listAllAwards(db, auth, query);
  const sheet = locale === 'en-US' ? 'Selections' : '品牌评选';
  const bytes = await toXlsx(sheet, AWARD_EXPORT_COLUMNS, awards, locale);
  await audited(db, actor, 'brand_awards', awards.length, query);
  const year = query.year ? `${query.year}` : '';
  return { bytes, fileName: named(locale, `${year}党建品牌评选`, `brand-selections${year && `-${year}`}`) };
}
