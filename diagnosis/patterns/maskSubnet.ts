// Subnets shown in the team view are masked to a network prefix: IPv4 to /24, IPv6 to /48, so a
// single host is never named.
export function maskSubnet(subnet: string): string | null {
  const value = subnet.trim().split('/')[0] ?? '';
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (v4) {
    const parts = v4.slice(1, 4).map(Number);
    if (parts.some((p) => p > 255)) return null;
    return `${parts.join('.')}.0/24`;
  }
  if (value.includes(':') && /^[0-9a-f:]+$/i.test(value)) {
    const [head = ''] = value.split('::');
    const groups = head.split(':').filter((g) => g !== '');
    const prefix = [...groups.slice(0, 3), ...Array(Math.max(0, 3 - groups.length)).fill('0')].slice(0, 3);
    return `${prefix.map((g) => g.toLowerCase()).join(':')}::/48`;
  }
  return null;
}
