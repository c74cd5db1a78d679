import { z } from 'zod';

export const id = z.string().uuid();
/** ISO 8601 with an offset, as the contract requires (e.g. 2026-12-01T08:00:00+08:00). */
export const isoTime = z.iso.datetime({ offset: true });

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const listQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const idParam = z.object({ id });
