import type { QueryParams, RequestBody, ResponseBody } from '../../api/types';

/*
 * The meetings' API types (server/modules/branches/meetings.schema.ts), from the generated schema.
 */

export type Meeting = ResponseBody<'/api/branches/meetings/{id}', 'get'>;
export type MeetingSummary = ResponseBody<'/api/branches/meetings', 'get'>['items'][number];
export type MeetingType = Meeting['type'];
export type MeetingState = Meeting['state'];
export type MeetingFile = Meeting['files'][number];
export type MeetingAction = Meeting['actions'][number];
export type ListMeetingsQuery = QueryParams<'/api/branches/meetings', 'get'>;
export type MeetingSort = NonNullable<ListMeetingsQuery['sort']>;
export type CreateMeetingBody = RequestBody<'/api/branches/{id}/meetings', 'post'>;
export type UpdateMeetingBody = RequestBody<'/api/branches/meetings/{id}', 'patch'>;
export type OrgMatrix = ResponseBody<'/api/branches/meetings/matrix', 'get'>;
export type MatrixGroup = OrgMatrix['total'];
export type MatrixBranchRow = OrgMatrix['branches'][number];
export type BranchMatrix = ResponseBody<'/api/branches/{id}/meetings/matrix', 'get'>;
export type MatrixPeriod = BranchMatrix['periods'][number];
export type MatrixCell = BranchMatrix['cells']['committee'][number];
export type CellStatus = MatrixCell['status'];
