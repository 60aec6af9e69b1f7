// A windowed list of fixed-height rows: only the rows in view (plus a margin) are in the DOM, so a
// 250-session meeting renders as fast as a 1:1 call.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  readonly items: readonly T[];
  readonly rowHeight: number;
  /** Height of the scrolling viewport in px. */
  readonly height: number;
  readonly label: string;
  readonly render: (item: T, index: number) => ReactNode;
  readonly overscan?: number;
}

const useStyles = makeStyles({
  viewport: { overflowY: 'auto', position: 'relative', border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground1 },
});

/** Which rows to draw for a scroll position: pure, so it is tested without a layout engine. */
export function visibleRange(count: number, rowHeight: number, height: number, scrollTop: number, overscan: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last };
}

export function VirtualList<T>({ items, rowHeight, height, label, render, overscan = 6 }: VirtualListProps<T>) {
  const styles = useStyles();
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = Math.min(height, items.length * rowHeight);
  const { first, last } = visibleRange(items.length, rowHeight, viewport, scrollTop, overscan);
  return (
    <div className={styles.viewport} style={{ height: viewport }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} tabIndex={0} role="region" aria-label={label}>
      <ul role="list" aria-label={label} style={{ height: items.length * rowHeight, position: 'relative', margin: 0, padding: 0, listStyleType: 'none' }}>
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          return (
            <li key={index} aria-setsize={items.length} aria-posinset={index + 1} style={{ position: 'absolute', top: index * rowHeight, height: rowHeight, left: 0, right: 0 }}>
              {render(item, index)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
