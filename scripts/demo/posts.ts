// The demo online party branch (网上党支部): notices, study notes and activity reports that branches post
// to their members over the last year, a few the city and the counties sent to every branch below
// them, and the members' read receipts. Deterministic for a seed and a day; synthetic, marked as demo.
import type { Insertable } from 'kysely';
import type { Db } from '../../server/db/database.ts';
import type { LearningPostsTable } from '../../server/db/schema.ts';
import * as branchesRepo from '../../server/modules/branches/branches.repository.ts';
import * as postsRepo from '../../server/modules/learning/posts.repository.ts';
import { listOrgs } from '../../server/modules/orgs/orgs.service.ts';
import { WHOLE_TREE } from '../../server/platform/access/scope.ts';
import { addDays } from '../../server/platform/calendar/days.ts';
import { SECRETARY_UNIT } from './branches.ts';
import { DEMO_MARK } from './learning.ts';
import { createRandom, type Random } from './people.ts';

const BRANCH_TITLES = [
  '关于开展本月主题党日活动的通知',
  '支部学习：习近平新时代中国特色社会主义思想专题',
  '请各位同志按时交纳党费',
  '重阳节走访慰问安排',
  '支部活动掠影：参观红色教育基地',
  '学习心得分享：老党员谈初心',
  '关于召开支部党员大会的通知',
  '冬季保健提示与健康讲座安排',
  '组织生活会征求意见',
  '志愿服务队本月服务安排',
];
const BRANCH_BODIES = [
  '请各位党员同志按时参加，行动不便的同志可由支部安排上门送学。',
  '本次学习分为集中学习和交流发言两部分，欢迎大家踊跃发言，分享体会。',
  '活动照片已整理上传，感谢各位老同志的积极参与。',
  '如有困难请与支部书记联系，支部将安排专人协助。',
];
const CITY_TITLES = [
  '全市离退休干部党支部“六有一提升”工作提示',
  '关于组织收看云端党课的通知',
  '“江海银发先锋计划”志愿服务活动倡议',
  '冬春季节老干部健康安全提醒',
];

const instant = (day: string, r: Random) =>
  `${day}T${String(r.int(1, 10)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00.000Z`;

const earlier = (a: string, b: string) => (a < b ? a : b);

export interface DemoPostsSummary {
  posts: number;
  reads: number;
}

/** Writes the demo posts of the year up to yesterday, with read receipts. */
export async function generatePosts(
  db: Db,
  opts: { seed: number; today: string },
): Promise<DemoPostsSummary> {
  const r = createRandom(opts.seed);
  const yesterday = addDays(opts.today, -1);
  const orgs = await listOrgs(db, WHOLE_TREE, true);
  const city = orgs.find((o) => o.parentId === null);
  if (!city) throw new Error('demo posts need the org tree');
  const counties = orgs.filter((o) => o.kind === 'county');
  const branches = (await branchesRepo.listWorkingBranches(db)).filter((b) => b.kind !== 'general');
  const members = new Map<number, number[]>();
  for (const m of await branchesRepo.listOpenMemberships(db)) {
    members.set(m.branch_id, [...(members.get(m.branch_id) ?? []), m.cadre_id]);
  }
  const day = () => addDays(yesterday, -r.int(0, 364));

  const posts: Insertable<LearningPostsTable>[] = [];
  const audiences: number[][] = [];
  const post = (
    orgId: number,
    branchId: number | null,
    title: string,
    author: string,
    audience: number[],
  ) => {
    const on = day();
    const at = instant(on, r);
    posts.push({
      org_id: orgId,
      branch_id: branchId,
      title: `${title}${DEMO_MARK}`,
      body: `${r.pick(BRANCH_BODIES)}（演示内容）`,
      format: 'text',
      pinned: r.chance(0.1) ? 1 : 0,
      state: 'published',
      published_at: at,
      withdrawn_at: null,
      withdraw_reason: null,
      created_by: null,
      author_name: author,
      created_at: at,
      updated_at: at,
    });
    audiences.push(audience);
  };

  for (const title of CITY_TITLES) post(city.id, null, title, `${city.name}委老干部局`, []);
  for (const county of counties) {
    for (let k = 0; k < 2; k++) post(county.id, null, r.pick(CITY_TITLES), `${county.name}委老干部局`, []);
  }
  const secretaryBranch = branches.find((b) => b.org_name === SECRETARY_UNIT && b.kind === 'standing');
  for (const b of branches) {
    const count = b.id === secretaryBranch?.id ? 6 : r.chance(0.2) ? r.int(1, 3) : 0;
    for (let k = 0; k < count; k++) {
      post(b.org_id, b.id, r.pick(BRANCH_TITLES), `${b.name}`, members.get(b.id) ?? []);
    }
  }

  const ids = await postsRepo.insertPosts(db, posts);
  const reads: { post_id: number; cadre_id: number; read_at: string }[] = [];
  for (const [i, audience] of audiences.entries()) {
    const published = String(posts[i]?.published_at).slice(0, 10);
    for (const cadre of audience) {
      if (!r.chance(0.65)) continue;
      const on = addDays(published, r.int(0, 6));
      reads.push({
        post_id: ids[i] as number,
        cadre_id: cadre,
        read_at: instant(earlier(on, yesterday), r),
      });
    }
  }
  await postsRepo.insertReads(db, reads);
  return { posts: posts.length, reads: reads.length };
}
