// The activity log: who changed what, and when.

export const auditZh = {
  title: '操作记录',
  intro: '每一次修改都会留下记录：谁、在什么时候、改了什么。',
  when: '时间',
  who: '操作人',
  what: '操作',
  detail: '修改内容',
  empty: '还没有操作记录。',
  more: '加载更多',
  system: '系统',
  org: '单位',
  allOrgs: '全部单位',
  actions: {
    'org.update': '修改单位信息',
    'classroom.create': '添加班级',
    'classroom.update': '修改班级',
    'membership.create': '添加成员',
    'membership.update': '修改成员',
    'membership.delete': '移除成员',
    'invitation.accept': '接受邀请',
    'user.update': '修改个人信息',
    'user.password_change': '修改密码',
    'token.create': '创建接口令牌',
    'token.revoke': '吊销接口令牌',
  } as Record<string, string>,
};
