import { addDays, compareDates, type IsoDate } from '../../core/calendar/date.js';
import type { CaseEventInput, RegisterApplicationInput } from './application-input.js';
import { beijingDate } from './case-calendar.js';
import type { PlatformDeps } from '../platform/platform.js';
import { systemOperator } from '../accounts/principal.js';
import { recordAppeal } from './record-appeal.js';
import { recordApplicationEvent } from './record-application-event.js';
import { registerApplication } from './register-application.js';
import { setReportFigures } from '../reports/set-report-figures.js';

type Step = [at: number, event: CaseEventInput];

interface DemoCase {
  agency: string;
  at: number;
  channel: RegisterApplicationInput['channel'];
  applicant: RegisterApplicationInput['applicant'];
  title: string;
  description: string;
  steps: Step[];
}

const person = (name: string, identityNumber: string) => ({
  type: 'naturalPerson' as const,
  name,
  identityKind: 'residentId' as const,
  identityNumber,
  phone: '13800000000',
});
const company = {
  type: 'commercialEnterprise' as const,
  name: '示范建设有限公司（示例）',
  identityKind: 'creditCode' as const,
  identityNumber: '91350100M000100Y43',
  email: 'office@example.com',
  contactPerson: '李四',
};
const lawFirm = {
  type: 'legalServiceInstitution' as const,
  name: '示范律师事务所（示例）',
  identityKind: 'other' as const,
  identityNumber: '律师事务所执业许可证 31110000000000000X',
  address: '示范区法治路5号',
};

/** A spread of cases: every stage of the process and several statutory outcomes. Times are fractions of the span. */
const cases: DemoCase[] = [
  {
    agency: 'demo-district',
    at: 0,
    channel: 'inPerson',
    applicant: person('王小明（示例）', '11010519491231002X'),
    title: '示范区2025年政府工作报告',
    description: '申请公开示范区2025年政府工作报告全文',
    steps: [
      [
        0.1,
        {
          type: 'answered',
          date: '',
          outcome: 'disclosed',
          legalGround: '条例第三十六条第一项：已主动公开，告知获取途径',
        },
      ],
      [0.12, { type: 'delivered', date: '', method: 'post' }],
    ],
  },
  {
    agency: 'demo-district',
    at: 0.05,
    channel: 'post',
    applicant: company,
    title: '和平街地块征收补偿方案',
    description: '申请公开和平街20号地块房屋征收补偿方案及评估报告',
    steps: [
      [0.07, { type: 'receiptConfirmed', date: '', how: 'signedFor' }],
      [
        0.1,
        {
          type: 'consultationStarted',
          date: '',
          consultationId: 'Z1',
          party: 'thirdParty',
          name: '评估机构',
        },
      ],
      [
        0.2,
        {
          type: 'consultationAnswered',
          date: '',
          consultationId: 'Z1',
          opinion: '不同意公开评估报告中的商业信息',
        },
      ],
      [
        0.3,
        {
          type: 'answered',
          date: '',
          outcome: 'partiallyDisclosed',
          severed: true,
          legalGround: '条例第三十七条：区分处理',
        },
      ],
      [0.32, { type: 'delivered', date: '', method: 'direct' }],
    ],
  },
  {
    agency: 'demo-subdistrict',
    at: 0.1,
    channel: 'inPerson',
    applicant: person('赵六（示例）', '440304199001010011'),
    title: '',
    description: '申请公开某居民的低保审批材料',
    steps: [
      [
        0.2,
        {
          type: 'answered',
          date: '',
          outcome: 'withheld.thirdPartyRights',
          legalGround: '条例第十五条：涉及个人隐私',
        },
      ],
      [0.21, { type: 'delivered', date: '', method: 'direct' }],
    ],
  },
  {
    agency: 'demo-subdistrict',
    at: 0.15,
    channel: 'online',
    applicant: lawFirm,
    title: '街道2019年会议纪要',
    description: '申请公开街道办事处2019年第3次主任办公会会议纪要',
    steps: [
      [0.16, { type: 'receiptConfirmed', date: '', how: 'confirmed' }],
      [
        0.3,
        {
          type: 'answered',
          date: '',
          outcome: 'unableToProvide.notHeld',
          legalGround: '条例第三十六条第四项：经检索没有该信息',
        },
      ],
    ],
  },
  {
    agency: 'demo-district',
    at: 0.2,
    channel: 'inPerson',
    applicant: person('王小明（示例）', '11010519491231002X'),
    title: '示范区2025年政府工作报告',
    description: '请公开示范区2025年政府工作报告全文',
    steps: [
      [
        0.22,
        {
          type: 'answered',
          date: '',
          outcome: 'notProcessed.duplicate',
          legalGround: '条例第三十六条第六项：重复申请',
        },
      ],
    ],
  },
  {
    agency: 'demo-subdistrict',
    at: 0.3,
    channel: 'inPerson',
    applicant: person('孙七（示例）', '440304199001010011'),
    title: '',
    description: '申请公开有关文件',
    steps: [
      [
        0.32,
        { type: 'correctionRequested', date: '', items: '请写明所需文件的名称、文号或年份', deadline: '' },
      ],
      [0.5, { type: 'correctionLapsed', date: '' }],
    ],
  },
  {
    agency: 'demo-district',
    at: 0.6,
    channel: 'inPerson',
    applicant: company,
    title: '区财政局与区教育局联合发文',
    description: '申请公开区财政局与区教育局2025年联合印发的经费管理办法',
    steps: [
      [
        0.65,
        {
          type: 'consultationStarted',
          date: '',
          consultationId: 'J1',
          party: 'agency',
          name: '示范区财政局',
        },
      ],
    ],
  },
  {
    agency: 'demo-district',
    at: 0.7,
    channel: 'inPerson',
    applicant: person('周八（示例）', '11010519491231002X'),
    title: '老旧小区改造项目清单',
    description: '申请公开2026年老旧小区改造项目清单及资金安排',
    steps: [
      [0.9, { type: 'extensionApproved', date: '', workingDays: 15, approver: '区政府负责人（示例）' }],
    ],
  },
  {
    agency: 'demo-subdistrict',
    at: 0.95,
    channel: 'online',
    applicant: person('吴九（示例）', '440304199001010011'),
    title: '',
    description: '申请公开街道垃圾分类收运点位设置方案',
    steps: [],
  },
  {
    agency: 'demo-district',
    at: 0.9,
    channel: 'inPerson',
    applicant: lawFirm,
    title: '历年行政处罚决定书',
    description: '申请公开示范区2015年至2025年全部行政处罚决定书',
    steps: [[0.95, { type: 'feeNoticeSent', date: '', amountFen: 30_000 }]],
  },
];

/**
 * Demo applications received in the current year, with their histories: several outcomes, open cases in
 * consultation, extended, awaiting receipt or fee, one appeal, and table 二 figures for the district.
 */
export async function seedDemoApplications(deps: PlatformDeps): Promise<number> {
  const today = beijingDate(deps.clock());
  const yearStart: IsoDate = `${today.slice(0, 4)}-01-01`;
  const back = addDays(today, -120);
  const start = compareDates(back, yearStart) < 0 ? yearStart : back;
  const span = Math.round((Date.parse(today) - Date.parse(start)) / 86_400_000);
  const dateAt = (fraction: number) => addDays(start, Math.floor(fraction * span));
  let count = 0;
  for (const c of cases) {
    const registered = await registerApplication(deps, systemOperator, {
      agency: c.agency,
      channel: c.channel,
      submittedAt: `${dateAt(c.at)}T02:00:00.000Z`,
      applicant: c.applicant,
      request: { title: c.title || null, description: c.description },
      form: { medium: 'electronic', delivery: 'email' },
    });
    for (const [at, step] of c.steps) {
      const date = dateAt(Math.max(at, c.at));
      const event = { ...step, date } as CaseEventInput;
      if (event.type === 'correctionRequested') event.deadline = addDays(date, 15);
      await recordApplicationEvent(deps, systemOperator, registered.record.id, event);
    }
    if (c.steps.some(([, s]) => s.type === 'answered' && s.outcome === 'withheld.thirdPartyRights')) {
      await recordAppeal(deps, systemOperator, registered.record.id, {
        kind: 'reconsideration',
        filedOn: dateAt(0.25),
        note: '申请人不服不予公开决定，申请行政复议（示例）',
      });
    }
    count += 1;
  }
  await setReportFigures(deps, systemOperator, 'demo-district', Number(today.slice(0, 4)), {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 3, repealed: 1, inForce: 27 },
    licensing: 1280,
    penalty: 96,
    enforcement: 4,
    feesTenThousandYuan: '12.5',
  });
  return count;
}
