import { Injectable, Logger } from '@nestjs/common';
import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { RedisConnections } from '../queues/redis-connections.js';

/** How stale a node's copy may get: a change reaches every node within this. */
const REFRESH_MS = 2_000;

/** `1.2.3.4`, `1.2.3.0/24`, `2001:db8::/32`, … as node:net understands them; throws on anything else. */
function addRange(list: BlockList, range: string): void {
  const [address, bits] = range.split('/') as [string, string | undefined];
  const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  if (!type) throw new Error(`not an IP range: ${range}`);
  if (bits === undefined) list.addAddress(address, type);
  else list.addSubnet(address, Number(bits), type);
}

/** The address as the block list compares it: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is IPv4. */
export function comparableAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1] : ip;
}

/**
 * The addresses and CIDR ranges refused before anything else, on HTTP and at the socket handshake.
 * The list lives in Redis, so every node enforces the same one; each node keeps a compiled copy and
 * looks at the list's version at most every two seconds. A context owns the list's source of truth
 * and calls `replace` after the change commits.
 */
@Injectable()
export class IpBlockList {
  private readonly logger = new Logger(IpBlockList.name);
  private compiled = new BlockList();
  private version: string | null = null;
  private checkedAt = 0;
  private loaded = false;
  private empty = true;
  private refreshing?: Promise<void>;

  constructor(private readonly redis: RedisConnections) {}

  /** Makes `ranges` the list every node enforces (within seconds). */
  async replace(ranges: string[]): Promise<void> {
    for (const range of ranges) addRange(new BlockList(), range); // refuse a bad list before storing it
    await this.redis
      .commands()
      .multi()
      .set(this.redis.key('ip-blocks', 'ranges'), JSON.stringify(ranges))
      .incr(this.redis.key('ip-blocks', 'version'))
      .exec();
    this.checkedAt = 0;
  }

  async isBlocked(ip: string): Promise<boolean> {
    if (Date.now() - this.checkedAt > REFRESH_MS) {
      // One refresh at a time per node, however many requests arrive while it runs.
      this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
      await this.refreshing;
    }
    return this.inCopy(ip);
  }

  /**
   * The answer from this node's copy when it is fresh, without waiting; undefined when the copy is due
   * for a refresh (then ask `isBlocked`). Every request asks, so the usual case costs no promise.
   */
  isBlockedNow(ip: string): boolean | undefined {
    return Date.now() - this.checkedAt > REFRESH_MS ? undefined : this.inCopy(ip);
  }

  private inCopy(ip: string): boolean {
    if (this.empty) return false;
    const address = comparableAddress(ip);
    if (isIPv4(address)) return this.compiled.check(address, 'ipv4');
    if (isIPv6(address)) return this.compiled.check(address, 'ipv6');
    return false;
  }

  private async refresh(): Promise<void> {
    try {
      const commands = this.redis.commands();
      // Not connected: ioredis would queue the reads until it gives up; keep the last copy instead.
      if (commands.status !== 'ready' && this.loaded) {
        this.checkedAt = Date.now();
        return;
      }
      const version = await commands.get(this.redis.key('ip-blocks', 'version'));
      if (version !== this.version) {
        const stored = await commands.get(this.redis.key('ip-blocks', 'ranges'));
        const compiled = new BlockList();
        const ranges = stored ? (JSON.parse(stored) as string[]) : [];
        for (const range of ranges) addRange(compiled, range);
        this.compiled = compiled;
        this.empty = ranges.length === 0;
        this.version = version;
      }
      this.loaded = true;
      this.checkedAt = Date.now();
    } catch (error) {
      // Keep enforcing the last list seen; Redis being down must not open or close the whole API.
      this.logger.warn({ err: error }, 'IP block list could not be refreshed; the last copy stays in force');
      this.loaded = true;
      this.checkedAt = Date.now();
    }
  }
}
