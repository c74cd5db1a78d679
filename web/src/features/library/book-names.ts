// Textbook editions and volumes are stored by their Chinese names (人教版, 上册); pages name them in their language.
import type { Resource } from '../../../../shared/schemas/resources';
import { useI18n } from '../../lib/i18n';
import { curriculumPlace } from './library-labels';

/** Names for stored editions and volumes; a value typed by a person (not one of the list) stays as typed. */
export function useBookNames() {
  const { t } = useI18n();
  const edition = (v: string) => t('library.editions')[v] ?? v;
  const volume = (v: string) => t('library.volumes')[v] ?? v;
  const place = (r: Pick<Resource, 'edition' | 'volume' | 'unit'>) => curriculumPlace(r, { edition, volume });
  return { edition, volume, place };
}
