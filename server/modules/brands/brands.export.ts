import { datedName, type ExportCaller, exportList, listExport } from '../../platform/lists/export.ts';
import { AWARD_EXPORT_COLUMNS, BRAND_EXPORT_COLUMNS } from './brands.columns.ts';
import type { ExportAwardsQuery, ExportBrandsQuery } from './brands.schema.ts';
import { listAllAwards, listAllBrands } from './brands.service.ts';

/** The filtered brand list. */
export const brandsExport = listExport<ExportBrandsQuery>({
  columns: BRAND_EXPORT_COLUMNS,
  open: async ({ db, auth, locale }, query) => ({
    sheet: locale === 'en-US' ? 'Brands' : '党建品牌',
    fileName: datedName(locale, '党建品牌', 'brands'),
    rows: await listAllBrands(db, auth, query),
  }),
});

/** The filtered selections (十佳, 优秀, provincial cases). */
export const awardsExport = listExport<ExportAwardsQuery>({
  columns: AWARD_EXPORT_COLUMNS,
  open: async ({ db, auth, locale }, query) => {
    const year = query.year ? `${query.year}` : '';
    return {
      sheet: locale === 'en-US' ? 'Selections' : '品牌评选',
      fileName: datedName(locale, `${year}党建品牌评选`, `brand-selections${year && `-${year}`}`),
      rows: await listAllAwards(db, auth, query),
    };
  },
});

const audit = (what: string) => ({ action: 'brand.export', entity: 'brand', what });

/** The filtered brand list as .xlsx. */
export const exportBrands = (caller: ExportCaller, query: ExportBrandsQuery) =>
  exportList(caller, { list: 'brands.brands', input: query, filters: query, audit: audit('brands') });

/** The filtered selections as .xlsx. */
export const exportAwards = (caller: ExportCaller, query: ExportAwardsQuery) =>
  exportList(caller, { list: 'brands.awards', input: query, filters: query, audit: audit('brand_awards') });
