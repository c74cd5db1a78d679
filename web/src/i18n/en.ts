import { approvalsEn } from './en/approvals';
import { auditEn } from './en/audit';
import { inviteEn, loginEn } from './en/auth';
import { exchangesEn } from './en/exchanges';
import { exchangesViewsEn } from './en/exchanges-views';
import { facilitiesEn } from './en/facilities';
import { homeEn } from './en/home';
import { lessonsEn } from './en/lessons';
import { libraryEn } from './en/library';
import { notificationsEn } from './en/notifications';
import { orgsEn } from './en/orgs';
import { problemsEn } from './en/problems';
import { publicPageEn } from './en/public-page';
import { reportsEn } from './en/reports';
import { settingsEn } from './en/settings';
import type { Shape } from './shape';
import type { Words } from './zh';

export const en: Shape<Words> = {
  facilities: facilitiesEn,
  library: libraryEn,
  lessons: lessonsEn,
  exchanges: {
    ...exchangesEn,
    ...exchangesViewsEn,
  },
  publicPage: publicPageEn,
  approvals: approvalsEn,
  notifications: notificationsEn,
  reports: reportsEn,
  home: homeEn,
  orgs: orgsEn,
  problems: problemsEn,
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
    exchanges: 'Exchanges',
    reports: 'Reports',
    facilities: 'Facilities',
    library: 'Library',
    bookings: 'Bookings',
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
    checkInput: 'Something you entered is not right; check it and try again. What you typed is still here.',
    fixThese: '{{ count }} things need a change:',
    andMore: 'and {{ count }} more',
    already_exists: 'Already exists: {{ message }}',
    gone: 'This link has expired or was used already. Ask your school admin to invite you again.',
    csrf_rejected: 'The request was refused. Reload the page and try again.',
    internal_error: 'The server had a problem. Please try again later.',
    invalid_json: 'The request was malformed. Reload the page and try again.',
    bad_request: 'The request was not right. Reload the page and try again.',
    invalid_signature: 'The signature is not right; the request was refused.',
    method_not_allowed: 'This action is not supported.',
    conflict: 'This clashes with something already there. Reload and try again.',
    invalid_state: 'This cannot be done in its present state; someone may just have changed it. Reload to see.',
    posting_full: 'Every place of this posting is taken.',
    not_eligible: 'You cannot apply to this posting; the reasons are listed below.',
    booking_conflict: 'This time is already taken; choose another.',
    payload_too_large: 'The file or content is too large.',
    unsupported_type: 'This kind of file is not accepted.',
    range_not_satisfiable: 'That part of the file cannot be read; download it again.',
    import_failed: 'The file has problems and nobody was imported; fix them as shown and import again.',
    livekit_unavailable: 'The live lesson service cannot be reached right now; try again shortly.',
    database_unavailable:
      'The data service is unavailable for a moment; try again in a few seconds. What you typed is still here.',
    service_unavailable: 'The service is unavailable right now; try again shortly.',
    pageNotFound: 'No such page',
    pageNotFoundHint: 'The link may be wrong. Go back to the home page.',
  },
};
