import { createRoute } from '@hono/zod-openapi';
import { idParam } from '../../../shared/schemas/common';
import {
  availability,
  availabilityQuery,
  facilityAnswer,
  facilityInput,
  facilityListQuery,
  facilityPage,
  groupAvailabilityPage,
  groupAvailabilityQuery,
  updateFacilityInput,
} from '../../../shared/schemas/facilities';
import { commonErrors, errorAnswers, json, jsonBody } from '../../lib/router';

const sameName = errorAnswers({ 409: 'The school already has a facility of this name (`already_exists`)' });

export const list = createRoute({
  method: 'get',
  path: '/facilities',
  tags: ['facilities'],
  summary: 'Facilities the caller may book or manages',
  request: { query: facilityListQuery },
  responses: { 200: json(facilityPage), ...commonErrors },
});

export const groupAvailability = createRoute({
  method: 'get',
  path: '/facility-availability',
  tags: ['facilities'],
  summary: 'Busy times of every facility the caller may book, in [from, to), with the same filters as the list',
  request: { query: groupAvailabilityQuery },
  responses: { 200: json(groupAvailabilityPage), ...commonErrors },
});

export const create = createRoute({
  method: 'post',
  path: '/facilities',
  tags: ['facilities'],
  summary: 'A school admin lists a facility of the school',
  request: { body: jsonBody(facilityInput) },
  responses: { 201: json(facilityAnswer), ...commonErrors, ...sameName },
});

export const get = createRoute({
  method: 'get',
  path: '/facilities/{id}',
  tags: ['facilities'],
  summary: 'One facility',
  request: { params: idParam },
  responses: { 200: json(facilityAnswer), ...commonErrors },
});

export const update = createRoute({
  method: 'patch',
  path: '/facilities/{id}',
  tags: ['facilities'],
  summary: 'Edit a facility (its managers)',
  request: { params: idParam, body: jsonBody(updateFacilityInput) },
  responses: { 200: json(facilityAnswer), ...commonErrors, ...sameName },
});

export const retire = createRoute({
  method: 'post',
  path: '/facilities/{id}/retire',
  tags: ['facilities'],
  summary: 'Retire a facility: no new bookings, existing ones kept',
  request: { params: idParam },
  responses: { 200: json(facilityAnswer), ...commonErrors },
});

export const availabilityOf = createRoute({
  method: 'get',
  path: '/facilities/{id}/availability',
  tags: ['facilities'],
  summary: 'Busy and open times of a facility in [from, to)',
  request: { params: idParam, query: availabilityQuery },
  responses: { 200: json(availability), ...commonErrors },
});
