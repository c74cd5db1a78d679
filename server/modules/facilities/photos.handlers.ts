import { AppError, notFound } from '../../lib/errors';
import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import { receiveUpload, uploadRequestOf } from '../resources/upload';
import { getManagedFacility, getVisibleFacility } from './facilities.queries';
import type * as contract from './photos.contract';
import { assertRoomForPhoto, getPhoto } from './photos.queries';
import { addPhoto, removePhoto } from './photos.service';

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const isImage = (mime: string) => mime.startsWith('image/');

export const add: SignedInHandler<typeof contract.add> = async (c) => {
  const actor = c.get('actor');
  const { storage } = c.get('deps');
  if (!storage) throw new AppError('service_unavailable', 'File storage is not configured on this server');
  const refusal = 'Only the facility’s managers add photos';
  const facility = await getManagedFacility(dbOf(c), actor, c.req.valid('param').id, refusal);
  await assertRoomForPhoto(dbOf(c), facility);
  // The body is multipart, read here as a stream (the contract describes it but does not validate it).
  const { file } = await receiveUpload(uploadRequestOf(c), storage, MAX_PHOTO_BYTES, isImage);
  const photo = await addPhoto(dbOf(c), actor, { facility, file, storage }, requestMeta(c));
  return c.json({ photo }, 201);
};

export const get: SignedInHandler<typeof contract.get> = async (c) => {
  const { storage } = c.get('deps');
  const { id, photoId } = c.req.valid('param');
  const facility = await getVisibleFacility(dbOf(c), c.get('actor'), id);
  const photo = await getPhoto(dbOf(c), facility, photoId);
  if (!photo || !storage) throw notFound('photo');
  return c.body(await storage.read(photo.storageKey), 200, {
    'Content-Type': photo.contentType,
    'Content-Length': String(photo.size),
    'Cache-Control': 'private, max-age=86400, immutable',
    'X-Content-Type-Options': 'nosniff',
  });
};

export const remove: SignedInHandler<typeof contract.remove> = async (c) => {
  const { id, photoId } = c.req.valid('param');
  const refusal = 'Only the facility’s managers remove photos';
  const facility = await getManagedFacility(dbOf(c), c.get('actor'), id, refusal);
  await removePhoto(dbOf(c), c.get('actor'), { facility, photoId, storage: c.get('deps').storage }, requestMeta(c));
  return c.body(null, 204);
};
