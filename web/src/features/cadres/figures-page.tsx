import { Breadcrumb, Button, Select, Space, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { useLanguage } from '../../i18n/i18n';
import { BackLink } from './back-link';
import { type CadreFigures, type FigureDimension, useCadreFigures, useCadreSnapshots } from './figures-api';

const DIMENSIONS: FigureDimension[] = ['org', 'category', 'ageBand', 'party', 'treatmentLevel'];

type Value = CadreFigures['dimensions'][number]['values'][number];
interface Row {
  key: string;
  value: Value;
  cells: Map<string, number>;
  total: number;
}

/**
 * /cadres/figures — the roster's headcounts as a two-way table at a node of the org tree: rows and
 * columns by org, category, age band, party membership or treatment level; a child org's row drills
 * down to it. Today's figures, or a year's snapshot (年报, as of 12-31).
 */
export function FiguresPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const rows = (params.get('rows') as FigureDimension | null) ?? 'org';
  const cols =
    (params.get('cols') as FigureDimension | null) ?? (rows === 'category' ? undefined : 'category');
  const orgId = params.get('orgId') ? Number(params.get('orgId')) : undefined;
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  // The drill-down path, as ids and names, so the breadcrumb can go back up.
  const trail: { id: number; name: string }[] = JSON.parse(params.get('trail') ?? '[]');
  const figures = useCadreFigures({
    rows,
    ...(cols && cols !== rows && { cols }),
    ...(orgId !== undefined && { orgId }),
    ...(year !== undefined && { year }),
  });
  const snapshots = useCadreSnapshots();
  const label = (v: { labelZh: string; labelEn: string }) => (language === 'zh-CN' ? v.labelZh : v.labelEn);

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };
  const drill = (data: CadreFigures, child: Value) =>
    set({
      orgId: String(child.orgId),
      trail: JSON.stringify([
        ...trail.filter((o) => o.id !== data.org.id),
        { id: data.org.id, name: data.org.name },
      ]),
    });

  const data = figures.data;
  const [rowDim, colDim] = data?.dimensions ?? [];
  const tableRows: Row[] = (rowDim?.values ?? []).map((value) => ({
    key: value.value,
    value,
    cells: new Map(),
    total: 0,
  }));
  const byValue = new Map(tableRows.map((r) => [r.key, r]));
  for (const cell of data?.cells ?? []) {
    const row = byValue.get(cell.keys[0] as string);
    if (!row) continue;
    row.total += cell.n;
    if (colDim) row.cells.set(cell.keys[1] as string, (row.cells.get(cell.keys[1] as string) ?? 0) + cell.n);
  }
  const shown = tableRows.filter((r) => r.total > 0);
  const columns: TableColumnsType<Row> = [
    {
      key: 'row',
      title: rowDim ? label(rowDim) : '',
      render: (_, r) =>
        r.value.orgId !== undefined && data ? (
          <Button type="link" size="small" onClick={() => drill(data, r.value)}>
            {label(r.value)}
          </Button>
        ) : (
          label(r.value)
        ),
    },
    ...(colDim?.values ?? []).map((v) => ({
      key: `c-${v.value}`,
      title: label(v),
      align: 'right' as const,
      render: (_: unknown, r: Row) => r.cells.get(v.value) ?? 0,
    })),
    { key: 'total', title: t('cadres.figures.total'), align: 'right', render: (_, r) => r.total },
  ];

  const dimensionOptions = DIMENSIONS.map((d) => ({ value: d, label: t(`cadres.figures.dimension.${d}`) }));
  return (
    <>
      <BackLink />
      <PageHeader title={t('cadres.figures.title')} description={t('cadres.figures.description')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <span>
          {t('cadres.figures.rows')}{' '}
          <Select
            aria-label={t('cadres.figures.rows')}
            style={{ width: 140 }}
            value={rows}
            options={dimensionOptions}
            onChange={(v) => set({ rows: v, ...(v === cols && { cols: 'none' }) })}
          />
        </span>
        <span>
          {t('cadres.figures.cols')}{' '}
          <Select
            aria-label={t('cadres.figures.cols')}
            style={{ width: 140 }}
            value={cols ?? 'none'}
            options={[
              { value: 'none', label: t('cadres.figures.none') },
              ...dimensionOptions.filter((o) => o.value !== rows),
            ]}
            onChange={(v) => set({ cols: v })}
          />
        </span>
        <span>
          {t('cadres.figures.period')}{' '}
          <Select
            aria-label={t('cadres.figures.period')}
            style={{ width: 180 }}
            value={year === undefined ? 'today' : String(year)}
            options={[
              { value: 'today', label: t('cadres.figures.today') },
              ...(snapshots.data ?? []).map((s) => ({
                value: String(s.year),
                label: t('cadres.figures.snapshot', { year: s.year }),
              })),
            ]}
            onChange={(v) => set({ year: v === 'today' ? undefined : v })}
          />
        </span>
      </Space>
      {trail.length > 0 && data ? (
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[
            ...trail.map((o, i) => ({
              key: o.id,
              title: (
                <Button
                  type="link"
                  size="small"
                  onClick={() => set({ orgId: String(o.id), trail: JSON.stringify(trail.slice(0, i)) })}
                >
                  {o.name}
                </Button>
              ),
            })),
            { key: data.org.id, title: data.org.name },
          ]}
        />
      ) : null}
      {figures.error ? <ErrorAlert error={figures.error} onRetry={() => figures.refetch()} /> : null}
      <Table<Row>
        size="small"
        bordered
        loading={figures.isLoading}
        rowKey="key"
        columns={columns}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 'max-content' }}
        title={() =>
          data
            ? t('cadres.figures.caption', { org: data.org.name, asOf: data.asOf, total: data.total })
            : null
        }
        summary={() =>
          data ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('cadres.figures.total')}</Table.Summary.Cell>
              {(colDim?.values ?? []).map((v, i) => (
                <Table.Summary.Cell key={v.value} index={i + 1} align="right">
                  {shown.reduce((s, r) => s + (r.cells.get(v.value) ?? 0), 0)}
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={(colDim?.values.length ?? 0) + 1} align="right">
                {data.total}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
