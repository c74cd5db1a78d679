import { createRoute } from '@hono/zod-openapi';
import { idParam, listQuery } from '../../../shared/schemas/common';
import {
  applicationAnswer,
  applicationListQuery,
  applicationPage,
  applyInput,
  approveInput,
  createPostingInput,
  createProgrammeInput,
  exchangeOverview,
  honourList,
  honourQuery,
  honourSettings,
  honourSettingsInput,
  honourSettingsQuery,
  lessonLogInput,
  logAnswer,
  logInput,
  logParams,
  mentorInput,
  overviewQuery,
  placementAnswer,
  placementListQuery,
  placementPage,
  postingAnswer,
  postingListQuery,
  postingPage,
  programmeAnswer,
  programmePage,
  reasonRequiredInput,
  reviewInput,
  serviceListQuery,
  serviceRecordAnswer,
  serviceRecordInput,
  serviceRecordPage,
  serviceYearsAnswer,
  withdrawInput,
} from '../../../shared/schemas/exchanges';
import { commonErrors, errorAnswers, json, jsonBody, optionalJsonBody } from '../../lib/router';

const tags = ['exchanges'];
const fullOrState = errorAnswers({
  409: 'The posting is full (`posting_full`), or the application is in another state (`invalid_state`)',
});

export const listProgrammes = createRoute({
  method: 'get',
  path: '/exchanges/programmes',
  tags,
  summary: 'Exchange programmes of the groups and districts the caller belongs to, newest first',
  request: { query: listQuery },
  responses: { 200: json(programmePage), ...commonErrors },
});

export const createProgramme = createRoute({
  method: 'post',
  path: '/exchanges/programmes',
  tags,
  summary: 'A group or district leader sets up a school year’s programme (轮岗 / 支教 / 跟岗 / 带教) and its settings',
  request: { body: jsonBody(createProgrammeInput) },
  responses: { 201: json(programmeAnswer), ...commonErrors },
});

export const getProgramme = createRoute({
  method: 'get',
  path: '/exchanges/programmes/{id}',
  tags,
  summary: 'One programme',
  request: { params: idParam },
  responses: { 200: json(programmeAnswer), ...commonErrors },
});

export const listPostings = createRoute({
  method: 'get',
  path: '/exchanges/postings',
  tags,
  summary: 'Exchange openings, rural and supported schools first',
  request: { query: postingListQuery },
  responses: { 200: json(postingPage), ...commonErrors },
});

export const createPosting = createRoute({
  method: 'post',
  path: '/exchanges/postings',
  tags,
  summary: 'A receiving school (or the programme’s leaders for it) posts an opening',
  request: { body: jsonBody(createPostingInput) },
  responses: { 201: json(postingAnswer), ...commonErrors, ...fullOrState },
});

export const getPosting = createRoute({
  method: 'get',
  path: '/exchanges/postings/{id}',
  tags,
  summary: 'One posting, and for the caller whether they may apply (each rule that stops them)',
  request: { params: idParam },
  responses: { 200: json(postingAnswer), ...commonErrors },
});

export const apply = createRoute({
  method: 'post',
  path: '/exchanges/applications',
  tags,
  summary: 'Apply to a posting, or (home school admins) nominate one of the school’s teachers',
  description:
    'Answers 201 with the application and its approval steps. 400 `not_eligible` names each eligibility rule that ' +
    'failed in `details.rules` (`{rule, message, …figures}`); 409 `posting_full` when every place is taken.',
  request: { body: jsonBody(applyInput) },
  responses: { 201: json(applicationAnswer), ...commonErrors, ...fullOrState },
});

export const listApplications = createRoute({
  method: 'get',
  path: '/exchanges/applications',
  tags,
  summary: 'The caller’s applications, those waiting for the caller’s approval, or all they may read',
  request: { query: applicationListQuery },
  responses: { 200: json(applicationPage), ...commonErrors },
});

export const getApplication = createRoute({
  method: 'get',
  path: '/exchanges/applications/{id}',
  tags,
  summary: 'One application with its approvals',
  request: { params: idParam },
  responses: { 200: json(applicationAnswer), ...commonErrors },
});

export const approve = createRoute({
  method: 'post',
  path: '/exchanges/applications/{id}/approve',
  tags,
  summary: 'Approve a step (home school, host school, group); the last one places the teacher',
  request: { params: idParam, body: optionalJsonBody(approveInput) },
  responses: { 200: json(applicationAnswer), ...commonErrors, ...fullOrState },
});

export const consider = createRoute({
  method: 'post',
  path: '/exchanges/applications/{id}/consider',
  tags,
  summary: 'An approver takes the application up (under consideration)',
  request: { params: idParam },
  responses: { 200: json(applicationAnswer), ...commonErrors, ...fullOrState },
});

export const decline = createRoute({
  method: 'post',
  path: '/exchanges/applications/{id}/decline',
  tags,
  summary: 'An approver declines, with a reason the teacher reads',
  request: { params: idParam, body: jsonBody(reasonRequiredInput) },
  responses: { 200: json(applicationAnswer), ...commonErrors, ...fullOrState },
});

export const defer = createRoute({
  method: 'post',
  path: '/exchanges/applications/{id}/defer',
  tags,
  summary: 'An approver defers, with a reason only the approvers and the teacher read',
  request: { params: idParam, body: jsonBody(reasonRequiredInput) },
  responses: { 200: json(applicationAnswer), ...commonErrors, ...fullOrState },
});

export const withdraw = createRoute({
  method: 'post',
  path: '/exchanges/applications/{id}/withdraw',
  tags,
  summary: 'The teacher (or who nominated them) withdraws the application',
  request: { params: idParam, body: optionalJsonBody(withdrawInput) },
  responses: { 200: json(applicationAnswer), ...commonErrors, ...fullOrState },
});

// ---- in post ----

export const listPlacements = createRoute({
  method: 'get',
  path: '/exchanges/placements',
  tags,
  summary: 'Placements: the caller’s own, those at schools the caller runs (or mentors at), or all they may read',
  request: { query: placementListQuery },
  responses: { 200: json(placementPage), ...commonErrors },
});

export const getPlacement = createRoute({
  method: 'get',
  path: '/exchanges/placements/{id}',
  tags,
  summary: 'One placement with its log, reviews, and the live lessons that can be logged from the platform’s records',
  request: { params: idParam },
  responses: { 200: json(placementAnswer), ...commonErrors },
});

export const addLog = createRoute({
  method: 'post',
  path: '/exchanges/placements/{id}/logs',
  tags,
  summary: 'The teacher in post logs a day: its hours and what they did',
  request: { params: idParam, body: jsonBody(logInput) },
  responses: { 201: json(logAnswer), ...commonErrors, ...fullOrState },
});

export const addLessonLog = createRoute({
  method: 'post',
  path: '/exchanges/placements/{id}/logs/from-lesson',
  tags,
  summary: 'The teacher in post logs a live lesson they gave to rural classrooms, from the lesson’s own record',
  request: { params: idParam, body: jsonBody(lessonLogInput) },
  responses: { 201: json(logAnswer), ...commonErrors, ...fullOrState },
});

export const confirmLog = createRoute({
  method: 'post',
  path: '/exchanges/placements/{id}/logs/{logId}/confirm',
  tags,
  summary: 'The host school (its admins or the mentor) confirms a log entry',
  request: { params: logParams },
  responses: { 200: json(placementAnswer), ...commonErrors },
});

export const review = createRoute({
  method: 'post',
  path: '/exchanges/placements/{id}/reviews',
  tags,
  summary: 'The host school’s mid-term or final review; the final one completes the placement',
  request: { params: idParam, body: jsonBody(reviewInput) },
  responses: { 201: json(placementAnswer), ...commonErrors, ...fullOrState },
});

export const mentor = createRoute({
  method: 'post',
  path: '/exchanges/placements/{id}/mentor',
  tags,
  summary: 'The host school names a mentor among its teachers',
  request: { params: idParam, body: jsonBody(mentorInput) },
  responses: { 200: json(placementAnswer), ...commonErrors },
});

// ---- rural-service years and honours ----

export const listService = createRoute({
  method: 'get',
  path: '/exchanges/rural-service',
  tags,
  summary: 'Rural-service records the caller may read (their own, those they recorded, their schools’)',
  request: { query: serviceListQuery },
  responses: { 200: json(serviceRecordPage), ...commonErrors },
});

export const recordService = createRoute({
  method: 'post',
  path: '/exchanges/rural-service',
  tags,
  summary: 'A school admin records years at a rural school, with a document in the library as evidence',
  request: { body: jsonBody(serviceRecordInput) },
  responses: { 201: json(serviceRecordAnswer), ...commonErrors },
});

const serviceDecision = (decision: 'approve' | 'reject') =>
  createRoute({
    method: 'post',
    path: `/exchanges/rural-service/{id}/${decision}`,
    tags,
    summary: `Another admin of the school, its group or district ${decision}s a record (never who recorded it)`,
    request: { params: idParam },
    responses: { 200: json(serviceRecordAnswer), ...commonErrors, ...fullOrState },
  });
export const approveService = serviceDecision('approve');
export const rejectService = serviceDecision('reject');

export const serviceYears = createRoute({
  method: 'get',
  path: '/exchanges/rural-service/years/{id}',
  tags,
  summary: 'A person’s years at rural schools and when each honour of their school’s group or district is reached',
  request: { params: idParam },
  responses: { 200: json(serviceYearsAnswer), ...commonErrors },
});

export const honours = createRoute({
  method: 'get',
  path: '/exchanges/honours',
  tags,
  summary: 'Who reaches an honour’s years at rural schools this year and next, by school and name (never ranked)',
  request: { query: honourQuery },
  responses: { 200: json(honourList), ...commonErrors },
});

export const getHonourSettings = createRoute({
  method: 'get',
  path: '/exchanges/honour-settings',
  tags,
  summary: 'The honour thresholds in effect for an organisation (its own, its group’s or district’s, or the published)',
  request: { query: honourSettingsQuery },
  responses: { 200: json(honourSettings), ...commonErrors },
});

export const setHonourSettings = createRoute({
  method: 'put',
  path: '/exchanges/honour-settings',
  tags,
  summary: 'A group or district sets the years of its county, provincial and national honours (null: not given)',
  request: { body: jsonBody(honourSettingsInput) },
  responses: { 200: json(honourSettings), ...commonErrors },
});

export const clearHonourSettings = createRoute({
  method: 'delete',
  path: '/exchanges/honour-settings',
  tags,
  summary: 'A group or district goes back to the published thresholds (10 / 20 / 30 years)',
  request: { query: honourSettingsQuery },
  responses: { 200: json(honourSettings), ...commonErrors },
});

export const overview = createRoute({
  method: 'get',
  path: '/exchanges/overview',
  tags,
  summary:
    'The group’s (or district’s, or a school’s) exchanges: per school by name against last year, quotas, who is next',
  description: 'For anyone within the organisation. Schools come in a fixed order (by name); nothing is ranked.',
  request: { query: overviewQuery },
  responses: { 200: json(exchangeOverview), ...commonErrors },
});
