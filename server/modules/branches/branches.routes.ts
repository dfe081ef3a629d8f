import { Type } from 'typebox';
import type { Keyring } from '../../platform/crypto/personal-data.ts';
import { exportCaller, sendXlsx } from '../../platform/http/replies.ts';
import { errorResponses, IdParams, NoContent, PageOf } from '../../platform/http/schemas.ts';
import { type App, actorOf, authOf } from '../../platform/http/types.ts';
import * as committees from './branches.committees.ts';
import * as exports from './branches.export.ts';
import * as memberships from './branches.memberships.ts';
import {
  AddMemberBody,
  BranchPageSchema,
  BranchSchema,
  BranchTreeNodeSchema,
  BranchTreeQuery,
  CommitteeMemberSchema,
  CommitteeQuery,
  CreateBranchBody,
  CreateCommitteeMemberBody,
  CreateElectionBody,
  CreateMobileMemberBody,
  ElectionDueSchema,
  ElectionSchema,
  ElectionsDueQuery,
  ExportBranchesQuery,
  ExportElectionsDueQuery,
  ExportMobileMembersQuery,
  LeaveBody,
  ListBranchesQuery,
  ListMobileMembersQuery,
  MembershipSchema,
  MembersQuery,
  MobileMemberSchema,
  MobileRevealSchema,
  TransferBody,
  UpdateBranchBody,
  UpdateCommitteeMemberBody,
  UpdateElectionBody,
  UpdateMobileMemberBody,
} from './branches.schema.ts';
import * as service from './branches.service.ts';

/** What the branches' routes are given by app.ts. */
export interface BranchesRoutesOptions {
  keyring: Keyring;
}

/**
 * Party branches (standing and 1+N, general branches above them), memberships (一方隶属，多重管理),
 * mobile members, committees, elections and their reminders, and the exports of each list.
 */
export default async function branchesRoutes(app: App, { keyring }: BranchesRoutesOptions) {
  const tags = ['branches'];

  // ---- branches ----

  app.get('/api/branches', {
    schema: {
      tags,
      summary: 'Branches in your scope: search, filter (kind, org subtree, needs attention), sort, page',
      querystring: ListBranchesQuery,
      response: { 200: BranchPageSchema, ...errorResponses },
    },
    config: { access: 'branches:read' },
    handler: async (req) => service.listBranches(app.db, authOf(req), req.query),
  });

  app.post('/api/branches', {
    schema: {
      tags,
      summary: 'Set up a branch or a general branch (党总支)',
      body: CreateBranchBody,
      response: { 201: BranchSchema, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.createBranch(app.db, authOf(req), actorOf(req), req.body);
    },
  });

  app.get('/api/branches/export', {
    schema: {
      tags,
      summary: 'The filtered branch list as .xlsx',
      querystring: ExportBranchesQuery,
      response: errorResponses,
    },
    config: { access: 'branches:read' },
    handler: async (req, reply) =>
      sendXlsx(reply, await exports.exportBranches(exportCaller(app, req), req.query)),
  });

  app.get('/api/branches/tree', {
    schema: {
      tags,
      summary: 'General branches with the branches under them, then the other branches (the console tree)',
      querystring: BranchTreeQuery,
      response: { 200: Type.Array(BranchTreeNodeSchema), ...errorResponses },
    },
    config: { access: 'branches:read' },
    handler: async (req) => service.branchTree(app.db, authOf(req), req.query),
  });

  app.get('/api/branches/:id', {
    schema: {
      tags,
      summary: 'One branch with its counts, setup advice, secretary and election dates',
      params: IdParams,
      response: { 200: BranchSchema, ...errorResponses },
    },
    config: { access: 'branches:read' },
    handler: async (req) => service.getBranch(app.db, authOf(req), req.params.id),
  });

  app.patch('/api/branches/:id', {
    schema: {
      tags,
      summary: 'Change a branch; setting dissolvedOn dissolves it (撤销)',
      params: IdParams,
      body: UpdateBranchBody,
      response: { 200: BranchSchema, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req) => service.updateBranch(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/branches/:id', {
    schema: {
      tags,
      summary:
        'Delete a branch entered by mistake (only without members, past or present, and without branches under it)',
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req, reply) => {
      await service.deleteBranch(app.db, authOf(req), actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  // ---- memberships ----

  app.get('/api/branches/:id/members', {
    schema: {
      tags,
      summary: "A branch's members: current, left, or all",
      params: IdParams,
      querystring: MembersQuery,
      response: { 200: Type.Array(MembershipSchema), ...errorResponses },
    },
    config: { access: 'branches:read' },
    handler: async (req) => memberships.listMembers(app.db, authOf(req), req.params.id, req.query.status),
  });

  app.post('/api/branches/:id/members', {
    schema: {
      tags,
      summary: 'Add a party member: primary in a standing branch (one per person), participating in the N',
      params: IdParams,
      body: AddMemberBody,
      response: { 201: MembershipSchema, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req, reply) => {
      reply.code(201);
      return memberships.addMember(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.get('/api/branches/:id/members/export', {
    schema: {
      tags,
      summary: "A branch's members as .xlsx",
      params: IdParams,
      querystring: MembersQuery,
      response: errorResponses,
    },
    config: { access: 'branches:read' },
    handler: async (req, reply) =>
      sendXlsx(reply, await exports.exportMembers(exportCaller(app, req), req.params.id, req.query.status)),
  });

  app.post('/api/branches/memberships/:id/leave', {
    schema: {
      tags,
      summary: 'Close a membership with the day and the reason; the record stays as history',
      params: IdParams,
      body: LeaveBody,
      response: { 200: MembershipSchema, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req) =>
      memberships.leaveBranch(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.post('/api/branches/memberships/:id/transfer', {
    schema: {
      tags,
      summary: 'Move a primary membership (组织关系转接) to another standing branch, in one step',
      params: IdParams,
      body: TransferBody,
      response: { 200: MembershipSchema, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req) =>
      memberships.transferMembership(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.get('/api/cadres/:id/branch-memberships', {
    schema: {
      tags,
      summary: "A cadre's branch memberships over time",
      params: IdParams,
      response: { 200: Type.Array(MembershipSchema), ...errorResponses },
    },
    config: { access: 'branches:read' },
    handler: async (req) => memberships.cadreMemberships(app.db, authOf(req), req.params.id),
  });

  // ---- mobile members (流动党员) ----

  app.get('/api/branches/mobile-members', {
    schema: {
      tags,
      summary: 'Mobile members in your scope: current ones, those whose period has ended, or all',
      querystring: ListMobileMembersQuery,
      response: { 200: PageOf(MobileMemberSchema), ...errorResponses },
    },
    config: { access: 'branches:read' },
    handler: async (req) => memberships.listMobileMembers(app.db, keyring, authOf(req), req.query),
  });

  app.get('/api/branches/mobile-members/export', {
    schema: {
      tags,
      summary: 'Mobile members as .xlsx (phones masked)',
      querystring: ExportMobileMembersQuery,
      response: errorResponses,
    },
    config: { access: 'branches:read' },
    handler: async (req, reply) =>
      sendXlsx(reply, await exports.exportMobileMembers(exportCaller(app, req), req.query)),
  });

  app.post('/api/branches/:id/mobile-members', {
    schema: {
      tags,
      summary: 'Register a member of the branch as living elsewhere for a while',
      params: IdParams,
      body: CreateMobileMemberBody,
      response: { 201: MobileMemberSchema, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req, reply) => {
      reply.code(201);
      return memberships.createMobileMember(
        app.db,
        keyring,
        authOf(req),
        actorOf(req),
        req.params.id,
        req.body,
      );
    },
  });

  app.get('/api/branches/mobile-members/:id', {
    schema: {
      tags,
      summary: 'One mobile-member entry (phone masked)',
      params: IdParams,
      response: { 200: MobileMemberSchema, ...errorResponses },
    },
    config: { access: 'branches:read' },
    handler: async (req) => memberships.getMobileMember(app.db, keyring, authOf(req), req.params.id),
  });

  app.patch('/api/branches/mobile-members/:id', {
    schema: {
      tags,
      summary: 'Change a mobile-member entry',
      params: IdParams,
      body: UpdateMobileMemberBody,
      response: { 200: MobileMemberSchema, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req) =>
      memberships.updateMobileMember(app.db, keyring, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/branches/mobile-members/:id', {
    schema: {
      tags,
      summary: 'Remove a mobile-member entry made by mistake',
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req, reply) => {
      await memberships.deleteMobileMember(app.db, keyring, authOf(req), actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/branches/mobile-members/:id/reveal', {
    schema: {
      tags,
      summary: 'Show the plain contact phone (audited)',
      params: IdParams,
      response: { 200: MobileRevealSchema, ...errorResponses },
    },
    config: { access: 'cadres:reveal' },
    handler: async (req) =>
      memberships.revealMobileMember(app.db, keyring, authOf(req), actorOf(req), req.params.id),
  });

  // ---- committee (支委会) ----

  app.get('/api/branches/:id/committee', {
    schema: {
      tags,
      summary: "A branch's committee: every post held, or only those held today",
      params: IdParams,
      querystring: CommitteeQuery,
      response: { 200: Type.Array(CommitteeMemberSchema), ...errorResponses },
    },
    config: { access: 'branches:read' },
    handler: async (req) => committees.listCommittee(app.db, authOf(req), req.params.id, req.query.current),
  });

  app.post('/api/branches/:id/committee', {
    schema: {
      tags,
      summary: 'Put a member of the branch on its committee',
      params: IdParams,
      body: CreateCommitteeMemberBody,
      response: { 201: CommitteeMemberSchema, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req, reply) => {
      reply.code(201);
      return committees.addCommitteeMember(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.patch('/api/branches/committee/:id', {
    schema: {
      tags,
      summary: 'Change a committee entry (its post or term)',
      params: IdParams,
      body: UpdateCommitteeMemberBody,
      response: { 200: CommitteeMemberSchema, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req) =>
      committees.updateCommitteeMember(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/branches/committee/:id', {
    schema: {
      tags,
      summary: 'Remove a committee entry made by mistake',
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req, reply) => {
      await committees.deleteCommitteeMember(app.db, authOf(req), actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });

  // ---- elections (换届) ----

  app.get('/api/branches/elections/due', {
    schema: {
      tags,
      summary: 'Branches whose election is due within N days, overdue, or never recorded',
      querystring: ElectionsDueQuery,
      response: { 200: PageOf(ElectionDueSchema), ...errorResponses },
    },
    config: { access: 'branches:read' },
    handler: async (req) => committees.electionsDue(app.db, authOf(req), req.query),
  });

  app.get('/api/branches/elections/due/export', {
    schema: {
      tags,
      summary: 'The election reminder list as .xlsx',
      querystring: ExportElectionsDueQuery,
      response: errorResponses,
    },
    config: { access: 'branches:read' },
    handler: async (req, reply) =>
      sendXlsx(reply, await exports.exportElectionsDue(exportCaller(app, req), req.query)),
  });

  app.get('/api/branches/:id/elections', {
    schema: {
      tags,
      summary: "A branch's elections, latest first",
      params: IdParams,
      response: { 200: Type.Array(ElectionSchema), ...errorResponses },
    },
    config: { access: 'branches:read' },
    handler: async (req) => committees.listElections(app.db, authOf(req), req.params.id),
  });

  app.post('/api/branches/:id/elections', {
    schema: {
      tags,
      summary: 'Record an election held; the next one falls due after its term (3 or 5 years)',
      params: IdParams,
      body: CreateElectionBody,
      response: { 201: ElectionSchema, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req, reply) => {
      reply.code(201);
      return committees.createElection(app.db, authOf(req), actorOf(req), req.params.id, req.body);
    },
  });

  app.patch('/api/branches/elections/:id', {
    schema: {
      tags,
      summary: 'Change an election record',
      params: IdParams,
      body: UpdateElectionBody,
      response: { 200: ElectionSchema, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req) =>
      committees.updateElection(app.db, authOf(req), actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/branches/elections/:id', {
    schema: {
      tags,
      summary: 'Remove an election record made by mistake',
      params: IdParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: 'branches:write' },
    handler: async (req, reply) => {
      await committees.deleteElection(app.db, authOf(req), actorOf(req), req.params.id);
      return reply.code(204).send(null);
    },
  });
}
