/**
 * A labelled set of real-looking notices for measuring the personal-data detector (issue 13 item 3): 公示 lists,
 * 处罚决定书, 补贴名单, 招聘公告 and 拟聘用人员公示, with the personal data each holds written down as it was put
 * in, and notices without any (文号, 索引号, dates, amounts, the agency's own phone numbers, postcodes, exam
 * numbers, already-masked lists). Built from a seeded generator, so every run measures the same items; the
 * numbers are valid (check digits computed with the standards' rules), the layouts those agencies print.
 */
import { creditCodeCheckChar, residentIdCheckChar } from '../../src/core/identity.js';
import type {
  PersonalDataAllowList,
  PersonalDataKind,
} from '../../src/core/publishing/personal-data/index.js';

export interface Expected {
  kind: PersonalDataKind;
  /** The value exactly as written in the text. */
  value: string;
}

export interface LabelledItem {
  id: string;
  genre: string;
  text: string;
  /** Personal data in the text; empty for a negative. */
  expected: Expected[];
  /** The agency's allow list that goes with the text (its 指南's contacts). */
  allow: PersonalDataAllowList;
}

/** mulberry32: a small seeded generator, so the set is the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = [
  '110101', '110105', '120101', '130102', '210102', '230102', '310104', '320102', '320106', '320583', '330106',
  '340102', '350102', '370102', '410105', '420106', '430102', '440106', '440304', '450102', '500103', '510107',
  '520102', '530102', '610113', '620102', '650102',
]; // prettier-ignore
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '157', '158',
  '159', '166', '177', '180', '181', '182', '183', '186', '187', '188', '189', '191', '198', '199',
]; // prettier-ignore
const AREA_CODES = ['010', '021', '025', '0512', '0571', '027', '020', '0755', '028', '029', '0531', '0871'];
const CARD_PREFIXES = [
  '622202',
  '621700',
  '623668',
  '622848',
  '621226',
  '436742',
  '622588',
  '621483',
  '356833',
];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢';
const COMPOUND = ['欧阳', '司马', '诸葛', '上官'];
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国志红梅鹏飞宇浩然子涵欣怡梓轩雨桐晨阳思远婷雪琳博文佳琪';
const DISTRICTS = [
  ['南京市', '玄武区', '梅园新村街道'],
  ['南京市', '秦淮区', '夫子庙街道'],
  ['苏州市', '吴中区', '长桥街道'],
  ['杭州市', '西湖区', '北山街道'],
  ['成都市', '武侯区', '浆洗街街道'],
  ['徐州市', '铜山区', '棠张镇'],
  ['宿迁市', '沭阳县', '胡集镇'],
] as const;
const ROADS = ['长江路', '中山东路', '解放路', '人民路', '建设路', '和平路', '文昌巷', '幸福里'];
const COMMUNITIES = ['锦绣花园', '阳光小区', '幸福家园', '紫金苑', '翠竹新村', '金陵公寓'];
const EMAIL_DOMAINS = ['163.com', 'qq.com', '126.com', 'sina.com', 'foxmail.com'];
const PINYIN = ['zhang', 'wang', 'li', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wu', 'zhou', 'xu', 'sun'];
const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';

class Maker {
  readonly random: () => number;
  constructor(seed: number) {
    this.random = generator(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  pick<T>(items: readonly T[] | string): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i += 1) s += String(this.int(0, 9));
    return s;
  }
  pad(n: number, width = 2): string {
    return String(n).padStart(width, '0');
  }
  birth(fromYear = 1940, toYear = 2008): { y: number; m: number; d: number } {
    const y = this.int(fromYear, toYear);
    const m = this.int(1, 12);
    const d = this.int(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
    return { y, m, d };
  }
  id18(lower = false): string {
    const { y, m, d } = this.birth();
    const first17 = this.pick(REGIONS) + y + this.pad(m) + this.pad(d) + this.digits(3);
    const check = residentIdCheckChar(first17);
    return first17 + (lower ? check.toLowerCase() : check);
  }
  id15(): string {
    const { y, m, d } = this.birth(1930, 1984);
    return this.pick(REGIONS) + String(y).slice(2) + this.pad(m) + this.pad(d) + this.digits(3);
  }
  mobile(): string {
    return this.pick(MOBILE_PREFIXES) + this.digits(8);
  }
  landline(): string {
    const area = this.pick(AREA_CODES);
    const local = String(this.int(2, 8)) + this.digits(area.length === 3 ? 7 : 6 + this.int(0, 1));
    return this.pick([`${area}-${local}`, `(${area})${local}`, `${area}-${local}`]);
  }
  creditCode(category: string): string {
    let body = category + this.pick(REGIONS);
    for (let i = 0; i < 9; i += 1) body += this.pick(USCC);
    return body + creditCodeCheckChar(body)!;
  }
  bankCard(): string {
    const prefix = this.pick(CARD_PREFIXES);
    const length = this.pick([16, 19, 19]);
    const body = prefix + this.digits(length - prefix.length - 1);
    let sum = 0;
    for (let i = 0; i < body.length; i += 1) {
      let d = Number(body[body.length - 1 - i]);
      if (i % 2 === 0) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    return body + String((10 - (sum % 10)) % 10);
  }
  name(): string {
    const surname = this.random() < 0.05 ? this.pick(COMPOUND) : this.pick<string>(SURNAMES);
    const given =
      this.random() < 0.3 ? this.pick<string>(GIVEN) : this.pick<string>(GIVEN) + this.pick<string>(GIVEN);
    return surname + given;
  }
  address(): { full: string; district: string } {
    const [city, county, town] = this.pick(DISTRICTS);
    const detail =
      this.random() < 0.5
        ? `${this.pick(ROADS)}${this.int(1, 300)}号${this.int(1, 30)}栋${this.int(1, 4)}单元${this.int(1, 30)}0${this.int(1, 4)}室`
        : `${this.pick(COMMUNITIES)}${this.int(1, 40)}幢${this.int(101, 2804)}室`;
    return { full: city + county + town + detail, district: city + county };
  }
  email(): string {
    return `${this.pick(PINYIN)}${this.pick(PINYIN)}${this.int(1, 9999)}@${this.pick(EMAIL_DOMAINS)}`;
  }
  /** A 文号 such as 玄市监处罚〔2024〕12号. */
  docNumber(): string {
    const prefix = this.pick(['玄市监处罚', '秦政办发', '苏民发', '宁人社', '杭西政', '吴应急罚', '沭财']);
    return `${prefix}〔${this.int(2019, 2025)}〕${this.int(1, 300)}号`;
  }
  indexNumber(): string {
    return this.random() < 0.5
      ? `${this.pick(['000014349', '014000837', '320102000', '006939748'])}/${this.int(2019, 2025)}-${this.pad(this.int(1, 9999), 5)}`
      : `${this.publicCreditCode()}/${this.int(2019, 2025)}-${this.pad(this.int(1, 9999), 5)}`;
  }
  /** A 机关's own code (category 1), as agencies use in their 索引号. */
  publicCreditCode(): string {
    let body = '11' + this.pick(REGIONS);
    for (let i = 0; i < 8; i += 1) body += this.pick(USCC);
    body += this.pick('0123456789');
    return body + creditCodeCheckChar(body)!;
  }
  date(): string {
    const { y, m, d } = this.birth(2019, 2025);
    return this.pick([
      `${y}年${m}月${d}日`,
      `${y}-${this.pad(m)}-${this.pad(d)}`,
      `${y}${this.pad(m)}${this.pad(d)}`,
    ]);
  }
  amount(): string {
    return this.pick([
      `${this.int(1, 999)},${this.digits(3)}.${this.digits(2)}元`,
      `${this.int(100, 99999)}元`,
      `${this.int(1, 9999)}.${this.digits(2)}万元`,
      `${this.int(10000000, 99999999)}元`,
    ]);
  }
}

const FULL_WIDTH = (s: string) =>
  s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** How a phone number may be written in a notice. */
function phoneVariant(make: Maker, mobile: string): string {
  const r = make.random();
  if (r < 0.55) return mobile;
  if (r < 0.7) return `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`;
  if (r < 0.8) return `${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`;
  if (r < 0.9) return `+86 ${mobile}`;
  return FULL_WIDTH(mobile);
}

function idVariant(make: Maker): string {
  const r = make.random();
  if (r < 0.1) return make.id15();
  if (r < 0.18) return make.id18(true);
  if (r < 0.25) return FULL_WIDTH(make.id18());
  return make.id18();
}

interface Agency {
  name: string;
  phones: string[];
  address: string;
  email: string;
}

function agencyOf(make: Maker): Agency {
  const [city, county] = make.pick(DISTRICTS);
  const area = make.pick(AREA_CODES);
  const office = `${area}-${make.int(5, 8)}${make.digits(area.length === 3 ? 7 : 6)}`;
  return {
    name: `${city}${county}${make.pick(['市场监督管理局', '民政局', '人力资源和社会保障局', '应急管理局', '财政局', '人民政府办公室'])}`,
    phones: [office, '12345'],
    address: `${city}${county}${make.pick(ROADS)}${make.int(1, 200)}号${make.int(1, 9)}楼${make.int(1, 9)}0${make.int(1, 9)}室`,
    email: `xxgk@${make.pick(['xw', 'qh', 'wz', 'xh', 'sy'])}.gov.cn`,
  };
}

function allowOf(agency: Agency): PersonalDataAllowList {
  return { phones: agency.phones, addresses: [agency.address], emails: [agency.email] };
}

function footer(make: Maker, agency: Agency): string {
  return [
    `联系电话：${agency.phones[0]}（工作日 9:00—17:00），政务服务便民热线 12345`,
    `办公地址：${agency.address}，邮政编码：${make.int(100000, 860000)}`,
    `电子邮箱：${agency.email}`,
    agency.name,
    make.date(),
  ].join('\n');
}

function header(make: Maker, title: string): string {
  return `索引号：${make.indexNumber()}\n发文字号：${make.docNumber()}\n成文日期：${make.date()}\n${title}`;
}

type Genre = (make: Maker, agency: Agency) => { text: string; expected: Expected[] };

/** 补贴名单 / 低保 公示 as a table pasted as text (tabs, runs of spaces or bars). */
const subsidyList: Genre = (make, agency) => {
  const expected: Expected[] = [];
  const separator = make.pick(['\t', '  ', ' | ']);
  const withPhone = make.random() < 0.5;
  const withCard = make.random() < 0.3;
  const columns = [
    '序号',
    '姓名',
    '身份证号码',
    ...(withPhone ? ['联系电话'] : []),
    ...(withCard ? ['银行卡号'] : []),
    '发放金额（元）',
  ];
  const rows = [columns.join(separator)];
  const count = make.int(3, 12);
  for (let i = 1; i <= count; i += 1) {
    const name = make.name();
    const id = idVariant(make);
    expected.push({ kind: 'name', value: name }, { kind: 'id-number', value: id });
    const cells = [String(i), name, id];
    if (withPhone) {
      const phone = phoneVariant(make, make.mobile());
      expected.push({ kind: 'mobile', value: phone });
      cells.push(phone);
    }
    if (withCard) {
      const card = make.bankCard();
      expected.push({ kind: 'bank-card', value: card });
      cells.push(card);
    }
    cells.push(String(make.int(300, 3000)));
    rows.push(cells.join(separator));
  }
  const kind = make.pick([
    '城乡最低生活保障',
    '高龄津贴',
    '耕地地力保护补贴',
    '困难残疾人生活补贴',
    '临时救助',
  ]);
  const text = [
    header(make, `关于${make.int(2020, 2025)}年第${make.int(1, 4)}季度${kind}发放名单的公示`),
    `根据《社会救助暂行办法》等规定，经审核，现将${kind}发放对象名单予以公示，公示期为${make.int(5, 7)}个工作日。`,
    ...rows,
    `合计发放 ${make.amount()}。如有异议，请于公示期内向${agency.name}反映。`,
    footer(make, agency),
  ].join('\n');
  return { text, expected };
};

/** 行政处罚决定书 against a person. */
const penaltyPerson: Genre = (make, agency) => {
  const name = make.name();
  const id = idVariant(make);
  const phone = phoneVariant(make, make.mobile());
  const address = make.address();
  const expected: Expected[] = [
    { kind: 'name', value: name },
    { kind: 'id-number', value: id },
    { kind: 'address', value: address.full },
    { kind: 'mobile', value: phone },
  ];
  const text = [
    header(make, '行政处罚决定书'),
    make.docNumber(),
    `当事人：${name}，性别：${make.pick(['男', '女'])}，公民身份号码：${id}，住址：${address.full}，联系电话：${phone}。`,
    `${make.date()}，本机关执法人员在检查中发现当事人存在违法行为。依据《中华人民共和国行政处罚法》第二十八条，决定对当事人处以罚款 ${make.amount()}。`,
    `当事人应自收到本决定书之日起十五日内缴纳罚款。逾期不缴纳的，每日按罚款数额的百分之三加处罚款。`,
    `如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者六个月内依法提起行政诉讼。`,
    footer(make, agency),
  ].join('\n');
  return { text, expected };
};

/** 行政处罚决定书 against a 个体工商户, with its credit code and its operator. */
const penaltyBusiness: Genre = (make, agency) => {
  const name = make.name();
  const code = make.creditCode(make.pick(['92', '92', '91', '93', '52']));
  const phone = make.random() < 0.5 ? make.landline() : make.mobile();
  const expected: Expected[] = [
    { kind: 'credit-code', value: code },
    { kind: 'name', value: name },
    { kind: phone.startsWith('1') ? 'mobile' : 'landline', value: phone },
  ];
  const shop = `${make.pick(DISTRICTS)[1]}${name.slice(0, 1)}记${make.pick(['小吃店', '便利店', '五金店', '理发店', '餐馆'])}`;
  const text = [
    header(make, '行政处罚决定书'),
    `当事人：${shop}`,
    `统一社会信用代码：${code}`,
    `经营者：${name}`,
    `联系方式：${phone}`,
    `经查，当事人于${make.date()}销售不符合食品安全标准的食品，货值金额${make.amount()}，违法所得${make.amount()}。`,
    `依据《中华人民共和国食品安全法》第一百二十四条，本局决定：没收违法所得，并处罚款${make.amount()}。`,
    footer(make, agency),
  ].join('\n');
  return { text, expected };
};

/** 公示 in prose: names with their ID numbers in brackets, an applicant's contact. */
const noticeProse: Genre = (make, agency) => {
  const expected: Expected[] = [];
  const parts: string[] = [];
  const count = make.int(1, 4);
  for (let i = 0; i < count; i += 1) {
    const name = make.name();
    const id = idVariant(make);
    expected.push({ kind: 'name', value: name }, { kind: 'id-number', value: id });
    parts.push(`申请人${name}（身份证号：${id}）`);
  }
  const contactName = make.name();
  const contactPhone = phoneVariant(make, make.mobile());
  const email = make.email();
  expected.push(
    { kind: 'name', value: contactName },
    { kind: 'mobile', value: contactPhone },
    { kind: 'email', value: email },
  );
  const text = [
    header(make, `关于${make.pick(['公共租赁住房', '征地补偿', '危房改造', '家庭农场认定'])}申请的公示`),
    `${parts.join('、')}提出申请，经${make.pick(['街道初审', '村民代表会议评议', '部门联审'])}，拟予以认定，现予公示。`,
    `公示期间如有异议，可联系申请人代表，联系人：${contactName}，手机：${contactPhone}，电子邮箱：${email}。`,
    footer(make, agency),
  ].join('\n');
  return { text, expected };
};

/** 拟聘用人员公示 with applicants' phones, and a 招聘公告 contact who is a person (with a mobile). */
const recruitment: Genre = (make, agency) => {
  const expected: Expected[] = [];
  const rows = ['序号 姓名 性别 出生年月 学历 准考证号 联系电话'];
  const count = make.int(2, 8);
  for (let i = 1; i <= count; i += 1) {
    const name = make.name();
    const phone = make.mobile();
    expected.push({ kind: 'name', value: name }, { kind: 'mobile', value: phone });
    const birth = make.birth(1985, 2002);
    rows.push(
      [
        i,
        name,
        make.pick(['男', '女']),
        `${birth.y}.${make.pad(birth.m)}`,
        make.pick(['本科', '硕士研究生', '大专']),
        `2024${make.digits(6)}`,
        phone,
      ].join(' '),
    );
  }
  const contact = make.name();
  const contactPhone = make.mobile();
  expected.push({ kind: 'name', value: contact }, { kind: 'mobile', value: contactPhone });
  const text = [
    header(make, `${agency.name}${make.int(2020, 2025)}年公开招聘编外人员拟聘用人员公示`),
    `根据《${agency.name}公开招聘编外人员公告》，经笔试、面试、体检和考察，现将拟聘用人员名单公示如下：`,
    rows.join('\n'),
    `公示期：${make.date()}至${make.date()}。联系人：${contact}，联系电话：${contactPhone}。`,
    footer(make, agency),
  ].join('\n');
  return { text, expected };
};

/** An application for a bank transfer: 户名, account number, individual landline, household address. */
const householdRecord: Genre = (make, agency) => {
  const name = make.name();
  const card = make.bankCard();
  const landline = make.landline();
  const address = make.address();
  const id = make.id18();
  const expected: Expected[] = [
    { kind: 'name', value: name },
    { kind: 'bank-card', value: card },
    { kind: 'landline', value: landline },
    { kind: 'address', value: address.full },
    { kind: 'id-number', value: id },
  ];
  const text = [
    header(make, '房屋征收补偿款发放情况公示'),
    `被征收人：户主姓名：${name}，身份证号码 ${id}，家庭住址：${address.full}。`,
    `补偿款 ${make.amount()} 已于${make.date()}转入收款账户，开户银行：中国农业银行${make.pick(['玄武支行', '吴中支行', '西湖支行'])}，卡号：${card}。`,
    `被征收人固定电话：${landline}。`,
    footer(make, agency),
  ].join('\n');
  return { text, expected };
};

/** Negatives: notices with numbers that are not personal data. */
const negatives: Genre[] = [
  (make, agency) => ({
    text: [
      header(make, `关于印发《${agency.name}政府信息公开工作制度》的通知`),
      `各科室、各直属单位：现将《政府信息公开工作制度》印发给你们，请认真贯彻执行。本通知自${make.date()}起施行，${make.docNumber()}同时废止。`,
      `依据《中华人民共和国政府信息公开条例》（国务院令第711号）和国办发〔2016〕80号文件要求，索引号按“${make.indexNumber()}”格式编制。`,
      footer(make, agency),
    ].join('\n'),
    expected: [],
  }),
  (make, agency) => ({
    text: [
      header(make, `${make.int(2020, 2025)}年度部门预算公开说明`),
      `${make.int(2020, 2025)}年收入预算 ${make.amount()}，支出预算 ${make.amount()}，其中基本支出 ${make.amount()}，项目支出 ${make.amount()}。`,
      `“三公”经费预算 ${make.int(10, 99)}.${make.digits(2)} 万元，比上年减少 ${make.int(1, 30)}.${make.digits(1)}%。项目编号：JSZC-${make.pick(REGIONS)}-${make.int(2019, 2025)}-${make.pad(make.int(1, 999), 3)}。`,
      `详见 http://www.example.gov.cn/art/${make.int(2019, 2025)}/${make.int(1, 12)}/${make.int(1, 28)}/art_${make.int(1000, 9999)}_${make.digits(7)}.html`,
      footer(make, agency),
    ].join('\n'),
    expected: [],
  }),
  (make, agency) => {
    const rows = ['序号 姓名 性别 学历 准考证号 笔试成绩'];
    for (let i = 1; i <= make.int(3, 8); i += 1) {
      rows.push(
        [
          i,
          `${make.pick<string>(SURNAMES)}某${make.random() < 0.5 ? '某' : ''}`,
          make.pick(['男', '女']),
          '本科',
          `2024${make.digits(6)}`,
          `${make.int(60, 95)}.${make.int(0, 9)}`,
        ].join(' '),
      );
    }
    return {
      text: [
        header(make, '公开招聘工作人员笔试成绩公示（已去标识化）'),
        rows.join('\n'),
        `已脱敏的联系人手机 ${make.mobile().slice(0, 3)}****${make.digits(4)}，身份证号 ${make.pick(REGIONS).slice(0, 4)}**********${make.digits(4)}。`,
        footer(make, agency),
      ].join('\n'),
      expected: [],
    };
  },
  (make, agency) => ({
    text: [
      header(make, `关于开展${make.int(2020, 2025)}年安全生产大检查的通知`),
      `检查时间为${make.date()}至${make.date()}，共检查企业${make.int(10, 900)}家，发现隐患${make.int(10, 999)}处，整改率${make.int(80, 100)}%。`,
      `举报电话：${agency.phones[0]}，或拨打政务服务便民热线12345、安全生产举报热线12350。传真：${agency.phones[0]}。`,
      `批准文号：${make.docNumber()}；许可证编号：(苏)JZ安许证字[${make.int(2015, 2025)}]${make.digits(6)}。`,
      footer(make, agency),
    ].join('\n'),
    expected: [],
  }),
  (make, agency) => ({
    text: [
      header(make, `${agency.name}${make.int(2020, 2025)}年政府信息公开工作年度报告`),
      `本年度主动公开政府信息${make.int(100, 9999)}条，其中规章${make.int(0, 9)}件、行政规范性文件${make.int(0, 40)}件；收到政府信息公开申请${make.int(10, 999)}件。`,
      `统计时间为${make.date()}至${make.date()}。本报告电子版可在 www.example.gov.cn 下载，索引号 ${make.indexNumber()}。`,
      `行政许可${make.int(100, 99999)}件，行政处罚${make.int(10, 9999)}件，罚没金额${make.int(100, 99999)}.${make.digits(4)}万元。`,
      footer(make, agency),
    ].join('\n'),
    expected: [],
  }),
  (make, agency) => ({
    text: [
      header(make, '国有建设用地使用权挂牌出让公告'),
      `地块编号：${make.pick(['NO.', 'G'])}${make.int(2019, 2025)}${make.digits(3)}，出让面积 ${make.int(1000, 99999)}.${make.digits(2)} 平方米，起始价 ${make.amount()}，竞买保证金 ${make.amount()}。`,
      `不动产单元号：${make.pick(REGIONS)} ${make.digits(3)} ${make.digits(3)} GB${make.digits(5)} W00000000。`,
      `挂牌时间：${make.date()} 9:00 至 ${make.date()} 16:00。咨询电话：${agency.phones[0]}。`,
      footer(make, agency),
    ].join('\n'),
    expected: [],
  }),
  (make, agency) => {
    // Numbers built like identity numbers that are not: a contract number on a region code and a date, an old
    // 15-digit 注册号, a payment serial of 19 digits.
    const region = make.pick(REGIONS);
    const contract = `${region}${make.int(2019, 2025)}${make.pad(make.int(1, 12))}${make.pad(make.int(1, 28))}${make.digits(4)}`;
    return {
      text: [
        header(make, '政府采购合同公告'),
        `合同编号：${contract}，项目编号：${region}-${make.int(2019, 2025)}-${make.digits(4)}。`,
        `供应商：${make.pick(DISTRICTS)[0]}某某科技有限公司，营业执照注册号：${region}000${make.digits(6)}。`,
        `合同金额：${make.amount()}，支付流水号：${make.int(2019, 2025)}${make.digits(15)}。`,
        `采购人：${agency.name}，联系电话：${agency.phones[0]}。`,
        footer(make, agency),
      ].join('\n'),
      expected: [],
    };
  },
];

const positives: [string, Genre][] = [
  ['补贴名单', subsidyList],
  ['处罚决定（个人）', penaltyPerson],
  ['处罚决定（个体工商户）', penaltyBusiness],
  ['公示', noticeProse],
  ['招聘公告', recruitment],
  ['征收补偿公示', householdRecord],
];

/** Items written by hand from layouts seen in published notices: separators, brackets, runs without spaces. */
const HANDWRITTEN: Omit<LabelledItem, 'id'>[] = [
  {
    genre: '处罚决定（个人）',
    text: '当事人周建国（身份证号码为11010519491231002X）于2023年5月9日在经营场所内销售过期食品，现住南京市玄武区孝陵卫街道钟灵街50号3幢202室，手机号码:13912345678/15850012345。',
    expected: [
      { kind: 'name', value: '周建国' },
      { kind: 'id-number', value: '11010519491231002X' },
      { kind: 'address', value: '南京市玄武区孝陵卫街道钟灵街50号3幢202室' },
      { kind: 'mobile', value: '13912345678' },
      { kind: 'mobile', value: '15850012345' },
    ],
    allow: {},
  },
  {
    genre: '补贴名单',
    text: '2024年耕地地力保护补贴发放花名册\n户主姓名,身份证号,补贴面积(亩),补贴金额(元)\n钱学明,320583196507130016,5.2,650.00\n孙秀英,32058319580222002X,3.1,387.50\n赵大勇,320583197911040332,8.0,1000.00',
    expected: [
      { kind: 'name', value: '钱学明' },
      { kind: 'id-number', value: '320583196507130016' },
      { kind: 'name', value: '孙秀英' },
      { kind: 'id-number', value: '32058319580222002X' },
      { kind: 'name', value: '赵大勇' },
      { kind: 'id-number', value: '320583197911040332' },
    ],
    allow: {},
  },
  {
    genre: '公示',
    text: '经审核，以下人员符合公租房保障条件：刘芳（女，身份证：440304199001010011，电话：(0755)82345678），陈伟（男，身份证：440106198512120015，电话0755-83456789）。监督电话：0755-88123456。',
    expected: [
      { kind: 'id-number', value: '440304199001010011' },
      { kind: 'landline', value: '(0755)82345678' },
      { kind: 'id-number', value: '440106198512120015' },
      { kind: 'landline', value: '0755-83456789' },
    ],
    allow: { phones: ['0755-88123456'] },
  },
  {
    genre: '无个人信息',
    text: '深圳市福田区人民政府办公室关于印发《福田区政务公开工作要点》的通知（福府办〔2024〕3号）索引号：11440304007542836K/2024-00017。咨询电话：（0755）88123456，地址：福田区福民路123号，邮编518048。本文件自2024年3月1日起施行，有效期5年。',
    expected: [],
    allow: { phones: ['0755-88123456'] },
  },
];

/** The labelled set: `positives` items with personal data and `negatives` without (defaults: 240 and 120). */
export function labelledNotices(
  options: { positives?: number; negatives?: number; seed?: number } = {},
): LabelledItem[] {
  const make = new Maker(options.seed ?? 20261202);
  const items: LabelledItem[] = [];
  for (let i = 0; i < (options.positives ?? 240); i += 1) {
    const [genre, build] = positives[i % positives.length]!;
    const agency = agencyOf(make);
    const { text, expected } = build(make, agency);
    items.push({ id: `p${i + 1}`, genre, text, expected, allow: allowOf(agency) });
  }
  for (let i = 0; i < (options.negatives ?? 120); i += 1) {
    const build = negatives[i % negatives.length]!;
    const agency = agencyOf(make);
    items.push({
      id: `n${i + 1}`,
      genre: '无个人信息',
      text: build(make, agency).text,
      expected: [],
      allow: allowOf(agency),
    });
  }
  HANDWRITTEN.forEach((item, i) => items.push({ ...item, id: `h${i + 1}` }));
  return items;
}
