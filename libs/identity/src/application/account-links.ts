import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@config';
import { newId, UnitOfWork } from '@lib/platform';
import type { AccountToken, AccountTokenPurpose } from '../domain/account-token/account-token.js';
import { AccountTokenRejectedError } from '../domain/account-token/account-token.errors.js';
import { AccountTokenRepository } from '../domain/account-token/account-token.repository.js';
import type { User } from '../domain/user/user.js';
import { AccountMails } from './account-mails.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * One-time links mailed to an account's address (ADR 0032): `<token id>.<HMAC over purpose and id>`.
 * The signature makes a link unforgeable and bound to its purpose without storing a secret; the
 * database row makes it single-use and expiring.
 */
@Injectable()
export class AccountLinks {
  private readonly key: Buffer;

  constructor(
    private readonly tokens: AccountTokenRepository,
    private readonly mails: AccountMails,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
  ) {
    // Derived, so the JWT secret itself never signs anything but access tokens.
    this.key = createHmac('sha256', config.auth.jwtSecret).update('identity.account-links').digest();
  }

  /** Call inside a unit of work: the link is stored with it and mailed once it commits. */
  async mailEmailVerification(user: User): Promise<void> {
    const link = await this.issue(user, 'email-verification', this.config.auth.emailVerificationTtlSeconds);
    const url = `${this.config.urls.app}/verify-email?token=${encodeURIComponent(link.token)}`;
    this.mailAfterCommit(link.id, {
      to: user.email,
      subject: 'Confirm your e-mail address',
      text:
        `Hello ${user.displayName},\n\nconfirm that this is your address by opening this link:\n\n${url}\n\n` +
        `It works once, for ${hours(this.config.auth.emailVerificationTtlSeconds)}. ` +
        `If you did not create an account, ignore this mail.\n`,
    });
  }

  /** Call inside a unit of work: the link is stored with it and mailed once it commits. */
  async mailPasswordReset(user: User): Promise<void> {
    const link = await this.issue(user, 'password-reset', this.config.auth.passwordResetTtlSeconds);
    const url = `${this.config.urls.app}/reset-password?token=${encodeURIComponent(link.token)}`;
    this.mailAfterCommit(link.id, {
      to: user.email,
      subject: 'Reset your password',
      text:
        `Hello ${user.displayName},\n\nsomeone asked to reset the password of your account. To choose a new one, open:\n\n${url}\n\n` +
        `It works once, for ${hours(this.config.auth.passwordResetTtlSeconds)}, and signs you out everywhere. ` +
        `If it was not you, ignore this mail: your password stays as it is.\n`,
    });
  }

  /** The link's record if it could be used now, without using it; throws the reason otherwise. */
  async inspect(token: string, purpose: AccountTokenPurpose): Promise<AccountToken> {
    const id = this.verifiedId(token, purpose);
    const found = await this.tokens.find(id, purpose);
    if (!found) throw new AccountTokenRejectedError(purpose, 'invalid');
    if (found.usedAt) throw new AccountTokenRejectedError(purpose, 'used');
    if (found.expiresAt.getTime() <= Date.now()) throw new AccountTokenRejectedError(purpose, 'expired');
    return found;
  }

  /** Uses the link up (atomically: a second use, even a concurrent one, is refused) and returns its record. */
  async redeem(token: string, purpose: AccountTokenPurpose): Promise<AccountToken> {
    const claim = await this.tokens.claim(this.verifiedId(token, purpose), purpose);
    if (claim.outcome === 'claimed') return claim.token;
    throw new AccountTokenRejectedError(purpose, claim.outcome === 'unknown' ? 'invalid' : claim.outcome);
  }

  private async issue(user: User, purpose: AccountTokenPurpose, ttlSeconds: number) {
    const id = newId();
    await this.tokens.add({
      id,
      userId: user.id,
      purpose,
      email: user.email,
      expiresAt: new Date(Date.now() + ttlSeconds * 1_000),
    });
    return { id, token: `${id}.${this.signature(purpose, id).toString('base64url')}` };
  }

  /** The token id, if the signature is this purpose's; a link for another purpose fails here. */
  private verifiedId(token: string, purpose: AccountTokenPurpose): string {
    const [id, signature, ...rest] = token.split('.');
    if (!id || !signature || rest.length || !UUID.test(id)) throw new AccountTokenRejectedError(purpose, 'invalid');
    const expected = this.signature(purpose, id);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new AccountTokenRejectedError(purpose, 'invalid');
    return id;
  }

  private signature(purpose: AccountTokenPurpose, id: string): Buffer {
    return createHmac('sha256', this.key).update(`${purpose}:${id}`).digest();
  }

  private mailAfterCommit(tokenId: string, mail: { to: string; subject: string; text: string }): void {
    // Keyed by the token: a retried job never mails a second, different link.
    this.unitOfWork.afterCommit(() => this.mails.queue({ ...mail, idempotencyKey: `account-link:${tokenId}` }));
  }
}

function hours(seconds: number): string {
  if (seconds < 3_600) return `${Math.round(seconds / 60)} minutes`;
  const count = Math.round(seconds / 3_600);
  return count === 1 ? 'one hour' : `${count} hours`;
}
