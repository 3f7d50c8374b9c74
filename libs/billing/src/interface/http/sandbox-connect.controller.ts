import { Controller, Get, Header, Param, Post, Redirect } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@lib/platform';
import type { AccountLinkDetails, AccountObject } from '@lib/stripe-emulator';
import { SandboxHost } from '../../infrastructure/sandbox/sandbox-host.js';
import { connectPage } from './sandbox-pages.js';
import { SandboxLinkExpiredError, SandboxPageNotFoundError } from './sandbox-pages.errors.js';

const DAY_SECONDS = 86_400;

/**
 * The sandbox's Stripe Express onboarding page (local runs only): the account link's page completes onboarding
 * (account.updated), then offers an immediate payout of the balance (payout.created, payout.paid), as Stripe's
 * payout schedule would. The link is the secret, as on Stripe; it onboards once and pays out for a day (ADR 0014).
 */
@ApiTags('sandbox payments (local runs only)')
@ApiProduces('text/html')
@Public()
@Controller('sandbox/connect')
export class SandboxConnectController {
  constructor(private readonly sandbox: SandboxHost) {}

  @Get(':linkId')
  @ApiOperation({ summary: 'The sandbox payout account onboarding page (Stripe Express, simulated)' })
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOkResponse({ description: 'The onboarding page', content: { 'text/html': { schema: { type: 'string' } } } })
  async page(@Param('linkId') linkId: string): Promise<string> {
    const { link, account } = await this.linked(linkId);
    const emulator = this.sandbox.emulator!;
    const balances = Object.entries(await emulator.connectBalance(account.id)).map(([currency, amount]) => ({
      currency,
      amount,
    }));
    return connectPage({
      linkId,
      onboarded: account.details_submitted,
      open: emulator.now() < link.expires_at,
      returnUrl: link.return_url,
      balances,
      payoutsHeld: account.settings.payouts.schedule.interval === 'manual',
    });
  }

  @Post(':linkId/complete')
  @ApiOperation({ summary: 'Complete onboarding (a form post from the page); 404 once the link is used or expired' })
  @ApiResponse({ status: 303, description: 'Back to the page, which shows the outcome' })
  @Redirect()
  async complete(@Param('linkId') linkId: string) {
    const { link } = await this.linked(linkId);
    if (this.sandbox.emulator!.now() >= link.expires_at)
      throw new SandboxLinkExpiredError(new Date(link.expires_at * 1_000));
    await this.sandbox.emulator!.completeOnboarding(linkId);
    return { url: `/sandbox/connect/${encodeURIComponent(linkId)}`, statusCode: 303 };
  }

  @Post(':linkId/payout')
  @ApiOperation({
    summary: 'Pay the account’s balance out now and have the bank accept it (nothing while payouts are held)',
  })
  @ApiResponse({ status: 303, description: 'Back to the page' })
  @Redirect()
  async payout(@Param('linkId') linkId: string) {
    const { account } = await this.linked(linkId);
    const emulator = this.sandbox.emulator!;
    for (const payout of (await emulator.runPayouts(account.id)).result) await emulator.settlePayout(payout.id, 'paid');
    return { url: `/sandbox/connect/${encodeURIComponent(linkId)}`, statusCode: 303 };
  }

  private async linked(linkId: string): Promise<{ link: AccountLinkDetails; account: AccountObject }> {
    const emulator = this.sandbox.emulator;
    const link = emulator ? await emulator.accountLink(linkId) : undefined;
    if (!emulator || !link) throw new SandboxPageNotFoundError();
    if (emulator.now() >= link.created + DAY_SECONDS)
      throw new SandboxLinkExpiredError(new Date((link.created + DAY_SECONDS) * 1_000));
    return { link, account: await emulator.retrieveAccount(link.account) };
  }
}
