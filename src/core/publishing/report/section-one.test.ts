import { describe, expect, it } from 'vitest';
import { compileTables } from '../../applications/compile-report.js';
import { draftSectionOne } from './section-one.js';

const proactive = {
  regulations: { issued: 1, repealed: 0, inForce: 12 },
  normativeDocuments: { issued: 8, repealed: 2, inForce: 45 },
  licensing: 100,
  penalty: 20,
  enforcement: 3,
  feesTenThousandYuan: 0,
};

describe('the draft of section 一', () => {
  it('says what was published, by category and channel, how applications ended, and the appeals', () => {
    const tables = compileTables(
      [
        {
          id: 'a',
          applicantType: 'naturalPerson',
          receivedOn: '2024-02-01',
          registeredOn: '2024-02-01',
          closedOn: '2024-02-20',
          outcome: 'disclosed',
          appeals: [
            {
              id: 'r1',
              kind: 'reconsideration',
              filedOn: '2024-04-01',
              result: 'corrected',
              decidedOn: '2024-06-01',
            },
          ],
        },
        {
          id: 'b',
          applicantType: 'commercialEnterprise',
          receivedOn: '2024-03-01',
          registeredOn: '2024-03-01',
          closedOn: '2024-03-25',
          outcome: 'unableToProvide.notHeld',
        },
        {
          id: 'c',
          applicantType: 'naturalPerson',
          receivedOn: '2024-12-20',
          registeredOn: '2024-12-20',
          closedOn: null,
          outcome: null,
        },
      ],
      { year: 2024 },
    );
    const text = draftSectionOne({
      year: 2024,
      published: {
        total: 1251,
        byCategory: [
          { label: '工作动态', count: 800 },
          { label: '政策文件', count: 51 },
          { label: '空栏目', count: 0 },
        ],
        byChannel: [{ label: '政务微信公众号', count: 300 }],
      },
      report: { proactive, applications: tables.applications, appeals: tables.appeals },
    });
    expect(text.split('\n')).toEqual([
      '（一）主动公开。2024年，通过政府信息公开专栏主动公开政府信息1,251条，其中工作动态800条、政策文件51条。同时通过政务微信公众号300条发布。制发规章1件、行政规范性文件8件，废止规章0件、行政规范性文件2件，年末现行有效规章12件、行政规范性文件45件。',
      '（二）依申请公开。2024年新收政府信息公开申请3件，上年结转0件；办结2件，其中予以公开1件、无法提供1件；结转下年度继续办理1件。',
      '（三）行政复议和行政诉讼。2024年因政府信息公开被申请行政复议1件、被提起行政诉讼0件，其中结果被纠正1件。',
    ]);
  });

  it('says so when nothing was published or appealed', () => {
    const tables = compileTables([], { year: 2024 });
    const text = draftSectionOne({
      year: 2024,
      published: null,
      report: { proactive, applications: tables.applications, appeals: tables.appeals },
    });
    expect(text).toContain('公开目录中没有本年发布的信息记录');
    expect(text).toContain('未发生因政府信息公开引起的行政复议和行政诉讼');
  });
});
