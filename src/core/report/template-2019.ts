/**
 * The 2019 试行 format (国办公开办函〔2019〕60号), as far as it differs from the 2021 format (DOMAIN.md §2.7).
 */

/**
 * Labels printed only by the 2019 试行 format. Any of them in a report for 2021 or later means the wrong
 * template was used (DOMAIN.md §7 rule 6).
 */
export const FORMAT_2019_MARKERS = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '第二十条第（九）项',
  '政府集中采购',
  '其他对外管理服务事项',
] as const;

/** How the 2019 format's section-二 tables and table 三 differ from the 2021 format's. */
export const FORMAT_2019 = {
  proactiveTables: [
    {
      caption: '第二十条第（一）项',
      columns: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: ['规章', '规范性文件'],
    },
    {
      caption: '第二十条第（五）项',
      columns: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      rows: ['行政许可', '其他对外管理服务事项'],
    },
    {
      caption: '第二十条第（六）项',
      columns: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      rows: ['行政处罚', '行政强制'],
    },
    {
      caption: '第二十条第（八）项',
      columns: ['信息内容', '上一年项目数量', '本年增/减'],
      rows: ['行政事业性收费'],
    },
    {
      caption: '第二十条第（九）项',
      columns: ['信息内容', '采购项目数量', '采购总金额'],
      rows: ['政府集中采购'],
    },
  ],
  /** In the 2019 format （六）其他处理 is one row; it is stored in `otherProcessing.other`. */
  singleOtherProcessingRow: '（六）其他处理',
} as const;

/** The first report year that must use the 2021 format (the notice is dated 2021-09-26). */
export const FIRST_YEAR_OF_2021_FORMAT = 2021;
