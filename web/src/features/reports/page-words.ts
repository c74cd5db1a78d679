// The report pages' and the dashboard's Chinese words, loaded with their code (every report module imports this first).
import { reportsZh } from '../../i18n/zh/reports';
import { addPageWords } from '../../lib/i18n';

addPageWords('reports', reportsZh);
