// Browser entry point of the tab.
import { createRoot } from 'react-dom/client';
import { App } from './app/App.js';
import { boot } from './app/boot.js';
import { connectHost } from './host/teamsHost.js';

const root = createRoot(document.getElementById('root')!);
const host = await connectHost(window);
const { services, browserHost, signInProblem } = await boot(window, host);
if (signInProblem) console.warn(signInProblem);
root.render(<App services={services} setTheme={browserHost ? (theme) => browserHost.setTheme(theme) : undefined} />);
