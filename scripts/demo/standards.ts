import type { Db } from '../../server/db/database.ts';
import * as repo from '../../server/modules/assessments/assessments.repository.ts';
import type { EvidenceKind, MeasureRule } from '../../server/modules/assessments/assessments.schema.ts';
import { publishProblems } from '../../server/modules/assessments/assessments.service.ts';
import { type Actor, recordAudit } from '../../server/platform/audit/audit.ts';

type DemoMeasure = [text: string, evidence: string, kinds: EvidenceKind[], points: number | 'required'];

/**
 * The demo's 六有一提升: six "haves" and the uplift, 29 measures. Demo content, worded as plausible,
 * verifiable measures; not the city's official text. Scored measures total 100 points; four are
 * must-pass (必达).
 */
export const DEMO_LIUYOU: { title: string; measures: DemoMeasure[] }[] = [
  {
    title: '有坚强的班子',
    measures: [
      [
        '支部委员会按期换届，书记、委员配备齐全',
        '换届请示及批复、选举结果报告',
        ['elections', 'committee'],
        'required',
      ],
      [
        '书记由政治素质好、身体健康、热心服务的老同志担任',
        '书记任职文件、简要履历',
        ['committee', 'document'],
        4,
      ],
      ['支委分工明确，每季度至少召开一次支委会', '支委分工表、支委会记录', ['meetings', 'document'], 4],
      ['书记每年参加上级组织的培训不少于一次', '培训通知、签到表或结业证明', ['document', 'photo'], 3],
      [
        '支委会每年向党员大会报告工作，接受党员评议',
        '工作报告文本、党员大会记录',
        ['document', 'meetings'],
        3,
      ],
    ],
  },
  {
    title: '有健全的制度',
    measures: [
      [
        '落实“三会一课”制度：党员大会、党课每季度各一次，支委会每月一次',
        '平台会议记录',
        ['meetings'],
        'required',
      ],
      ['每月开展一次主题党日活动', '主题党日记录及活动照片', ['meetings', 'photo'], 5],
      ['每年召开组织生活会，开展民主评议党员', '组织生活会记录、民主评议结果', ['meetings', 'document'], 5],
      ['建立党费收缴、学习、走访慰问等制度，成册或上墙', '制度汇编或制度上墙照片', ['document', 'photo'], 4],
    ],
  },
  {
    title: '有固定的场所',
    measures: [
      ['有固定的活动场所，面积满足支部集中活动需要', '场所照片、使用协议或说明', ['photo', 'document'], 4],
      ['场所悬挂党旗，公开支部制度和党员名单', '场所布置照片', ['photo'], 3],
      ['配备桌椅、学习资料和电教设备', '设施照片、学习资料清单', ['photo', 'document'], 3],
      ['场所安全、无障碍，方便老同志出行', '场所照片、安全检查记录', ['photo', 'document'], 3],
    ],
  },
  {
    title: '有经常性的活动',
    measures: [
      ['每年初制定支部活动计划并按计划实施', '年度活动计划、年终小结', ['document'], 4],
      ['每年开展专题学习或主题教育不少于四次', '学习会议记录、活动照片', ['meetings', 'photo'], 5],
      ['组织党员参加志愿服务、关心下一代等发挥作用活动', '活动记录、照片', ['document', 'photo'], 5],
      ['对高龄、患病不能参加活动的党员送学上门', '送学上门登记、照片', ['document', 'photo'], 4],
      ['利用网络党支部、云端党课组织线上学习', '线上学习记录或截图', ['document', 'photo'], 4],
    ],
  },
  {
    title: '有规范的台账',
    measures: [
      ['党员名册、组织关系信息准确完整并及时更新', '平台党员名册', ['members'], 'required'],
      ['会议记录完整，议题、出席、决议齐全', '平台会议记录', ['meetings'], 5],
      ['活动照片、资料分类归档，便于查阅', '归档目录、活动照片', ['photo', 'document'], 4],
      ['流动党员登记、联系和管理规范', '流动党员登记、联系记录', ['members', 'document'], 3],
    ],
  },
  {
    title: '有必要的经费',
    measures: [
      ['活动经费纳入单位预算或有稳定来源', '预算文件或经费拨付凭证', ['document'], 5],
      ['按规定收缴、使用和管理党费，账目定期公开', '党费收缴台账、公开记录', ['document'], 'required'],
      ['经费使用有审批、有记录、有票据', '经费审批单、支出明细', ['document'], 4],
    ],
  },
  {
    title: '提升组织力（作用发挥）',
    measures: [
      ['支部或党员获上级表彰，或形成有特色的党建品牌', '表彰文件、品牌材料', ['document', 'photo'], 6],
      ['党员在社区治理、基层建设中发挥作用，有具体事例', '事例材料、照片或报道', ['document', 'photo'], 6],
      ['经常开展谈心谈话和走访慰问，党员满意度高', '谈心谈话记录、满意度调查', ['document'], 4],
      ['党员无违纪违法行为', '所在单位或上级党组织出具的情况说明', ['document'], 'required'],
    ],
  },
];

/**
 * Loads the demo standard 六有一提升 (`liuyou`), version 1 published, marked as demo content.
 * Deterministic; does nothing when the standard already exists. Returns its version's id.
 */
export async function seedStandards(db: Db, actor: Actor): Promise<{ versionId: number; measures: number }> {
  const existing = await repo.findStandardByCode(db, 'liuyou');
  if (existing) {
    const [v] = (await repo.listVersions(db, [existing.id])).filter((r) => r.version === 1);
    return { versionId: v?.id ?? 0, measures: Number(v?.measure_count ?? 0) };
  }
  return db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    const standardId = await repo.insertStandard(trx, {
      code: 'liuyou',
      name: '六有一提升',
      description:
        '离退休干部党支部建设标准：有坚强的班子、有健全的制度、有固定的场所、有经常性的活动、有规范的台账、有必要的经费，提升组织力（演示内容，非正式文本）',
      is_demo: 1,
      created_at: at,
      updated_at: at,
    });
    const versionId = await repo.insertVersion(trx, {
      standard_id: standardId,
      version: 1,
      status: 'draft',
      published_at: null,
      frozen_at: null,
      notes: '演示数据',
      copied_from_id: null,
      created_at: at,
      updated_at: at,
    });
    let measures = 0;
    for (const [i, d] of DEMO_LIUYOU.entries()) {
      const dimensionId = await repo.insertDimension(trx, {
        version_id: versionId,
        sort_order: i + 1,
        code: String(i + 1),
        title: d.title,
      });
      for (const [j, [text, evidence, kinds, points]] of d.measures.entries()) {
        const rule: MeasureRule = points === 'required' ? 'required' : 'scored';
        await repo.insertMeasure(trx, {
          dimension_id: dimensionId,
          sort_order: j + 1,
          code: `${i + 1}.${j + 1}`,
          text,
          evidence,
          evidence_kinds: JSON.stringify(kinds),
          rule,
          weight: points === 'required' ? 0 : points,
          remarks: null,
        });
        measures++;
      }
    }
    const problems = await publishProblems(trx, versionId);
    if (problems.length) throw new Error(`demo standard: ${problems.map((p) => p.messages.en).join('; ')}`);
    await repo.updateVersion(trx, versionId, { status: 'published', published_at: at });
    await recordAudit(trx, actor, {
      action: 'assessment_version.publish',
      entity: 'assessment_version',
      entityId: versionId,
      summary: '六有一提升 v1 (demo)',
    });
    return { versionId, measures };
  });
}
