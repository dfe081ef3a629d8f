import { PushpinOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { StatusTag } from '../../components/status-tag';
import type { Post } from './types';

/** Published or withdrawn, and pinned, as tags. */
export function PostTags({ post }: { post: Pick<Post, 'state' | 'pinned'> }) {
  const { t } = useTranslation();
  return (
    <>
      <StatusTag tone={post.state === 'published' ? 'success' : 'default'}>
        {t(`learning.posts.state.${post.state}`)}
      </StatusTag>
      {post.pinned ? (
        <StatusTag tone="info">
          <PushpinOutlined aria-hidden /> {t('learning.posts.pinned')}
        </StatusTag>
      ) : null}
    </>
  );
}

/** To whom a post went: its branch, or every branch of its org. */
export function Audience({ post }: { post: Pick<Post, 'branchName' | 'orgName'> }) {
  const { t } = useTranslation();
  return <>{post.branchName ?? t('learning.posts.allBranchesOf', { org: post.orgName })}</>;
}
