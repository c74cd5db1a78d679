// A person's own settings: name, language, password and API tokens.

export const settingsZh = {
  title: '个人设置',
  profile: '个人信息',
  name: '姓名',
  language: '界面语言',
  password: '修改密码',
  currentPassword: '当前密码',
  newPassword: '新密码（至少 10 位）',
  changePassword: '修改密码',
  passwordChanged: '密码已修改，其他设备已退出登录。',
  tokens: '接口令牌',
  tokensHelp: '供脚本和其他系统调用接口（Authorization: Bearer …）。令牌只显示一次。',
  tokenName: '用途',
  createToken: '创建令牌',
  tokenCreated: '请立即复制保存，离开本页后不再显示：',
  noTokens: '还没有接口令牌。',
  revoke: '吊销',
  lastUsed: '最近使用',
  never: '从未',
  expires: '到期',
  noExpiry: '长期有效',
};
