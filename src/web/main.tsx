/** The web app's entry: mounts the shell, which loads each page when it is first visited. */
import { render } from 'preact';
import { App } from './app.js';

const root = document.getElementById('app');
if (root !== null) render(<App />, root);
