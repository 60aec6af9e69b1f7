// Phone numbers are personal data: show only the last digits, enough to recognise a number.

const VISIBLE = 4;

/** "+1234567890" -> "+******7890"; already masked parts ("***") stay masked. */
export function maskPhoneNumber(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const chars = [...value.trim().slice(0, 64)];
  let visible = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const c = chars[i]!;
    if (/[0-9*]/.test(c)) {
      if (visible < VISIBLE) visible++;
      else chars[i] = '*';
    } else if (/[A-Za-z@]/.test(c)) {
      chars[i] = '*';
    }
  }
  return chars.join('');
}
