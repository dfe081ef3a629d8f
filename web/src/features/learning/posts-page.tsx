import { EditOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import { type MouseEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCan } from '../../api/session';
import { BranchSelect } from '../../components/branch-select';
import { formatDateTime } from '../../components/date-time';
import { isInteractiveTarget, type ListColumn, ListPage } from '../../components/list-page';
import { MoreFilters } from '../../components/more-filters';
import { OrgTreeSelect } from '../../components/org-tree-select';
import { PageHeader } from '../../components/page-header';
import { useLanguage } from '../../i18n/i18n';
import { exportPosts, fetchPosts, type PostFilters, postListQueryKey } from './api';
import { LearningNav } from './learning-nav';
import { PostForm } from './post-form';
import { Audience, PostTags } from './post-tags';
import { recentYears } from './shared';
import type { Post, PostSort } from './types';

const SORTS: PostSort[] = ['-publishedAt', 'publishedAt', 'title'];
const DEFAULT_FILTERS = { sort: '-publishedAt' };

function usePostColumns(): ListColumn<Post>[] {
  const { t } = useTranslation();
  const language = useLanguage();
  return useMemo(
    () => [
      {
        key: 'title',
        title: t('learning.posts.field.title'),
        render: (_, p) => <Link to={`/learning/posts/${p.id}`}>{p.title}</Link>,
      },
      { key: 'state', title: t('learning.posts.field.state'), render: (_, p) => <PostTags post={p} /> },
      { key: 'audience', title: t('learning.posts.field.audience'), render: (_, p) => <Audience post={p} /> },
      { key: 'authorName', title: t('learning.posts.field.author'), dataIndex: 'authorName' },
      {
        key: 'publishedAt',
        title: t('learning.posts.field.publishedAt'),
        dataIndex: 'publishedAt',
        render: (value: string) => formatDateTime(value, language),
      },
      { key: 'reads', title: t('learning.posts.field.reads'), dataIndex: 'reads', align: 'right' },
      {
        key: 'files',
        title: t('learning.posts.field.files'),
        render: (_, p) => p.files.length,
        align: 'right',
        defaultHidden: true,
      },
    ],
    [t, language],
  );
}

/**
 * 网上党支部: the posts of the branches in scope and those the levels above send to them; post, filter
 * by branch, org, state, audience, pin and year; export.
 */
export function PostsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const columns = usePostColumns();
  // A link to one branch's feed (/learning/posts?branchId=789) opens the list filtered to it.
  const [params] = useSearchParams();
  const linkedBranch = Number(params.get('branchId')) || undefined;
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState(0);
  return (
    <>
      <PageHeader
        title={t('learning.posts.title')}
        description={t('learning.posts.description')}
        extra={
          can('learning:post') ? (
            <Button
              type="primary"
              icon={<EditOutlined aria-hidden />}
              onClick={() => {
                setOpened(opened + 1);
                setCreating(true);
              }}
            >
              {t('learning.posts.create')}
            </Button>
          ) : null
        }
      />
      <LearningNav />
      <ListPage<Post, PostFilters>
        label={t('learning.posts.listLabel')}
        queryKey={postListQueryKey}
        fetchPage={fetchPosts}
        columns={columns}
        rowKey="id"
        keyword={t('learning.posts.keyword')}
        defaultFilters={DEFAULT_FILTERS}
        initialFilters={linkedBranch ? { ...DEFAULT_FILTERS, branchId: linkedBranch } : undefined}
        stateKey="learning-posts"
        onExport={exportPosts}
        filters={
          <>
            <Form.Item name="branchId" label={t('learning.posts.field.branch')}>
              <BranchSelect className="filter-branch" />
            </Form.Item>
            <Form.Item name="state" label={t('learning.posts.field.state')}>
              <Select
                className="filter-select"
                allowClear
                placeholder={t('common.all')}
                options={(['published', 'withdrawn'] as const).map((s) => ({
                  value: s,
                  label: t(`learning.posts.state.${s}`),
                }))}
              />
            </Form.Item>
            <MoreFilters names={['audience', 'pinned', 'orgId', 'year', 'sort']} defaults={DEFAULT_FILTERS}>
              <Form.Item name="audience" label={t('learning.posts.field.audience')}>
                <Select
                  className="filter-select"
                  allowClear
                  placeholder={t('common.all')}
                  options={(['branch', 'org'] as const).map((a) => ({
                    value: a,
                    label: t(`learning.posts.audience.${a}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="pinned" label={t('learning.posts.field.pinned')}>
                <Select
                  className="filter-select"
                  allowClear
                  placeholder={t('common.all')}
                  options={[
                    { value: true, label: t('common.yes') },
                    { value: false, label: t('common.no') },
                  ]}
                />
              </Form.Item>
              <Form.Item name="orgId" label={t('learning.posts.orgFilter')}>
                <OrgTreeSelect className="filter-org" />
              </Form.Item>
              <Form.Item name="year" label={t('learning.year')}>
                <Select
                  className="filter-select"
                  allowClear
                  placeholder={t('common.all')}
                  options={recentYears().map((y) => ({ value: y, label: String(y) }))}
                />
              </Form.Item>
              <Form.Item name="sort" label={t('learning.sortLabel')}>
                <Select
                  className="filter-select"
                  options={SORTS.map((s) => ({ value: s, label: t(`learning.posts.sort.${s}`) }))}
                />
              </Form.Item>
            </MoreFilters>
          </>
        }
        rowClassName={() => 'row-clickable'}
        onRow={(p) => ({
          onClick: (event: MouseEvent) => {
            if (!isInteractiveTarget(event.target)) navigate(`/learning/posts/${p.id}`);
          },
        })}
      />
      <PostForm
        key={opened}
        open={creating}
        branchId={linkedBranch}
        onClose={() => setCreating(false)}
        onSaved={(post) => navigate(`/learning/posts/${post.id}`)}
      />
    </>
  );
}
