// Helpers for the packaging tests: PNG fixtures drawn with pngjs, and a fetch that refuses to run.
import { PNG } from 'pngjs';

export function pngOf(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number], colorType: 2 | 6 = 6): Buffer {
  const png = new PNG({ width, height, colorType });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const [r, g, b, a] = pixel(x, y);
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = a;
    }
  }
  return PNG.sync.write(png, { colorType, inputHasAlpha: true });
}

/** Stands in for globalThis.fetch: any attempt to reach the network fails the test loudly. */
export const offlineFetch = (input: unknown): never => {
  throw new Error(`packaging tried to reach the network: ${String(input)}`);
};
