import { execFileSync } from 'node:child_process';
import { crc32, deflateSync } from 'node:zlib';

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A real, decodable greyscale PNG of the given size (black), for branding uploads in tests. */
export function aPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  const rows = Buffer.alloc((width + 1) * height); // each row: filter byte 0, then its pixels
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A real JPEG of the given size, encoded by ffmpeg (which the media pipeline needs anyway). */
export function aJpeg(width: number, height: number): Buffer {
  return execFileSync(
    process.env.FFMPEG_PATH ?? 'ffmpeg',
    ['-v', 'error', '-f', 'lavfi', '-i', `color=c=orange:s=${width}x${height}`, '-frames:v', '1', '-f', 'mjpeg', '-'],
    { maxBuffer: 16 * 1024 * 1024 },
  );
}

/** The marker the EXIF helpers plant: a position, 52°31'N 13°24'E, as cameras and phones record it. */
export const GPS_LATITUDE = Buffer.from([0, 0, 0, 52, 0, 0, 0, 1, 0, 0, 0, 31, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);

/** A big-endian TIFF block as EXIF holds it: IFD0 points to a GPS IFD with latitude and longitude. */
function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(128);
  tiff.write('MM', 0, 'ascii');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: number | string) => {
    tiff.writeUInt16BE(tag, at);
    tiff.writeUInt16BE(type, at + 2);
    tiff.writeUInt32BE(count, at + 4);
    if (typeof value === 'string') tiff.write(value, at + 8, 'ascii');
    else tiff.writeUInt32BE(value, at + 8);
  };
  tiff.writeUInt16BE(1, 8);
  entry(10, 0x8825, 4, 1, 26); // GPSInfo → the GPS IFD at 26
  tiff.writeUInt16BE(4, 26);
  entry(28, 0x0001, 2, 2, 'N');
  entry(40, 0x0002, 5, 3, 80);
  entry(52, 0x0003, 2, 2, 'E');
  entry(64, 0x0004, 5, 3, 104);
  GPS_LATITUDE.copy(tiff, 80);
  Buffer.from([0, 0, 0, 13, 0, 0, 0, 1, 0, 0, 0, 24, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]).copy(tiff, 104);
  return tiff;
}

/** The JPEG with an APP1 EXIF segment carrying a GPS position and a COM comment, right after SOI. */
export function withJpegGps(jpeg: Buffer): Buffer {
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifWithGps()]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(2 + exif.length, 2);
  const comment = Buffer.from('shot at home');
  const com = Buffer.from([0xff, 0xfe, 0, 2 + comment.length]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, exif, com, comment, jpeg.subarray(2)]);
}

/** The PNG with an eXIf chunk carrying a GPS position and a text chunk, before its pixels. */
export function withPngGps(png: Buffer): Buffer {
  const afterHeader = 8 + 25; // signature, IHDR
  return Buffer.concat([
    png.subarray(0, afterHeader),
    pngChunk('eXIf', exifWithGps()),
    pngChunk('tEXt', Buffer.from('Comment\0shot at home', 'latin1')),
    png.subarray(afterHeader),
  ]);
}
