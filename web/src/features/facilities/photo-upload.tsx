import { useAction, useSubmission } from '@solidjs/router';
import { FileInput } from '../../components/file-input';
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
      <FileInput
        id="facility-photo"
        accept="image/png,image/jpeg,image/gif,image/webp"
        disabled={added.pending}
        onChange={(input) => {
          const f = input.files?.[0];
          if (f) add(props.facilityId, f).catch(() => {});
          input.value = '';
        }}
      />
      <ErrorNotice error={added.error} />
    </div>
  );
}
