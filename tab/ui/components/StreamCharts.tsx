// Charts of average versus maximum against the threshold (lazy-loaded: react-charts is large).
import { GroupedVerticalBarChart, type GroupedVerticalBarChartData } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { Thresholds } from '../../../diagnosis/index.js';
import { metricCharts } from '../model/chartData.js';
import type { StreamView } from '../model/timeline.js';

export default function StreamCharts({ streams, thresholds }: { streams: readonly StreamView[]; thresholds: Thresholds }) {
  const charts = metricCharts(streams, thresholds);
  if (charts.length === 0) return <p>No metric with an average and a maximum to chart.</p>;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL }}>
      {charts.map((chart) => {
        const data: GroupedVerticalBarChartData[] = chart.groups.map((g) => ({
          name: g.name,
          series: [
            { key: 'average', data: g.average, legend: 'Average', color: tokens.colorPaletteBlueBorderActive },
            ...(g.maximum === null ? [] : [{ key: 'maximum', data: g.maximum, legend: 'Maximum', color: tokens.colorPaletteDarkOrangeBorderActive }]),
            ...(g.threshold === null ? [] : [{ key: 'threshold', data: g.threshold, legend: 'CQD threshold', color: tokens.colorPaletteRedBorderActive }]),
          ],
        }));
        return (
          <figure key={chart.field} style={{ margin: 0, minWidth: '280px', flex: '1 1 360px' }} data-chart={chart.field}>
            <figcaption>
              {chart.title} ({chart.unit})
            </figcaption>
            {/* A parent of fixed height: the chart sizes itself to its container, and inside a growing flex item it grew without end. */}
            <div style={{ height: '260px', overflow: 'hidden' }}>
              <GroupedVerticalBarChart data={data} chartTitle={`${chart.title} (${chart.unit})`} height={240} hideLabels={false} />
            </div>
          </figure>
        );
      })}
    </div>
  );
}
