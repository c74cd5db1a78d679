// Signing in, and accepting an invitation.

export const loginZh = {
  title: '登录同舟',
  email: '邮箱',
  password: '密码',
  submit: '登录',
  submitting: '正在登录…',
  demoHint: '体验账号的密码都是',
  forgot: '忘记密码请联系本校管理员重置。',
};

export const inviteZh = {
  title: '欢迎加入同舟',
  intro: '{{ name }}，您被邀请以「{{ role }}」身份加入 {{ org }}。',
  passwordHelp: '第一次使用同舟，请在这里设置密码；已有同舟账号的，请输入该账号的密码。',
  password: '密码（至少 10 位）',
  name: '姓名',
  submit: '接受邀请并进入',
  expires: '链接有效期至 {{ date }}',
};
