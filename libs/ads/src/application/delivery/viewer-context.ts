import type { Device } from '../../domain/index.js';

/** The device class from a User-Agent, the same buckets insights reports. */
export function deviceOf(userAgent: string | undefined): Device {
  const ua = userAgent ?? '';
  if (/smart-?tv|tizen|webos|appletv|roku|aftb|crkey/i.test(ua)) return 'tv';
  if (/ipad|tablet|(android(?!.*mobile))/i.test(ua)) return 'tablet';
  if (/mobi|iphone|ipod|android/i.test(ua)) return 'mobile';
  if (/windows|macintosh|linux|cros/i.test(ua)) return 'desktop';
  return 'other';
}

/** The primary language of an Accept-Language header (`fr-CA,fr;q=0.9` → `fr`). */
export function languageOf(acceptLanguage: string | undefined): string | null {
  const first = acceptLanguage?.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
  const primary = first?.split('-')[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

export function countryOf(header: string | undefined): string | null {
  const value = header?.trim().toUpperCase();
  return value && /^[A-Z]{2}$/.test(value) ? value : null;
}
