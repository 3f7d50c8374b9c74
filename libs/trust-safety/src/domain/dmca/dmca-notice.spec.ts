import { checkCounterNotice, checkNotice, DmcaNotice, videoIdIn } from './dmca-notice.js';
import { DmcaStepNotAllowedError } from './dmca.errors.js';

const VIDEO = '3f2b8c1e-9d4a-4e6b-8a71-0c5d2e9f1a34';

describe('DMCA notices', () => {
  it('reads the video from a bare id or a URL on the platform, and nothing else', () => {
    expect(videoIdIn(VIDEO.toUpperCase())).toBe(VIDEO);
    expect(videoIdIn(`https://showrunner.example/videos/${VIDEO}`)).toBe(VIDEO);
    expect(videoIdIn(`https://showrunner.example/v1/catalog/videos/${VIDEO}/playback?x=1`)).toBe(VIDEO);
    expect(videoIdIn('https://elsewhere.example/watch?v=abc')).toBeNull();
    expect(videoIdIn(`https://showrunner.example/channels/${VIDEO}`)).toBeNull();
    expect(videoIdIn('not a url')).toBeNull();
  });

  it('names every missing element, and counts a statement only when affirmed', () => {
    const checked = checkNotice({
      copyrightedWork: 'A song',
      goodFaithStatement: 'yes' as never,
      contact: { email: 'x' },
    });
    expect(checked.elements).toBeNull();
    expect(checked.missing).toEqual([
      'infringingMaterial',
      'location',
      'contact.name',
      'contact.address',
      'goodFaithStatement',
      'accuracyStatement',
      'signature',
    ]);
    expect(checked.invalid).toEqual([{ field: 'contact.email', reason: 'not an e-mail address' }]);
    expect(checkCounterNotice({ mistakeStatement: true }).missing).toEqual([
      'removedMaterial',
      'jurisdictionConsent',
      'contact.name',
      'contact.address',
      'contact.phone',
      'signature',
    ]);
  });

  it('moves taken-down → counter-noticed → restored, and a court action stops restoration', () => {
    const complete = checkCounterNotice({
      removedMaterial: 'My clip',
      mistakeStatement: true,
      jurisdictionConsent: true,
      contact: { name: 'C', address: 'A', phone: 'P' },
      signature: 'C',
    }).elements!;
    const notice = () =>
      new DmcaNotice(
        'n',
        VIDEO,
        'u',
        'taken-down',
        {} as never,
        'h',
        'd',
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        new Date(),
      );
    const at = new Date('2026-12-07T10:00:00Z');
    const restoreAt = new Date('2026-12-21T10:00:00Z');

    const countered = notice();
    countered.fileCounterNotice(complete, at, restoreAt);
    expect(countered.isDueForRestoration(new Date('2026-12-21T09:59:59Z'))).toBe(false);
    expect(countered.isDueForRestoration(restoreAt)).toBe(true);
    expect(() => countered.fileCounterNotice(complete, at, restoreAt)).toThrow(DmcaStepNotAllowedError);

    const inCourt = notice();
    inCourt.fileCounterNotice(complete, at, restoreAt);
    inCourt.reportCourtAction({ reportedBy: 'claimant', actorId: null, details: 'Case 1' }, at);
    expect(inCourt.isDueForRestoration(new Date('2027-01-01T00:00:00Z'))).toBe(false);
    inCourt.status = 'restored';
    expect(() => inCourt.reportCourtAction({ reportedBy: 'moderator', actorId: 'm', details: 'x' }, at)).toThrow(
      DmcaStepNotAllowedError,
    );
  });
});
