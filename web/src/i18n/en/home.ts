// The home page: what each person has to do today, by role.
import type { Shape } from '../shape';
import type { homeZh } from '../zh/home';

export const homeEn: Shape<typeof homeZh> = {
  greeting: 'Hello, {{ name }}',
  today: 'Today is {{ date }}',
  yourOrgs: 'Where you work',
  todo: 'To do today',
  nothingToday: 'Nothing waits for you today.',
  nextStepTeacher: 'New bookings, lessons and approvals will show here.',
  classroomTitle: '{{ classroom }} · {{ school }}',
  classroomHint: 'Today’s live lessons appear here; you can join 15 minutes before the start.',
  noLessonsToday: 'No live lessons today',
  adminPanel: 'Manage',
  manageOrg: 'Manage {{ org }}',
  pendingInvites: '{{ count }} member(s) have not accepted their invitation yet',
  schoolsInGroup: '{{ count }} schools in the group: {{ rural }} rural, {{ supported }} supported',
  importTeachers: 'Import teachers',
  inviteTeacher: 'Invite a teacher',
  auditLog: 'See the activity log',
  noMembership: 'You are not a member of any school yet. Ask your school admin to invite you.',
  myBookings: 'My bookings',
  bookFacility: 'Book a facility',
  allBookings: 'See all my bookings',
  moreBookings: '{{ count }} more: see all',
  noUpcoming: 'No bookings coming up',
  noUpcomingHint: 'Choose “Book a facility” to pick a place and a free time.',
  pendingApprovals: '{{ count }} booking(s) waiting for approval',
};
