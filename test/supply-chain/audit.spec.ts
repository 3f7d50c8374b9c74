import { readFileSync } from 'node:fs';
import { decide } from '../../scripts/audit.mjs';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));

/** scripts/audit.mjs's decision on recorded `npm audit --omit=dev --json` outputs (docs/adr/0050). */
describe('the npm audit gate', () => {
  it('passes a report with only low and moderate advisories', () => {
    expect(decide(fixture('clean'), [])).toMatchObject({ code: 0, lines: [expect.stringMatching(/^PASSED/)] });
  });

  it('fails on a planted critical advisory and names it', () => {
    const { code, lines } = decide(fixture('critical'), []);
    expect(code).toBe(1);
    expect(lines.join('\n')).toContain('critical GHSA-gpv5-7x3g-ghjv in fast-xml-parser');
    expect(lines.join('\n')).toContain('high GHSA-pxg6-pf52-xh8x in cookie');
  });

  it('lets an allowlisted advisory through with its reason, and still fails on the others', () => {
    const allowlist = [{ id: 'GHSA-gpv5-7x3g-ghjv', reason: 'only parses XML from our own bucket' }];
    const partly = decide(fixture('critical'), allowlist);
    expect(partly.code).toBe(1);
    expect(partly.lines).toContain(
      'allowed critical GHSA-gpv5-7x3g-ghjv in fast-xml-parser: only parses XML from our own bucket',
    );
    const all = decide(fixture('critical'), [...allowlist, { id: 'ghsa-pxg6-pf52-xh8x', reason: 'no cookie parsing' }]);
    expect(all.code).toBe(0);
  });

  it('refuses an allowlist entry without a reason', () => {
    expect(decide(fixture('critical'), [{ id: 'GHSA-gpv5-7x3g-ghjv', reason: ' ' }]).code).toBe(1);
  });

  it('never passes silently when the audit endpoint is unreachable: fails, or says SKIPPED when told to', () => {
    const unreachable = fixture('endpoint-405');
    const strict = decide(unreachable, []);
    expect(strict.code).toBe(2);
    expect(strict.lines[0]).toMatch(/^FAILED: audit endpoint unreachable \(405 Method Not Allowed/);
    const offline = decide(unreachable, [], { offlineOk: true });
    expect(offline.code).toBe(0);
    expect(offline.lines[0]).toMatch(/^SKIPPED: audit endpoint unreachable .*nothing was checked$/);
    expect(decide(undefined, []).code).toBe(2);
  });
});
