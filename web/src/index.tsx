import { render } from 'solid-js/web';
import { App } from './app';
import { initialLocale, loadDictionary } from './lib/i18n';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root to draw the app in');
// Drawn in the stored language from the first frame (English is fetched first, only for those who read it).
const draw = () => render(() => <App />, root);
void loadDictionary(initialLocale()).then(draw, draw);
