// `npm run icons`: renders appPackage/icons/*.svg (the icons' source) into the PNGs Teams wants.
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const ICONS = [
  { svg: 'icons/color.svg', png: 'color.png', size: 192 },
  { svg: 'icons/outline.svg', png: 'outline.png', size: 32 },
] as const;

export function renderSvg(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

export function renderIcons(appPackageDir: string): string[] {
  return ICONS.map(({ svg, png, size }) => {
    const out = join(appPackageDir, png);
    writeFileSync(out, renderSvg(readFileSync(join(appPackageDir, svg), 'utf8'), size));
    return out;
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of renderIcons(join(import.meta.dirname, '..', '..', 'appPackage'))) process.stdout.write(`wrote ${file}\n`);
}
