import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a client address is counted under: an IPv4 address as it is (also when IPv4-mapped,
 * `::ffff:1.2.3.4`), an IPv6 address by its /64 prefix, since one subscriber holds a whole /64
 * and could otherwise take a fresh address for every attempt.
 */
export const addressKey = (address: string | undefined): string => {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(address)) return address;
  const bare = address.split('%')[0]!;
  if (!isIPv6(bare)) return address;
  return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
};

/** The eight hextets of an IPv6 address, each without leading zeros. */
const expandIPv6 = (address: string): string[] => {
  const [head = '', tail] = address.split('::');
  const parts = (text: string): string[] => (text ? text.split(':') : []);
  let left = parts(head);
  let right = tail === undefined ? [] : parts(tail);
  // An embedded IPv4 tail (`::1.2.3.4`) is two hextets.
  const toHextets = (list: string[]): string[] =>
    list.flatMap((p) =>
      isIPv4(p)
        ? (() => {
            const [a, b, c, d] = p.split('.').map(Number) as [number, number, number, number];
            return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
          })()
        : [p],
    );
  left = toHextets(left);
  right = toHextets(right);
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((h) => parseInt(h, 16).toString(16));
};
