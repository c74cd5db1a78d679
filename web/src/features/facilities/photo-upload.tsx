import { action, revalidate, useAction, useSubmission } from '@solidjs/router';
import { ErrorNotice } from '../../components/notice';
import { send } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { getFacilities, getFacility } from './facilities.queries';

const addPhoto = action(async (facilityId: string, file: File) => {
  const form = new FormData();
  form.set('file', file);
  await send(`/api/facilities/${facilityId}/photos`, { method: 'POST', body: form });
  await revalidate([getFacility.key, getFacilities.key]);
}, 'addPhoto');

/** A facility's managers add photos (images only, judged by their bytes on the server). */
export function PhotoUpload(props: { facilityId: string }) {
  const { t } = useI18n();
  const add = useAction(addPhoto);
  const added = useSubmission(addPhoto);
  return (
    <div class="field" style={{ 'margin-top': '1rem' }}>
      <label for="facility-photo">{t('facilities.addPhoto')}</label>
      <input
        id="facility-photo"
        type="file"
        accept="image/png,image/jpeg,image/gif,image/webp"
        disabled={added.pending}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          if (f) add(props.facilityId, f).catch(() => {});
          e.currentTarget.value = '';
        }}
      />
      <ErrorNotice error={added.error} />
    </div>
  );
}
