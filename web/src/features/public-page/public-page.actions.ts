import { action, json } from '@solidjs/router';
import type { PublicSection } from '../../../../shared/enums';
import type { UpdatePublicPageInput } from '../../../../shared/schemas/public-pages';
import { call, client } from '../../lib/api';
import { getPublicPage } from './public-page.queries';
import { readSectionForm } from './section-form-data';

const save = async (id: string, change: UpdatePublicPageInput) => {
  const res = await call(client.orgs[':id']['public-page'].$patch({ param: { id }, json: change }));
  return json(res.publicPage, { revalidate: [getPublicPage.key] });
};

/** A section as its form says it: saved, published and dated today. */
export const saveSection = action(
  (id: string, section: PublicSection, form: FormData) =>
    save(id, { sections: { [section]: readSectionForm(form, section) } }),
  'savePublicSection',
);

/** A section checked and found still right: saved unchanged, so the page shows today's date. */
export const confirmSection = action(
  (id: string, section: PublicSection, content: object) => save(id, { sections: { [section]: content } }),
  'confirmPublicSection',
);

export const saveReviewDays = action(
  (id: string, form: FormData) => save(id, { reviewWorkingDays: Number(form.get('reviewWorkingDays')) }),
  'savePublicReviewDays',
);
