import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { DuplicateClientMessageError } from '../../domain/message/message.errors.js';

/**
 * A message insert's failure as the domain names it: (sender, clientMessageId) is unique, so a retried send fails
 * on that key (and its transaction rolls back); any other failure is returned unchanged.
 */
export function asDuplicateClientMessage(error: unknown): unknown {
  return error instanceof UniqueConstraintViolationException && String(error.message).includes('messages_client_id_key')
    ? new DuplicateClientMessageError()
    : error;
}
