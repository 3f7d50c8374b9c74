import type { MailMessage } from '@lib/platform';
import type { DmcaNotice } from '../../domain/dmca/dmca-notice.js';

export const TRUST_SAFETY_MAIL_QUEUE = 'trust-safety.send-mail';

/** Where trust & safety's mails go: queued after the commit that decided them, sent and retried by a worker. */
export abstract class DmcaMails {
  /** The same idempotency key queued twice is one mail. */
  abstract queue(mail: MailMessage & { idempotencyKey: string }): Promise<void>;
}

/**
 * The copy of a counter-notice § 512(g)(2)(B) says the claimant must get, with the date the material
 * comes back unless they report a court action first. Keyed by the notice: it has one counter-notice.
 */
export function counterNoticeMail(notice: DmcaNotice, apiUrl: string): MailMessage & { idempotencyKey: string } {
  const counter = notice.counterNotice!;
  const courtAction = `${apiUrl}/v1/dmca/notices/${notice.id}/court-action`;
  return {
    to: notice.notice.contact.email,
    subject: `Counter-notice received for your DMCA notice ${notice.id}`,
    idempotencyKey: `dmca-counter-notice:${notice.id}`,
    text: [
      `Dear ${notice.notice.contact.name},`,
      '',
      `The uploader of the material your notice ${notice.id} concerns ("${notice.notice.infringingMaterial}")`,
      'has sent the counter-notice below (17 U.S.C. § 512(g)). Unless you tell us that you have filed an action',
      `seeking a court order against them, the material will be restored on ${notice.restoreAt!.toISOString()}.`,
      `To report a court action, POST ${courtAction} with the claimant token you received with your notice.`,
      '',
      '--- Counter-notice ---',
      `Material removed: ${counter.removedMaterial}`,
      'Statement under penalty of perjury that the material was removed by mistake or misidentification: yes',
      'Consent to the jurisdiction of the Federal District Court and to accept service of process: yes',
      `Name: ${counter.contact.name}`,
      `Address: ${counter.contact.address}`,
      `Phone: ${counter.contact.phone}`,
      `Signature: ${counter.signature}`,
      `Filed: ${notice.counterNoticedAt!.toISOString()}`,
    ].join('\n'),
  };
}
