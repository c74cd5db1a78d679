import { OrgSelect } from '../../components/org-select';
import { useI18n } from '../../lib/i18n';

/** For a group leader, who belongs to no school: which school the resources are shared from. */
export function SchoolSelect(props: {
  schools: { id: string; name: string }[];
  selected: string | undefined;
  disabled: boolean;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for="upload-school">{t('library.forSchool')}</label>
      <OrgSelect
        id="upload-school"
        orgs={props.schools}
        value={props.selected ?? ''}
        disabled={props.disabled}
        onChoose={props.onSelect}
      />
    </div>
  );
}
