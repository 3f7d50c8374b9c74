import { find } from 'linkifyjs';
import { hostMatches } from '../../../domain/policy/moderation-policy.js';

export interface LinkFindings {
  /** Hosts of links not on the allow list. */
  unlisted: string[];
  /** Hosts of links on the deny list. */
  denied: string[];
}

/**
 * Links, bare domains included ("bit.ly/x"), as linkifyjs recognises them. Hosts are compared in
 * their ASCII form (the URL parser turns look-alike Unicode domains into punycode), without `www.`.
 */
export function findLinks(text: string, lists: { allow: readonly string[]; deny: readonly string[] }): LinkFindings {
  const unlisted = new Set<string>();
  const denied = new Set<string>();
  for (const link of find(text, 'url')) {
    const host = hostOf(link.href);
    if (!host) continue;
    if (hostMatches(host, lists.deny)) denied.add(host);
    else if (!hostMatches(host, lists.allow)) unlisted.add(host);
  }
  return { unlisted: [...unlisted], denied: [...denied] };
}

function hostOf(href: string): string | null {
  try {
    return new URL(href).hostname
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/\.$/, '');
  } catch {
    return null;
  }
}
