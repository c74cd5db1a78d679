// The writes of a school's public page: sections replaced (and dated today) and the review period set, all in one
// transaction with their audit events, or nothing at all.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PublicSection } from '../../../shared/enums';
import type { SectionContents, UpdatePublicPageInput } from '../../../shared/schemas/public-pages';
import { publicPageSections, publicPages } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import type { Actor } from '../../lib/policy';

export interface UpdatePublicPageParams {
  /** The school, as the caller's gate (getManagedOrg) returned it. */
  school: { id: string };
  input: UpdatePublicPageInput;
}

export async function updatePublicPage(db: Db, actor: Actor, params: UpdatePublicPageParams, meta: RequestMeta) {
  const { school, input } = params;
  const given = Object.entries(input.sections ?? {}).filter(([, c]) => c !== undefined) as [
    PublicSection,
    SectionContents[PublicSection],
  ][];
  await db.transaction(async (tx) => {
    // The page's row, made with the first edit and locked: two admins' edits of one school follow each other.
    await tx.insert(publicPages).values({ schoolId: school.id }).onConflictDoNothing();
    const [page] = await tx
      .select({ reviewWorkingDays: publicPages.reviewWorkingDays })
      .from(publicPages)
      .where(eq(publicPages.schoolId, school.id))
      .for('update');
    const days = input.reviewWorkingDays;
    if (days !== undefined && page?.reviewWorkingDays !== days) {
      await tx
        .update(publicPages)
        .set({ reviewWorkingDays: days, updatedAt: sql`now()` })
        .where(eq(publicPages.schoolId, school.id));
      await audit(tx, actor, meta, {
        action: 'public_page.settings',
        entityType: 'public_page',
        entityId: school.id,
        orgId: school.id,
        before: { reviewWorkingDays: page?.reviewWorkingDays },
        after: { reviewWorkingDays: days },
      });
    }
    if (!given.length) return;
    const old = await tx
      .select({ section: publicPageSections.section, content: publicPageSections.content })
      .from(publicPageSections)
      .where(
        and(
          eq(publicPageSections.schoolId, school.id),
          inArray(
            publicPageSections.section,
            given.map(([k]) => k),
          ),
        ),
      );
    for (const [section, content] of given) {
      await tx
        .insert(publicPageSections)
        .values({ schoolId: school.id, section, content, updatedBy: actor.user.id })
        .onConflictDoUpdate({
          target: [publicPageSections.schoolId, publicPageSections.section],
          set: { content, updatedAt: sql`now()`, updatedBy: actor.user.id },
        });
      await audit(tx, actor, meta, {
        action: 'public_page.update',
        entityType: 'public_page',
        entityId: school.id,
        orgId: school.id,
        before: { section, content: old.find((o) => o.section === section)?.content ?? null },
        after: { section, content },
      });
    }
  });
}
