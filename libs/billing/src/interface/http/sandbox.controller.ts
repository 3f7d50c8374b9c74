import { Controller, Get, Header, Param, Post, Query, Redirect } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AppConfig } from '@config';
import { Public } from '@lib/platform';
import { PlanCatalogue } from '../../application/plan-catalogue.js';
import { PortalAccessTokens } from '../../infrastructure/sandbox/portal-access-tokens.js';
import { SandboxHost } from '../../infrastructure/sandbox/sandbox-host.js';
import {
  StripeApiError,
  type ChargeObject,
  type CheckoutSessionObject,
  type InvoiceObject,
  type PortalSessionObject,
  type ProductObject,
  type SubscriptionObject,
} from '@lib/stripe-emulator';
import { checkoutPage, invoicePage, portalPage, receiptPage } from './sandbox-pages.js';
import {
  SandboxCheckoutNotOpenError,
  SandboxPromotionCodeInvalidError,
  SandboxLinkExpiredError,
  SandboxPageNotFoundError,
  SandboxPortalTokenInvalidError,
} from './sandbox-pages.errors.js';

/** The emulator objects these pages read, by their `object` field. */
interface SandboxObjects {
  'checkout.session': CheckoutSessionObject;
  'billing_portal.session': PortalSessionObject;
  subscription: SubscriptionObject;
  charge: ChargeObject;
  invoice: InvoiceObject;
}

const DAY_SECONDS = 86_400;

/**
 * The sandbox payment provider's pages (local runs only): the hosted checkout with Pay and Decline,
 * and a portal that simulates renewals. People open them in a browser from `checkoutUrl` and the
 * portal link; with Stripe configured they answer 404. Like Stripe's, every link expires (ADR 0014);
 * the portal also wants a one-time token per page view and per action.
 */
/** A page of the sandbox: HTML for a person in a browser. */
const ApiHtmlPage = (description: string) =>
  ApiOkResponse({ description, content: { 'text/html': { schema: { type: 'string' } } } });

/** A form post answered with 303 See Other to the page that shows its outcome. */
const ApiSeeOther = (description: string) =>
  ApiResponse({
    status: 303,
    description,
    headers: { Location: { description: 'The page to show next', schema: { type: 'string' } } },
  });

@ApiTags('sandbox payments (local runs only)')
@ApiProduces('text/html')
@Public()
@Controller('sandbox')
export class SandboxController {
  constructor(
    private readonly sandbox: SandboxHost,
    private readonly catalogue: PlanCatalogue,
    private readonly portalTokens: PortalAccessTokens,
    private readonly config: AppConfig,
  ) {}

  @Get('checkout/:id')
  @ApiOperation({ summary: 'The sandbox checkout page (Pay / Decline)' })
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiHtmlPage('The checkout page')
  async checkout(@Param('id') id: string, @Query('promotion_code') promotionCode?: string): Promise<string> {
    const session = await this.openableCheckout(id);
    // Our checkouts carry the plan in their metadata; the page shows the plan as we sell it.
    const plan = session.metadata.planId ? await this.catalogue.get(session.metadata.planId).catch(() => null) : null;
    const oneOff = (session.mode as string) === 'payment';
    const interval = oneOff ? null : session.metadata.interval === 'year' ? 'year' : 'month';
    const price = interval ? plan?.prices[interval] : undefined;
    return checkoutPage({
      id,
      status: session.status,
      productName: plan?.name ?? (oneOff ? 'a tip' : 'your plan'),
      amount: price?.amount ?? session.amount_total,
      currency: price?.currency ?? session.currency,
      interval,
      trialDays: session.amount_total === 0 && plan?.trialDays ? plan.trialDays : null,
      successUrl:
        typeof session.success_url === 'string' ? session.success_url.replace('{CHECKOUT_SESSION_ID}', id) : null,
      cancelUrl: typeof session.cancel_url === 'string' ? session.cancel_url : null,
      promotionCodes:
        session.allow_promotion_codes === true && session.status === 'open'
          ? { entered: promotionCode?.trim() ? await this.describeCode(promotionCode.trim().slice(0, 100)) : null }
          : undefined,
    });
  }

  /** What a typed code gives, as Stripe's page shows it; the emulator checks it again (plan, limits) at Pay. */
  private async describeCode(code: string): Promise<{ code: string; discount: string | null; problem: string | null }> {
    const [found] = (await this.sandbox.emulator!.listPromotionCodes({ code, active: 'true' })).data;
    if (!found) return { code, discount: null, problem: 'This code is invalid.' };
    const coupon = await this.sandbox.emulator!.retrieveCoupon(found.promotion.coupon);
    if (!coupon.valid) return { code, discount: null, problem: 'This code has expired.' };
    const off = coupon.percent_off
      ? `${coupon.percent_off}% off`
      : `${(coupon.amount_off ?? 0) / 100} ${String(coupon.currency ?? '').toUpperCase()} off`;
    const duration =
      coupon.duration === 'repeating' ? ` for ${coupon.duration_in_months} months` : ` ${coupon.duration}`;
    return { code: found.code, discount: `${off}${duration}`, problem: null };
  }

  @Post('checkout/:id/pay')
  @ApiOperation({
    summary:
      'Pay a sandbox checkout (a form post from its page); 409 once it is paid or declined; `?promotion_code=` applies a code typed on the page (422 `billing.sandbox-checkout.promotion-code-invalid` when the emulator refuses it)',
  })
  @ApiSeeOther('Paid: back to the checkout page, which shows the outcome')
  @Redirect()
  async pay(@Param('id') id: string, @Query('promotion_code') promotionCode?: string) {
    await this.completeCheckout(id, 'pay', promotionCode?.trim().slice(0, 100) || undefined);
    return { url: `/sandbox/checkout/${encodeURIComponent(id)}`, statusCode: 303 };
  }

  @Post('checkout/:id/decline')
  @ApiOperation({ summary: 'Decline a sandbox checkout (a form post from its page); 409 once it is paid or declined' })
  @ApiSeeOther('Declined: back to the checkout page, which shows the outcome')
  @Redirect()
  async decline(@Param('id') id: string) {
    await this.completeCheckout(id, 'decline');
    return { url: `/sandbox/checkout/${encodeURIComponent(id)}`, statusCode: 303 };
  }

  @Get('portal/:id')
  @ApiOperation({
    summary: 'The sandbox billing portal: subscriptions, simulated renewals (each view uses up its one-time token)',
  })
  @ApiQuery({ name: 'token', description: 'the one-time token from the portal link or the previous page' })
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiHtmlPage('The portal page')
  async portal(@Param('id') id: string, @Query('token') token?: string): Promise<string> {
    const session = await this.authorizedPortal(id, token);
    const emulator = this.sandbox.emulator!;
    const subscriptions = (await emulator.store.list<SubscriptionObject>('subscription')).filter(
      (subscription) => subscription.customer === session.customer,
    );
    return portalPage({
      id,
      actionToken: await this.portalTokens.issue(id),
      returnUrl: session.return_url,
      subscriptions: await Promise.all(
        subscriptions.map(async (subscription) => {
          const item = subscription.items.data[0];
          const product = await emulator.store.get<ProductObject>(item.price.product);
          return {
            id: subscription.id,
            status: subscription.status,
            productName: product?.name ?? item.price.nickname ?? 'Plan',
            amount: item.price.unit_amount,
            currency: item.price.currency,
            interval: item.price.recurring?.interval ?? 'month',
            periodEnd: new Date(item.current_period_end * 1_000),
            cancelAtPeriodEnd: subscription.cancel_at_period_end,
          };
        }),
      ),
    });
  }

  @Post('portal/:id/subscriptions/:subscriptionId/:action')
  @ApiOperation({
    summary: "Simulate a renewal that pays (`renew`) or declines (`renew-declined`); needs the page's one-time token",
  })
  @ApiQuery({ name: 'token', description: 'the one-time token the portal page put in its forms' })
  @ApiSeeOther('Renewed: back to the portal page with a fresh token')
  @Redirect()
  async renew(
    @Param('id') id: string,
    @Param('subscriptionId') subscriptionId: string,
    @Param('action') action: string,
    @Query('token') token?: string,
  ) {
    const session = await this.authorizedPortal(id, token);
    const subscription = await this.find(subscriptionId, 'subscription');
    if (subscription.customer !== session.customer || !['renew', 'renew-declined'].includes(action))
      throw new SandboxPageNotFoundError();
    const emulator = this.sandbox.emulator!;
    await emulator.setPaymentOutcome(session.customer, action === 'renew' ? 'succeed' : 'decline');
    await emulator.renew(subscriptionId);
    const next = await this.portalTokens.issue(id);
    return { url: `/sandbox/portal/${encodeURIComponent(id)}?token=${encodeURIComponent(next)}`, statusCode: 303 };
  }

  @Get('invoices/receipts/:id')
  @ApiOperation({ summary: 'A sandbox payment receipt' })
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiHtmlPage('The receipt')
  async receipt(@Param('id') id: string): Promise<string> {
    const charge = await this.find(id, 'charge');
    this.refuseAfter(charge.created + this.config.billing.sandbox.invoiceLinkTtlDays * DAY_SECONDS);
    return receiptPage({
      amount: charge.amount,
      refunded: charge.amount_refunded,
      currency: charge.currency,
      paidAt: new Date(charge.created * 1_000),
    });
  }

  @Get('invoices/:id')
  @ApiOperation({ summary: 'A sandbox hosted invoice' })
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiHtmlPage('The hosted invoice')
  async invoice(@Param('id') id: string): Promise<string> {
    return this.invoiceHtml(id);
  }

  @Get('invoices/:id/pdf')
  @ApiOperation({ summary: 'A sandbox invoice’s printable version (HTML: the sandbox renders no PDF)' })
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiHtmlPage('The printable invoice')
  async invoicePdf(@Param('id') id: string): Promise<string> {
    return this.invoiceHtml(id);
  }

  private async invoiceHtml(id: string): Promise<string> {
    const invoice = await this.find(id, 'invoice');
    this.refuseAfter(invoice.created + this.config.billing.sandbox.invoiceLinkTtlDays * DAY_SECONDS);
    return invoicePage({
      number: invoice.number,
      status: invoice.status,
      currency: invoice.currency,
      amountDue: invoice.amount_due,
      amountPaid: invoice.amount_paid,
      issuedAt: new Date(invoice.created * 1_000),
      lines: invoice.lines.data.map((line) => ({ description: line.description, amount: line.amount })),
    });
  }

  /** A checkout link works until the session's own expiry or the configured lifetime, whichever comes first. */
  private async openableCheckout(id: string): Promise<CheckoutSessionObject> {
    const session = await this.find(id, 'checkout.session');
    this.refuseAfter(Math.min(session.expires_at, session.created + this.config.billing.sandbox.checkoutTtlSeconds));
    return session;
  }

  private async completeCheckout(id: string, outcome: 'pay' | 'decline', promotionCode?: string): Promise<void> {
    const session = await this.openableCheckout(id);
    if (session.status !== 'open') throw new SandboxCheckoutNotOpenError(session.status);
    try {
      await this.sandbox.emulator!.completeCheckout(id, outcome, promotionCode ? { promotionCode } : {});
    } catch (error) {
      // A concurrent Pay/Decline won the race: the emulator refuses the second one; say why, not 500.
      if (!(error instanceof StripeApiError)) throw error;
      const now = await this.find(id, 'checkout.session');
      if (now.status !== 'open') throw new SandboxCheckoutNotOpenError(now.status);
      // The session is still open: the emulator refused the typed code (as Stripe's page would, inline).
      if (promotionCode) throw new SandboxPromotionCodeInvalidError(error.message);
      throw error;
    }
  }

  /** The portal session, if its link is still alive and the one-time token is valid for it (the token is used up). */
  private async authorizedPortal(id: string, token: string | undefined): Promise<PortalSessionObject> {
    const session = await this.find(id, 'billing_portal.session');
    this.refuseAfter(session.created + this.config.billing.sandbox.portalTtlSeconds);
    if (!(await this.portalTokens.consume(id, token))) throw new SandboxPortalTokenInvalidError();
    return session;
  }

  private refuseAfter(expiresAtSeconds: number): void {
    if (this.sandbox.emulator!.now() >= expiresAtSeconds)
      throw new SandboxLinkExpiredError(new Date(expiresAtSeconds * 1_000));
  }

  private async find<T extends keyof SandboxObjects>(id: string, objectType: T): Promise<SandboxObjects[T]> {
    const object = this.sandbox.emulator ? await this.sandbox.emulator.store.get<SandboxObjects[T]>(id) : undefined;
    if (!object || object.object !== objectType) throw new SandboxPageNotFoundError();
    return object;
  }
}
