// Calendar feeds: secret iCalendar URLs of one's own bookings or of a facility, shared by the server's contract
// and the web.
import { z } from 'zod';
import { id, page, text } from './common';

export const feed = z.object({
  id,
  facilityId: id.nullable(),
  facilityName: text().nullable(),
  createdAt: text(),
});
export const feedPage = page(feed);
/** A new feed, with its URL: shown this once. */
export const newFeedAnswer = z.object({ feed: feed.extend({ url: text() }) });
export const newFeedInput = z.object({ facilityId: id.optional() });
export const feedFileParam = z.object({ file: text().max(120) });
