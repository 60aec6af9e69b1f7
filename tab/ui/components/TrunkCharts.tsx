// Calls over time per trunk, connected and failed stacked (lazy-loaded: react-charts is large).
import { VerticalStackedBarChart, type VerticalStackedChartProps } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { TrunkHealthItem } from '../api/types.js';
import { trunkSeries } from '../model/phoneView.js';

export default function TrunkCharts({ trunks }: { trunks: readonly TrunkHealthItem[] }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL }}>
      {trunks.map((trunk) => {
        const data: VerticalStackedChartProps[] = trunkSeries(trunk).map((p) => ({
          xAxisPoint: p.x,
          chartData: [
            { legend: 'Connected', data: p.connected, color: tokens.colorPaletteGreenBorderActive },
            { legend: 'Did not connect', data: p.failed, color: tokens.colorPaletteRedBorderActive },
          ],
        }));
        return (
          <figure key={trunk.trunk} style={{ margin: 0, minWidth: '300px', flex: '1 1 420px' }} data-chart={`trunk:${trunk.trunk}`}>
            <figcaption>Calls over time on {trunk.trunk}</figcaption>
            <div style={{ height: '280px', overflow: 'hidden' }}>
              <VerticalStackedBarChart data={data} chartTitle={`Calls over time on ${trunk.trunk}`} height={260} />
            </div>
          </figure>
        );
      })}
    </div>
  );
}
