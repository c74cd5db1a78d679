import type { zh } from './zh';
import { approvalsEn } from './en/approvals';
import { facilitiesEn } from './en/facilities';
import { lessonsEn } from './en/lessons';
import { libraryEn } from './en/library';
import { notificationsEn } from './en/notifications';
import { reportsEn } from './en/reports';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : T[K] extends Record<string, string> ? Record<string, string> : Shape<T[K]> };

export const en: Shape<typeof zh> = {
  facilities: facilitiesEn,
  library: libraryEn,
  lessons: lessonsEn,
  approvals: approvalsEn,
  notifications: notificationsEn,
  reports: reportsEn,
  app: { name: 'Tongzhou', tagline: 'School groups · shared resources · dual-teacher classrooms', skip: 'Skip to main content' },
  lang: { switchTo: '中文', label: 'Change language' },
  nav: { home: 'Home', lessons: 'Live lessons', reports: 'Sharing report', facilities: 'Book a facility', library: 'Library', bookings: 'My bookings', approvals: 'Approvals', notifications: 'Notifications', orgs: 'Organisations', audit: 'Activity log', settings: 'Settings', signOut: 'Sign out', menu: 'Menu' },
  roles: { group_admin: 'Group leader', district_admin: 'District admin', school_admin: 'School admin', teacher: 'Teacher', assistant: 'Assistant teacher', master_teacher: 'Master teacher' },
  orgKinds: { group: 'Education group', district: 'School district', school: 'School' },
  common: {
    save: 'Save', cancel: 'Cancel', edit: 'Edit', add: 'Add', loading: 'Loading…', retry: 'Try again', close: 'Close', yes: 'Yes', no: 'No',
    saved: 'Saved', required: 'required', optional: 'optional', copy: 'Copy', copied: 'Copied', remove: 'Remove', confirmRemove: 'Remove for sure?',
    rural: 'Rural school', supported: 'Supported school', lead: 'Lead school', none: 'None', back: 'Back',
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
  login: {
    title: 'Sign in to Tongzhou', email: 'Email', password: 'Password', submit: 'Sign in', submitting: 'Signing in…',
    demoHint: 'Every demo account’s password is tongzhou-demo', forgot: 'Forgot your password? Ask your school admin to reset it.',
  },
  invite: {
    title: 'Welcome to Tongzhou', intro: '{{ name }}, you are invited to join {{ org }} as {{ role }}. Set a password to start.',
    password: 'Choose a password (10 characters or more)', name: 'Name', submit: 'Set password and continue', expires: 'The link works until {{ date }}',
  },
  home: {
    greeting: 'Hello, {{ name }}', today: 'Today is {{ date }}',
    yourOrgs: 'Where you work', todo: 'To do today', nothingToday: 'Nothing waits for you today.',
    nextStepTeacher: 'New bookings, lessons and approvals will show here.',
    classroomTitle: '{{ classroom }} · {{ school }}', classroomHint: 'Today’s live lessons appear here; you can join 15 minutes before the start.',
    noLessonsToday: 'No live lessons today',
    adminPanel: 'Manage', manageOrg: 'Manage {{ org }}', pendingInvites: '{{ count }} member(s) have not accepted their invitation yet',
    schoolsInGroup: '{{ count }} schools in the group: {{ rural }} rural, {{ supported }} supported',
    importTeachers: 'Import teachers', inviteTeacher: 'Invite a teacher', auditLog: 'See the activity log',
    noMembership: 'You are not a member of any school yet. Ask your school admin to invite you.',
    myBookings: 'My bookings', bookFacility: 'Book a facility', allBookings: 'See all my bookings', moreBookings: '{{ count }} more: see all',
    noUpcoming: 'No bookings coming up', noUpcomingHint: 'Choose “Book a facility” to pick a place and a free time.',
    pendingApprovals: '{{ count }} booking(s) waiting for approval',
  },
  orgs: {
    title: 'Organisations', schools: 'Member schools', classrooms: 'Classrooms', members: 'Members', code: 'School code', address: 'Address',
    district: 'District', group: 'Group', editDetails: 'Edit school details', name: 'Name', grade: 'Grade', assistants: 'Assistant teachers', assistantsList: 'Assistant teachers: {{ names }}',
    addClassroom: 'Add classroom', noClassrooms: 'No classrooms yet. Add one so a rural classroom can join live lessons.', noSchools: 'This {{ kind }} has no schools yet.',
    noMembers: 'No members yet. Invite teachers or import them.', pending: 'Invitation pending', active: 'Active', role: 'Role', email: 'Email',
    invite: 'Invite', inviteTitle: 'Invite someone to {{ org }}', masterTeacher: 'Master teacher (may run live lessons)', classroom: 'Classroom they operate',
    inviteSent: 'Invitation created. Send this link to {{ name }}; they set a password and can sign in:', alreadyHasAccount: '{{ name }} already has an account and was added.',
    import: 'Import', importTitle: 'Import teachers from a CSV file', importHelp: 'The first line names the columns: name,email,role,school_code. Role is teacher, assistant or school_admin. Nothing is imported unless every row is right.',
    importFile: 'Choose a CSV file', importSubmit: 'Import', importDone: 'Imported {{ count }} people. Send each their invitation link:',
    importErrors: '{{ count }} problem(s) found; nobody was imported:', line: 'Line {{ line }}',
    flags: 'Kind of school', gradeN: 'Grade {{ grade }}', changeRole: 'Change role', makeMaster: 'Make master teacher', unmakeMaster: 'No longer master teacher',
    removeMember: 'Remove', reviewer: 'Resource reviewer', makeReviewer: 'Name as resource reviewer', unmakeReviewer: 'No longer reviewer',
  },
  audit: {
    title: 'Activity log', intro: 'Every change leaves a record: who, when, and what changed.', when: 'When', who: 'Who', what: 'What', detail: 'Change',
    empty: 'Nothing recorded yet.', more: 'Load more', system: 'System', org: 'Organisation', allOrgs: 'All organisations',
    actions: {
      'org.update': 'Edited organisation', 'classroom.create': 'Added classroom', 'classroom.update': 'Edited classroom', 'membership.create': 'Added member',
      'membership.update': 'Changed member', 'membership.delete': 'Removed member', 'invitation.accept': 'Accepted invitation', 'user.update': 'Edited own profile',
      'user.password_change': 'Changed password', 'token.create': 'Created API token', 'token.revoke': 'Revoked API token',
    },
  },
  settings: {
    title: 'Settings', profile: 'Profile', name: 'Name', language: 'Language', password: 'Change password', currentPassword: 'Current password',
    newPassword: 'New password (10 characters or more)', changePassword: 'Change password', passwordChanged: 'Password changed; other devices were signed out.',
    tokens: 'API tokens', tokensHelp: 'For scripts and other systems calling the API (Authorization: Bearer …). A token is shown only once.',
    tokenName: 'What it is for', createToken: 'Create token', tokenCreated: 'Copy it now; it will not be shown again:', noTokens: 'No API tokens yet.',
    revoke: 'Revoke', lastUsed: 'Last used', never: 'never', expires: 'Expires', noExpiry: 'Does not expire',
  },
};
