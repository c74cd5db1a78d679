// A person's notices (a booking waiting, approved or declined; a lesson moved or cancelled; a recording filed).
import { z } from 'zod';
import { id, isoTime, text } from './common';

export const notification = z.object({
  id,
  kind: text(),
  data: z.record(text(), z.unknown()),
  bookingId: id.nullable(),
  read: z.boolean(),
  createdAt: isoTime,
});
export type Notification = z.infer<typeof notification>;

/** The newest 50 notices and how many are unread; there is no next page. */
export const notificationList = z.object({
  items: z.array(notification),
  unread: z.number().int(),
  nextCursor: z.null(),
});

export const markReadInput = z.object({ ids: z.array(id).max(200).optional() });
export const unreadAnswer = z.object({ unread: z.number().int() });
