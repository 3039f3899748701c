import { render } from 'preact';
import { App } from './App';
// Buttons, notices and badges look as in the side panel; the page's own layout comes after.
import '../sidepanel/style.css';
import './style.css';

render(<App />, document.getElementById('app') as HTMLElement);
