import { render } from 'solid-js/web';
render(() => <p>同舟</p>, document.getElementById('root')!);
