import { execFileSync } from 'node:child_process';
import { aJpeg, aPng, GPS_LATITUDE, withJpegGps, withPngGps } from '../../testing/images.js';
import { sniffImage } from './branding.js';
import { withoutMetadata } from './image-metadata.js';

/** The JPEG segment markers before the first scan, in order. */
function jpegMarkers(bytes: Buffer): number[] {
  const markers: number[] = [];
  for (let offset = 2; bytes[offset + 1] !== 0xda; offset += 2 + bytes.readUInt16BE(offset + 2))
    markers.push(bytes[offset + 1]);
  return markers;
}

function webp(chunks: Array<[string, Buffer]>, trailing = Buffer.alloc(0)): Buffer {
  const body = Buffer.concat(
    chunks.map(([fourcc, data]) => {
      const header = Buffer.alloc(8);
      header.write(fourcc, 0, 'ascii');
      header.writeUInt32LE(data.length, 4);
      return Buffer.concat([header, data, Buffer.alloc(data.length % 2)]);
    }),
  );
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(4 + body.length, 4);
  riff.write('WEBP', 8, 'ascii');
  return Buffer.concat([riff, body, trailing]);
}

/** What a decoder draws from the bytes, as an MD5 of the raw frame (ffmpeg, as the media pipeline uses). */
function decoded(bytes: Buffer): string {
  return execFileSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-v', 'error', '-i', 'pipe:0', '-f', 'md5', '-'], {
    input: bytes,
  }).toString();
}

/** A real WebP with alpha (ffmpeg writes VP8X + ALPH + VP8), then an EXIF chunk announced in VP8X. */
function aWebpWithExif(): Buffer {
  const plain = execFileSync(process.env.FFMPEG_PATH ?? 'ffmpeg', [
    ...['-v', 'error', '-f', 'lavfi', '-i', 'color=c=red@0.5:s=128x128,format=rgba'],
    ...['-frames:v', '1', '-c:v', 'libwebp', '-f', 'webp', '-'],
  ]);
  const exif = Buffer.concat([Buffer.from('EXIF'), Buffer.from([6, 0, 0, 0]), Buffer.from('MM\0*GP')]);
  const tagged = Buffer.concat([plain, exif]);
  tagged.writeUInt32LE(tagged.length - 8, 4);
  tagged[20] |= 0x08;
  return tagged;
}

describe('branding images without metadata', () => {
  it('leaves what a decoder draws unchanged (real JPEG and WebP files)', () => {
    const jpeg = withJpegGps(aJpeg(160, 160));
    expect(decoded(withoutMetadata('jpeg', jpeg))).toBe(decoded(jpeg));
    const webp = aWebpWithExif();
    const clean = withoutMetadata('webp', webp);
    expect(clean.includes('EXIF')).toBe(false);
    expect(clean[20] & 0x08).toBe(0);
    expect(decoded(clean)).toBe(decoded(webp));
  });

  it('drops a JPEG’s EXIF (GPS), comments and trailing bytes, keeping frame, tables and scan byte for byte', () => {
    const plain = aJpeg(160, 160);
    const tagged = Buffer.concat([withJpegGps(plain), Buffer.from('appended payload')]);
    expect(tagged.includes('Exif\0\0')).toBe(true);

    const clean = withoutMetadata('jpeg', tagged);
    expect(clean.includes('Exif\0\0')).toBe(false);
    expect(clean.includes(GPS_LATITUDE)).toBe(false);
    expect(clean.includes('shot at home')).toBe(false);
    expect(clean.includes('appended payload')).toBe(false);
    expect(jpegMarkers(clean)).not.toContain(0xe1);
    expect(jpegMarkers(clean)).not.toContain(0xfe);
    expect(clean.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(sniffImage(clean)).toEqual({ type: 'jpeg', width: 160, height: 160 });
    // The encoder's own comment goes too; the pixels are the same bytes.
    expect(withoutMetadata('jpeg', clean)).toEqual(clean);
    expect(clean.length).toBeLessThan(plain.length);
  });

  it('keeps a JPEG’s JFIF header, ICC profile and Adobe marker, which change how it looks', () => {
    const segment = (marker: number, data: Buffer) =>
      Buffer.concat([Buffer.from([0xff, marker, 0, data.length + 2]), data]);
    const plain = aJpeg(98, 98);
    const icc = segment(0xe2, Buffer.from('ICC_PROFILE\0\x01\x01profile', 'latin1'));
    const adobe = segment(0xee, Buffer.from('Adobe\0\x64\0\0\0\0\x01', 'latin1'));
    const xmp = segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>', 'latin1'));
    const iptc = segment(0xed, Buffer.from('Photoshop 3.0\0', 'latin1'));
    const input = Buffer.concat([plain.subarray(0, 20), icc, adobe, xmp, iptc, plain.subarray(20)]);
    const clean = withoutMetadata('jpeg', input);
    expect(jpegMarkers(clean).filter((marker) => marker >= 0xe0 && marker <= 0xef)).toEqual([0xe0, 0xe2, 0xee]);
  });

  it('drops a PNG’s eXIf and text chunks and anything after IEND; a PNG without them is unchanged', () => {
    const plain = aPng(200, 200);
    expect(withoutMetadata('png', plain)).toEqual(plain);
    const tagged = Buffer.concat([withPngGps(plain), Buffer.from('appended payload')]);
    expect(tagged.includes('eXIf')).toBe(true);
    expect(withoutMetadata('png', tagged)).toEqual(plain);
  });

  it('drops WebP EXIF and XMP chunks and their VP8X flags, and bytes past the RIFF size', () => {
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x08 | 0x04 | 0x10; // EXIF, XMP, alpha
    const input = webp(
      [
        ['VP8X', vp8x],
        ['ALPH', Buffer.from([1, 2, 3])],
        ['VP8L', Buffer.from([0x2f, 0, 0, 0, 0])],
        ['EXIF', Buffer.from('MM\0*GPS')],
        ['XMP ', Buffer.from('<x:xmpmeta/>')],
      ],
      Buffer.from('appended payload'),
    );
    const clean = withoutMetadata('webp', input);
    expect(clean).toEqual(
      webp([
        ['VP8X', Buffer.from([0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
        ['ALPH', Buffer.from([1, 2, 3])],
        ['VP8L', Buffer.from([0x2f, 0, 0, 0, 0])],
      ]),
    );
  });

  it('refuses files whose structure does not hold together', () => {
    const png = aPng(200, 200);
    const jpeg = aJpeg(98, 98);
    for (const [type, bytes] of [
      ['png', png.subarray(0, png.length - 12)], // no IEND
      ['png', Buffer.concat([png.subarray(0, 33), Buffer.alloc(64, 0xab)])],
      ['jpeg', jpeg.subarray(0, jpeg.length - 2)], // no EOI
      ['jpeg', Buffer.from([0xff, 0xd8, 0x00, 0x01])],
      ['webp', webp([['VP8L', Buffer.from([0x2f])]]).subarray(0, 18)],
      ['webp', webp([['EXIF', Buffer.from('only metadata')]])],
    ] as const)
      expect(() => withoutMetadata(type, bytes)).toThrow(
        expect.objectContaining({ code: 'studio.branding.image-unsupported' }),
      );
  });
});
