/**
 * Every to-do query starts with this key: after acting on a record (in any feature), one invalidation
 * refreshes list and badge.
 */
export const todosQueryKey = ['todos'] as const;
