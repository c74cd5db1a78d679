// Chinese is the default language; en.ts must have the same keys (the type checker holds it to that).
import { approvalsZh } from './zh/approvals';
import { facilitiesZh } from './zh/facilities';
import { lessonsZh } from './zh/lessons';
import { libraryZh } from './zh/library';
import { notificationsZh } from './zh/notifications';
import { reportsZh } from './zh/reports';

export const zh = {
  facilities: facilitiesZh,
  library: libraryZh,
  lessons: lessonsZh,
  approvals: approvalsZh,
  notifications: notificationsZh,
  reports: reportsZh,
  app: { name: '同舟', tagline: '集团化办学 · 资源共享 · 双师课堂', skip: '跳到主要内容' },
  lang: { switchTo: 'English', label: '切换语言' },
  nav: { home: '首页', lessons: '直播课', reports: '共享报告', facilities: '借用场地', library: '教学资源', bookings: '我的预约', approvals: '审批', notifications: '通知', orgs: '组织与成员', audit: '操作记录', settings: '个人设置', signOut: '退出登录', menu: '菜单' },
  roles: { group_admin: '集团负责人', district_admin: '学区管理员', school_admin: '学校管理员', teacher: '教师', assistant: '辅导教师', master_teacher: '名师' },
  orgKinds: { group: '教育集团', district: '学区', school: '学校' },
  common: {
    save: '保存', cancel: '取消', edit: '编辑', add: '添加', loading: '正在加载…', retry: '重试', close: '关闭', yes: '是', no: '否',
    saved: '已保存', required: '必填', optional: '选填', copy: '复制', copied: '已复制', remove: '移除', confirmRemove: '确定要移除吗？',
    rural: '乡村学校', supported: '帮扶对象', lead: '龙头校', none: '无', back: '返回',
  },
  errors: {
    network: '连不上服务器。请检查网络后重试，您填写的内容仍在。',
    generic: '出了点问题：{{ message }}',
    unauthenticated: '请先登录。',
    forbidden: '您没有权限做这件事。',
    not_found: '找不到该内容，或您无权查看。',
    invalid_credentials: '邮箱或密码不正确。',
    too_many_requests: '尝试次数过多，请 {{ minutes }} 分钟后再试。',
    validation_failed: '有些内容需要修改，请看标红的地方。',
    already_exists: '已经存在：{{ message }}',
    gone: '这个链接已失效或已被使用，请联系学校管理员重新邀请。',
    csrf_rejected: '请求被拒绝，请刷新页面后重试。',
    internal_error: '服务器出错了，请稍后再试。',
    pageNotFound: '没有这个页面',
    pageNotFoundHint: '链接可能有误。返回首页继续。',
  },
  login: {
    title: '登录同舟', email: '邮箱', password: '密码', submit: '登录', submitting: '正在登录…',
    demoHint: '体验账号的密码都是 tongzhou-demo', forgot: '忘记密码请联系本校管理员重置。',
  },
  invite: {
    title: '欢迎加入同舟', intro: '{{ name }}，您被邀请以「{{ role }}」身份加入 {{ org }}。设置密码即可开始使用。',
    password: '设置密码（至少 10 位）', name: '姓名', submit: '设置密码并进入', expires: '链接有效期至 {{ date }}',
  },
  home: {
    greeting: '{{ name }}，您好', today: '今天是 {{ date }}',
    yourOrgs: '我的单位', todo: '今天要做的事', nothingToday: '今天没有需要您处理的事项。',
    nextStepTeacher: '有新的预约、课程或审批时，会显示在这里。',
    classroomTitle: '{{ classroom }} · {{ school }}', classroomHint: '今天的直播课会在这里出现，开课前 15 分钟可以进入课堂。',
    noLessonsToday: '今天没有直播课',
    adminPanel: '管理', manageOrg: '管理 {{ org }}', pendingInvites: '{{ count }} 位成员尚未接受邀请',
    schoolsInGroup: '集团共有 {{ count }} 所学校，其中乡村学校 {{ rural }} 所、帮扶对象 {{ supported }} 所',
    importTeachers: '批量导入教师', inviteTeacher: '邀请教师', auditLog: '查看操作记录',
    noMembership: '您还没有加入任何单位。请联系学校管理员邀请您。',
    myBookings: '我的预约', bookFacility: '借用场地', allBookings: '查看全部预约', moreBookings: '还有 {{ count }} 条，查看全部',
    noUpcoming: '接下来没有预约', noUpcomingHint: '点「借用场地」，挑一个场地和空闲时间。',
    pendingApprovals: '{{ count }} 条预约待审批',
  },
  orgs: {
    title: '组织与成员', schools: '成员学校', classrooms: '班级（教室）', members: '成员', code: '学校代码', address: '地址',
    district: '所属学区', group: '所属集团', editDetails: '编辑学校信息', name: '名称', grade: '年级', assistants: '辅导教师', assistantsList: '辅导教师：{{ names }}',
    addClassroom: '添加班级', noClassrooms: '还没有班级。添加一个班级，乡村教室就可以加入直播课。', noSchools: '这个{{ kind }}还没有学校。',
    noMembers: '还没有成员。邀请教师或批量导入。', pending: '待接受邀请', active: '已激活', role: '角色', email: '邮箱',
    invite: '邀请成员', inviteTitle: '邀请成员加入 {{ org }}', masterTeacher: '名师（可开设直播课）', classroom: '负责的教室',
    inviteSent: '已创建邀请。把下面的链接发给 {{ name }}，对方设置密码后即可登录：', alreadyHasAccount: '{{ name }} 已有账号，已直接加入。',
    import: '批量导入', importTitle: '从 CSV 文件导入教师', importHelp: '第一行是列名：name,email,role,school_code（也可用 姓名,邮箱,角色,学校代码）。角色为 teacher（教师）、assistant（辅导教师）或 school_admin。所有行都正确才会导入。',
    importFile: '选择 CSV 文件', importSubmit: '导入', importDone: '已导入 {{ count }} 人。把各自的邀请链接发给他们：',
    importErrors: '发现 {{ count }} 个问题，没有导入任何人：', line: '第 {{ line }} 行',
    flags: '学校类型', gradeN: '{{ grade }} 年级', changeRole: '修改角色', makeMaster: '设为名师', unmakeMaster: '取消名师',
    removeMember: '移除', reviewer: '资源审核人', makeReviewer: '设为资源审核人', unmakeReviewer: '取消审核人',
  },
  audit: {
    title: '操作记录', intro: '每一次修改都会留下记录：谁、在什么时候、改了什么。', when: '时间', who: '操作人', what: '操作', detail: '修改内容',
    empty: '还没有操作记录。', more: '加载更多', system: '系统', org: '单位', allOrgs: '全部单位',
    actions: {
      'org.update': '修改单位信息', 'classroom.create': '添加班级', 'classroom.update': '修改班级', 'membership.create': '添加成员',
      'membership.update': '修改成员', 'membership.delete': '移除成员', 'invitation.accept': '接受邀请', 'user.update': '修改个人信息',
      'user.password_change': '修改密码', 'token.create': '创建接口令牌', 'token.revoke': '吊销接口令牌',
    } as Record<string, string>,
  },
  settings: {
    title: '个人设置', profile: '个人信息', name: '姓名', language: '界面语言', password: '修改密码', currentPassword: '当前密码',
    newPassword: '新密码（至少 10 位）', changePassword: '修改密码', passwordChanged: '密码已修改，其他设备已退出登录。',
    tokens: '接口令牌', tokensHelp: '供脚本和其他系统调用接口（Authorization: Bearer …）。令牌只显示一次。',
    tokenName: '用途', createToken: '创建令牌', tokenCreated: '请立即复制保存，离开本页后不再显示：', noTokens: '还没有接口令牌。',
    revoke: '吊销', lastUsed: '最近使用', never: '从未', expires: '到期', noExpiry: '长期有效',
  },
};
