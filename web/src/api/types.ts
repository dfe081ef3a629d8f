import type { components, paths } from './schema';

/*
 * Names for the shapes the console works with, all read off the generated `paths` so that they follow
 * the server's OpenAPI document (never written by hand).
 */

type JsonContent<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of one response status of one operation. */
export type ResponseBody<
  P extends keyof paths,
  M extends keyof paths[P],
  S extends number = 200,
> = paths[P][M] extends { responses: infer R } ? (S extends keyof R ? JsonContent<R[S]> : never) : never;

/** The JSON request body of one operation. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: infer B;
}
  ? JsonContent<NonNullable<B>>
  : never;

/** The query parameters of one operation. */
export type QueryParams<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

export type Me = ResponseBody<'/api/auth/me', 'get'>;
export type Assignment = Me['assignments'][number];
export type Session = ResponseBody<'/api/auth/sessions', 'get'>[number];

export type User = ResponseBody<'/api/users/{id}', 'get'>;
export type UserPage = ResponseBody<'/api/users', 'get'>;
export type UserStatus = User['status'];
export type CreateUserBody = RequestBody<'/api/users', 'post'>;
export type UpdateUserBody = RequestBody<'/api/users/{id}', 'patch'>;
export type ListUsersQuery = QueryParams<'/api/users', 'get'>;

export type Role = ResponseBody<'/api/roles', 'get'>[number];
export type Permission = ResponseBody<'/api/permissions', 'get'>[number];
export type CreateRoleBody = RequestBody<'/api/roles', 'post'>;
export type UpdateRoleBody = RequestBody<'/api/roles/{id}', 'patch'>;

export type Org = ResponseBody<'/api/orgs', 'get'>[number];
export type OrgKind = Org['kind'];
export type CreateOrgBody = RequestBody<'/api/orgs', 'post'>;
export type UpdateOrgBody = RequestBody<'/api/orgs/{id}', 'patch'>;
export type LiaisonArea = ResponseBody<'/api/liaison-areas', 'get'>[number];

export type Dictionary = ResponseBody<'/api/dictionaries', 'get'>[number];
export type DictionaryItem = ResponseBody<'/api/dictionaries/{code}/items', 'get'>[number];
export type CreateDictionaryItemBody = RequestBody<'/api/dictionaries/{code}/items', 'post'>;
export type UpdateDictionaryItemBody = RequestBody<'/api/dictionaries/{code}/items/{itemCode}', 'patch'>;

export type AuditPage = ResponseBody<'/api/audit', 'get'>;
export type AuditEntry = AuditPage['items'][number];
export type ListAuditQuery = QueryParams<'/api/audit', 'get'>;
export type AuditVerification = ResponseBody<'/api/audit/verify', 'get'>;

export type Cadre = ResponseBody<'/api/cadres/{id}', 'get'>;
export type CadrePage = ResponseBody<'/api/cadres', 'get'>;
export type CadreListItem = CadrePage['items'][number];
export type CadreCategory = Cadre['category'];
export type CadreStatus = Cadre['status'];
export type ListCadresQuery = QueryParams<'/api/cadres', 'get'>;
export type CadreSort = NonNullable<ListCadresQuery['sort']>;
export type CreateCadreBody = RequestBody<'/api/cadres', 'post'>;
export type UpdateCadreBody = RequestBody<'/api/cadres/{id}', 'patch'>;
export type EmergencyContact = Cadre['emergencyContacts'][number];
export type CadreReveal = ResponseBody<'/api/cadres/{id}/reveal', 'post'>;
export type CadreHistoryEntry = ResponseBody<'/api/cadres/{id}/history', 'get'>[number];
export type RecordDeathBody = RequestBody<'/api/cadres/{id}/death', 'post'>;
export type CadreHealth = ResponseBody<'/api/cadres/{id}/health', 'get'>;
export type HealthBody = RequestBody<'/api/cadres/{id}/health', 'put'>;
export type Mobility = NonNullable<CadreHealth['mobility']>;
export type FamilyMember = ResponseBody<'/api/cadres/{id}/family', 'get'>[number];
export type FamilyMemberBody = RequestBody<'/api/cadres/{id}/family', 'post'>;
export type HospitalStay = ResponseBody<'/api/cadres/{id}/hospital-stays', 'get'>[number];
export type HospitalStayBody = RequestBody<'/api/cadres/{id}/hospital-stays', 'post'>;
export type Travel = ResponseBody<'/api/cadres/{id}/travels', 'get'>[number];
export type TravelBody = RequestBody<'/api/cadres/{id}/travels', 'post'>;
export type HospitalStayAcross = ResponseBody<'/api/cadre-ledgers/hospital-stays', 'get'>['items'][number];
export type Birthday = ResponseBody<'/api/cadres/birthdays', 'get'>[number];
export type ImportJob = ResponseBody<'/api/cadres/imports/{id}', 'get'>;
export type ImportPreview = NonNullable<ImportJob['preview']>;

export type Branch = ResponseBody<'/api/branches/{id}', 'get'>;
export type BranchKind = Branch['kind'];
export type SetupAdvice = Branch['setup']['advice'];
export type ListBranchesQuery = QueryParams<'/api/branches', 'get'>;
export type BranchSort = NonNullable<ListBranchesQuery['sort']>;
export type CreateBranchBody = RequestBody<'/api/branches', 'post'>;
export type UpdateBranchBody = RequestBody<'/api/branches/{id}', 'patch'>;
export type BranchTreeNode = ResponseBody<'/api/branches/tree', 'get'>[number];
export type Membership = ResponseBody<'/api/branches/{id}/members', 'get'>[number];
export type MembershipRole = Membership['role'];
export type AddMemberBody = RequestBody<'/api/branches/{id}/members', 'post'>;
export type LeaveBody = RequestBody<'/api/branches/memberships/{id}/leave', 'post'>;
export type TransferBody = RequestBody<'/api/branches/memberships/{id}/transfer', 'post'>;
export type MobileMember = ResponseBody<'/api/branches/mobile-members/{id}', 'get'>;
export type ListMobileMembersQuery = QueryParams<'/api/branches/mobile-members', 'get'>;
export type CreateMobileMemberBody = RequestBody<'/api/branches/{id}/mobile-members', 'post'>;
export type UpdateMobileMemberBody = RequestBody<'/api/branches/mobile-members/{id}', 'patch'>;
export type CommitteeMember = ResponseBody<'/api/branches/{id}/committee', 'get'>[number];
export type CommitteePost = CommitteeMember['post'];
export type CreateCommitteeMemberBody = RequestBody<'/api/branches/{id}/committee', 'post'>;
export type UpdateCommitteeMemberBody = RequestBody<'/api/branches/committee/{id}', 'patch'>;
export type Election = ResponseBody<'/api/branches/{id}/elections', 'get'>[number];
export type CreateElectionBody = RequestBody<'/api/branches/{id}/elections', 'post'>;
export type UpdateElectionBody = RequestBody<'/api/branches/elections/{id}', 'patch'>;
export type ElectionDue = ResponseBody<'/api/branches/elections/due', 'get'>['items'][number];
export type ElectionsDueQuery = QueryParams<'/api/branches/elections/due', 'get'>;

export type Todo = ResponseBody<'/api/todos', 'get'>['items'][number];
export type ListTodosQuery = QueryParams<'/api/todos', 'get'>;
export type TodoCounts = ResponseBody<'/api/todos/counts', 'get'>;
/** A name in both languages, as workflows give their titles, states and actions. */
export type WorkflowLabel = Todo['stateLabel'];

/** One step of a record's workflow timeline (WorkflowHistorySchema is a list of these, oldest first). */
export type WorkflowEvent = components['schemas']['WorkflowEvent'];
export type WorkflowHistory = WorkflowEvent[];
