// The public page editor's Chinese words, loaded with its code (the editor imports this module first).
import { publicPageZh } from '../../i18n/zh/public-page';
import { addPageWords } from '../../lib/i18n';

addPageWords('publicPage', publicPageZh);
