import type { CalendarFile } from '../notice.js';

// The State Council's yearly holiday notices (《国务院办公厅关于XXXX年部分节假日安排的通知》), transcribed by hand
// and tested day by day in national.test.ts. Later amendments are applied: 2019 劳动节 (国办发明电〔2019〕2号) and
// the 2020 春节 extension (国办发明电〔2020〕1号). Holiday ranges are the notice's 放假 (调休) days; makeUpWorkdays are
// the weekend days it makes working days (上班). Dates just before 1 January belong to the next year's notice.

const NEW_YEAR = { name: '元旦', nameEn: "New Year's Day" };
const SPRING = { name: '春节', nameEn: 'Spring Festival' };
const QINGMING = { name: '清明节', nameEn: 'Qingming Festival' };
const LABOUR = { name: '劳动节', nameEn: 'Labour Day' };
const DRAGON_BOAT = { name: '端午节', nameEn: 'Dragon Boat Festival' };
const MID_AUTUMN = { name: '中秋节', nameEn: 'Mid-Autumn Festival' };
const NATIONAL = { name: '国庆节', nameEn: 'National Day' };
const NATIONAL_MID_AUTUMN = { name: '国庆节、中秋节', nameEn: 'National Day and Mid-Autumn Festival' };

const title = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`;

/** The national calendar 2019–2026, one entry per year, as published. */
export const NATIONAL_CALENDAR: readonly CalendarFile[] = [
  {
    year: 2019,
    notices: [
      { docNumber: '国办发明电〔2018〕15号', title: title(2019), date: '2018-12-06' },
      {
        docNumber: '国办发明电〔2019〕2号',
        title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
        date: '2019-03-22',
      },
    ],
    holidays: [
      { ...NEW_YEAR, from: '2018-12-30', to: '2019-01-01' },
      { ...SPRING, from: '2019-02-04', to: '2019-02-10' },
      { ...QINGMING, from: '2019-04-05', to: '2019-04-05' },
      { ...LABOUR, from: '2019-05-01', to: '2019-05-04' },
      { ...DRAGON_BOAT, from: '2019-06-07', to: '2019-06-07' },
      { ...MID_AUTUMN, from: '2019-09-13', to: '2019-09-13' },
      { ...NATIONAL, from: '2019-10-01', to: '2019-10-07' },
    ],
    makeUpWorkdays: [
      { ...NEW_YEAR, date: '2018-12-29' },
      { ...SPRING, date: '2019-02-02' },
      { ...SPRING, date: '2019-02-03' },
      { ...LABOUR, date: '2019-04-28' },
      { ...LABOUR, date: '2019-05-05' },
      { ...NATIONAL, date: '2019-09-29' },
      { ...NATIONAL, date: '2019-10-12' },
    ],
  },
  {
    year: 2020,
    notices: [
      { docNumber: '国办发明电〔2019〕16号', title: title(2020), date: '2019-11-21' },
      { docNumber: '国办发明电〔2020〕1号', title: '国务院办公厅关于延长2020年春节假期的通知', date: '2020-01-27' },
    ],
    holidays: [
      { ...NEW_YEAR, from: '2020-01-01', to: '2020-01-01' },
      // Originally 1/24–1/30 with 2/1 (Saturday) a working day; extended to 2/2 by 国办发明电〔2020〕1号.
      { ...SPRING, from: '2020-01-24', to: '2020-02-02' },
      { ...QINGMING, from: '2020-04-04', to: '2020-04-06' },
      { ...LABOUR, from: '2020-05-01', to: '2020-05-05' },
      { ...DRAGON_BOAT, from: '2020-06-25', to: '2020-06-27' },
      { ...NATIONAL_MID_AUTUMN, from: '2020-10-01', to: '2020-10-08' },
    ],
    makeUpWorkdays: [
      { ...SPRING, date: '2020-01-19' },
      { ...LABOUR, date: '2020-04-26' },
      { ...LABOUR, date: '2020-05-09' },
      { ...DRAGON_BOAT, date: '2020-06-28' },
      { ...NATIONAL_MID_AUTUMN, date: '2020-09-27' },
      { ...NATIONAL_MID_AUTUMN, date: '2020-10-10' },
    ],
  },
  {
    year: 2021,
    notices: [{ docNumber: '国办发明电〔2020〕27号', title: title(2021), date: '2020-11-25' }],
    holidays: [
      { ...NEW_YEAR, from: '2021-01-01', to: '2021-01-03' },
      { ...SPRING, from: '2021-02-11', to: '2021-02-17' },
      { ...QINGMING, from: '2021-04-03', to: '2021-04-05' },
      { ...LABOUR, from: '2021-05-01', to: '2021-05-05' },
      { ...DRAGON_BOAT, from: '2021-06-12', to: '2021-06-14' },
      { ...MID_AUTUMN, from: '2021-09-19', to: '2021-09-21' },
      { ...NATIONAL, from: '2021-10-01', to: '2021-10-07' },
    ],
    makeUpWorkdays: [
      { ...SPRING, date: '2021-02-07' },
      { ...SPRING, date: '2021-02-20' },
      { ...LABOUR, date: '2021-04-25' },
      { ...LABOUR, date: '2021-05-08' },
      { ...MID_AUTUMN, date: '2021-09-18' },
      { ...NATIONAL, date: '2021-09-26' },
      { ...NATIONAL, date: '2021-10-09' },
    ],
  },
  {
    year: 2022,
    notices: [{ docNumber: '国办发明电〔2021〕11号', title: title(2022), date: '2021-10-25' }],
    holidays: [
      { ...NEW_YEAR, from: '2022-01-01', to: '2022-01-03' },
      { ...SPRING, from: '2022-01-31', to: '2022-02-06' },
      { ...QINGMING, from: '2022-04-03', to: '2022-04-05' },
      { ...LABOUR, from: '2022-04-30', to: '2022-05-04' },
      { ...DRAGON_BOAT, from: '2022-06-03', to: '2022-06-05' },
      { ...MID_AUTUMN, from: '2022-09-10', to: '2022-09-12' },
      { ...NATIONAL, from: '2022-10-01', to: '2022-10-07' },
    ],
    makeUpWorkdays: [
      { ...SPRING, date: '2022-01-29' },
      { ...SPRING, date: '2022-01-30' },
      { ...QINGMING, date: '2022-04-02' },
      { ...LABOUR, date: '2022-04-24' },
      { ...LABOUR, date: '2022-05-07' },
      { ...NATIONAL, date: '2022-10-08' },
      { ...NATIONAL, date: '2022-10-09' },
    ],
  },
  {
    year: 2023,
    // DOMAIN.md §5.2 (S15) gives the date but not the 文号; the 文号 is from copies of the notice's header quoted in
    // public repositories.
    notices: [{ docNumber: '国办发明电〔2022〕16号', title: title(2023), date: '2022-12-08' }],
    holidays: [
      { ...NEW_YEAR, from: '2022-12-31', to: '2023-01-02' },
      { ...SPRING, from: '2023-01-21', to: '2023-01-27' },
      { ...QINGMING, from: '2023-04-05', to: '2023-04-05' },
      { ...LABOUR, from: '2023-04-29', to: '2023-05-03' },
      { ...DRAGON_BOAT, from: '2023-06-22', to: '2023-06-24' },
      { ...NATIONAL_MID_AUTUMN, from: '2023-09-29', to: '2023-10-06' },
    ],
    makeUpWorkdays: [
      { ...SPRING, date: '2023-01-28' },
      { ...SPRING, date: '2023-01-29' },
      { ...LABOUR, date: '2023-04-23' },
      { ...LABOUR, date: '2023-05-06' },
      { ...DRAGON_BOAT, date: '2023-06-25' },
      { ...NATIONAL_MID_AUTUMN, date: '2023-10-07' },
      { ...NATIONAL_MID_AUTUMN, date: '2023-10-08' },
    ],
  },
  {
    year: 2024,
    notices: [{ docNumber: '国办发明电〔2023〕7号', title: title(2024), date: '2023-10-25' }],
    holidays: [
      { ...NEW_YEAR, from: '2024-01-01', to: '2024-01-01' },
      { ...SPRING, from: '2024-02-10', to: '2024-02-17' },
      { ...QINGMING, from: '2024-04-04', to: '2024-04-06' },
      { ...LABOUR, from: '2024-05-01', to: '2024-05-05' },
      { ...DRAGON_BOAT, from: '2024-06-10', to: '2024-06-10' },
      { ...MID_AUTUMN, from: '2024-09-15', to: '2024-09-17' },
      { ...NATIONAL, from: '2024-10-01', to: '2024-10-07' },
    ],
    makeUpWorkdays: [
      { ...SPRING, date: '2024-02-04' },
      { ...SPRING, date: '2024-02-18' },
      { ...QINGMING, date: '2024-04-07' },
      { ...LABOUR, date: '2024-04-28' },
      { ...LABOUR, date: '2024-05-11' },
      { ...MID_AUTUMN, date: '2024-09-14' },
      { ...NATIONAL, date: '2024-09-29' },
      { ...NATIONAL, date: '2024-10-12' },
    ],
  },
  {
    year: 2025,
    notices: [{ docNumber: '国办发明电〔2024〕12号', title: title(2025), date: '2024-11-12' }],
    holidays: [
      { ...NEW_YEAR, from: '2025-01-01', to: '2025-01-01' },
      { ...SPRING, from: '2025-01-28', to: '2025-02-04' },
      { ...QINGMING, from: '2025-04-04', to: '2025-04-06' },
      { ...LABOUR, from: '2025-05-01', to: '2025-05-05' },
      { ...DRAGON_BOAT, from: '2025-05-31', to: '2025-06-02' },
      { ...NATIONAL_MID_AUTUMN, from: '2025-10-01', to: '2025-10-08' },
    ],
    makeUpWorkdays: [
      { ...SPRING, date: '2025-01-26' },
      { ...SPRING, date: '2025-02-08' },
      { ...LABOUR, date: '2025-04-27' },
      { ...NATIONAL_MID_AUTUMN, date: '2025-09-28' },
      { ...NATIONAL_MID_AUTUMN, date: '2025-10-11' },
    ],
  },
  {
    year: 2026,
    // DOMAIN.md §5.2 (S14) did not show the 文号; 国办发明电〔2025〕7号 is cited by several independent public sources
    // (one quoting a 北京市 government page). To re-check against www.gov.cn.
    notices: [{ docNumber: '国办发明电〔2025〕7号', title: title(2026), date: '2025-11-04' }],
    holidays: [
      { ...NEW_YEAR, from: '2026-01-01', to: '2026-01-03' },
      { ...SPRING, from: '2026-02-15', to: '2026-02-23' },
      { ...QINGMING, from: '2026-04-04', to: '2026-04-06' },
      { ...LABOUR, from: '2026-05-01', to: '2026-05-05' },
      { ...DRAGON_BOAT, from: '2026-06-19', to: '2026-06-21' },
      { ...MID_AUTUMN, from: '2026-09-25', to: '2026-09-27' },
      { ...NATIONAL, from: '2026-10-01', to: '2026-10-07' },
    ],
    makeUpWorkdays: [
      { ...NEW_YEAR, date: '2026-01-04' },
      { ...SPRING, date: '2026-02-14' },
      { ...SPRING, date: '2026-02-28' },
      { ...LABOUR, date: '2026-05-09' },
      { ...NATIONAL, date: '2026-09-20' },
      { ...NATIONAL, date: '2026-10-10' },
    ],
  },
];
