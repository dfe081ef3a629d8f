import { useQueryClient } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Birthday } from '../../api/types';
import { type ListColumn, ListPage, type ListQuery } from '../../components/list-page';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { useLanguage } from '../../i18n/i18n';
import { type BirthdayFilters, birthdaysQueryOptions, cadresQueryKey } from './api';
import { BackLink } from './back-link';
import { formatBirthday, formatDateWithWeekday } from './cadre-format';
import { CategoryTag } from './cadre-tags';

const DAY_CHOICES = [1, 3, 7, 15, 30];
const DEFAULT_FILTERS = { days: 7 };

/** /cadres/birthdays — who has a birthday in the next N days, lunar birthdays included, soonest first. */
export function BirthdaysPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();

  // The server answers the whole window at once (it is small); the list pages through it here.
  const fetchPage = useCallback(
    async ({ page, pageSize, keyword: _keyword, ...filters }: ListQuery<BirthdayFilters>) => {
      const all = await queryClient.fetchQuery(birthdaysQueryOptions(filters));
      return { items: all.slice((page - 1) * pageSize, page * pageSize), total: all.length };
    },
    [queryClient],
  );

  const columns: ListColumn<Birthday>[] = [
    {
      key: 'date',
      title: t('cadres.birthdays.date'),
      render: (_, birthday) => formatDateWithWeekday(birthday.date, language),
    },
    {
      key: 'name',
      title: t('cadres.field.name'),
      render: (_, birthday) => <Link to={`/cadres/${birthday.id}`}>{birthday.name}</Link>,
    },
    { key: 'orgName', title: t('cadres.field.org'), dataIndex: 'orgName' },
    {
      key: 'category',
      title: t('cadres.field.category'),
      render: (_, birthday) => <CategoryTag category={birthday.category} />,
    },
    {
      key: 'birthday',
      title: t('cadres.birthdays.celebrated'),
      render: (_, birthday) => formatBirthday(birthday.birthday, language),
    },
    {
      key: 'turning',
      title: t('cadres.birthdays.turning'),
      render: (_, birthday) => (
        <span>
          {t('cadres.ageValue', { age: birthday.turning })}
          {birthday.turning % 10 === 0 ? (
            <span className="inline-tag">
              <StatusTag tone="warning">{t('cadres.birthdays.round')}</StatusTag>
            </span>
          ) : null}
        </span>
      ),
    },
    { key: 'birthDate', title: t('cadres.field.birthDate'), dataIndex: 'birthDate', defaultHidden: true },
  ];

  return (
    <>
      <BackLink />
      <PageHeader title={t('cadres.birthdays.title')} description={t('cadres.birthdays.description')} />
      <ListPage<Birthday, BirthdayFilters>
        label={t('cadres.birthdays.listLabel')}
        queryKey={[...cadresQueryKey, 'birthdays-page']}
        fetchPage={fetchPage}
        columns={columns}
        rowKey="id"
        keyword={false}
        defaultFilters={DEFAULT_FILTERS}
        stateKey="cadre-birthdays"
        filters={
          <>
            <Form.Item name="days" label={t('cadres.birthdays.days')}>
              <Select
                className="filter-select"
                options={DAY_CHOICES.map((days) => ({
                  value: days,
                  label: t('cadres.birthdays.nextDays', { count: days }),
                }))}
              />
            </Form.Item>
            <Form.Item name="orgId" label={t('cadres.orgFilter')}>
              <OrgTreeSelect className="filter-org" />
            </Form.Item>
            <Form.Item name="category" label={t('cadres.field.category')}>
              <Select
                className="filter-select"
                allowClear
                placeholder={t('common.all')}
                options={(['lixiu', 'tuixiu'] as const).map((category) => ({
                  value: category,
                  label: t(`cadres.category.${category}`),
                }))}
              />
            </Form.Item>
          </>
        }
      />
    </>
  );
}
