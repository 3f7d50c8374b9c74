import { aPng as png } from '../../testing/images.js';
import { assertBrandingImage, parseAccentColor, parseTagline, sniffImage, type BrandingImage } from './branding.js';
import { Channel } from './channel.js';

const OWNER = '0193f000-0000-7000-8000-000000000001';
const EDITOR = '0193f000-0000-7000-8000-000000000002';
const VIEWER = '0193f000-0000-7000-8000-000000000003';
const STRANGER = '0193f000-0000-7000-8000-000000000004';

/** SOI, an APP0 segment, then a baseline SOF0 frame header. */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(12)]);
}

function webpExtended(width: number, height: number): Buffer {
  const out = Buffer.alloc(30);
  out.write('RIFF', 0, 'ascii');
  out.writeUInt32LE(22, 4);
  out.write('WEBPVP8X', 8, 'ascii');
  out.writeUInt32LE(10, 16);
  out.writeUIntLE(width - 1, 24, 3);
  out.writeUIntLE(height - 1, 27, 3);
  return out;
}

describe('branding rules', () => {
  it('takes #rgb and #rrggbb in any case and stores #rrggbb; refuses every other colour form', () => {
    expect(parseAccentColor('#E4A')).toBe('#ee44aa');
    expect(parseAccentColor('#A1b2C3')).toBe('#a1b2c3');
    for (const bad of ['red', '#abcd', 'abc', '#ggg', '#12345g', ' #abc', '#abc ', 'rgb(1,2,3)', '#1234567', ''])
      expect(() => parseAccentColor(bad)).toThrow(expect.objectContaining({ code: 'studio.branding.invalid-color' }));
  });

  it('keeps a tagline to one trimmed line of at most 100 characters; blank is none', () => {
    expect(parseTagline('  Late-night cooking  ')).toBe('Late-night cooking');
    expect(parseTagline('   ')).toBeNull();
    expect(parseTagline('x'.repeat(100))).toHaveLength(100);
    for (const bad of ['x'.repeat(101), 'two\nlines', 'tab\there', 'bidi\u2028break'])
      expect(() => parseTagline(bad)).toThrow(expect.objectContaining({ code: 'studio.branding.invalid-tagline' }));
  });

  it('reads the real type and size from PNG, JPEG and WebP headers, and nothing from other files', () => {
    expect(sniffImage(png(1200, 300))).toEqual({ type: 'png', width: 1200, height: 300 });
    expect(sniffImage(jpegHeader(640, 480))).toEqual({ type: 'jpeg', width: 640, height: 480 });
    expect(sniffImage(webpExtended(2048, 512))).toEqual({ type: 'webp', width: 2048, height: 512 });
    expect(sniffImage(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).toBeNull();
    expect(sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(png(200, 200).subarray(0, 20))).toBeNull(); // cut inside the header
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0, 0, 0, 0, 0]))).toBeNull(); // a bad segment
  });

  it('checks size first, then the declared type against the bytes, then dimensions and shape per image', () => {
    expect(assertBrandingImage('logo', png(200, 200), 'image/png')).toEqual({ type: 'png', width: 200, height: 200 });
    expect(assertBrandingImage('banner', png(2048, 512), 'image/png; charset=binary')).toMatchObject({ width: 2048 });
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { code: string }).code;
      }
      return 'accepted';
    };
    const oversized = Buffer.concat([png(200, 200), Buffer.alloc(1024 * 1024)]);
    expect(code(() => assertBrandingImage('logo', oversized, 'image/gif'))).toBe('studio.branding.image-too-large');
    const bigBanner = Buffer.concat([png(2048, 512), Buffer.alloc(1024 * 1024)]);
    expect(code(() => assertBrandingImage('banner', bigBanner, 'image/png'))).toBe('accepted'); // the banner allows 4 MiB
    expect(code(() => assertBrandingImage('logo', png(200, 200), 'image/jpeg'))).toBe(
      'studio.branding.image-unsupported',
    );
    expect(code(() => assertBrandingImage('logo', png(200, 200), undefined))).toBe('studio.branding.image-unsupported');
    expect(code(() => assertBrandingImage('logo', Buffer.from('GIF89a....'), 'image/gif'))).toBe(
      'studio.branding.image-unsupported',
    );
    expect(code(() => assertBrandingImage('logo', png(64, 64), 'image/png'))).toBe('studio.branding.image-dimensions');
    expect(code(() => assertBrandingImage('logo', png(400, 200), 'image/png'))).toBe(
      'studio.branding.image-dimensions',
    );
    expect(code(() => assertBrandingImage('banner', png(800, 200), 'image/png'))).toBe(
      'studio.branding.image-dimensions',
    );
    expect(code(() => assertBrandingImage('banner', png(1200, 1000), 'image/png'))).toBe(
      'studio.branding.image-dimensions',
    );
  });
});

describe('Channel branding', () => {
  const image = (key: string): BrandingImage => ({
    key,
    type: 'png',
    width: 200,
    height: 200,
    bytes: 100,
    uploadedAt: new Date().toISOString(),
  });
  const team = () => {
    const channel = Channel.create(OWNER, 'Night Kitchen');
    channel.invite(OWNER, EDITOR, 'editor');
    channel.accept(EDITOR);
    channel.invite(OWNER, VIEWER, 'viewer');
    channel.accept(VIEWER);
    return channel;
  };

  it('lets editors brand; a viewer gets role-required and a stranger not-found', () => {
    const channel = team();
    expect(channel.brand(EDITOR, { accentColor: '#112233', tagline: 'Hi' })).toEqual({
      accentColor: '#112233',
      tagline: 'Hi',
      banner: null,
      logo: null,
    });
    expect(() => channel.brand(VIEWER, { accentColor: null, tagline: null })).toThrow(
      expect.objectContaining({ code: 'studio.channel.role-required' }),
    );
    expect(() => channel.setBrandingImage(STRANGER, 'logo', image('k'))).toThrow(
      expect.objectContaining({ code: 'studio.channel.not-found' }),
    );
    expect(channel.branding?.accentColor).toBe('#112233');
  });

  it('hands back each image it lets go of, and forgets branding once nothing is left', () => {
    const channel = team();
    expect(channel.setBrandingImage(OWNER, 'logo', image('first'))).toBeNull();
    expect(channel.setBrandingImage(EDITOR, 'logo', image('second'))?.key).toBe('first');
    channel.setBrandingImage(OWNER, 'banner', image('banner'));
    channel.brand(OWNER, { accentColor: '#abcdef', tagline: null });
    expect(channel.removeBrandingImage(OWNER, 'banner')?.key).toBe('banner');
    expect(channel.removeBrandingImage(OWNER, 'banner')).toBeNull();
    expect(channel.branding).toMatchObject({ accentColor: '#abcdef', logo: { key: 'second' } });
    expect(channel.clearBranding(EDITOR).map((released) => released.key)).toEqual(['second']);
    expect(channel.branding).toBeNull();

    channel.setBrandingImage(OWNER, 'logo', image('only'));
    channel.removeBrandingImage(OWNER, 'logo');
    expect(channel.branding).toBeNull();
  });
});
