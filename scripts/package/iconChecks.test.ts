import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorIconProblems, outlineIconProblems } from './iconChecks.js';
import { ICONS, renderSvg } from './renderIcons.js';
import { pngOf } from './testing.js';

const appPackage = join(import.meta.dirname, '..', '..', 'appPackage');
const ring = (x: number, y: number): [number, number, number, number] => (Math.hypot(x - 16, y - 16) < 10 ? [255, 255, 255, 255] : [0, 0, 0, 0]);

describe('icon checks', () => {
  it('when the committed icons are checked, then both pass', () => {
    expect(colorIconProblems(readFileSync(join(appPackage, 'color.png')))).toEqual([]);
    expect(outlineIconProblems(readFileSync(join(appPackage, 'outline.png')))).toEqual([]);
  });

  it('when the committed PNGs are compared with their SVG sources, then they are what the sources render', () => {
    for (const icon of ICONS) {
      const rendered = renderSvg(readFileSync(join(appPackage, icon.svg), 'utf8'), icon.size);
      expect(readFileSync(join(appPackage, icon.png)).equals(rendered), `${icon.png} is stale: run npm run icons`).toBe(true);
    }
  });

  it('when the colour icon has the wrong size, then the size is named', () => {
    expect(colorIconProblems(pngOf(96, 96, () => [15, 138, 140, 255]))).toEqual(['color.png must be 192x192, got 96x96']);
  });

  it('when the outline icon is 32x32 white on transparent, then it passes', () => {
    expect(outlineIconProblems(pngOf(32, 32, ring))).toEqual([]);
  });

  it('when the outline icon has no alpha channel, then it is reported as not transparent', () => {
    const problems = outlineIconProblems(pngOf(32, 32, (x, y) => (ring(x, y)[3] ? [255, 255, 255, 255] : [0, 0, 0, 255]), 2));
    expect(problems).toContain('outline.png must have a transparent background, but no pixel is transparent');
  });

  it('when the outline glyph is black or the size is wrong, then both are named', () => {
    const problems = outlineIconProblems(pngOf(48, 48, (x, y) => (Math.hypot(x - 24, y - 24) < 10 ? [0, 0, 0, 255] : [0, 0, 0, 0])));
    expect(problems[0]).toBe('outline.png must be 32x32, got 48x48');
    expect(problems[1]).toMatch(/^outline\.png must be white on transparent, but \d+ visible pixels are not white$/);
  });

  it('when an icon is not a PNG at all, then it says so plainly', () => {
    expect(colorIconProblems(Buffer.from('<svg/>'))).toEqual(['color.png is not a PNG file']);
  });
});
