import { DomainError } from '@lib/platform/ddd';

/** The images a channel's branding holds. */
export const BRANDING_IMAGES = ['banner', 'logo'] as const;
export type BrandingImageKind = (typeof BRANDING_IMAGES)[number];

export type BrandingImageType = 'png' | 'jpeg' | 'webp';
export const BRANDING_CONTENT_TYPES: Record<BrandingImageType, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};
export const BRANDING_EXTENSIONS: Record<BrandingImageType, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

/**
 * Size and shape rules per image. The banner is a wide strip (at least 2:1), the logo roughly square;
 * the upper bounds keep decoding cheap for every client that shows them.
 */
export const BRANDING_IMAGE_RULES: Record<
  BrandingImageKind,
  {
    maxBytes: number;
    minWidth: number;
    minHeight: number;
    maxWidth: number;
    maxHeight: number;
    ratio: [number, number];
  }
> = {
  banner: { maxBytes: 4 * 1024 * 1024, minWidth: 1024, minHeight: 128, maxWidth: 6144, maxHeight: 3072, ratio: [2, 8] },
  logo: { maxBytes: 1024 * 1024, minWidth: 98, minHeight: 98, maxWidth: 4096, maxHeight: 4096, ratio: [0.8, 1.25] },
};
/** The largest body any branding upload may have (the HTTP parser's limit). */
export const BRANDING_MAX_UPLOAD_BYTES = Math.max(...Object.values(BRANDING_IMAGE_RULES).map((rule) => rule.maxBytes));

export const TAGLINE_MAX_LENGTH = 100;

/** An image as stored: where (media storage key), what, and how large. */
export interface BrandingImage {
  key: string;
  type: BrandingImageType;
  width: number;
  height: number;
  bytes: number;
  uploadedAt: string;
  /** Whose `storage_bytes` the file counts against (the owner at upload); absent on images stored before it counted. */
  chargedTo?: string;
}

export interface ChannelBranding {
  /** `#rrggbb`, lower case. */
  accentColor: string | null;
  tagline: string | null;
  banner: BrandingImage | null;
  logo: BrandingImage | null;
}

export const NO_BRANDING: ChannelBranding = { accentColor: null, tagline: null, banner: null, logo: null };

export class InvalidBrandingError extends DomainError {
  readonly kind = 'invalid';
  constructor(
    readonly code: 'studio.branding.invalid-color' | 'studio.branding.invalid-tagline',
    message: string,
  ) {
    super(message);
  }
}

export class BrandingImageRejectedError extends DomainError {
  readonly kind = 'rule-violated';
  constructor(
    readonly code:
      'studio.branding.image-too-large' | 'studio.branding.image-unsupported' | 'studio.branding.image-dimensions',
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message, details);
  }
}

/** `#rgb` or `#rrggbb` (any case) as `#rrggbb`; anything else is refused. */
export function parseAccentColor(input: string): string {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(input);
  if (!match) throw new InvalidBrandingError('studio.branding.invalid-color', 'accentColor must be #rgb or #rrggbb');
  const hex = match[1].toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex}`;
}

/** One line of at most 100 characters, trimmed; empty means none. */
export function parseTagline(input: string): string | null {
  const tagline = input.normalize('NFC').trim();
  // Control characters (line breaks included) would let a tagline pose as more than one line of a page.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(tagline))
    throw new InvalidBrandingError(
      'studio.branding.invalid-tagline',
      'The tagline is one line without control characters',
    );
  if ([...tagline].length > TAGLINE_MAX_LENGTH)
    throw new InvalidBrandingError(
      'studio.branding.invalid-tagline',
      `The tagline is at most ${TAGLINE_MAX_LENGTH} characters`,
    );
  return tagline || null;
}

/** The image's real type and size read from its header (the declared content type is not trusted), or null. */
export function sniffImage(bytes: Uint8Array): { type: BrandingImageType; width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (start: number, length: number) =>
    String.fromCharCode(...bytes.subarray(start, Math.min(bytes.length, start + length)));
  // PNG: signature, then the IHDR chunk first.
  if (bytes.length >= 24 && ascii(0, 8) === '\x89PNG\r\n\x1a\n' && ascii(12, 4) === 'IHDR')
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  // JPEG: SOI, then segments up to a start-of-frame marker (not DHT C4, JPG C8, DAC CC).
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 <= bytes.length) {
      if (bytes[offset] !== 0xff) return null;
      const marker = bytes[offset + 1];
      if (marker === 0xff) {
        offset += 1; // fill byte
        continue;
      }
      const length = view.getUint16(offset + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { type: 'jpeg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
      if (length < 2) return null;
      offset += 2 + length;
    }
    return null;
  }
  // WebP: RIFF container with a VP8 (lossy), VP8L (lossless) or VP8X (extended) first chunk.
  if (bytes.length >= 30 && ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') {
    const chunk = ascii(12, 4);
    if (chunk === 'VP8 ' && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a)
      return { type: 'webp', width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
    if (chunk === 'VP8L' && bytes[20] === 0x2f) {
      const bits = view.getUint32(21, true);
      return { type: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8X') {
      const width = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
      const height = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
      return { type: 'webp', width, height };
    }
  }
  return null;
}

/**
 * Checks an uploaded image for `kind`: size first (cheapest), then its real type against the declared
 * one, then its dimensions and shape. Returns what the header says.
 */
export function assertBrandingImage(
  kind: BrandingImageKind,
  bytes: Uint8Array,
  declaredContentType: string | undefined,
): { type: BrandingImageType; width: number; height: number } {
  const rule = BRANDING_IMAGE_RULES[kind];
  if (bytes.length > rule.maxBytes)
    throw new BrandingImageRejectedError(
      'studio.branding.image-too-large',
      `The ${kind} is at most ${rule.maxBytes} bytes`,
      { limit: rule.maxBytes, size: bytes.length },
    );
  const image = sniffImage(bytes);
  const declared = declaredContentType?.split(';')[0].trim().toLowerCase();
  if (!image || BRANDING_CONTENT_TYPES[image.type] !== declared)
    throw new BrandingImageRejectedError(
      'studio.branding.image-unsupported',
      'Upload a PNG, JPEG or WebP image with its own Content-Type (image/png, image/jpeg, image/webp)',
      { accepted: Object.values(BRANDING_CONTENT_TYPES) },
    );
  const { width, height } = image;
  const ratio = width / height;
  if (
    width < rule.minWidth ||
    height < rule.minHeight ||
    width > rule.maxWidth ||
    height > rule.maxHeight ||
    ratio < rule.ratio[0] ||
    ratio > rule.ratio[1]
  )
    throw new BrandingImageRejectedError(
      'studio.branding.image-dimensions',
      `A ${kind} is ${rule.minWidth}×${rule.minHeight} to ${rule.maxWidth}×${rule.maxHeight} pixels, width:height between ${rule.ratio[0]} and ${rule.ratio[1]}; this one is ${width}×${height}`,
      { width, height, ...rule },
    );
  return image;
}
