import type { Context } from 'hono';
import type { SignedInEnv } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import type * as contract from './resources.contract';
import {
  fileToServe,
  getManagedResource,
  getReviewableResource,
  getVisibleResource,
  resourceOut,
  versionOut,
  versionsOf,
} from './resources.queries';
import { countsAsUse, fileHeaders, requestedRange } from './resources.rules';
import { addVersion, recordUse, reviewResource, shareResource } from './resources.service';
import { resourceTree, searchResources } from './resources-search.queries';
import { ACCEPTED_LABELS, uploadRequestOf } from './upload';

const DEFAULT_MAX_UPLOAD_BYTES = 500 * 1024 * 1024;

/** Where files live and how large an upload may be; a server without storage answers 503. */
function storageOf(c: Context<SignedInEnv>) {
  const { storage, config } = c.get('deps');
  if (!storage) throw new AppError('service_unavailable', 'File storage is not configured on this server');
  return { storage, maxBytes: config.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES };
}

export const create: SignedInHandler<typeof contract.create> = async (c) => {
  const upload = { request: uploadRequestOf(c), ...storageOf(c) };
  const resource = await shareResource(dbOf(c), c.get('actor'), { upload }, requestMeta(c));
  return c.json({ resource }, 201);
};

export const search: SignedInHandler<typeof contract.search> = async (c) => {
  return c.json(await searchResources(dbOf(c), c.get('actor'), c.req.valid('query')), 200);
};

export const limits: SignedInHandler<typeof contract.limits> = (c) => {
  const { storage, config } = c.get('deps');
  const maxUploadBytes = storage ? (config.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES) : 0;
  return c.json({ maxUploadBytes, accepted: Object.values(ACCEPTED_LABELS) }, 200);
};

export const tree: SignedInHandler<typeof contract.tree> = async (c) => {
  return c.json(await resourceTree(dbOf(c), c.get('actor'), c.req.valid('query').subject), 200);
};

export const get: SignedInHandler<typeof contract.get> = async (c) => {
  const actor = c.get('actor');
  const row = await getVisibleResource(dbOf(c), actor, c.req.valid('param').id);
  const versions = await versionsOf(dbOf(c), row);
  return c.json({ resource: resourceOut(row, actor, versions[0]), versions: versions.map(versionOut) }, 200);
};

export const newVersion: SignedInHandler<typeof contract.newVersion> = async (c) => {
  const actor = c.get('actor');
  const upload = { request: uploadRequestOf(c), ...storageOf(c) };
  const refusal = 'Only the author or the school’s admins add versions';
  const row = await getManagedResource(dbOf(c), actor, c.req.valid('param').id, refusal);
  const resource = await addVersion(dbOf(c), actor, { resource: row, upload }, requestMeta(c));
  return c.json({ resource }, 201);
};

export const review: SignedInHandler<typeof contract.review> = async (c) => {
  const actor = c.get('actor');
  const row = await getReviewableResource(dbOf(c), actor, c.req.valid('param').id);
  const resource = await reviewResource(dbOf(c), actor, { resource: row, ...c.req.valid('json') }, requestMeta(c));
  return c.json({ resource }, 200);
};

export const download: SignedInHandler<typeof contract.download> = async (c) => {
  const actor = c.get('actor');
  const { version, inline } = c.req.valid('query');
  const { storage } = storageOf(c);
  const row = await getVisibleResource(dbOf(c), actor, c.req.valid('param').id);
  const file = await fileToServe(dbOf(c), row, version);
  const range = requestedRange(c.req.header('range'), file.size);
  if (countsAsUse(actor, row.r.authorId, !!inline, range)) await recordUse(dbOf(c), actor, row);
  const stream = await storage.read(file.storageKey, range ?? undefined);
  const headers = fileHeaders(file, !!inline, range);
  return range ? c.body(stream, 206, headers) : c.body(stream, 200, headers);
};
