import type { Db } from '../../db/database.ts';
import { updateWorkflowItem } from '../../platform/workflow/workflow.service.ts';
import * as repo from './meetings.repository.ts';
import { meetingTitle } from './meetings.rules.ts';
import { meetingWorkflow } from './meetings.workflow.ts';

/**
 * What a branch's own changes mean for its meetings. Kept apart from meetings.service.ts, which loads
 * branches through branches.service.ts, so that the branches' service can call it without a cycle.
 */

/** Whether a branch has meetings on record (a branch that has met is dissolved, never deleted). */
export async function branchHasMeetings(db: Db, branchId: number) {
  return (await repo.meetingsOf(db, branchId)).length > 0;
}

/**
 * Keeps a branch's meetings in step with the branch, in its transaction: a move to another org takes
 * the meetings and their reviews along (they then wait for the new org's reviewers), and a new name or
 * org renews the titles the to-do list shows.
 */
export async function followBranch(
  db: Db,
  branch: { id: number; name: string; orgId: number; orgName: string },
  orgChanged: boolean,
) {
  const meetings = await repo.meetingsOf(db, branch.id);
  if (meetings.length === 0) return;
  if (orgChanged) await repo.moveMeetings(db, branch.id, branch.orgId, new Date().toISOString());
  for (const m of meetings) {
    const title = meetingTitle({
      orgName: branch.orgName,
      branchName: branch.name,
      type: m.type,
      period: m.period,
    });
    await updateWorkflowItem(db, meetingWorkflow, m.id, {
      title,
      ...(orgChanged && { orgId: branch.orgId }),
    });
  }
}
