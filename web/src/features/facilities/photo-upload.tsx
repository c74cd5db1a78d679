import { useAction, useSubmission } from '@solidjs/router';
import { ErrorNotice } from '../../components/notice';
import { useI18n } from '../../lib/i18n';
import { addPhoto } from './facilities.actions';

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
