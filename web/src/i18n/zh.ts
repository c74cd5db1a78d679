// Chinese is the default language; en.ts must have the same keys (the type checker holds it to that).
import { approvalsZh } from './zh/approvals';
import { auditZh } from './zh/audit';
import { inviteZh, loginZh } from './zh/auth';
import { exchangesZh } from './zh/exchanges';
import type { exchangesPagesZh } from './zh/exchanges-pages';
import type { exchangesViewsZh } from './zh/exchanges-views';
import { facilitiesZh } from './zh/facilities';
import { homeZh } from './zh/home';
import { lessonsZh } from './zh/lessons';
import { libraryZh } from './zh/library';
import { notificationsZh } from './zh/notifications';
import { orgsZh } from './zh/orgs';
import { problemsZh } from './zh/problems';
import type { publicPageZh } from './zh/public-page';
import type { reportsZh } from './zh/reports';
import { settingsZh } from './zh/settings';

export const zh = {
  facilities: facilitiesZh,
  library: libraryZh,
  lessons: lessonsZh,
  exchanges: exchangesZh,
  /** The public page's editor brings its words (addPageWords). */
  publicPage: {},
  approvals: approvalsZh,
  notifications: notificationsZh,
  // The reports' words come with their pages (features/reports/page-words.ts).
  reports: {},
  home: homeZh,
  orgs: orgsZh,
  problems: problemsZh,
  audit: auditZh,
  settings: settingsZh,
  login: loginZh,
  invite: inviteZh,
  app: {
    name: '同舟',
    tagline: '集团化办学 · 资源共享 · 双师课堂',
    skip: '跳到主要内容',
  },
  lang: {
    switchTo: 'English',
    label: '切换语言',
  },
  nav: {
    home: '首页',
    lessons: '直播课',
    exchanges: '教师交流',
    reports: '共享报告',
    facilities: '借用场地',
    library: '教学资源',
    bookings: '我的预约',
    approvals: '审批',
    notifications: '通知',
    orgs: '组织与成员',
    audit: '操作记录',
    settings: '个人设置',
    signOut: '退出登录',
    menu: '菜单',
    account: '（个人设置、退出登录）',
  },
  roles: {
    group_admin: '集团负责人',
    district_admin: '学区管理员',
    school_admin: '学校管理员',
    teacher: '教师',
    assistant: '辅导教师',
    master_teacher: '名师',
  },
  orgKinds: {
    group: '教育集团',
    district: '学区',
    school: '学校',
  },
  common: {
    save: '保存',
    cancel: '取消',
    edit: '编辑',
    add: '添加',
    loading: '正在加载…',
    retry: '重试',
    close: '关闭',
    yes: '是',
    no: '否',
    saved: '已保存',
    required: '必填',
    optional: '选填',
    copy: '复制',
    copied: '已复制',
    remove: '移除',
    confirmRemove: '确定要移除吗？',
    rural: '乡村学校',
    supported: '帮扶对象',
    lead: '龙头校',
    none: '无',
    back: '返回',
    chooseFile: '选择文件',
    /** Between a label and its value, and between the items of a list. */
    colon: '：',
    separator: '、',
    noFileChosen: '未选择文件',
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
    checkInput: '有些内容不对，请检查后再试；您填写的内容仍在。',
    fixThese: '有 {{ count }} 处需要修改：',
    andMore: '还有 {{ count }} 处',
    already_exists: '已经有了同样的内容（同名，或同一个人），不能重复添加。',
    gone: '这个链接已失效或已被使用，请联系学校管理员重新邀请。',
    csrf_rejected: '请求被拒绝，请刷新页面后重试。',
    internal_error: '服务器出错了，请稍后再试。',
    invalid_json: '请求的格式不对，请刷新页面后重试。',
    bad_request: '请求有误，请刷新页面后重试。',
    invalid_signature: '签名不对，请求被拒绝。',
    method_not_allowed: '不支持这个操作。',
    conflict: '和已有的内容冲突了，请刷新后再试。',
    invalid_state: '现在的状态下不能这样做，可能别人刚刚改过，请刷新后再看。',
    posting_full: '这个岗位的名额已经满了。',
    not_eligible: '暂时不符合申请条件，原因见下方。',
    booking_conflict: '这个时间已经被占用了，请换一个时间。',
    payload_too_large: '文件或内容太大了。',
    unsupported_type: '不支持这种文件类型。',
    range_not_satisfiable: '读不到文件的这一部分，请重新下载。',
    import_failed: '文件里有问题，没有导入任何人；请按提示修改后再导入。',
    livekit_unavailable: '直播服务暂时连不上，请稍后再试。',
    database_unavailable: '数据服务暂时不可用，请过几秒再试；您填写的内容仍在。',
    service_unavailable: '服务暂时不可用，请稍后再试。',
    pageNotFound: '没有这个页面',
    pageNotFoundHint: '链接可能有误。返回首页继续。',
  },
};

/**
 * Every word of the app, as the type checker knows it: what comes with the first load (`zh`) and the words that come
 * with their pages' code (web/src/lib/i18n.tsx, addPageWords). English comes whole, when first read.
 */
export type Words = Omit<typeof zh, 'exchanges' | 'publicPage' | 'reports'> & {
  exchanges: typeof exchangesZh & typeof exchangesPagesZh & typeof exchangesViewsZh;
  publicPage: typeof publicPageZh;
  reports: typeof reportsZh;
};
