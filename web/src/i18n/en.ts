import { approvalsEn } from './en/approvals';
import { auditEn } from './en/audit';
import { inviteEn, loginEn } from './en/auth';
import { facilitiesEn } from './en/facilities';
import { homeEn } from './en/home';
import { lessonsEn } from './en/lessons';
import { libraryEn } from './en/library';
import { notificationsEn } from './en/notifications';
import { orgsEn } from './en/orgs';
import { reportsEn } from './en/reports';
import { settingsEn } from './en/settings';
import type { Shape } from './shape';
import type { zh } from './zh';

export const en: Shape<typeof zh> = {
  facilities: facilitiesEn,
  library: libraryEn,
  lessons: lessonsEn,
  approvals: approvalsEn,
  notifications: notificationsEn,
  reports: reportsEn,
  home: homeEn,
  orgs: orgsEn,
  audit: auditEn,
  settings: settingsEn,
  login: loginEn,
  invite: inviteEn,
  app: {
    name: 'Tongzhou',
    tagline: 'School groups · shared resources · dual-teacher classrooms',
    skip: 'Skip to main content',
  },
  lang: {
    switchTo: '中文',
    label: 'Change language',
  },
  nav: {
    home: 'Home',
    lessons: 'Live lessons',
    reports: 'Reports',
    facilities: 'Facilities',
    library: 'Library',
    bookings: 'My bookings',
    approvals: 'Approvals',
    notifications: 'Notifications',
    orgs: 'Organisations',
    audit: 'Activity log',
    settings: 'Settings',
    signOut: 'Sign out',
    menu: 'Menu',
    account: '(settings, sign out)',
  },
  roles: {
    group_admin: 'Group leader',
    district_admin: 'District admin',
    school_admin: 'School admin',
    teacher: 'Teacher',
    assistant: 'Assistant teacher',
    master_teacher: 'Master teacher',
  },
  orgKinds: {
    group: 'Education group',
    district: 'School district',
    school: 'School',
  },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    edit: 'Edit',
    add: 'Add',
    loading: 'Loading…',
    retry: 'Try again',
    close: 'Close',
    yes: 'Yes',
    no: 'No',
    saved: 'Saved',
    required: 'required',
    optional: 'optional',
    copy: 'Copy',
    copied: 'Copied',
    remove: 'Remove',
    confirmRemove: 'Remove for sure?',
    rural: 'Rural school',
    supported: 'Supported school',
    lead: 'Lead school',
    none: 'None',
    back: 'Back',
    chooseFile: 'Choose a file',
    colon: ': ',
    separator: ', ',
    noFileChosen: 'No file chosen',
  },
  errors: {
    network: 'Cannot reach the server. Check the network and try again; what you typed is still here.',
    generic: 'Something went wrong: {{ message }}',
    unauthenticated: 'Please sign in first.',
    forbidden: 'You are not allowed to do this.',
    not_found: 'Not found, or not visible to you.',
    invalid_credentials: 'The email or password is not right.',
    too_many_requests: 'Too many attempts. Try again in {{ minutes }} min.',
    validation_failed: 'Some fields need a change: see the ones marked in red.',
    already_exists: 'Already exists: {{ message }}',
    gone: 'This link has expired or was used already. Ask your school admin to invite you again.',
    csrf_rejected: 'The request was refused. Reload the page and try again.',
    internal_error: 'The server had a problem. Please try again later.',
    pageNotFound: 'No such page',
    pageNotFoundHint: 'The link may be wrong. Go back to the home page.',
  },
};
