// Calls over time per trunk, connected beside failed (lazy-loaded: react-charts is large). Grouped
// rather than stacked bars, so a handful of failures beside hundreds of calls still shows.
import { GroupedVerticalBarChart, type GroupedVerticalBarChartData } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { TrunkHealthItem } from '../api/types.js';
import { trunkSeries } from '../model/phoneView.js';

export default function TrunkCharts({ trunks }: { trunks: readonly TrunkHealthItem[] }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL }}>
      {trunks.map((trunk) => {
        const data: GroupedVerticalBarChartData[] = trunkSeries(trunk).map((p) => ({
          name: p.x,
          series: [
            { key: 'connected', data: p.connected, legend: 'Connected', color: tokens.colorPaletteGreenBorderActive },
            { key: 'failed', data: p.failed, legend: 'Did not connect', color: tokens.colorPaletteRedBorderActive },
          ],
        }));
        return (
          <figure key={trunk.trunk} style={{ margin: 0, minWidth: '300px', flex: '1 1 420px' }} data-chart={`trunk:${trunk.trunk}`}>
            <figcaption>Calls over time on {trunk.trunk}</figcaption>
            <div style={{ height: '280px', overflow: 'hidden' }}>
              <GroupedVerticalBarChart data={data} chartTitle={`Calls over time on ${trunk.trunk}`} height={260} hideLabels={false} />
            </div>
          </figure>
        );
      })}
    </div>
  );
}
