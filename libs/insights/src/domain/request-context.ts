/** What the HTTP request says about where a batch comes from. */
export interface RequestFacts {
  userAgent: string | undefined;
  country: string | undefined;
  referer: string | undefined;
}

export interface ClientContext {
  device: 'desktop' | 'mobile' | 'tablet' | 'tv' | 'other';
  os: string;
  country: string | null;
}

const BOT =
  /bot\b|bot\/|crawl|spider|slurp|scrape|headless|lighthouse|facebookexternalhit|embedly|preview|python-requests|curl\/|wget|go-http-client|java\/|okhttp|axios\/|node-fetch|phantomjs|puppeteer|playwright|monitor|pingdom|uptime/i;

/** Known crawlers, link previewers, HTTP libraries and headless browsers (and a missing User-Agent). */
export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || BOT.test(userAgent);
}

export function clientContext(facts: RequestFacts): ClientContext {
  const ua = facts.userAgent ?? '';
  const os = /windows/i.test(ua)
    ? 'Windows'
    : /iphone|ipad|ipod/i.test(ua)
      ? 'iOS'
      : /android/i.test(ua)
        ? 'Android'
        : /mac os x|macintosh/i.test(ua)
          ? 'macOS'
          : /cros/i.test(ua)
            ? 'ChromeOS'
            : /linux/i.test(ua)
              ? 'Linux'
              : 'Other';
  const device = /smart-?tv|tizen|webos|appletv|roku|aftb|crkey/i.test(ua)
    ? 'tv'
    : /ipad|tablet|(android(?!.*mobile))/i.test(ua)
      ? 'tablet'
      : /mobi|iphone|ipod/i.test(ua)
        ? 'mobile'
        : /windows|macintosh|x11|linux|cros/i.test(ua)
          ? 'desktop'
          : 'other';
  const country = facts.country && /^[A-Za-z]{2}$/.test(facts.country) ? facts.country.toUpperCase() : null;
  return { device, os, country };
}

export interface Acquisition {
  referrer: string | null;
  trafficSource: string;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
}

const text = (value: unknown, max = 200): string | null =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null;

/**
 * Referrer and UTM tags from the event's properties (`referrer`, `utm_*`, or the page `url`'s query),
 * falling back to the request's Referer. The traffic source is the UTM source, else the referring
 * host, else `direct`.
 */
export function acquisition(properties: Record<string, unknown>, requestReferer: string | undefined): Acquisition {
  let query: URLSearchParams | undefined;
  const url = text(properties.url, 2_000);
  if (url) {
    try {
      query = new URL(url).searchParams;
    } catch {
      query = undefined;
    }
  }
  const utmSource = text(properties.utm_source) ?? text(query?.get('utm_source'));
  const utmMedium = text(properties.utm_medium) ?? text(query?.get('utm_medium'));
  const utmCampaign = text(properties.utm_campaign) ?? text(query?.get('utm_campaign'));
  const referrer = text(properties.referrer, 2_000) ?? text(requestReferer, 2_000);
  let referrerHost: string | null = null;
  if (referrer) {
    try {
      referrerHost = new URL(referrer).hostname.replace(/^www\./, '') || null;
    } catch {
      referrerHost = null;
    }
  }
  return {
    referrer,
    utmSource,
    utmMedium,
    utmCampaign,
    trafficSource: (utmSource ?? referrerHost ?? 'direct').toLowerCase(),
  };
}
