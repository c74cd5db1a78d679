import { createRoute } from '@hono/zod-openapi';
import {
  blockAnswer,
  blockInput,
  bookingAnswer,
  bookingDefaults,
  bookingDefaultsQuery,
  bookingListQuery,
  bookingPage,
  bulkDecisionAnswer,
  bulkDecisionInput,
  createBookingAnswer,
  createBookingInput,
  reasonInput,
} from '../../../shared/schemas/bookings';
import { idParam } from '../../../shared/schemas/common';
import { commonErrors, errorAnswers, json, jsonBody, optionalJsonBody } from '../../lib/router';
import type { BookingAction } from './bookings.rules';

const clashOrState = errorAnswers({
  409: 'Clash (`booking_conflict`, with details.conflicts) or wrong state (`invalid_state`)',
});

export const create = createRoute({
  method: 'post',
  path: '/bookings',
  tags: ['bookings'],
  summary: 'Book a facility, once or weekly',
  description:
    'Answers 201 with the first booking (and all of a series under `bookings`). `status` is `approved` or ' +
    '`pending` (waiting for the owner school). 409 `booking_conflict` lists in `details.conflicts` what it ' +
    'clashes with and suggests free slots in `details.suggestions`.',
  request: { body: jsonBody(createBookingInput) },
  responses: { 201: json(createBookingAnswer), ...commonErrors, ...clashOrState },
});

export const list = createRoute({
  method: 'get',
  path: '/bookings',
  tags: ['bookings'],
  summary: "The caller's bookings, those waiting for the caller's approval, or a facility's",
  request: { query: bookingListQuery },
  responses: { 200: json(bookingPage), ...commonErrors },
});

export const defaults = createRoute({
  method: 'get',
  path: '/bookings/defaults',
  tags: ['bookings'],
  summary: 'What to pre-fill in a new booking of a facility: the purpose of the last one of it, or of its kind',
  request: { query: bookingDefaultsQuery },
  responses: { 200: json(bookingDefaults), ...commonErrors },
});

export const get = createRoute({
  method: 'get',
  path: '/bookings/{id}',
  tags: ['bookings'],
  summary: 'One booking',
  request: { params: idParam },
  responses: { 200: json(bookingAnswer), ...commonErrors },
});

const decision = <A extends BookingAction>(action: A, summary: string) =>
  createRoute({
    method: 'post',
    path: `/bookings/{id}/${action}`,
    tags: ['bookings'],
    summary,
    request: { params: idParam, body: optionalJsonBody(reasonInput) },
    responses: { 200: json(bookingAnswer), ...commonErrors, ...clashOrState },
  });

export const approve = decision('approve', 'Approve a pending booking (the facility’s managers)');
export const decline = decision('decline', 'Decline a pending booking, with a reason');
export const cancel = decision(
  'cancel',
  'Cancel a pending or approved booking (the booker or the managers), with a reason',
);

export const bulk = createRoute({
  method: 'post',
  path: '/bookings/bulk',
  tags: ['bookings'],
  summary: 'Approve or decline several bookings; each answers for itself',
  request: { body: jsonBody(bulkDecisionInput) },
  responses: { 200: json(bulkDecisionAnswer), ...commonErrors },
});

export const block = createRoute({
  method: 'post',
  path: '/facilities/{id}/blocks',
  tags: ['bookings'],
  summary: 'Block time out (maintenance, exams): clashing pending bookings are declined with a notice',
  request: { params: idParam, body: jsonBody(blockInput) },
  responses: { 201: json(blockAnswer), ...commonErrors, ...clashOrState },
});
