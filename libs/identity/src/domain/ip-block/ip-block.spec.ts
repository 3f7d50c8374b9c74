import { canonicalRange, IpBlock, rangeContains } from './ip-block.js';

describe('an IP block', () => {
  it('keeps a range in one canonical spelling', () => {
    expect(canonicalRange(' 203.0.113.0/24 ')).toBe('203.0.113.0/24');
    expect(canonicalRange('203.0.113.9/32')).toBe('203.0.113.9');
    expect(canonicalRange('2001:DB8::/32')).toBe('2001:db8::/32');
    expect(canonicalRange('2001:db8::1')).toBe('2001:db8::1');
  });

  it('refuses what is not an address or range, and ranges wider than a /8 or a /16', () => {
    for (const bad of [
      '',
      'example.com',
      '300.1.1.1',
      '10.0.0.0/7',
      '10.0.0.0/33',
      '::/15',
      '1.2.3.4/x',
      '1.2.3.4/24/1',
    ])
      expect(() => canonicalRange(bad)).toThrow(expect.objectContaining({ code: 'identity.ip-block.invalid' }));
    expect(() => IpBlock.create({ range: '10.0.0.0/8', reason: '  ', createdBy: 'admin' })).toThrow(
      expect.objectContaining({ code: 'identity.ip-block.invalid' }),
    );
  });

  it('tells which addresses a range covers, IPv4-mapped IPv6 included', () => {
    expect(rangeContains('203.0.113.0/24', '203.0.113.200')).toBe(true);
    expect(rangeContains('203.0.113.0/24', '::ffff:203.0.113.5')).toBe(true);
    expect(rangeContains('203.0.113.0/24', '203.0.114.1')).toBe(false);
    expect(rangeContains('2001:db8::/32', '2001:db8:1::9')).toBe(true);
    expect(rangeContains('2001:db8::/32', '203.0.113.1')).toBe(false);
    expect(rangeContains('198.51.100.7', '198.51.100.7')).toBe(true);
  });
});
