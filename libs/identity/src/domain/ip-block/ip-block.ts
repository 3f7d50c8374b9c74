import { newId } from '@lib/platform/ddd';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { InvalidIpRangeError } from './ip-block.errors.js';

/**
 * An address or CIDR range an admin refused, with why. Stored in its canonical form (`1.2.3.4`,
 * `10.0.0.0/8`, `2001:db8::/32`) so the same range cannot be listed twice under two spellings.
 */
export class IpBlock {
  readonly id: string;
  readonly range: string;
  readonly reason: string;
  readonly createdBy: string;
  readonly createdAt: Date;

  constructor(props: { id: string; range: string; reason: string; createdBy: string; createdAt: Date }) {
    this.id = props.id;
    this.range = props.range;
    this.reason = props.reason;
    this.createdBy = props.createdBy;
    this.createdAt = props.createdAt;
  }

  static create(props: { range: string; reason: string; createdBy: string }): IpBlock {
    const reason = props.reason.trim();
    if (!reason) throw new InvalidIpRangeError('give a reason');
    return new IpBlock({
      id: newId(),
      range: canonicalRange(props.range),
      reason,
      createdBy: props.createdBy,
      createdAt: new Date(),
    });
  }
}

/** `1.2.3.4` or `1.2.3.4/24` (prefix 8-32), `2001:db8::1` or `2001:db8::/32` (prefix 16-128), lowercased. */
export function canonicalRange(input: string): string {
  const [address = '', bits, ...rest] = input.trim().toLowerCase().split('/');
  const max = isIPv4(address) ? 32 : isIPv6(address) ? 128 : 0;
  if (!max || rest.length) throw new InvalidIpRangeError('use an IPv4 or IPv6 address, or a CIDR range');
  if (bits === undefined) return address;
  const prefix = Number(bits);
  // Wider ranges than a /8 (IPv4) or /16 (IPv6) would block whole regions of the internet at once.
  const min = max === 32 ? 8 : 16;
  if (!/^\d{1,3}$/.test(bits) || prefix < min || prefix > max)
    throw new InvalidIpRangeError(`the prefix length must be between ${min} and ${max}`);
  return prefix === max ? address : `${address}/${prefix}`;
}

/** Whether a canonical range covers an address (IPv4-mapped IPv6 counts as IPv4). */
export function rangeContains(range: string, ip: string): boolean {
  const [address = '', bits] = range.split('/');
  const type = isIPv4(address) ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  if (bits === undefined) list.addAddress(address, type);
  else list.addSubnet(address, Number(bits), type);
  const candidate = ip.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  if (isIPv4(candidate)) return list.check(candidate, 'ipv4');
  return isIPv6(candidate) && list.check(candidate, 'ipv6');
}
