import { Card, Col, Empty, Input, Row, Skeleton, Switch, Tree, type TreeDataNode } from 'antd';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useOrgs } from '../../api/orgs';
import type { Org } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { ancestorIds, buildOrgTree, type OrgNode } from '../../components/org-tree';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { OrgCreateModal } from './org-create-modal';
import { OrgDetail } from './org-detail';
import { OrgKindIcon } from './org-kind';
import { OrgMoveModal } from './org-move-modal';

function OrgTitle({ org, search }: { org: Org; search: string }) {
  const { t } = useTranslation();
  const index = search ? org.name.toLowerCase().indexOf(search.toLowerCase()) : -1;
  const name =
    index < 0 ? (
      org.name
    ) : (
      <>
        {org.name.slice(0, index)}
        <mark>{org.name.slice(index, index + search.length)}</mark>
        {org.name.slice(index + search.length)}
      </>
    );
  return (
    <span className={org.active ? 'org-title' : 'org-title org-inactive'}>
      <OrgKindIcon kind={org.kind} /> {name}
      <span className="org-kind-label">{t(`orgs.kindValue.${org.kind}`)}</span>
      {org.active ? null : (
        <span className="inline-tag">
          <StatusTag>{t('orgs.inactive')}</StatusTag>
        </span>
      )}
    </span>
  );
}

/** The org tree of the caller's subtree, searchable, with a detail panel for the selected node. */
export function OrgsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [showInactive, setShowInactive] = useState(true);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<number[]>();
  const [adding, setAdding] = useState<Org>();
  const [moving, setMoving] = useState<Org>();
  const searchId = useId();
  const orgs = useOrgs(showInactive);
  const list = orgs.data ?? [];
  const selectedId = Number(params.get('id')) || undefined;
  const selected = list.find((org) => org.id === selectedId);
  const parent = selected ? list.find((org) => org.id === selected.parentId) : undefined;

  const select = (id: number) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.set('id', String(id));
      return next;
    });

  // Start with the top two levels open, and the path to the selected org.
  useEffect(() => {
    if (expanded !== undefined || list.length === 0) return;
    const forest = buildOrgTree(list);
    const open = forest.flatMap((node) => [node.org.id]);
    setExpanded([...open, ...(selectedId ? ancestorIds(list, selectedId) : [])]);
  }, [expanded, list, selectedId]);

  const term = search.trim();
  const { treeData, matchedExpand, matchCount } = useMemo(() => {
    const lower = term.toLowerCase();
    const expand = new Set<number>();
    let count = 0;
    const toNode = (node: OrgNode): TreeDataNode | null => {
      const children = node.children.map(toNode).filter((child): child is TreeDataNode => child !== null);
      const matches = lower !== '' && node.org.name.toLowerCase().includes(lower);
      if (matches) count += 1;
      if (lower !== '' && !matches && children.length === 0) return null;
      if (lower !== '' && children.length > 0) expand.add(node.org.id);
      return { key: node.org.id, title: <OrgTitle org={node.org} search={term} />, children };
    };
    const data = buildOrgTree(orgs.data ?? [])
      .map(toNode)
      .filter((node): node is TreeDataNode => node !== null);
    return { treeData: data, matchedExpand: [...expand], matchCount: count };
  }, [orgs.data, term]);

  return (
    <>
      <PageHeader title={t('orgs.title')} description={t('orgs.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card className="org-tree-card" title={<h2 className="card-heading">{t('orgs.treeTitle')}</h2>}>
            <div className="org-tree-tools">
              <label htmlFor={searchId} className="sr-only">
                {t('orgs.search')}
              </label>
              <Input.Search
                id={searchId}
                allowClear
                placeholder={t('orgs.search')}
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
              <span className="switch-field">
                <Switch
                  id={`${searchId}-inactive`}
                  checked={showInactive}
                  onChange={setShowInactive}
                  size="small"
                />
                <label htmlFor={`${searchId}-inactive`}>{t('orgs.showInactive')}</label>
              </span>
            </div>
            <p className="sr-only" aria-live="polite">
              {term ? t('orgs.matches', { count: matchCount }) : ''}
            </p>
            {orgs.error ? <ErrorAlert error={orgs.error} onRetry={() => void orgs.refetch()} /> : null}
            {orgs.isLoading ? <Skeleton active /> : null}
            {!orgs.isLoading && treeData.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={term ? t('orgs.noMatch') : t('orgs.empty')}
              />
            ) : null}
            {treeData.length > 0 ? (
              <Tree
                className="org-tree"
                treeData={treeData}
                showLine
                blockNode
                selectedKeys={selectedId ? [selectedId] : []}
                expandedKeys={term ? matchedExpand : (expanded ?? [])}
                onExpand={(keys) => {
                  if (!term) setExpanded(keys.map(Number));
                }}
                onSelect={(keys) => {
                  const key = keys[0];
                  if (key !== undefined) select(Number(key));
                }}
              />
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {selected ? (
            <OrgDetail
              key={selected.id}
              org={selected}
              parent={parent}
              onAddChild={() => setAdding(selected)}
              onMove={() => setMoving(selected)}
            />
          ) : (
            <Card>
              <Empty description={t('orgs.pickHint')} />
            </Card>
          )}
        </Col>
      </Row>
      <OrgCreateModal
        parent={adding}
        onClose={() => setAdding(undefined)}
        onCreated={(org) => {
          setAdding(undefined);
          setExpanded((open) => [...(open ?? []), org.parentId ?? 0]);
          select(org.id);
        }}
      />
      <OrgMoveModal org={moving} orgs={list} onClose={() => setMoving(undefined)} />
    </>
  );
}
