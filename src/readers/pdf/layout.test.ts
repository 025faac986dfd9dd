import { describe, expect, it } from 'vitest';
import { pageRows, type PositionedText } from './layout.js';

const t = (text: string, x: number, y: number, height = 10, width?: number): PositionedText => ({
  text,
  x,
  y,
  height,
  width: width ?? [...text].length * height * (/^[\d.]+$/.test(text) ? 0.5 : 1),
});
const texts = (items: PositionedText[]) => pageRows(items, 1).map((row) => row.map((cell) => cell.text));

describe('pageRows', () => {
  it('reads lines top to bottom and joins runs with no real gap', () => {
    expect(texts([t('第二行', 50, 700), t('2023', 50, 720, 10), t('年报告', 70.5, 720)])).toEqual([
      ['2023年报告'],
      ['第二行'],
    ]);
  });

  it('keeps figures apart as cells, with page and position', () => {
    const rows = pageRows([t('规章', 50, 500), t('1', 200, 500), t('0', 260, 500), t('11', 320, 500)], 3);
    expect(rows[0]!.map((c) => c.text)).toEqual(['规章', '1', '0', '11']);
    expect(rows[0]![1]!.at).toEqual({ page: 3, x: 200, y: 500 });
  });

  it('folds a label printed on two small lines into the row of larger figures between them', () => {
    const figures = [300, 330, 360, 390, 420, 450, 480].map((x) => t('4', x, 495.5, 14));
    const rows = texts([
      t('（二）部分公开（区分处理的', 50, 503, 9),
      t('计其他情形）', 50, 489.5, 9),
      ...figures,
    ]);
    expect(rows).toEqual([['（二）部分公开（区分处理的计其他情形）', '4', '4', '4', '4', '4', '4', '4']]);
  });

  it('folds a label wrapped over lines of the same size onto the row its figures sit on', () => {
    const figures = [300, 330, 360, 390, 420, 450, 480].map((x) => t('6', x, 548, 7.5));
    const rows = texts([
      t('1、申请人无正当理由逾期不补', 143, 565.4, 7.5),
      t('正、行政机关不再处理其政府信', 143, 550.4, 7.5),
      t('息公开申请', 143, 535.4, 7.5),
      ...figures,
      t('四、政府信息公开行政复议', 143, 515, 16),
    ]);
    expect(rows[0]).toEqual([
      '1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      ...Array(7).fill('6'),
    ]);
    expect(rows[1]).toEqual(['四、政府信息公开行政复议']);
  });

  it('places a blank under its column in a table of seven figures', () => {
    const full = [300, 330, 360, 390, 420, 450, 480].map((x) => t('1', x, 600));
    const gappy = [300, 330, 390, 420, 450, 480].map((x) => t('2', x, 580));
    const rows = pageRows([t('一、本年新收', 50, 600), ...full, t('二、上年结转', 50, 580), ...gappy], 1);
    expect(rows[1]!.map((c) => c.text)).toEqual(['二、上年结转', '2', '2', '', '2', '2', '2', '2']);
    expect(rows[1]![3]!.at.page).toBe(1);
  });

  it('leaves out a group label set vertically down a merged cell', () => {
    const rows = texts([t('三、本年', 20, 500, 10, 10), t('（一）予以公开', 50, 500), t('0', 300, 500)]);
    expect(rows).toEqual([['（一）予以公开', '0']]);
  });

  it('removes justification spaces between CJK characters only', () => {
    expect(texts([t('总 计', 50, 500), t('2023 年', 50, 480)])).toEqual([['总计'], ['2023 年']]);
  });
});

describe('pageRows with a header line', () => {
  it('places a blank under the header column it sits in, however few figures the row has', () => {
    const rows = texts([
      t('信息内容', 130, 320),
      t('本年制发件数', 250, 320),
      t('本年废止件数', 345, 320),
      t('现行有效件数', 435, 320),
      t('规章', 81, 281),
      t('1', 282, 281),
      t('11', 466, 281),
      t('行政规范性文件', 81, 247),
      t('5', 377, 247),
      t('第二十条第（五）项', 242, 208),
      t('信息内容', 130, 165),
      t('本年处理决定数量', 326, 165),
      t('行政许可', 81, 127),
      t('550', 365, 127),
    ]);
    expect(rows).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '1', '', '11'],
      ['行政规范性文件', '', '5', ''],
      ['第二十条第（五）项'],
      ['信息内容', '本年处理决定数量'],
      ['行政许可', '550'],
    ]);
  });
});
