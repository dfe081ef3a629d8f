/**
 * The one error vocabulary: every code the API can answer with, its HTTP status and its message in
 * both languages. Services throw `new AppError('user.not_found')`; the error handler in app.ts maps it.
 */
const ERRORS = {
  validation: { status: 400, zh: '请求数据不符合要求', en: 'The request is not valid' },
  bad_request: { status: 400, zh: '请求无法处理', en: 'The request cannot be processed' },
  body_too_large: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  not_found: { status: 404, zh: '未找到', en: 'Not found' },
  internal: {
    status: 500,
    zh: '服务器出错了，请稍后重试',
    en: 'Something went wrong; please try again later',
  },
  unavailable: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
  'auth.required': { status: 401, zh: '请先登录', en: 'Please sign in' },
  'auth.invalid_credentials': { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    status: 423,
    zh: '登录失败次数过多，账号已临时锁定，请稍后再试',
    en: 'Too many failed sign-ins; the account is locked for a while',
  },
  'auth.throttled': {
    status: 429,
    zh: '来自此地址的失败登录过多，请稍后再试',
    en: 'Too many failed sign-ins from this address; try again later',
  },
  'auth.disabled': { status: 403, zh: '账号已停用', en: 'This account is disabled' },
  'auth.csrf': {
    status: 403,
    zh: '请求校验失败，请刷新页面后重试',
    en: 'Request check failed; reload the page',
  },
  'auth.forbidden': { status: 403, zh: '没有执行此操作的权限', en: 'You do not have permission to do this' },
  'auth.password_change_required': {
    status: 403,
    zh: '请先修改密码',
    en: 'You must change your password first',
  },
  'auth.wrong_password': { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  'auth.password_policy': {
    status: 400,
    zh: '新密码不符合密码策略',
    en: 'The new password breaks the policy',
  },
  'auth.assignment_not_found': { status: 404, zh: '没有这个授权', en: 'No such role assignment' },
  'session.not_found': { status: 404, zh: '会话不存在', en: 'Session not found' },
  'user.not_found': { status: 404, zh: '用户不存在', en: 'User not found' },
  'user.username_taken': { status: 409, zh: '用户名已被使用', en: 'The username is taken' },
  'user.self_assign': { status: 409, zh: '不能给自己授权', en: 'You cannot grant roles to yourself' },
  'org.inactive': { status: 409, zh: '该组织已停用', en: 'The organisation is inactive' },
  'audit.scope': {
    status: 403,
    zh: '审计日志只能在全市范围内查阅',
    en: 'The audit log can only be read with a city-wide scope',
  },
  'user.self_disable': { status: 409, zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  'role.not_found': { status: 404, zh: '角色不存在', en: 'Role not found' },
  'role.code_taken': { status: 409, zh: '角色代码已被使用', en: 'The role code is taken' },
  'role.builtin': {
    status: 409,
    zh: '内置角色不能修改或删除',
    en: 'Built-in roles cannot be changed or deleted',
  },
  'role.in_use': { status: 409, zh: '角色仍有用户使用，不能删除', en: 'The role is still assigned to users' },
  'role.unknown_permission': { status: 400, zh: '未知的权限', en: 'Unknown permission' },
  'org.not_found': { status: 404, zh: '组织不存在', en: 'Organisation not found' },
  'org.move_into_own_subtree': {
    status: 409,
    zh: '不能把组织移到它自己或它的下级之下',
    en: 'An organisation cannot move under itself or its descendants',
  },
  'org.root_immutable': {
    status: 409,
    zh: '根节点不能移动或停用',
    en: 'The root cannot be moved or deactivated',
  },
  'org.parent_inactive': { status: 409, zh: '上级组织已停用', en: 'The parent organisation is inactive' },
  'org.has_active_children': {
    status: 409,
    zh: '还有启用中的下级组织，不能停用',
    en: 'It still has active children',
  },
  'org.in_use': {
    status: 409,
    zh: '仍有用户属于此组织，不能停用',
    en: 'Users still belong to this organisation',
  },
  'org.kind_not_allowed': {
    status: 400,
    zh: '此类组织不能放在该上级之下',
    en: 'This kind of organisation cannot be placed under that parent',
  },
  'liaison_area.not_found': { status: 404, zh: '联系片不存在', en: 'Liaison area not found' },
  'cadre.not_found': { status: 404, zh: '人员不存在', en: 'Cadre not found' },
  'cadre.duplicate_id_number': {
    status: 409,
    zh: '该身份证号码已登记',
    en: 'A cadre with this ID number is already on the roster',
  },
  'cadre.deceased': { status: 409, zh: '该同志已离世', en: 'This cadre has passed away' },
  'cadre.not_deceased': { status: 409, zh: '该同志未登记离世', en: 'This cadre is not recorded as deceased' },
  'cadre.health_forbidden': {
    status: 403,
    zh: '按健康状况筛选需要健康信息权限',
    en: 'Filtering by health needs the health-data permission',
  },
  'branch.not_found': { status: 404, zh: '党支部不存在', en: 'Party branch not found' },
  'branch.membership_not_found': { status: 404, zh: '党员隶属记录不存在', en: 'Membership not found' },
  'branch.mobile_not_found': { status: 404, zh: '流动党员登记不存在', en: 'Mobile-member entry not found' },
  'branch.committee_not_found': { status: 404, zh: '支委会成员记录不存在', en: 'Committee entry not found' },
  'branch.election_not_found': { status: 404, zh: '换届记录不存在', en: 'Election not found' },
  'branch.name_taken': {
    status: 409,
    zh: '同一组织下已有同名的党支部',
    en: 'The organisation already has a branch of this name',
  },
  'branch.parent_not_general': {
    status: 409,
    zh: '上级只能是党总支，且党总支不能再设在党总支之下',
    en: 'A parent must be a general branch, and a general branch cannot sit under another',
  },
  'branch.parent_org_mismatch': {
    status: 409,
    zh: '支部所在组织必须在其党总支所在组织范围内',
    en: "A branch's organisation must lie within its general branch's organisation",
  },
  'branch.kind_in_use': {
    status: 409,
    zh: '支部已有党员，不能改变建制类型',
    en: 'The branch has members; its kind cannot change',
  },
  'branch.has_members': {
    status: 409,
    zh: '支部仍有党员（含历史隶属记录），不能删除或撤销；请先办理转出，或设置撤销日期',
    en: 'The branch still has members (or their history); transfer them first, or set a dissolution date',
  },
  'branch.has_children': {
    status: 409,
    zh: '党总支下仍有支部，不能删除、撤销或改变类型',
    en: 'The general branch still has branches under it',
  },
  'branch.dissolved': { status: 409, zh: '该支部已撤销', en: 'The branch has been dissolved' },
  'branch.not_party_member': {
    status: 409,
    zh: '该同志不是中共党员（含预备党员），不能编入党支部',
    en: 'This cadre is not a member (or probationary member) of the Party',
  },
  'branch.cadre_deceased': {
    status: 409,
    zh: '该同志已离世，不能编入党支部',
    en: 'This cadre has passed away and cannot be added',
  },
  'branch.kind_mismatch': {
    status: 409,
    zh: '组织关系（主隶属）只能在建制性支部，参与的支部只能是非建制支部；党总支不直接编入党员',
    en: 'A primary membership belongs in a standing branch, a participating one in a non-standing branch; general branches hold no members directly',
  },
  'branch.primary_exists': {
    status: 409,
    zh: '该同志的组织关系已在另一个建制性支部，请办理转接而不是重复编入',
    en: 'This cadre already has a primary branch; transfer the membership instead',
  },
  'branch.already_member': {
    status: 409,
    zh: '该同志已在本支部',
    en: 'This cadre is already a member of this branch',
  },
  'branch.membership_closed': {
    status: 409,
    zh: '该隶属记录已结束',
    en: 'This membership has already ended',
  },
  'branch.not_primary': {
    status: 409,
    zh: '只有组织关系（主隶属）才能转接；参与的支部请办理退出',
    en: 'Only a primary membership can be transferred; leave a participating branch instead',
  },
  'branch.same_branch': { status: 409, zh: '转入支部与原支部相同', en: 'The target is the same branch' },
  'branch.not_member': {
    status: 409,
    zh: '该同志不是本支部的在册党员',
    en: 'This cadre is not a current member of the branch',
  },
  'branch.post_taken': {
    status: 409,
    zh: '该职务在这段时间已有人担任',
    en: 'Someone already holds this post during that period',
  },
  'branch.mobile_overlap': {
    status: 409,
    zh: '该同志在这段时间已有流动登记',
    en: 'This cadre already has a mobile-member entry overlapping that period',
  },
  'branch.election_exists': {
    status: 409,
    zh: '该支部在这一天已有换届记录',
    en: 'The branch already has an election on that date',
  },
  'branch.has_meetings': {
    status: 409,
    zh: '该支部已有会议记录，不能删除，请改为撤销',
    en: 'The branch has meetings on record; dissolve it instead',
  },
  'meeting.not_found': { status: 404, zh: '会议记录不存在', en: 'Meeting not found' },
  'meeting.present_exceeds_expected': {
    status: 400,
    zh: '实到人数不能超过应到人数',
    en: 'The number present cannot exceed the number expected',
  },
  'meeting.attendance_mismatch': {
    status: 400,
    zh: '实到人数与缺席人数之和应等于应到人数',
    en: 'Those present and those absent must add up to those expected',
  },
  'meeting.not_editable': {
    status: 409,
    zh: '只有草稿或已退回的会议可以修改',
    en: 'Only a draft or returned meeting can be changed',
  },
  'ledger.not_found': { status: 404, zh: '记录不存在', en: 'Entry not found' },
  'file.too_large': { status: 413, zh: '文件过大', en: 'The file is too large' },
  'file.type_not_allowed': { status: 415, zh: '不支持的文件类型', en: 'This type of file is not accepted' },
  'file.empty': { status: 400, zh: '文件为空', en: 'The file is empty' },
  'file.not_found': { status: 404, zh: '文件不存在', en: 'File not found' },
  'job.interrupted': {
    status: 409,
    zh: '任务因服务重启或故障而中断，未写入任何数据，可重新执行',
    en: 'The job was interrupted by a restart or failure; nothing was written, and it can be run again',
  },
  'scheduler.job_not_found': { status: 404, zh: '定时任务不存在', en: 'Scheduled job not found' },
  'scheduler.job_running': {
    status: 409,
    zh: '定时任务正在运行，不能重试',
    en: 'The scheduled job is running and cannot be retried',
  },
  'calendar.year_mismatch': {
    status: 400,
    zh: '日期不属于所编辑的年份',
    en: 'A date is outside the year being edited',
  },
  'calendar.bad_event': {
    status: 400,
    zh: '延期须有日期和天数，中止须有起止日期（起不晚于止）',
    en: 'An extension needs a day and a count; a pause needs a first and a last day, in order',
  },
  'calendar.duplicate_date': { status: 400, zh: '同一日期出现多次', en: 'A date appears more than once' },
  'calendar.year_not_found': {
    status: 404,
    zh: '该年份的节假日安排尚未录入',
    en: 'That year is not kept yet',
  },
  'import.not_found': { status: 404, zh: '导入任务不存在', en: 'Import not found' },
  'import.not_ready': {
    status: 409,
    zh: '导入任务当前状态不能执行此操作',
    en: 'The import is not in a state that allows this',
  },
  'import.has_errors': {
    status: 409,
    zh: '文件中仍有错误，请修改后重新上传',
    en: 'The file still has errors; fix them and upload it again',
  },
  'import.bad_file': { status: 400, zh: '无法读取文件', en: 'The file cannot be read' },
  'dictionary.not_found': { status: 404, zh: '字典不存在', en: 'Dictionary not found' },
  'dictionary.item_not_found': { status: 404, zh: '字典项不存在', en: 'Dictionary item not found' },
  'dictionary.item_exists': { status: 409, zh: '字典项代码已存在', en: 'The item code already exists' },
  'dictionary.standard_fixed': {
    status: 409,
    zh: '国家标准代码表不能增加代码',
    en: 'Codes of a national-standard table cannot be added',
  },
  'workflow.not_found': { status: 404, zh: '该记录没有审批流程', en: 'This record has no workflow' },
  'workflow.already_started': {
    status: 409,
    zh: '该记录的审批流程已经开始',
    en: 'The workflow of this record has already started',
  },
  'workflow.invalid_transition': {
    status: 409,
    zh: '当前状态下不能执行此操作',
    en: 'This action is not possible in the current state',
  },
  'workflow.not_permitted': {
    status: 403,
    zh: '您不能对这条记录执行此操作',
    en: 'You may not take this action on this record',
  },
  'workflow.comment_required': { status: 400, zh: '请填写意见', en: 'This action needs a comment' },
  'assessment.standard_not_found': { status: 404, zh: '考核标准不存在', en: 'Standard not found' },
  'assessment.version_not_found': { status: 404, zh: '标准版本不存在', en: 'Standard version not found' },
  'assessment.dimension_not_found': { status: 404, zh: '考核维度不存在', en: 'Dimension not found' },
  'assessment.measure_not_found': { status: 404, zh: '考核细则不存在', en: 'Measure not found' },
  'assessment.code_taken': { status: 409, zh: '标准代码已被使用', en: 'The standard code is taken' },
  'assessment.city_scope': {
    status: 403,
    zh: '考核标准只能由全市范围的市局工作人员制定和修改',
    en: 'Standards are authored only by city staff with a city-wide scope',
  },
  'assessment.version_frozen': {
    status: 409,
    zh: '该版本已被考核轮次使用而冻结，不能修改；请复制为新版本后修改',
    en: 'The version is frozen (a round uses it) and cannot change; copy it into a new version',
  },
  'assessment.version_not_draft': {
    status: 409,
    zh: '该版本已发布，不能修改；请先撤回为草稿，或复制为新版本',
    en: 'The version is published and cannot change; withdraw it to draft first, or copy it',
  },
  'assessment.version_not_published': {
    status: 409,
    zh: '该版本尚未发布（草稿），不能执行此操作',
    en: 'The version is still a draft; publish it first',
  },
  'assessment.draft_exists': {
    status: 409,
    zh: '该标准已有一个草稿版本，请先完成或删除它',
    en: 'The standard already has a draft version; finish or delete it first',
  },
  'assessment.incomplete': {
    status: 409,
    zh: '该版本不完整，不能发布：见各项问题',
    en: 'The version is not complete enough to publish: see the problems listed',
  },
  'assessment.order_mismatch': {
    status: 400,
    zh: '排序须完整列出该版本的全部维度和细则，且各出现一次',
    en: "The order must list each of the version's dimensions and measures exactly once",
  },
  'round.city_scope': {
    status: 403,
    zh: '考核轮次的开启、关闭、核验和示范支部命名只能由全市范围的市局工作人员进行',
    en: 'Rounds are opened and closed, and demonstration branches named, only by city staff with a city-wide scope',
  },
  'round.not_found': { status: 404, zh: '考核轮次不存在', en: 'Assessment round not found' },
  'round.closed': {
    status: 409,
    zh: '该考核轮次已关闭，不能再修改',
    en: 'The round is closed; nothing in it can change any more',
  },
  'round.no_branches': {
    status: 400,
    zh: '所选范围内没有可参加考核的支部（已撤销的支部不参加）',
    en: 'No branch to assess in the selection (dissolved branches never take part)',
  },
  'round.branch_dissolved': {
    status: 400,
    zh: '已撤销的支部不能参加考核轮次',
    en: 'A dissolved branch cannot take part in a round',
  },
  'round.due_outside_year': {
    status: 400,
    zh: '自评截止日期须在考核年度内',
    en: 'The self-assessment due date must fall in the round’s year',
  },
  'round.assessment_not_found': { status: 404, zh: '支部考核记录不存在', en: 'Branch assessment not found' },
  'round.not_editable': {
    status: 409,
    zh: '只有自评中的考核可以修改自评和佐证材料（已提交的须退回后修改）',
    en: 'Answers and evidence change only while self-assessing (a submitted one must be returned first)',
  },
  'round.not_assessor': {
    status: 403,
    zh: '只有本支部（所在单位）可以填写自评',
    en: 'Only the branch’s own people (at its org) fill in its self-assessment',
  },
  'round.answers_missing': {
    status: 409,
    zh: '还有考核细则未填写自评结论，不能提交：见所列细则',
    en: 'Some measures have no verdict yet; it cannot be submitted: see the measures listed',
  },
  'round.not_applicable_refused': {
    status: 400,
    zh: '必达（否决）项不能填“不适用”',
    en: 'A must-pass measure cannot be marked not applicable',
  },
  'round.measure_not_in_version': {
    status: 404,
    zh: '该细则不属于本轮考核所用的标准版本',
    en: 'The measure is not part of the version this round uses',
  },
  'round.evidence_not_found': { status: 404, zh: '佐证材料不存在', en: 'Evidence not found' },
  'round.evidence_kind_refused': {
    status: 400,
    zh: '该细则不接受这类佐证材料',
    en: 'The measure does not accept this kind of evidence',
  },
  'round.meeting_other_branch': {
    status: 400,
    zh: '只能引用本支部自己的会议记录作为佐证',
    en: 'Only the branch’s own meetings can serve as its evidence',
  },
  'round.meeting_not_approved': {
    status: 400,
    zh: '只能引用已审核通过的会议记录作为佐证',
    en: 'Only approved meetings can serve as evidence',
  },
  'round.meeting_wrong_year': {
    status: 400,
    zh: '只能引用考核年度内召开的会议作为佐证',
    en: 'Only meetings held in the round’s year can serve as evidence',
  },
  'round.not_checkable': {
    status: 409,
    zh: '当前状态下不能填写审核或核验意见：待审核时由县区审核，已审核时由市局核验',
    en: 'No check can be recorded now: the county reviews a submitted one, the city verifies a reviewed one',
  },
  'round.check_needs_evidence': {
    status: 400,
    zh: '审核意见须注明所依据的佐证材料（至少一件，且属于该细则）；缺少佐证的请选“缺少佐证，不予认定”',
    en: 'A check must name the evidence it rests on (at least one, of this measure); choose “no evidence” when there is none',
  },
  'round.checks_missing': {
    status: 409,
    zh: '还有考核细则未填写审核意见：见所列细则',
    en: 'Some measures have no check yet: see the measures listed',
  },
  'round.not_reviewed': {
    status: 409,
    zh: '县区审核通过之前不能核验',
    en: 'It cannot be verified before the county has reviewed it',
  },
  'round.demo_needs_compliance': {
    status: 409,
    zh: '示范支部须以同一轮次核验达标为前提（省级示范须已达标或已是同轮市级示范）',
    en: 'A demonstration level requires compliance in the same round (province: compliant or city level in that round)',
  },
  'round.demo_exists': {
    status: 409,
    zh: '该支部在本轮已是这一级示范支部',
    en: 'The branch already holds this demonstration level in the round',
  },
  'round.demo_not_found': { status: 404, zh: '示范支部记录不存在', en: 'Demonstration record not found' },
  'round.demo_revoked': {
    status: 409,
    zh: '该示范支部称号已撤销',
    en: 'The demonstration level has already been revoked',
  },
  'learning.lesson_not_found': { status: 404, zh: '党课不存在', en: 'Lesson not found' },
  'learning.lesson_content': {
    status: 400,
    zh: '视频或文件党课须有链接或上传的文件，图文党课须有正文',
    en: 'A video or file lesson needs a link or an uploaded file; a text lesson needs a body',
  },
  'learning.lesson_file': {
    status: 400,
    zh: '只能使用本人上传的视频、PDF、Word 或 PowerPoint 文件',
    en: 'Only a video, PDF, Word or PowerPoint file you uploaded yourself can be used',
  },
  'learning.lesson_no_file': {
    status: 404,
    zh: '该党课没有上传的文件',
    en: 'This lesson has no uploaded file',
  },
  'learning.programme_not_found': { status: 404, zh: '培训项目不存在', en: 'Training programme not found' },
  'learning.session_not_found': { status: 404, zh: '培训班次不存在', en: 'Training session not found' },
  'learning.attendance_not_found': {
    status: 404,
    zh: '没有这条参训记录',
    en: 'No such attendance record',
  },
  'learning.already_attended': {
    status: 409,
    zh: '该同志已登记参加本次培训',
    en: 'This person is already recorded as attending the session',
  },
  'learning.post_not_found': { status: 404, zh: '帖子不存在', en: 'Post not found' },
  'learning.post_audience': {
    status: 400,
    zh: '须选择一个支部，或选择一个组织（发给其下全部支部），二者只能选其一',
    en: 'Choose either one branch or one organisation (for all its branches), not both',
  },
  'learning.post_audience_forbidden': {
    status: 403,
    zh: '只有市、县（市、区）工作人员可以向整个组织下的全部支部发帖',
    en: 'Only city and county staff may post to every branch of an organisation',
  },
  'learning.post_withdrawn': {
    status: 409,
    zh: '该帖子已撤回，不能再修改或添加附件',
    en: 'The post has been withdrawn: it can no longer be changed or given files',
  },
  'learning.post_not_withdrawn': {
    status: 409,
    zh: '该帖子未撤回，无需重新发布',
    en: 'The post is not withdrawn, so there is nothing to republish',
  },
  'learning.post_reader': {
    status: 400,
    zh: '只有帖子所发往支部的在册党员可以登记已读',
    en: 'Only a current member of a branch the post was addressed to can be recorded as having read it',
  },
  'learning.post_already_read': {
    status: 409,
    zh: '该同志已登记已读',
    en: 'This person is already recorded as having read the post',
  },
  'brand.not_found': { status: 404, zh: '党建品牌不存在', en: 'Brand not found' },
  'brand.system_not_found': { status: 404, zh: '品牌体系不存在', en: 'Umbrella brand not found' },
  'brand.system_city_only': {
    status: 403,
    zh: '品牌体系由市局在全市范围内管理',
    en: 'The umbrella brand is kept by the city bureau with a city-wide scope',
  },
  'brand.not_editable': {
    status: 409,
    zh: '品牌申报已提交或已通过，只有草稿或退回的申报可以修改',
    en: 'Only a draft or returned application can be changed',
  },
  'brand.branch_has_brand': {
    status: 409,
    zh: '该支部已有一个在申报或有效期内的品牌',
    en: 'The branch already has a brand being applied for or in its cycle',
  },
  'brand.cycle_not_ended': {
    status: 409,
    zh: '品牌的三年创建周期尚未结束，期满后才能重新申报',
    en: 'The three-year cycle has not ended; the brand can re-apply once it has',
  },
  'brand.not_active': {
    status: 409,
    zh: '只有已通过且未撤销的品牌才能复核或调研检查',
    en: 'Only an approved brand that is not withdrawn can be reviewed or inspected',
  },
  'brand.withdrawn': {
    status: 409,
    zh: '该品牌已被撤销，不能再复核',
    en: 'The brand has been withdrawn and cannot be reviewed again',
  },
  'brand.reviews_complete': {
    status: 409,
    zh: '本周期三个年度的复核均已通过，无需再复核',
    en: "All three of the cycle's yearly reviews have passed",
  },
  'brand.own_level': {
    status: 403,
    zh: '复核和调研检查由上级组织进行，不能检查本级的品牌',
    en: 'Reviews and inspections are made by a level above the brand, not by its own',
  },
  'brand.withdraw_by_review': {
    status: 409,
    zh: '撤销品牌须通过复核登记（结论为撤销并说明理由）',
    en: 'A brand is withdrawn by recording a review with the verdict withdraw and a reason',
  },
  'brand.not_awardable': {
    status: 409,
    zh: '只有当年已通过且未撤销的品牌才能入选',
    en: 'Only a brand approved by that year and not withdrawn can be selected',
  },
  'brand.top10_full': {
    status: 409,
    zh: '该年度“十佳”品牌已满十个',
    en: 'The year already has ten top-ten brands',
  },
  'brand.award_exists': {
    status: 409,
    zh: '该品牌当年已入选（十佳和优秀不能兼得，同一荣誉不能重复登记）',
    en: 'The brand is already selected that year (top ten and excellent exclude each other)',
  },
  'brand.award_not_found': { status: 404, zh: '入选记录不存在', en: 'Selection not found' },
  'indicator.snapshot_taken': {
    status: 409,
    zh: '该年度的年报快照已经生成，不能再次生成',
    en: "That year's snapshot is already taken and cannot be taken again",
  },
  'indicator.snapshot_missing': {
    status: 404,
    zh: '该年度的年报快照尚未生成',
    en: "That year's snapshot has not been taken",
  },
  'indicator.snapshot_too_early': {
    status: 409,
    zh: '年报快照只能在该年 12 月 31 日之后生成',
    en: 'A snapshot can be taken only after 31 December of its year',
  },
  'indicator.city_scope': {
    status: 403,
    zh: '年报快照只能由全市范围的工作人员生成',
    en: 'Snapshots are taken only by staff with a city-wide scope',
  },
  'indicator.same_dimension': {
    status: 400,
    zh: '行和列不能按同一项分组',
    en: 'Rows and columns cannot be grouped by the same thing',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Locale = 'zh-CN' | 'en-US';

/**
 * One problem with one field: where and which (`body.emergencyContacts.0.phone`), the rule broken (a
 * stable code), and the message in both languages; the reply carries the caller's. Build them with
 * `fieldProblem` (server/platform/validation/problems.ts), which the schema validator's errors go
 * through too.
 */
export interface FieldProblem {
  field: string;
  rule: string;
  messages: { zh: string; en: string };
}

/** A failure the client can act on; its code is stable and documented. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: FieldProblem[],
  ) {
    super(code);
    this.status = ERRORS[code].status;
  }
}

/** The message for a code in the caller's language. */
export function errorMessage(code: ErrorCode, locale: Locale): string {
  const entry = ERRORS[code];
  return locale === 'en-US' ? entry.en : entry.zh;
}

/** zh-CN unless the client prefers English. */
export function localeOf(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

/** Whether a string is one of the stable codes (an error that crossed a thread carries only its code). */
export function isErrorCode(code: string | undefined): code is ErrorCode {
  return code !== undefined && Object.hasOwn(ERRORS, code);
}
