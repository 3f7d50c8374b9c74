const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Showrunner sandbox</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #1d1d1f; }
  .card { border: 1px solid #ddd; border-radius: 12px; padding: 1.5rem; }
  .note { color: #666; font-size: 0.875rem; }
  .amount { font-size: 2rem; font-weight: 600; }
  form { display: inline; }
  button { font: inherit; padding: 0.6rem 1.2rem; border-radius: 8px; border: 1px solid #999; background: #fff; cursor: pointer; margin-right: 0.5rem; }
  button.primary { background: #635bff; border-color: #635bff; color: #fff; }
</style></head>
<body><p class="note">Sandbox payments: no card is charged. Outcomes travel through the same webhook pipeline as Stripe's.</p>
<div class="card">${body}</div></body></html>`;
}

export interface CheckoutPageModel {
  id: string;
  status: string;
  productName: string;
  amount: number;
  currency: string;
  /** Null for a one-off payment (a tip). */
  interval: string | null;
  trialDays: number | null;
  successUrl: string | null;
  cancelUrl: string | null;
  /** The session takes a promotion code (allow_promotion_codes), as Stripe's page shows a field for it. */
  promotionCodes?: {
    /** The code typed (from `?promotion_code=`), with what it gives, or why it cannot be used. */
    entered: { code: string; discount: string | null; problem: string | null } | null;
  };
}

export function checkoutPage(model: CheckoutPageModel): string {
  const per = model.interval ? ` <span class="note">per ${escapeHtml(model.interval)}</span>` : '';
  const price = `<p class="amount">${escapeHtml(money(model.amount, model.currency))}${per}</p>`;
  const trial = model.trialDays ? `<p>${model.trialDays}-day free trial first.</p>` : '';
  if (model.status === 'complete') {
    return page(
      'Payment complete',
      `<h1>Payment complete</h1><p>${model.interval ? 'You are subscribed to' : 'You paid for'} <strong>${escapeHtml(model.productName)}</strong>.</p>${
        model.successUrl ? `<p><a href="${escapeHtml(model.successUrl)}">Continue</a></p>` : ''
      }`,
    );
  }
  if (model.status === 'expired') {
    return page(
      'Payment declined',
      `<h1>Payment declined</h1><p>The card was declined; nothing was charged.</p>${
        model.cancelUrl ? `<p><a href="${escapeHtml(model.cancelUrl)}">Back</a></p>` : ''
      }`,
    );
  }
  const base = `/sandbox/checkout/${encodeURIComponent(model.id)}`;
  const action = (outcome: string) => `${base}/${outcome}`;
  const entered = model.promotionCodes?.entered ?? null;
  // The code travels in the URL (a GET form, then the Pay action's query): the app parses no form bodies.
  const applied = entered && !entered.problem ? `?promotion_code=${encodeURIComponent(entered.code)}` : '';
  const codeField = model.promotionCodes
    ? `<form method="get" action="${base}"><label>Promotion code <input name="promotion_code" value="${escapeHtml(
        entered?.code ?? '',
      )}" maxlength="100"></label> <button type="submit">Apply</button></form>${
        entered?.problem
          ? `<p class="note" role="alert">${escapeHtml(entered.problem)}</p>`
          : entered
            ? `<p role="status">Code ${escapeHtml(entered.code)} applied: ${escapeHtml(entered.discount ?? '')}</p>`
            : ''
      }`
    : '';
  return page(
    `${model.interval ? 'Subscribe to' : 'Pay for'} ${model.productName}`,
    `<h1>${model.interval ? 'Subscribe to' : 'Pay for'} ${escapeHtml(model.productName)}</h1>${price}${trial}${codeField}
<form method="post" action="${action('pay')}${applied}"><button class="primary" type="submit">Pay</button></form>
<form method="post" action="${action('decline')}"><button type="submit">Decline</button></form>`,
  );
}

export interface PortalPageModel {
  id: string;
  /** One-time token the page's forms carry: the first action uses it up. */
  actionToken: string;
  subscriptions: Array<{
    id: string;
    status: string;
    productName: string;
    amount: number;
    currency: string;
    interval: string;
    periodEnd: Date;
    cancelAtPeriodEnd: boolean;
  }>;
  returnUrl: string | null;
}

export function portalPage(model: PortalPageModel): string {
  const rows = model.subscriptions.length
    ? model.subscriptions
        .map((subscription) => {
          const action = (path: string) =>
            `/sandbox/portal/${encodeURIComponent(model.id)}/subscriptions/${encodeURIComponent(subscription.id)}/${path}?token=${encodeURIComponent(model.actionToken)}`;
          const live = !['canceled', 'incomplete_expired'].includes(subscription.status);
          return `<h2>${escapeHtml(subscription.productName)}</h2>
<p>${escapeHtml(money(subscription.amount, subscription.currency))} per ${escapeHtml(subscription.interval)} · <strong>${escapeHtml(subscription.status)}</strong>${
            subscription.cancelAtPeriodEnd ? ' · ends at the period end' : ''
          } · period ends ${escapeHtml(subscription.periodEnd.toISOString().slice(0, 10))}</p>
${live ? `<p class="note">Simulate the next renewal:</p><form method="post" action="${action('renew')}"><button type="submit">Renew (card pays)</button></form><form method="post" action="${action('renew-declined')}"><button type="submit">Renew (card declines)</button></form>` : ''}`;
        })
        .join('')
    : '<p>No subscriptions.</p>';
  return page(
    'Billing portal',
    `<h1>Billing portal</h1>${rows}${model.returnUrl ? `<p><a href="${escapeHtml(model.returnUrl)}">Back</a></p>` : ''}`,
  );
}

export interface InvoicePageModel {
  number: string | null;
  status: string;
  currency: string;
  amountDue: number;
  amountPaid: number;
  lines: Array<{ description: string; amount: number }>;
  issuedAt: Date;
}

/** The sandbox's hosted invoice (also its printable "PDF" link). */
export function invoicePage(model: InvoicePageModel): string {
  const rows = model.lines
    .map(
      (line) =>
        `<tr><td>${escapeHtml(line.description)}</td><td style="text-align:right">${escapeHtml(money(line.amount, model.currency))}</td></tr>`,
    )
    .join('');
  return page(
    `Invoice ${model.number ?? ''}`,
    `<h1>Invoice ${escapeHtml(model.number ?? '(draft)')}</h1>
<p>Issued ${escapeHtml(model.issuedAt.toISOString().slice(0, 10))} · <strong>${escapeHtml(model.status)}</strong></p>
<table style="width:100%">${rows}</table>
<p>Amount due ${escapeHtml(money(model.amountDue, model.currency))} · paid ${escapeHtml(money(model.amountPaid, model.currency))}</p>`,
  );
}

/** The sandbox's receipt for a charge. */
export function receiptPage(model: { amount: number; refunded: number; currency: string; paidAt: Date }): string {
  return page(
    'Receipt',
    `<h1>Receipt</h1><p class="amount">${escapeHtml(money(model.amount, model.currency))}</p>
<p>Paid ${escapeHtml(model.paidAt.toISOString().slice(0, 10))}${model.refunded ? ` · refunded ${escapeHtml(money(model.refunded, model.currency))}` : ''}</p>`,
  );
}

export interface ConnectPageModel {
  linkId: string;
  onboarded: boolean;
  /** The link can still complete onboarding. */
  open: boolean;
  returnUrl: string;
  balances: Array<{ amount: number; currency: string }>;
  payoutsHeld: boolean;
}

/** The sandbox's Express onboarding page, and (once onboarded) a button that pays the balance out. */
export function connectPage(model: ConnectPageModel): string {
  const action = (name: string) => `/sandbox/connect/${encodeURIComponent(model.linkId)}/${name}`;
  if (!model.onboarded) {
    return page(
      'Payout account',
      model.open
        ? `<h1>Set up payouts</h1><p>Stripe Express onboarding, simulated: no identity check, a test bank account.</p>
<form method="post" action="${action('complete')}"><button class="primary" type="submit">Complete onboarding</button></form>`
        : '<h1>Link expired</h1><p>Start again from the app.</p>',
    );
  }
  const balances = model.balances.length
    ? model.balances
        .map((balance) => `<p class="amount">${escapeHtml(money(balance.amount, balance.currency))}</p>`)
        .join('')
    : '<p class="amount">$0.00</p>';
  const payout = model.payoutsHeld
    ? '<p>Payouts are on hold.</p>'
    : `<form method="post" action="${action('payout')}"><button class="primary" type="submit">Pay out now</button></form>`;
  return page(
    'Payout account',
    `<h1>Payouts are set up</h1><p class="note">Available balance</p>${balances}${payout}
<p><a href="${escapeHtml(model.returnUrl)}">Back to the app</a></p>`,
  );
}
