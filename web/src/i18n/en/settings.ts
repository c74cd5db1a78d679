// A person's own settings: name, language, password and API tokens.
import type { Shape } from '../shape';
import type { settingsZh } from '../zh/settings';

export const settingsEn: Shape<typeof settingsZh> = {
  title: 'Settings',
  profile: 'Profile',
  name: 'Name',
  language: 'Language',
  password: 'Change password',
  currentPassword: 'Current password',
  newPassword: 'New password (10 characters or more)',
  changePassword: 'Change password',
  passwordChanged: 'Password changed; other devices were signed out.',
  tokens: 'API tokens',
  tokensHelp:
    'For scripts and other systems calling the API. A token is shown only once; send it with every request in the header',
  tokenPlaceholder: 'Timetable sync',
  tokenName: 'What it is for',
  createToken: 'Create token',
  tokenCreated: 'Copy it now; it will not be shown again:',
  noTokens: 'No API tokens yet.',
  revoke: 'Revoke',
  lastUsed: 'Last used',
  never: 'never',
  expires: 'Expires',
  noExpiry: 'Does not expire',
};
