// Teams app icons: color.png 192x192, outline.png 32x32 white on a transparent background.
import { PNG } from 'pngjs';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function readPng(name: string, bytes: Buffer): PNG | string {
  // pngjs's own message for a non-PNG file is cryptic, so check the signature first.
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return `${name} is not a PNG file`;
  try {
    return PNG.sync.read(bytes);
  } catch (error) {
    return `${name} cannot be read as a PNG: ${(error as Error).message}`;
  }
}

export function colorIconProblems(bytes: Buffer, name = 'color.png'): string[] {
  const png = readPng(name, bytes);
  if (typeof png === 'string') return [png];
  return png.width === 192 && png.height === 192 ? [] : [`${name} must be 192x192, got ${png.width}x${png.height}`];
}

export function outlineIconProblems(bytes: Buffer, name = 'outline.png'): string[] {
  const png = readPng(name, bytes);
  if (typeof png === 'string') return [png];
  const problems: string[] = [];
  if (png.width !== 32 || png.height !== 32) problems.push(`${name} must be 32x32, got ${png.width}x${png.height}`);
  // pngjs always decodes to RGBA; an image without an alpha channel decodes fully opaque.
  let transparent = 0;
  let visible = 0;
  let notWhite = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b, a] = [png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]] as number[];
    if (a === 0) transparent++;
    else {
      visible++;
      if (r !== 255 || g !== 255 || b !== 255) notWhite++;
    }
  }
  if (transparent === 0) problems.push(`${name} must have a transparent background, but no pixel is transparent`);
  if (visible === 0) problems.push(`${name} is fully transparent: it draws nothing`);
  if (notWhite > 0) problems.push(`${name} must be white on transparent, but ${notWhite} visible pixels are not white`);
  return problems;
}
