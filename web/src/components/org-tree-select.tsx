import { CaretDownFilled } from '@ant-design/icons';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgs } from '../api/orgs';
import { buildOrgTree, type OrgNode } from './org-tree';

interface OrgTreeSelectProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  /** Offer deactivated orgs too (shown, but not selectable). */
  includeInactive?: boolean;
  /** Orgs that may not be chosen, e.g. an org's own subtree when moving it. */
  disabledIds?: ReadonlySet<number>;
  allowClear?: boolean;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
  className?: string;
}

interface TreeOption {
  value: number;
  title: string;
  disabled: boolean;
  children: TreeOption[];
}

/** Picks one node of the caller's org tree; searchable by name. Works as a Form.Item control. */
export function OrgTreeSelect({
  id,
  value,
  onChange,
  includeInactive = false,
  disabledIds,
  allowClear = true,
  placeholder,
  disabled,
  className,
  'aria-label': ariaLabel,
}: OrgTreeSelectProps) {
  const { t } = useTranslation();
  const { data: orgs, isLoading, isError } = useOrgs(includeInactive);

  const { treeData, expanded } = useMemo(() => {
    const expandedKeys: number[] = [];
    const toOption = (node: OrgNode): TreeOption => {
      if (node.depth < 1 && node.children.length > 0) expandedKeys.push(node.org.id);
      return {
        value: node.org.id,
        title: node.org.active ? node.org.name : `${node.org.name}（${t('orgs.inactive')}）`,
        disabled: !node.org.active || Boolean(disabledIds?.has(node.org.id)),
        children: node.children.map(toOption),
      };
    };
    return { treeData: buildOrgTree(orgs ?? []).map(toOption), expanded: expandedKeys };
  }, [orgs, disabledIds, t]);

  return (
    <TreeSelect<number>
      id={id}
      className={className}
      aria-label={ariaLabel}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeData={treeData}
      treeDefaultExpandedKeys={expanded}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear={allowClear}
      loading={isLoading}
      disabled={disabled}
      placeholder={placeholder ?? t('orgs.pick')}
      notFoundContent={isError ? t('orgs.loadFailed') : undefined}
      popupMatchSelectWidth={false}
      // Hidden from assistive technology, so an org's accessible name is its name, not "caret-down 崇川区".
      switcherIcon={<CaretDownFilled aria-hidden />}
      // The list closes at once: while it faded out it was still a visible scrolling region with nothing
      // focusable in it (the combobox drives it through aria-activedescendant), which axe reports.
      transitionName=""
      style={{ minWidth: 200, width: '100%' }}
    />
  );
}
