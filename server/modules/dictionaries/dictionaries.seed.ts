// Code tables per GB/T 2261.1-2003, 3304-1991, 4658-2006, 4762-1984; local tables follow civil-service usage.

export interface DictionaryItemSeed {
  code: string;
  labelZh: string;
  labelEn: string;
}

/** One code table as shipped with the platform. */
export interface DictionarySeed {
  /** snake_case identifier, e.g. 'gender' */
  code: string;
  nameZh: string;
  nameEn: string;
  /** e.g. 'GB/T 2261.1-2003'; null for local tables */
  standard: string | null;
  /** national-standard tables: false (items fixed, labels only); local: true */
  editable: boolean;
  items: DictionaryItemSeed[];
}

/** GB/T 2261.1-2003 个人基本信息分类与代码 第1部分：人的性别代码 */
const GENDER: DictionaryItemSeed[] = [
  { code: '0', labelZh: '未知的性别', labelEn: 'Unknown' },
  { code: '1', labelZh: '男', labelEn: 'Male' },
  { code: '2', labelZh: '女', labelEn: 'Female' },
  { code: '9', labelZh: '未说明的性别', labelEn: 'Not stated' },
];

/** GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码 (56 nationalities + 97, 98) */
const ETHNICITY: DictionaryItemSeed[] = [
  { code: '01', labelZh: '汉族', labelEn: 'Han' },
  { code: '02', labelZh: '蒙古族', labelEn: 'Mongol' },
  { code: '03', labelZh: '回族', labelEn: 'Hui' },
  { code: '04', labelZh: '藏族', labelEn: 'Tibetan' },
  { code: '05', labelZh: '维吾尔族', labelEn: 'Uyghur' },
  { code: '06', labelZh: '苗族', labelEn: 'Miao' },
  { code: '07', labelZh: '彝族', labelEn: 'Yi' },
  { code: '08', labelZh: '壮族', labelEn: 'Zhuang' },
  { code: '09', labelZh: '布依族', labelEn: 'Buyei' },
  { code: '10', labelZh: '朝鲜族', labelEn: 'Korean' },
  { code: '11', labelZh: '满族', labelEn: 'Manchu' },
  { code: '12', labelZh: '侗族', labelEn: 'Dong' },
  { code: '13', labelZh: '瑶族', labelEn: 'Yao' },
  { code: '14', labelZh: '白族', labelEn: 'Bai' },
  { code: '15', labelZh: '土家族', labelEn: 'Tujia' },
  { code: '16', labelZh: '哈尼族', labelEn: 'Hani' },
  { code: '17', labelZh: '哈萨克族', labelEn: 'Kazakh' },
  { code: '18', labelZh: '傣族', labelEn: 'Dai' },
  { code: '19', labelZh: '黎族', labelEn: 'Li' },
  { code: '20', labelZh: '傈僳族', labelEn: 'Lisu' },
  { code: '21', labelZh: '佤族', labelEn: 'Va' },
  { code: '22', labelZh: '畲族', labelEn: 'She' },
  { code: '23', labelZh: '高山族', labelEn: 'Gaoshan' },
  { code: '24', labelZh: '拉祜族', labelEn: 'Lahu' },
  { code: '25', labelZh: '水族', labelEn: 'Sui' },
  { code: '26', labelZh: '东乡族', labelEn: 'Dongxiang' },
  { code: '27', labelZh: '纳西族', labelEn: 'Naxi' },
  { code: '28', labelZh: '景颇族', labelEn: 'Jingpo' },
  { code: '29', labelZh: '柯尔克孜族', labelEn: 'Kyrgyz' },
  { code: '30', labelZh: '土族', labelEn: 'Tu' },
  { code: '31', labelZh: '达斡尔族', labelEn: 'Daur' },
  { code: '32', labelZh: '仫佬族', labelEn: 'Mulao' },
  { code: '33', labelZh: '羌族', labelEn: 'Qiang' },
  { code: '34', labelZh: '布朗族', labelEn: 'Blang' },
  { code: '35', labelZh: '撒拉族', labelEn: 'Salar' },
  { code: '36', labelZh: '毛南族', labelEn: 'Maonan' },
  { code: '37', labelZh: '仡佬族', labelEn: 'Gelao' },
  { code: '38', labelZh: '锡伯族', labelEn: 'Xibe' },
  { code: '39', labelZh: '阿昌族', labelEn: 'Achang' },
  { code: '40', labelZh: '普米族', labelEn: 'Pumi' },
  { code: '41', labelZh: '塔吉克族', labelEn: 'Tajik' },
  { code: '42', labelZh: '怒族', labelEn: 'Nu' },
  { code: '43', labelZh: '乌孜别克族', labelEn: 'Uzbek' },
  { code: '44', labelZh: '俄罗斯族', labelEn: 'Russian' },
  { code: '45', labelZh: '鄂温克族', labelEn: 'Evenki' },
  { code: '46', labelZh: '德昂族', labelEn: 'Deang' },
  { code: '47', labelZh: '保安族', labelEn: 'Bonan' },
  { code: '48', labelZh: '裕固族', labelEn: 'Yugur' },
  { code: '49', labelZh: '京族', labelEn: 'Gin' },
  { code: '50', labelZh: '塔塔尔族', labelEn: 'Tatar' },
  { code: '51', labelZh: '独龙族', labelEn: 'Derung' },
  { code: '52', labelZh: '鄂伦春族', labelEn: 'Oroqen' },
  { code: '53', labelZh: '赫哲族', labelEn: 'Hezhen' },
  { code: '54', labelZh: '门巴族', labelEn: 'Monba' },
  { code: '55', labelZh: '珞巴族', labelEn: 'Lhoba' },
  { code: '56', labelZh: '基诺族', labelEn: 'Jino' },
  { code: '97', labelZh: '其他', labelEn: 'Other' },
  { code: '98', labelZh: '外国血统中国籍人士', labelEn: 'Chinese citizen of foreign descent' },
];

/** GB/T 4658-2006 学历代码: category rows (x0) followed by their graduated / completed / withdrawn rows */
const EDUCATION: DictionaryItemSeed[] = [
  { code: '10', labelZh: '研究生教育', labelEn: 'Postgraduate education' },
  { code: '11', labelZh: '博士研究生毕业', labelEn: 'Doctoral studies, graduated' },
  { code: '12', labelZh: '博士研究生结业', labelEn: 'Doctoral studies, completed without graduating' },
  { code: '13', labelZh: '博士研究生肄业', labelEn: 'Doctoral studies, not completed' },
  { code: '14', labelZh: '硕士研究生毕业', labelEn: "Master's studies, graduated" },
  { code: '15', labelZh: '硕士研究生结业', labelEn: "Master's studies, completed without graduating" },
  { code: '16', labelZh: '硕士研究生肄业', labelEn: "Master's studies, not completed" },
  { code: '17', labelZh: '研究生班毕业', labelEn: 'Postgraduate class, graduated' },
  { code: '18', labelZh: '研究生班结业', labelEn: 'Postgraduate class, completed without graduating' },
  { code: '19', labelZh: '研究生班肄业', labelEn: 'Postgraduate class, not completed' },
  { code: '20', labelZh: '大学本科教育', labelEn: 'Undergraduate education' },
  { code: '21', labelZh: '大学本科毕业', labelEn: 'Undergraduate studies, graduated' },
  { code: '22', labelZh: '大学本科结业', labelEn: 'Undergraduate studies, completed without graduating' },
  { code: '23', labelZh: '大学本科肄业', labelEn: 'Undergraduate studies, not completed' },
  { code: '28', labelZh: '大学普通班毕业', labelEn: 'University general class, graduated' },
  { code: '30', labelZh: '专科教育', labelEn: 'Junior college education' },
  { code: '31', labelZh: '大学专科毕业', labelEn: 'Junior college, graduated' },
  { code: '32', labelZh: '大学专科结业', labelEn: 'Junior college, completed without graduating' },
  { code: '33', labelZh: '大学专科肄业', labelEn: 'Junior college, not completed' },
  { code: '40', labelZh: '中等职业教育', labelEn: 'Secondary vocational education' },
  { code: '41', labelZh: '中等专科毕业', labelEn: 'Secondary specialised school, graduated' },
  {
    code: '42',
    labelZh: '中等专科结业',
    labelEn: 'Secondary specialised school, completed without graduating',
  },
  { code: '43', labelZh: '中等专科肄业', labelEn: 'Secondary specialised school, not completed' },
  { code: '44', labelZh: '职业高中毕业', labelEn: 'Vocational high school, graduated' },
  { code: '45', labelZh: '职业高中结业', labelEn: 'Vocational high school, completed without graduating' },
  { code: '46', labelZh: '职业高中肄业', labelEn: 'Vocational high school, not completed' },
  { code: '47', labelZh: '技工学校毕业', labelEn: 'Technical school, graduated' },
  { code: '48', labelZh: '技工学校结业', labelEn: 'Technical school, completed without graduating' },
  { code: '49', labelZh: '技工学校肄业', labelEn: 'Technical school, not completed' },
  { code: '60', labelZh: '普通高级中学教育', labelEn: 'General senior secondary education' },
  { code: '61', labelZh: '普通高中毕业', labelEn: 'Senior high school, graduated' },
  { code: '62', labelZh: '普通高中结业', labelEn: 'Senior high school, completed without graduating' },
  { code: '63', labelZh: '普通高中肄业', labelEn: 'Senior high school, not completed' },
  { code: '70', labelZh: '初级中学教育', labelEn: 'Junior secondary education' },
  { code: '71', labelZh: '初中毕业', labelEn: 'Junior high school, graduated' },
  { code: '73', labelZh: '初中肄业', labelEn: 'Junior high school, not completed' },
  { code: '80', labelZh: '小学教育', labelEn: 'Primary education' },
  { code: '81', labelZh: '小学毕业', labelEn: 'Primary school, graduated' },
  { code: '83', labelZh: '小学肄业', labelEn: 'Primary school, not completed' },
  { code: '90', labelZh: '其他', labelEn: 'Other' },
];

/** GB/T 4762-1984 政治面貌代码 */
const POLITICAL_STATUS: DictionaryItemSeed[] = [
  { code: '01', labelZh: '中国共产党党员', labelEn: 'Member of the Communist Party of China' },
  {
    code: '02',
    labelZh: '中国共产党预备党员',
    labelEn: 'Probationary member of the Communist Party of China',
  },
  { code: '03', labelZh: '中国共产主义青年团团员', labelEn: 'Member of the Communist Youth League of China' },
  {
    code: '04',
    labelZh: '中国国民党革命委员会会员',
    labelEn: 'Member of the Revolutionary Committee of the Chinese Kuomintang',
  },
  { code: '05', labelZh: '中国民主同盟盟员', labelEn: 'Member of the China Democratic League' },
  {
    code: '06',
    labelZh: '中国民主建国会会员',
    labelEn: 'Member of the China National Democratic Construction Association',
  },
  {
    code: '07',
    labelZh: '中国民主促进会会员',
    labelEn: 'Member of the China Association for Promoting Democracy',
  },
  {
    code: '08',
    labelZh: '中国农工民主党党员',
    labelEn: "Member of the Chinese Peasants' and Workers' Democratic Party",
  },
  { code: '09', labelZh: '中国致公党党员', labelEn: 'Member of the China Zhi Gong Party' },
  { code: '10', labelZh: '九三学社社员', labelEn: 'Member of the Jiusan Society' },
  {
    code: '11',
    labelZh: '台湾民主自治同盟盟员',
    labelEn: 'Member of the Taiwan Democratic Self-Government League',
  },
  { code: '12', labelZh: '无党派民主人士', labelEn: 'Non-party democrat' },
  { code: '13', labelZh: '群众', labelEn: 'No political affiliation' },
];

/**
 * 原职级: leadership posts (职务) by level, the pre-2019 non-leadership posts (非领导职务) that most
 * retirees still carry, and the 职级 series of the 2019 公务员职务与职级并行规定.
 */
const RANK: DictionaryItemSeed[] = [
  { code: 'provincial_main', labelZh: '省部级正职', labelEn: 'Provincial/ministerial level, principal' },
  { code: 'provincial_deputy', labelZh: '省部级副职', labelEn: 'Provincial/ministerial level, deputy' },
  { code: 'bureau_main', labelZh: '厅局级正职', labelEn: 'Department/bureau level, principal' },
  { code: 'bureau_deputy', labelZh: '厅局级副职', labelEn: 'Department/bureau level, deputy' },
  { code: 'county_main', labelZh: '县处级正职', labelEn: 'County/division level, principal' },
  { code: 'county_deputy', labelZh: '县处级副职', labelEn: 'County/division level, deputy' },
  { code: 'township_main', labelZh: '乡科级正职', labelEn: 'Township/section level, principal' },
  { code: 'township_deputy', labelZh: '乡科级副职', labelEn: 'Township/section level, deputy' },
  { code: 'clerk', labelZh: '科员', labelEn: 'Staff member' },
  { code: 'junior_clerk', labelZh: '办事员', labelEn: 'Junior clerk' },
  { code: 'inspector', labelZh: '巡视员', labelEn: 'Inspector' },
  { code: 'deputy_inspector', labelZh: '副巡视员', labelEn: 'Deputy inspector' },
  { code: 'researcher', labelZh: '调研员', labelEn: 'Researcher' },
  { code: 'deputy_researcher', labelZh: '副调研员', labelEn: 'Deputy researcher' },
  { code: 'principal_staff', labelZh: '主任科员', labelEn: 'Principal staff member' },
  { code: 'deputy_principal_staff', labelZh: '副主任科员', labelEn: 'Deputy principal staff member' },
  { code: 'inspector_1', labelZh: '一级巡视员', labelEn: 'First-grade inspector' },
  { code: 'inspector_2', labelZh: '二级巡视员', labelEn: 'Second-grade inspector' },
  { code: 'researcher_1', labelZh: '一级调研员', labelEn: 'First-grade researcher' },
  { code: 'researcher_2', labelZh: '二级调研员', labelEn: 'Second-grade researcher' },
  { code: 'researcher_3', labelZh: '三级调研员', labelEn: 'Third-grade researcher' },
  { code: 'researcher_4', labelZh: '四级调研员', labelEn: 'Fourth-grade researcher' },
  { code: 'principal_staff_1', labelZh: '一级主任科员', labelEn: 'First-grade principal staff member' },
  { code: 'principal_staff_2', labelZh: '二级主任科员', labelEn: 'Second-grade principal staff member' },
  { code: 'principal_staff_3', labelZh: '三级主任科员', labelEn: 'Third-grade principal staff member' },
  { code: 'principal_staff_4', labelZh: '四级主任科员', labelEn: 'Fourth-grade principal staff member' },
  { code: 'staff_1', labelZh: '一级科员', labelEn: 'First-grade staff member' },
  { code: 'staff_2', labelZh: '二级科员', labelEn: 'Second-grade staff member' },
  { code: 'other', labelZh: '其他', labelEn: 'Other' },
];

/** 享受待遇: the level of political and living treatment a cadre enjoys, which may exceed the post held. */
const TREATMENT_LEVEL: DictionaryItemSeed[] = [
  {
    code: 'provincial_main',
    labelZh: '享受省部级正职待遇',
    labelEn: 'Provincial/ministerial principal-level treatment',
  },
  {
    code: 'provincial_deputy',
    labelZh: '享受省部级副职待遇',
    labelEn: 'Provincial/ministerial deputy-level treatment',
  },
  {
    code: 'bureau_main',
    labelZh: '享受厅局级正职待遇',
    labelEn: 'Department/bureau principal-level treatment',
  },
  {
    code: 'bureau_deputy',
    labelZh: '享受厅局级副职待遇',
    labelEn: 'Department/bureau deputy-level treatment',
  },
  {
    code: 'county_main',
    labelZh: '享受县处级正职待遇',
    labelEn: 'County/division principal-level treatment',
  },
  { code: 'county_deputy', labelZh: '享受县处级副职待遇', labelEn: 'County/division deputy-level treatment' },
  {
    code: 'township_main',
    labelZh: '享受乡科级正职待遇',
    labelEn: 'Township/section principal-level treatment',
  },
  {
    code: 'township_deputy',
    labelZh: '享受乡科级副职待遇',
    labelEn: 'Township/section deputy-level treatment',
  },
  { code: 'other', labelZh: '其他', labelEn: 'Other' },
];

/** 参加革命工作时期 of lixiu cadres; the exact date ranges are in REVOLUTIONARY_PERIOD_DATES below. */
const REVOLUTIONARY_PERIOD: DictionaryItemSeed[] = [
  {
    code: 'second_civil_war',
    labelZh: '第二次国内革命战争时期',
    labelEn: 'Second Revolutionary Civil War period (1927–1937)',
  },
  {
    code: 'anti_japanese_war',
    labelZh: '抗日战争时期',
    labelEn: 'War of Resistance against Japan period (1937–1945)',
  },
  { code: 'liberation_war', labelZh: '解放战争时期', labelEn: 'War of Liberation period (1945–1949)' },
];

/** Inclusive date ranges (ISO dates) of each revolutionary period, as used to classify lixiu cadres. */
export const REVOLUTIONARY_PERIOD_DATES: Record<string, { from: string; to: string }> = {
  second_civil_war: { from: '1927-08-01', to: '1937-07-06' },
  anti_japanese_war: { from: '1937-07-07', to: '1945-09-02' },
  liberation_war: { from: '1945-09-03', to: '1949-09-30' },
};

/** 单位性质 */
const UNIT_NATURE: DictionaryItemSeed[] = [
  { code: 'party_government', labelZh: '党政机关', labelEn: 'Party or government organ' },
  { code: 'people_congress', labelZh: '人大机关', labelEn: "People's Congress organ" },
  { code: 'cppcc', labelZh: '政协机关', labelEn: 'CPPCC organ' },
  { code: 'court', labelZh: '审判机关', labelEn: 'Judicial organ (court)' },
  { code: 'procuratorate', labelZh: '检察机关', labelEn: 'Procuratorial organ' },
  { code: 'democratic_party', labelZh: '民主党派机关', labelEn: 'Democratic party organ' },
  {
    code: 'mass_organization',
    labelZh: '群团机关',
    labelEn: "People's organisation (trade union, Youth League, Women's Federation, etc.)",
  },
  { code: 'public_institution', labelZh: '事业单位', labelEn: 'Public institution' },
  { code: 'state_owned_enterprise', labelZh: '国有企业', labelEn: 'State-owned enterprise' },
  { code: 'other', labelZh: '其他', labelEn: 'Other' },
];

/** 居住状况 */
const LIVING_SITUATION: DictionaryItemSeed[] = [
  { code: 'alone', labelZh: '独居', labelEn: 'Living alone' },
  { code: 'empty_nest', labelZh: '空巢', labelEn: 'Empty nest (elderly couple without children at home)' },
  { code: 'with_family', labelZh: '与家人同住', labelEn: 'Living with family' },
  { code: 'care_home', labelZh: '入住养老机构', labelEn: 'Living in a care home' },
  { code: 'other', labelZh: '其他', labelEn: 'Other' },
];

/** 非建制支部的组建依据: what a branch of the "N" of "1+N" is formed around. */
const BRANCH_BASIS: DictionaryItemSeed[] = [
  { code: 'interest', labelZh: '兴趣爱好', labelEn: 'Shared interest' },
  { code: 'residence', labelZh: '居住地', labelEn: 'Place of residence' },
  { code: 'activity_centre', labelZh: '活动阵地', labelEn: 'Activity centre' },
  { code: 'association', labelZh: '社团组织', labelEn: 'Association' },
  { code: 'other', labelZh: '其他', labelEn: 'Other' },
];

export const DICTIONARY_SEEDS: DictionarySeed[] = [
  {
    code: 'gender',
    nameZh: '性别',
    nameEn: 'Gender',
    standard: 'GB/T 2261.1-2003',
    editable: false,
    items: GENDER,
  },
  {
    code: 'ethnicity',
    nameZh: '民族',
    nameEn: 'Ethnicity',
    standard: 'GB/T 3304-1991',
    editable: false,
    items: ETHNICITY,
  },
  {
    code: 'education',
    nameZh: '学历',
    nameEn: 'Educational attainment',
    standard: 'GB/T 4658-2006',
    editable: false,
    items: EDUCATION,
  },
  {
    code: 'political_status',
    nameZh: '政治面貌',
    nameEn: 'Political affiliation',
    standard: 'GB/T 4762-1984',
    editable: false,
    items: POLITICAL_STATUS,
  },
  {
    code: 'rank',
    nameZh: '原职级',
    nameEn: 'Former rank',
    standard: null,
    editable: true,
    items: RANK,
  },
  {
    code: 'treatment_level',
    nameZh: '享受待遇',
    nameEn: 'Treatment level',
    standard: null,
    editable: true,
    items: TREATMENT_LEVEL,
  },
  {
    code: 'revolutionary_period',
    nameZh: '参加革命工作时期',
    nameEn: 'Period of joining the revolution',
    standard: null,
    editable: true,
    items: REVOLUTIONARY_PERIOD,
  },
  {
    code: 'unit_nature',
    nameZh: '单位性质',
    nameEn: 'Nature of unit',
    standard: null,
    editable: true,
    items: UNIT_NATURE,
  },
  {
    code: 'living_situation',
    nameZh: '居住状况',
    nameEn: 'Living situation',
    standard: null,
    editable: true,
    items: LIVING_SITUATION,
  },
  {
    code: 'branch_basis',
    nameZh: '非建制支部组建依据',
    nameEn: 'Basis of a non-standing branch',
    standard: null,
    editable: true,
    items: BRANCH_BASIS,
  },
];
