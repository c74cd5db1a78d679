// The Chinese words of the group's view, the honours and the rural-service records, loaded with their code.
import { exchangesViewsZh } from '../../i18n/zh/exchanges-views';
import { addPageWords } from '../../lib/i18n';

addPageWords('exchanges', exchangesViewsZh);
