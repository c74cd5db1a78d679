// The person's notices (booking requests and decisions).
export const notificationsZh = {
  title: '通知',
  unread: '通知（{{ count }} 条未读）',
  intro: '预约申请和审批结果会通知到这里。',
  markAllRead: '全部标为已读', allRead: '都已读过了。', unreadWord: '未读', unreadCount: '{{ count }} 条未读',
  empty: '还没有通知',
  emptyHint: '有人申请借用您管理的场地，或您的预约被批准、拒绝、取消时，会在这里告诉您。',
  pending: '{{ booker }} 申请借用{{ facility }}，{{ when }}',
  pendingMany: '{{ booker }} 申请借用{{ facility }} {{ count }} 次，第一次是 {{ when }}',
  approved: '{{ facility }} {{ when }} 的预约已获批准',
  declined: '{{ facility }} {{ when }} 的预约被拒绝',
  cancelled: '{{ facility }} {{ when }} 的预约已被 {{ by }} 取消',
  reason: '。理由：{{ reason }}',
  by: '（审批人：{{ by }}）',
  other: '一条新通知',
  received: '收到于 {{ when }}',
};
