import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { ListQuery } from '../../components/list-page';

export const auditQueryKey = ['audit'] as const;

export interface AuditFilters {
  action: string;
  entity: string;
  actorId: number;
  from: string;
  to: string;
}

export function fetchAudit(query: ListQuery<AuditFilters>) {
  return unwrap(api.GET('/api/audit', { params: { query } }));
}

/** Re-walks the hash chain of the audit log on the server and reports the first broken link. */
export function useVerifyAudit() {
  return useMutation({
    mutationFn: () => unwrap(api.GET('/api/audit/verify')),
  });
}
