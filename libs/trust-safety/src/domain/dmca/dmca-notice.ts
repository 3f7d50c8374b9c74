import { DmcaStepNotAllowedError } from './dmca.errors.js';

export const DMCA_STATUSES = ['taken-down', 'counter-noticed', 'restored', 'court-action'] as const;
export type DmcaStatus = (typeof DMCA_STATUSES)[number];

/** A takedown notice as the claimant sent it (every field optional here: the domain names what is missing). */
export interface DmcaNoticeInput {
  copyrightedWork?: string | null;
  infringingMaterial?: string | null;
  location?: string | null;
  contact?: { name?: string | null; email?: string | null; address?: string | null; phone?: string | null } | null;
  goodFaithStatement?: boolean | null;
  accuracyStatement?: boolean | null;
  signature?: string | null;
}

/** The elements 17 U.S.C. § 512(c)(3)(A) requires, as stored once complete. */
export interface DmcaNoticeElements {
  copyrightedWork: string;
  infringingMaterial: string;
  location: string;
  contact: { name: string; email: string; address: string; phone: string | null };
  goodFaithStatement: true;
  accuracyStatement: true;
  signature: string;
}

export interface CounterNoticeInput {
  removedMaterial?: string | null;
  mistakeStatement?: boolean | null;
  jurisdictionConsent?: boolean | null;
  contact?: { name?: string | null; address?: string | null; phone?: string | null } | null;
  signature?: string | null;
}

/** The elements 17 U.S.C. § 512(g)(3) requires of a counter-notice. */
export interface CounterNoticeElements {
  removedMaterial: string;
  mistakeStatement: true;
  jurisdictionConsent: true;
  contact: { name: string; address: string; phone: string };
  signature: string;
}

const filled = (value: string | null | undefined): value is string => typeof value === 'string' && !!value.trim();
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The video a location names: a bare video id, or a URL on this platform whose path holds one. */
export function videoIdIn(location: string): string | null {
  const trimmed = location.trim();
  if (/^[0-9a-f-]{36}$/i.test(trimmed)) return UUID.test(trimmed) ? trimmed.toLowerCase() : null;
  let path: string;
  try {
    path = new URL(trimmed).pathname;
  } catch {
    return null;
  }
  const match = /\/videos\/([0-9a-f-]{36})(?:\/|$)/i.exec(path);
  return match && UUID.test(match[1]) ? match[1].toLowerCase() : null;
}

/**
 * Checks a notice: the names of the missing elements (`contact.email`…) and the invalid ones. A
 * statement counts only when it is affirmed (`true`).
 */
export function checkNotice(input: DmcaNoticeInput): {
  missing: string[];
  invalid: { field: string; reason: string }[];
  elements: DmcaNoticeElements | null;
  videoId: string | null;
} {
  const missing: string[] = [];
  const invalid: { field: string; reason: string }[] = [];
  if (!filled(input.copyrightedWork)) missing.push('copyrightedWork');
  if (!filled(input.infringingMaterial)) missing.push('infringingMaterial');
  let videoId: string | null = null;
  if (!filled(input.location)) missing.push('location');
  else {
    videoId = videoIdIn(input.location);
    if (!videoId) invalid.push({ field: 'location', reason: 'not a video id or a video URL on this platform' });
  }
  const contact = input.contact ?? {};
  if (!filled(contact.name)) missing.push('contact.name');
  if (!filled(contact.email)) missing.push('contact.email');
  else if (!EMAIL.test(contact.email.trim())) invalid.push({ field: 'contact.email', reason: 'not an e-mail address' });
  if (!filled(contact.address)) missing.push('contact.address');
  if (input.goodFaithStatement !== true) missing.push('goodFaithStatement');
  if (input.accuracyStatement !== true) missing.push('accuracyStatement');
  if (!filled(input.signature)) missing.push('signature');
  if (missing.length || invalid.length) return { missing, invalid, elements: null, videoId };
  return {
    missing,
    invalid,
    videoId,
    elements: {
      copyrightedWork: input.copyrightedWork!.trim(),
      infringingMaterial: input.infringingMaterial!.trim(),
      location: input.location!.trim(),
      contact: {
        name: contact.name!.trim(),
        email: contact.email!.trim().toLowerCase(),
        address: contact.address!.trim(),
        phone: filled(contact.phone) ? contact.phone.trim() : null,
      },
      goodFaithStatement: true,
      accuracyStatement: true,
      signature: input.signature!.trim(),
    },
  };
}

export function checkCounterNotice(input: CounterNoticeInput): {
  missing: string[];
  elements: CounterNoticeElements | null;
} {
  const missing: string[] = [];
  if (!filled(input.removedMaterial)) missing.push('removedMaterial');
  if (input.mistakeStatement !== true) missing.push('mistakeStatement');
  if (input.jurisdictionConsent !== true) missing.push('jurisdictionConsent');
  const contact = input.contact ?? {};
  if (!filled(contact.name)) missing.push('contact.name');
  if (!filled(contact.address)) missing.push('contact.address');
  if (!filled(contact.phone)) missing.push('contact.phone');
  if (!filled(input.signature)) missing.push('signature');
  if (missing.length) return { missing, elements: null };
  return {
    missing,
    elements: {
      removedMaterial: input.removedMaterial!.trim(),
      mistakeStatement: true,
      jurisdictionConsent: true,
      contact: { name: contact.name!.trim(), address: contact.address!.trim(), phone: contact.phone!.trim() },
      signature: input.signature!.trim(),
    },
  };
}

/** One notice and where it stands: taken down, countered (restoration scheduled), restored, or in court. */
export class DmcaNotice {
  constructor(
    readonly id: string,
    readonly videoId: string,
    readonly uploaderId: string,
    public status: DmcaStatus,
    readonly notice: DmcaNoticeElements,
    readonly claimantTokenHash: string,
    readonly takedownDecisionId: string,
    public counterNotice: CounterNoticeElements | null,
    public counterNoticedAt: Date | null,
    public restoreAt: Date | null,
    public restoredAt: Date | null,
    public restoreDecisionId: string | null,
    public courtAction: { reportedBy: 'moderator' | 'claimant'; actorId: string | null; details: string } | null,
    public courtActionAt: Date | null,
    readonly createdAt: Date,
  ) {}

  fileCounterNotice(elements: CounterNoticeElements, at: Date, restoreAt: Date): void {
    if (this.status !== 'taken-down') throw new DmcaStepNotAllowedError('counter-notice', this.status);
    this.status = 'counter-noticed';
    this.counterNotice = elements;
    this.counterNoticedAt = at;
    this.restoreAt = restoreAt;
  }

  /** The claimant went to court: the material stays down, whatever the counter-notice said. */
  reportCourtAction(action: NonNullable<DmcaNotice['courtAction']>, at: Date): void {
    if (this.status !== 'taken-down' && this.status !== 'counter-noticed')
      throw new DmcaStepNotAllowedError('court action', this.status);
    this.status = 'court-action';
    this.courtAction = action;
    this.courtActionAt = at;
    this.restoreAt = null;
  }

  isDueForRestoration(now: Date): boolean {
    return this.status === 'counter-noticed' && !!this.restoreAt && this.restoreAt.getTime() <= now.getTime();
  }

  /** `decisionId` null: settled, but another notice keeps the material down. */
  restored(decisionId: string | null, at: Date): void {
    this.status = 'restored';
    this.restoredAt = at;
    this.restoreDecisionId = decisionId;
  }
}
