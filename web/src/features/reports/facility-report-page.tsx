import './page-words';
import { createAsync } from '@solidjs/router';
import { Show } from 'solid-js';
import { useI18n } from '../../lib/i18n';
import { FacilityHoursCard, SchoolHoursCard } from './facility-hours';
import { LessonReport } from './lesson-report';
import { OrgPicker, useReportOrg } from './report-org';
import { termName } from './report-words';
import { getFacilityUsage } from './reports.queries';
import { ResourceReport } from './resource-report';

/** Journey 6 for facilities: whether sharing works, each school against its own past (clause 4: no league table). */
export function FacilityReportPage() {
  const { t } = useI18n();
  const report = useReportOrg();
  const usage = createAsync(async () => (report.orgId() ? getFacilityUsage(report.orgId()) : undefined));
  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p class="muted">{t('reports.intro')}</p>
      <OrgPicker report={report} />
      <Show when={usage()}>
        {(u) => (
          <>
            <p>
              <strong>{u().org.name}</strong> · {termName(t, u().term.name)}
            </p>
            <SchoolHoursCard usage={u()} />
            <FacilityHoursCard usage={u()} />
            <ResourceReport orgId={u().org.id} />
            <LessonReport orgId={u().org.id} />
          </>
        )}
      </Show>
    </>
  );
}
