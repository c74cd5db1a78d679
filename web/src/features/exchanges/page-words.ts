// The exchange pages' Chinese words, loaded with their code (every exchange page imports this module first).
import { exchangesPagesZh } from '../../i18n/zh/exchanges-pages';
import { addPageWords } from '../../lib/i18n';

addPageWords('exchanges', exchangesPagesZh);
