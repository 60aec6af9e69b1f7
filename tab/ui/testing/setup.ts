// jsdom setup for the tab's tests: clean up after each test (vitest runs without globals, so
// Testing Library cannot), and the layout APIs react-charts and Fluent expect but jsdom lacks.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

type Loose = Record<string, unknown>;
const g = globalThis as unknown as Loose;
g.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
const svg = (g.SVGElement as { prototype: Loose } | undefined)?.prototype;
if (svg) {
  svg.getComputedTextLength ??= function (this: Element) {
    return (this.textContent ?? '').length * 6;
  };
  svg.getBBox ??= () => ({ x: 0, y: 0, width: 0, height: 0 });
  svg.getTotalLength ??= () => 0;
}
const canvas = (g.HTMLCanvasElement as { prototype: Loose } | undefined)?.prototype;
if (canvas) canvas.getContext = () => ({ measureText: (text: string) => ({ width: text.length * 6 }) });
