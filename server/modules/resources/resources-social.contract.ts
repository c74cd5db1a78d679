// Using the library together: favourites, comments from colleagues, and collections a teacher gathers for
// a unit and shares. A collection shows only the resources each viewer may see.
import { createRoute } from '@hono/zod-openapi';
import { idParam } from '../../../shared/schemas/common';
import {
  collectionAnswer,
  collectionItemInput,
  collectionItemParam,
  collectionListQuery,
  collectionPage,
  commentAnswer,
  commentInput,
  commentPage,
  createCollectionInput,
  resourcePage,
} from '../../../shared/schemas/resources';
import { commonErrors, json, jsonBody, noContent } from '../../lib/router';

export const favourite = createRoute({
  method: 'put',
  path: '/resources/{id}/favourite',
  tags: ['resources'],
  summary: 'Keep a resource among one’s favourites',
  request: { params: idParam },
  responses: { 204: noContent, ...commonErrors },
});

export const unfavourite = createRoute({
  method: 'delete',
  path: '/resources/{id}/favourite',
  tags: ['resources'],
  summary: 'Remove a favourite',
  request: { params: idParam },
  responses: { 204: noContent, ...commonErrors },
});

export const favourites = createRoute({
  method: 'get',
  path: '/favourites',
  tags: ['resources'],
  summary: 'One’s favourite resources, newest first',
  responses: { 200: json(resourcePage), ...commonErrors },
});

export const comments = createRoute({
  method: 'get',
  path: '/resources/{id}/comments',
  tags: ['resources'],
  summary: 'Colleagues’ comments on a resource, oldest first',
  request: { params: idParam },
  responses: { 200: json(commentPage), ...commonErrors },
});

export const comment = createRoute({
  method: 'post',
  path: '/resources/{id}/comments',
  tags: ['resources'],
  summary: 'Comment on a resource',
  request: { params: idParam, body: jsonBody(commentInput) },
  responses: { 201: json(commentAnswer), ...commonErrors },
});

export const createCollection = createRoute({
  method: 'post',
  path: '/collections',
  tags: ['resources'],
  summary: 'Start a collection of resources',
  request: { body: jsonBody(createCollectionInput) },
  responses: { 201: json(collectionAnswer), ...commonErrors },
});

export const collections = createRoute({
  method: 'get',
  path: '/collections',
  tags: ['resources'],
  summary: 'Collections one made, or that are shared with one',
  request: { query: collectionListQuery },
  responses: { 200: json(collectionPage), ...commonErrors },
});

export const collection = createRoute({
  method: 'get',
  path: '/collections/{id}',
  tags: ['resources'],
  summary: 'A collection with the resources the caller may see',
  request: { params: idParam },
  responses: { 200: json(collectionAnswer), ...commonErrors },
});

export const addItem = createRoute({
  method: 'post',
  path: '/collections/{id}/items',
  tags: ['resources'],
  summary: 'Add a resource to one’s collection',
  request: { params: idParam, body: jsonBody(collectionItemInput) },
  responses: { 200: json(collectionAnswer), ...commonErrors },
});

export const removeItem = createRoute({
  method: 'delete',
  path: '/collections/{id}/items/{resourceId}',
  tags: ['resources'],
  summary: 'Take a resource out of one’s collection',
  request: { params: collectionItemParam },
  responses: { 204: noContent, ...commonErrors },
});
