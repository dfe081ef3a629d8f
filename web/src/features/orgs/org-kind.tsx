import { ApartmentOutlined, BankOutlined, EnvironmentOutlined, ShopOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { OrgKind } from '../../api/types';

export const ORG_KINDS: OrgKind[] = ['city', 'county', 'town', 'unit'];

const ICONS: Record<OrgKind, ReactNode> = {
  city: <BankOutlined aria-hidden />,
  county: <ApartmentOutlined aria-hidden />,
  town: <EnvironmentOutlined aria-hidden />,
  unit: <ShopOutlined aria-hidden />,
};

export function OrgKindIcon({ kind }: { kind: OrgKind }) {
  return <span className={`org-kind-icon org-kind-${kind}`}>{ICONS[kind]}</span>;
}

/** The usual kind of a new child: city → county → town → unit. */
export function defaultChildKind(parent: OrgKind): OrgKind {
  return parent === 'city' ? 'county' : parent === 'county' ? 'town' : 'unit';
}
