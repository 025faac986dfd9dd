import { describe, expect, it } from 'vitest';
import {
  findPersonalData,
  findPersonalDataInHtml,
  htmlText,
  maskPersonalData,
  maskPersonalDataInHtml,
  maskRules,
  maskValue,
} from './index.js';

const kinds = (text: string, options = {}) => findPersonalData(text, options).map((f) => [f.kind, f.text]);

describe('finding personal data', () => {
  it('finds an 18-digit 身份证号 with its check digit, and locates it', () => {
    const text = '当事人身份证号码：11010519491231002X，现住北京。';
    const [finding] = findPersonalData(text);
    expect(finding).toMatchObject({ kind: 'id-number', text: '11010519491231002X', confidence: 0.99 });
    expect(text.slice(finding!.start, finding!.end)).toBe('11010519491231002X');
  });

  it('refuses an 18-digit number with an impossible birth date or an unknown province', () => {
    expect(kinds('编号 110105194902300025 号')).toEqual([]); // 30 February
    expect(kinds('编号 990105194912310023 号')).toEqual([]); // province 99
  });

  it('reports a wrong check digit only where the text says it is an identity number', () => {
    expect(kinds('身份证号：110105194912310021')).toEqual([['id-number', '110105194912310021']]);
    expect(kinds('合同号 110105194912310021')).toEqual([]);
    expect(kinds('参考号 110105194912310021')).toEqual([]);
  });

  it('finds 15-digit identity numbers, full-width digits and a lower-case x', () => {
    expect(
      kinds('身份证 320102590104099，另 ３２０１０２１９８００１０１００１Ｘ 与 11010519491231002x'),
    ).toEqual([
      ['id-number', '320102590104099'],
      ['id-number', '３２０１０２１９８００１０１００１Ｘ'.replace('１Ｘ', '１Ｘ')],
      ['id-number', '11010519491231002x'],
    ]);
  });

  it('finds mobiles in the ways they are written, and landlines with their area code', () => {
    expect(
      kinds(
        '手机13812345678，138 1234 5678，138-1234-5678，+86 13812345678；电话025-83456789，(0571)87654321',
      ),
    ).toEqual([
      ['mobile', '13812345678'],
      ['mobile', '138 1234 5678'],
      ['mobile', '138-1234-5678'],
      ['mobile', '+86 13812345678'],
      ['landline', '025-83456789'],
      ['landline', '(0571)87654321'],
    ]);
  });

  it('finds credit codes with a right check character, not an agency code inside an 索引号', () => {
    expect(kinds('统一社会信用代码：91320102MA1MXXQ06F')).toEqual([]); // wrong check character
    const code = '92320102MA1X1234' + 'X';
    expect(kinds(`代码 ${code}`)).toEqual([]); // 17 characters: not a code
    expect(kinds('信用代码 91350100M000100Y43')).toEqual([['credit-code', '91350100M000100Y43']]);
    expect(kinds('索引号：11440304007542836K/2024-00017')).toEqual([]);
  });

  it('finds card numbers by Luhn, and labelled account numbers', () => {
    expect(kinds('卡号：6222 0212 3456 7890 128')).toEqual([['bank-card', '6222 0212 3456 7890 128']]);
    expect(kinds('转入 6222021234567890128 中')).toEqual([['bank-card', '6222021234567890128']]);
    expect(kinds('转入 6222021234567890127 中')).toEqual([]); // Luhn fails, no label
    expect(kinds('流水号 6222021234567890128')).toEqual([]); // a serial number by its label
    expect(kinds('收款账号：32001588536051234567')).toEqual([['bank-card', '32001588536051234567']]);
  });

  it('finds e-mail addresses, names after their labels and home addresses with a house number', () => {
    expect(
      kinds(
        '姓名：张三，电子邮箱 zhang.san@163.com；申请人欧阳娜娜于2024年提出申请；住址：南京市玄武区梅园新村街道长江路12号3栋501室。',
      ),
    ).toEqual([
      ['name', '张三'],
      ['email', 'zhang.san@163.com'],
      ['name', '欧阳娜娜'],
      ['address', '南京市玄武区梅园新村街道长江路12号3栋501室'],
    ]);
  });

  it('takes no 文号, 索引号, date, amount, postcode, hotline or masked value for personal data', () => {
    const text =
      '国办发〔2016〕80号 国令第672号 索引号 000014349/2020-00072 2024年3月5日 2024-03-05 20240305 ' +
      '金额 1,234,567.89元 12345678元 邮编 210008 热线 12345 400-820-8820 申请人张某某 138****5678 3201**********1234 ' +
      '申请人应当提交材料 联系人：办公室';
    expect(kinds(text)).toEqual([]);
  });

  it("leaves the agency's own published contacts alone", () => {
    const text =
      '咨询电话：025-84561234，（025）84561234，监督邮箱 xxgk@xw.gov.cn，地址：玄武区长江路1号3楼301室。';
    expect(
      kinds(text, {
        allow: { phones: ['84561234'], emails: ['@xw.gov.cn'], addresses: ['玄武区长江路1号3楼301室'] },
      }),
    ).toEqual([]);
    expect(kinds(text).map(([kind]) => kind)).toEqual(['landline', 'landline', 'email', 'address']);
  });

  it('finds names in the 姓名 column of a list and beside numbers on a list line', () => {
    const list =
      '序号\t姓名\t性别\t学历\n1\t王小明\t男\t本科\n2\t李华\t女\t硕士\n\n3 赵丽 13812345678\n公示期：5天，联系电话 13812345679';
    expect(kinds(list)).toEqual([
      ['name', '王小明'],
      ['name', '李华'],
      ['name', '赵丽'],
      ['mobile', '13812345678'],
      ['mobile', '13812345679'],
    ]);
  });
});

describe('masks', () => {
  it('masks as agencies print them', () => {
    expect(maskValue('id-number', '320102199003071234')).toBe('3201**********1234');
    expect(maskValue('mobile', '13856785678')).toBe('138****5678');
    expect(maskValue('mobile', '+86 138 5678 5678')).toBe('+86 138 **** 5678');
    expect(maskValue('name', '张三')).toBe('张*');
    expect(maskValue('name', '欧阳娜娜')).toBe('欧阳**');
    expect(maskValue('landline', '025-83456789')).toBe('025-****6789');
    expect(maskValue('email', 'zhangsan@163.com')).toBe('z*******@163.com');
    expect(maskValue('address', '南京市玄武区梅园新村街道长江路12号')).toBe('南京市玄武区梅园新村街道******');
    expect(maskValue('bank-card', '6222 0212 3456 7890 128')).toBe('6222 **** **** ***0 128');
  });

  it("uses an agency's own rule (永安: 身份证 keeps 2 + 3)", () => {
    const rules = maskRules({ idNumber: { start: 2, end: 3 } });
    expect(maskValue('id-number', '350481199001011234', rules)).toBe('35*************234');
    const { text } = maskPersonalData('身份证 11010519491231002X', {
      masks: { idNumber: { start: 2, end: 3 } },
    });
    expect(text).toBe('身份证 11*************02X');
  });

  it('masks a text in one step, leaving everything else as it was', () => {
    const { text, findings } = maskPersonalData(
      '申请人：李四，手机 13912345678，于2024年3月5日申请（玄政办〔2024〕5号）。',
    );
    expect(text).toBe('申请人：李*，手机 139****5678，于2024年3月5日申请（玄政办〔2024〕5号）。');
    expect(findings.map((f) => f.kind)).toEqual(['name', 'mobile']);
  });
});

describe('HTML bodies', () => {
  it('masks inside text nodes only, across inline markup, and keeps entities and other attributes', () => {
    const html =
      '<p class="13912345678">联系人：<b>王五</b>，电话<span>138</span>87654321 &amp; 身份证 11010519491231002X</p>' +
      '<table><tr><td>姓名</td><td>身份证号</td></tr><tr><td>李四</td><td>440304199001010011</td></tr></table>';
    const { html: masked, findings } = maskPersonalDataInHtml(html);
    expect(masked).toBe(
      '<p class="13912345678">联系人：<b>王*</b>，电话<span>138</span>****4321 &amp; 身份证 1101**********002X</p>' +
        '<table><tr><td>姓名</td><td>身份证号</td></tr><tr><td>李*</td><td>4403**********0011</td></tr></table>',
    );
    expect(findings.map((f) => f.kind)).toEqual(['name', 'mobile', 'id-number', 'name', 'id-number']);
  });

  it('masks what a reader sees in attributes too (a mailto: link, a title, an alt text)', () => {
    const { html, attributes } = maskPersonalDataInHtml(
      '<a href="mailto:zhangsan@163.com" title="张三 13812345678">来信</a><img src="/attachments/a1" alt=\'身份证 11010519491231002X\'>',
    );
    expect(html).toBe(
      '<a href="mailto:z*******@163.com" title="张* 138****5678">来信</a><img src="/attachments/a1" alt="身份证 1101**********002X">',
    );
    expect(attributes.map((a) => [a.tag, a.name, a.findings.map((f) => f.kind)])).toEqual([
      ['a', 'href', ['email']],
      ['a', 'title', ['name', 'mobile']],
      ['img', 'alt', ['id-number']],
    ]);
  });

  it('locates findings in the text the reader sees, with blocks apart', () => {
    const html = '<p>手机</p><p>13812345678</p><p>1381234</p><p>5678</p>';
    expect(htmlText(html)).toBe('\n手机\n\n13812345678\n\n1381234\n\n5678\n');
    expect(findPersonalDataInHtml(html).map((f) => f.text)).toEqual(['13812345678']);
  });

  it('decodes entities before looking, and leaves what it does not mask as it was written', () => {
    const { html } = maskPersonalDataInHtml('<p>&#49;3812345678 &lt;b&gt;</p>');
    expect(html).toBe('<p>&#49;38****5678 &lt;b&gt;</p>');
  });
});
