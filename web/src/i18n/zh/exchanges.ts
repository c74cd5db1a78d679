// Teacher exchanges: the words the home page and the header need (issue 12). The exchange pages' own words come
// with their code (exchanges-pages.ts), so the first load stays small.

export const exchangesZh = {
  title: '教师交流',
  waiting: '{{ count }} 份交流申请待审批',
  inPost: '在 {{ school }} 交流中（至 {{ until }}）',
  goingTo: '已派往 {{ school }}，{{ from }} 起（至 {{ until }}）',
  homePostings: '交流岗位',
  homeOpen: '{{ count }} 个岗位可申请',
  homePending: '{{ count }} 份申请审批中',
};
