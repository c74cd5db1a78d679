// Signing in, and accepting an invitation.
import type { Shape } from '../shape';
import type { inviteZh, loginZh } from '../zh/auth';

export const loginEn: Shape<typeof loginZh> = {
  title: 'Sign in to Tongzhou',
  email: 'Email',
  password: 'Password',
  submit: 'Sign in',
  submitting: 'Signing in…',
  demoHint: 'Every demo account’s password is',
  forgot: 'Forgot your password? Ask your school admin to reset it.',
};

export const inviteEn: Shape<typeof inviteZh> = {
  title: 'Welcome to Tongzhou',
  intro: '{{ name }}, you are invited to join {{ org }} as {{ role }}.',
  passwordHelp: 'New to Tongzhou? Choose a password here. Already have a Tongzhou account? Enter its password.',
  password: 'Password (10 characters or more)',
  name: 'Name',
  submit: 'Accept and continue',
  expires: 'The link works until {{ date }}',
};
