import { ApartmentOutlined, FlagOutlined } from '@ant-design/icons';
import { Empty, Skeleton } from 'antd';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BranchTreeNode } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { StatusTag } from '../../components/status-tag';
import { useIsMobile } from '../../components/use-is-mobile';
import { useBranchTree } from './api';

type Leaf = Omit<BranchTreeNode, 'children'>;

function NodeLabel({ node }: { node: Leaf }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={`/branches/${node.id}`} className="branch-tree-link">
        {node.kind === 'general' ? <ApartmentOutlined aria-hidden /> : <FlagOutlined aria-hidden />}
        <span>{node.name}</span>
      </Link>
      <span className="branch-tree-count">{t('branches.tree.members', { count: node.members })}</span>
      {node.advice !== 'ok' && node.advice !== 'dissolved' ? (
        <StatusTag tone="warning">{t(`branches.adviceShort.${node.advice}`)}</StatusTag>
      ) : null}
    </>
  );
}

/**
 * 支部结构: general branches (党总支) with the branches under them, then the branches under none; each
 * a link to its page. On a phone it folds away above the list.
 */
export function BranchTree() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const tree = useBranchTree();
  const headingId = useId();

  let body: ReactNode;
  if (tree.error) body = <ErrorAlert error={tree.error} onRetry={() => void tree.refetch()} />;
  else if (!tree.data) body = <Skeleton active paragraph={{ rows: 4 }} />;
  else if (tree.data.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('branches.tree.empty')} />;
  else
    body = (
      <ul className="branch-tree-list">
        {tree.data.map((node) => (
          <li key={node.id}>
            <NodeLabel node={node} />
            {node.children.length > 0 ? (
              <ul>
                {node.children.map((child) => (
                  <li key={child.id}>
                    <NodeLabel node={child} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    );

  const count = tree.data?.length;
  if (isMobile) {
    return (
      <details className="branch-tree branch-tree-folded">
        <summary>
          {t('branches.tree.title')}
          {count !== undefined ? ` (${count})` : ''}
        </summary>
        {body}
      </details>
    );
  }
  return (
    <section className="branch-tree" aria-labelledby={headingId}>
      <h2 id={headingId} className="branch-tree-heading">
        {t('branches.tree.title')}
      </h2>
      {body}
    </section>
  );
}
