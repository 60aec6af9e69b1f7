// `npm run build`: the tab's production build into dist/tab (the deploy step; no build output is committed).
import { buildTab } from '../server/http/tabBuild.js';

await buildTab(process.cwd());
