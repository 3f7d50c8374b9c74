import { BrandingImageRejectedError, type BrandingImageType } from './branding.js';

/**
 * What a decoder needs to draw the image right, per format; every other part (EXIF with its GPS position
 * and camera serials, XMP, IPTC, comments, text chunks, embedded thumbnails, unknown or private parts,
 * bytes after the end) is dropped. A keep-list, so metadata in a place nobody thought of goes too.
 */
const PNG_KEPT = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'gAMA',
  'cHRM',
  'sRGB',
  'iCCP',
  'cICP',
  'sBIT',
  'bKGD',
]);
const WEBP_KEPT = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
/** VP8X flag bits announcing EXIF (0x08) and XMP (0x04) chunks, cleared with them. */
const WEBP_METADATA_FLAGS = 0x08 | 0x04;
const JPEG_APP0 = 0xe0;
const JPEG_APP2 = 0xe2;
const JPEG_APP14 = 0xee;

function malformed(): BrandingImageRejectedError {
  return new BrandingImageRejectedError(
    'studio.branding.image-unsupported',
    'The file is not the image its header announces',
  );
}

function ascii(bytes: Buffer, start: number, length: number): string {
  return bytes.toString('latin1', start, start + length);
}

/**
 * The image without its metadata, pixels byte for byte (no re-encoding). Throws
 * `studio.branding.image-unsupported` when the file's structure does not hold together.
 */
export function withoutMetadata(type: BrandingImageType, bytes: Buffer): Buffer {
  if (type === 'png') return pngWithoutMetadata(bytes);
  if (type === 'jpeg') return jpegWithoutMetadata(bytes);
  return webpWithoutMetadata(bytes);
}

function pngWithoutMetadata(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 8)];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const end = offset + 12 + length;
    if (end > bytes.length) throw malformed();
    const chunk = ascii(bytes, offset + 4, 4);
    if (PNG_KEPT.has(chunk)) kept.push(bytes.subarray(offset, end));
    if (chunk === 'IEND') return Buffer.concat(kept);
    offset = end;
  }
  throw malformed();
}

function jpegWithoutMetadata(bytes: Buffer): Buffer {
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let offset = 2;
  while (offset + 2 <= bytes.length) {
    if (bytes[offset] !== 0xff) throw malformed();
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      kept.push(bytes.subarray(offset, offset + 2));
      return Buffer.concat(kept);
    }
    if (offset + 4 > bytes.length) throw malformed();
    const end = offset + 2 + bytes.readUInt16BE(offset + 2);
    if (end > bytes.length || end < offset + 4) throw malformed();
    if (keepJpegSegment(marker, bytes.subarray(offset + 4, end))) kept.push(bytes.subarray(offset, end));
    offset = end;
    if (marker !== 0xda) continue;
    // Entropy-coded data after a scan header runs to the next marker that is not a stuffed 0x00 or a restart.
    let scan = offset;
    while (scan + 1 < bytes.length && !(bytes[scan] === 0xff && isMarkerAfterScan(bytes[scan + 1]))) scan += 1;
    kept.push(bytes.subarray(offset, scan));
    offset = scan;
  }
  throw malformed();
}

function isMarkerAfterScan(next: number): boolean {
  return next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7);
}

/**
 * Frame, tables and scans stay; of the application segments only a JFIF header without a thumbnail,
 * the ICC colour profile and Adobe's colour-transform flag, which change how pixels look. COM and the
 * rest (APP1 EXIF/XMP, APP13 IPTC, …) go.
 */
function keepJpegSegment(marker: number, data: Buffer): boolean {
  if (marker === JPEG_APP0) return data.length === 14 && ascii(data, 0, 5) === 'JFIF\0';
  if (marker === JPEG_APP2) return ascii(data, 0, 12) === 'ICC_PROFILE\0';
  if (marker === JPEG_APP14) return ascii(data, 0, 5) === 'Adobe';
  if (marker >= 0xe0 && marker <= 0xef) return false;
  return marker !== 0xfe;
}

function webpWithoutMetadata(bytes: Buffer): Buffer {
  if (bytes.length < 12) throw malformed();
  const riffEnd = 8 + bytes.readUInt32LE(4);
  if (riffEnd > bytes.length) throw malformed();
  const kept: Buffer[] = [];
  let offset = 12;
  while (offset + 8 <= riffEnd) {
    const size = bytes.readUInt32LE(offset + 4);
    const end = offset + 8 + size + (size % 2);
    if (end > riffEnd) throw malformed();
    const chunk = ascii(bytes, offset, 4);
    if (chunk === 'VP8X' && size >= 1) {
      const extended = Buffer.from(bytes.subarray(offset, end));
      extended[8] &= ~WEBP_METADATA_FLAGS;
      kept.push(extended);
    } else if (WEBP_KEPT.has(chunk)) kept.push(bytes.subarray(offset, end));
    offset = end;
  }
  if (offset !== riffEnd || !kept.length) throw malformed();
  const header = Buffer.from(bytes.subarray(0, 12));
  header.writeUInt32LE(4 + kept.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([header, ...kept]);
}
