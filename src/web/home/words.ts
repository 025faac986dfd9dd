export const homeWords = {
  zh: {
    title: '今天要办的事',
    dueSoon: '即将到期的申请',
    dueSoonHint: '5 个工作日内到期',
    overdue: '已逾期的申请',
    none: '没有。',
    open: '查看',
    due: '答复期限',
    subtree: '含下级机关',
  },
  en: {
    title: 'What needs me today',
    dueSoon: 'Applications due soon',
    dueSoonHint: 'due within 5 working days',
    overdue: 'Overdue applications',
    none: 'None.',
    open: 'Open',
    due: 'Due',
    subtree: 'including agencies below',
  },
};
