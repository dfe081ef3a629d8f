import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useMe } from '../../api/session';
import { today } from '../../components/date-value';

/** The :id of a record page, or undefined when it is not a positive whole number. */
export function useIdParam(): number | undefined {
  const { id } = useParams();
  const value = Number(id);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** One labelled fact of a record (in a `dl.branch-facts`). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The years a learning list offers: this year and the nine before it. */
export function recentYears(): number[] {
  const year = today().year();
  return Array.from({ length: 10 }, (_, i) => year - i);
}

/** The org of the active role assignment: where a new lesson, programme or post is filed by default. */
export function useScopeOrgId(): number | undefined {
  const { data: me } = useMe();
  return me?.assignments.find((a) => a.id === me.activeAssignmentId)?.orgId;
}
