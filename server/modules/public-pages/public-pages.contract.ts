// A school's public page (信息公开, seed clause 13): the page itself, HTML for anyone at /s/{schoolCode} (Chinese)
// and /s/{schoolCode}/en (English), and the API its admins edit it with.
import { createRoute, z } from '@hono/zod-openapi';
import { idParam } from '../../../shared/schemas/common';
import { publicPageAnswer, publicPageParams, updatePublicPageInput } from '../../../shared/schemas/public-pages';
import { commonErrors, json, jsonBody } from '../../lib/router';

export const get = createRoute({
  method: 'get',
  path: '/orgs/{id}/public-page',
  tags: ['public-pages'],
  summary: "A school's public page as its admins edit it: each section, its date and whether an update is overdue",
  request: { params: idParam },
  responses: { 200: json(publicPageAnswer), ...commonErrors },
});

export const update = createRoute({
  method: 'patch',
  path: '/orgs/{id}/public-page',
  tags: ['public-pages'],
  summary: 'Publish sections of the public page (dated today, even unchanged), or set its review period',
  request: { params: idParam, body: jsonBody(updatePublicPageInput) },
  responses: { 200: json(publicPageAnswer), ...commonErrors },
});

const page = { 'text/html': { schema: z.string() } };
const pageAnswers = {
  200: { description: 'The page (HTML), with a weak ETag; gzip when accepted', content: page },
  301: { description: 'The code written in another case: the page’s own address is in Location' },
  304: { description: 'Not modified: the ETag in If-None-Match is current' },
  404: { description: 'No school has this code (a plain HTML page)', content: page },
};

export const site = createRoute({
  method: 'get',
  path: '/s/{schoolCode}',
  tags: ['public-pages'],
  summary: "A school's public page in Chinese (no sign-in)",
  request: { params: publicPageParams },
  responses: pageAnswers,
});

export const siteEn = createRoute({
  method: 'get',
  path: '/s/{schoolCode}/en',
  tags: ['public-pages'],
  summary: "A school's public page in English (no sign-in)",
  request: { params: publicPageParams },
  responses: pageAnswers,
});
