import type { Db } from '../../db/database.ts';
import { AppError } from '../../errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { childOrgs } from '../../platform/indicators/indicators.repository.ts';
import { rollUp } from '../../platform/indicators/indicators.ts';
import { getOrg } from '../orgs/orgs.service.ts';
import * as repo from './rounds.repository.ts';
import { rateOf } from './rounds.rules.ts';
import type { FigureGroup, Figures, FiguresQuery } from './rounds.schema.ts';
import { getRound } from './rounds.service.ts';

function emptyGroup(org: { id: number; name: string; kind: string }): FigureGroup {
  return {
    orgId: org.id,
    orgName: org.name,
    orgKind: org.kind,
    branches: 0,
    selfAssessing: 0,
    submitted: 0,
    reviewed: 0,
    verified: 0,
    selfAssessed: 0,
    compliant: 0,
    notCompliant: 0,
    complianceRate: null,
    cityDemonstrations: 0,
    provinceDemonstrations: 0,
  };
}

type FigureRow = Awaited<ReturnType<typeof repo.figureRows>>[number];

/** Adds one branch's assessment to a group's counts. */
function addTo(g: FigureGroup, r: FigureRow) {
  g.branches++;
  if (r.state === 'self_assessing') g.selfAssessing++;
  else {
    g.selfAssessed++;
    if (r.state === 'submitted') g.submitted++;
    if (r.state === 'reviewed') g.reviewed++;
    if (r.state === 'verified') g.verified++;
  }
  if (r.result === 'compliant') g.compliant++;
  if (r.result === 'not_compliant') g.notCompliant++;
  // A province-level demonstration branch was a city-level one first: it counts at its highest level.
  if (r.demo_level === 'city') g.cityDemonstrations++;
  if (r.demo_level === 'province') g.provinceDemonstrations++;
  g.complianceRate = rateOf(g.compliant, g.branches);
}

/**
 * A round's figures at a node of the org tree (the caller's own, or one inside their scope): the node's
 * total, each active child org holding branches of the round (the counties, at city level), and the
 * branches the node holds itself; counted from the assessments' current states and results.
 */
export async function roundFigures(
  db: Db,
  auth: Auth,
  roundId: number,
  query: FiguresQuery,
): Promise<Figures> {
  if (!auth.scope) throw new AppError('org.not_found');
  const round = await getRound(db, auth, roundId);
  const org = await getOrg(db, query.orgId ?? auth.scope.orgId, auth.scope);
  const [rows, children] = await Promise.all([repo.figureRows(db, roundId, org.path), childOrgs(db, org.id)]);
  // A branch under an inactive child org counts in the total only.
  const figures = rollUp(org, children, rows, (r) => r.org_path, { empty: emptyGroup, add: addTo });
  return {
    round: { id: round.id, name: round.name, year: round.year },
    org: { id: org.id, name: org.name, kind: org.kind },
    total: figures.total,
    children: figures.children.map((c) => c.group).filter((g) => g.branches > 0),
    direct: figures.own,
  };
}
