/** Customers, products and prices. */
import type { Interval } from './billing-math.js';
import { invalidRequest, missingParam } from './errors.js';
import {
  buildCustomer,
  buildPrice,
  buildProduct,
  type CustomerObject,
  type PriceObject,
  type ProductObject,
  type RecurringPrice,
} from './objects/index.js';
import {
  hashParam,
  listParam,
  mergeMetadata,
  metadataParam,
  nullableString,
  optionalBoolean,
  optionalEnum,
  optionalInteger,
  optionalString,
  rejectUnknownParams,
  requiredString,
  type Params,
} from './params.js';
import { saveWithEvents, type Transaction } from './transaction.js';

// ------------------------------------------------------------------------------------------------ customers

export function createCustomer(tx: Transaction, params: Params): CustomerObject {
  const customer = buildCustomer({
    id: tx.id('cus'),
    now: tx.now,
    email: nullableString(params, 'email') ?? null,
    name: nullableString(params, 'name') ?? null,
    description: nullableString(params, 'description') ?? null,
    metadata: mergeMetadata({}, metadataParam(params)),
  });
  tx.put(customer);
  tx.emit('customer.created', customer);
  return customer;
}

export async function updateCustomer(tx: Transaction, id: string, params: Params): Promise<CustomerObject> {
  const customer = await tx.require<CustomerObject>(id, 'customer');
  const before = structuredClone(customer);
  for (const field of ['email', 'name', 'description'] as const) {
    const value = nullableString(params, field);
    if (value !== undefined) customer[field] = value;
  }
  customer.metadata = mergeMetadata(customer.metadata, metadataParam(params));
  return saveWithEvents(tx, before, customer, 'customer.updated');
}

export function filterCustomers(customers: CustomerObject[], params: Params): CustomerObject[] {
  const email = optionalString(params, 'email');
  return customers.filter((customer) => email === undefined || customer.email === email);
}

// ------------------------------------------------------------------------------------------------- products

export async function createProduct(tx: Transaction, params: Params): Promise<ProductObject> {
  const id = optionalString(params, 'id') ?? tx.id('prod');
  if (await tx.find(id, 'product')) {
    throw invalidRequest(`Product already exists.`, { code: 'resource_already_exists', param: 'id' });
  }
  const product = buildProduct({
    id,
    now: tx.now,
    name: requiredString(params, 'name'),
    description: nullableString(params, 'description') ?? null,
    active: optionalBoolean(params, 'active') ?? true,
    metadata: mergeMetadata({}, metadataParam(params)),
  });
  tx.put(product);
  tx.emit('product.created', product);
  return product;
}

export async function updateProduct(tx: Transaction, id: string, params: Params): Promise<ProductObject> {
  const product = await tx.require<ProductObject>(id, 'product');
  const before = structuredClone(product);
  const name = optionalString(params, 'name');
  if (name === '')
    throw invalidRequest('You cannot set name to an empty string.', { code: 'parameter_invalid_empty', param: 'name' });
  if (name !== undefined) product.name = name;
  const description = nullableString(params, 'description');
  if (description !== undefined) product.description = description;
  product.active = optionalBoolean(params, 'active') ?? product.active;
  product.metadata = mergeMetadata(product.metadata, metadataParam(params));
  if (JSON.stringify(before) !== JSON.stringify(product)) product.updated = tx.now;
  return saveWithEvents(tx, before, product, 'product.updated');
}

export function filterProducts(products: ProductObject[], params: Params): ProductObject[] {
  const active = optionalBoolean(params, 'active');
  const ids = listParam(params, 'ids').map(String);
  return products.filter(
    (product) => (active === undefined || product.active === active) && (ids.length === 0 || ids.includes(product.id)),
  );
}

// --------------------------------------------------------------------------------------------------- prices

const INTERVALS: readonly Interval[] = ['day', 'week', 'month', 'year'];

export async function createPrice(tx: Transaction, params: Params): Promise<PriceObject> {
  const product = await productForNewPrice(tx, params);
  const unitAmount = optionalInteger(params, 'unit_amount');
  if (unitAmount === undefined) throw missingParam('unit_amount');
  if (unitAmount < 0) throw invalidRequest('This value must be greater than or equal to 0.', { param: 'unit_amount' });
  const lookupKey = nullableString(params, 'lookup_key') ?? null;
  if (lookupKey !== null) await claimLookupKey(tx, lookupKey, optionalBoolean(params, 'transfer_lookup_key') ?? false);
  const price = buildPrice({
    id: tx.id('price'),
    now: tx.now,
    product: product.id,
    currency: requiredString(params, 'currency').toLowerCase(),
    unitAmount,
    recurring: await meteredTerms(tx, recurringParam(params), hashParam(params, 'recurring')),
    active: optionalBoolean(params, 'active') ?? true,
    lookupKey,
    nickname: nullableString(params, 'nickname') ?? null,
    metadata: mergeMetadata({}, metadataParam(params)),
  });
  tx.put(price);
  tx.emit('price.created', price);
  return price;
}

async function productForNewPrice(tx: Transaction, params: Params): Promise<ProductObject> {
  const productId = optionalString(params, 'product');
  if (productId) return tx.require<ProductObject>(productId, 'product', 'product');
  const productData = hashParam(params, 'product_data');
  if (Object.keys(productData).length === 0) throw missingParam('product');
  return createProduct(tx, {
    name: requiredString(productData, 'name', 'product_data[name]'),
    metadata: productData.metadata,
  });
}

function recurringParam(params: Params): { interval: Interval; interval_count: number } | null {
  const recurring = hashParam(params, 'recurring');
  if (Object.keys(recurring).length === 0) return null;
  const interval = optionalEnum(recurring, 'interval', INTERVALS, 'recurring[interval]');
  if (!interval) throw missingParam('recurring[interval]');
  const intervalCount = optionalInteger(recurring, 'interval_count', 'recurring[interval_count]') ?? 1;
  if (intervalCount < 1)
    throw invalidRequest('Invalid recurring[interval_count]: must be at least 1', {
      param: 'recurring[interval_count]',
    });
  return { interval, interval_count: intervalCount };
}

/** `recurring[usage_type]=metered` with `recurring[meter]`: the price bills what its meter aggregated over each period, in arrears. */
async function meteredTerms(
  tx: Transaction,
  terms: { interval: Interval; interval_count: number } | null,
  recurring: Params,
): Promise<{
  interval: Interval;
  interval_count: number;
  usage_type: 'licensed' | 'metered';
  meter: string | null;
} | null> {
  if (!terms) return null;
  const usageType = optionalEnum(recurring, 'usage_type', ['licensed', 'metered'] as const, 'recurring[usage_type]');
  const meter = optionalString(recurring, 'meter', 'recurring[meter]');
  if (usageType !== 'metered') {
    if (meter)
      throw invalidRequest('recurring[meter] is only allowed with recurring[usage_type]=metered', {
        param: 'recurring[meter]',
      });
    return { ...terms, usage_type: 'licensed', meter: null };
  }
  if (!meter) throw missingParam('recurring[meter]');
  await tx.require(meter, 'billing.meter', 'recurring[meter]');
  return { ...terms, usage_type: 'metered', meter };
}

/** Stripe keeps lookup keys unique: taking a used one needs transfer_lookup_key, which clears it on the old price. */
async function claimLookupKey(tx: Transaction, lookupKey: string, transfer: boolean, claimant?: string): Promise<void> {
  const prices = await tx.list<PriceObject>('price');
  const holder = prices.find((price) => price.lookup_key === lookupKey && price.id !== claimant);
  if (!holder) return;
  if (!transfer) {
    throw invalidRequest(`A price (\`${holder.id}\`) already uses the lookup key \`${lookupKey}\`.`, {
      param: 'lookup_key',
    });
  }
  const before = structuredClone(holder);
  holder.lookup_key = null;
  saveWithEvents(tx, before, holder, 'price.updated');
}

// Prices are immutable apart from these (POST /v1/prices/:id rejects anything else).
const PRICE_UPDATE_PARAMS = [
  'active',
  'metadata',
  'nickname',
  'lookup_key',
  'transfer_lookup_key',
  'tax_behavior',
  'currency_options',
];

export async function updatePrice(tx: Transaction, id: string, params: Params): Promise<PriceObject> {
  rejectUnknownParams(params, PRICE_UPDATE_PARAMS);
  const price = await tx.require<PriceObject>(id, 'price');
  const before = structuredClone(price);
  price.active = optionalBoolean(params, 'active') ?? price.active;
  price.metadata = mergeMetadata(price.metadata, metadataParam(params));
  const nickname = nullableString(params, 'nickname');
  if (nickname !== undefined) price.nickname = nickname;
  const lookupKey = nullableString(params, 'lookup_key');
  if (lookupKey) await claimLookupKey(tx, lookupKey, optionalBoolean(params, 'transfer_lookup_key') ?? false, price.id);
  if (lookupKey !== undefined) price.lookup_key = lookupKey;
  return saveWithEvents(tx, before, price, 'price.updated');
}

export function filterPrices(prices: PriceObject[], params: Params): PriceObject[] {
  const product = optionalString(params, 'product');
  const active = optionalBoolean(params, 'active');
  const currency = optionalString(params, 'currency')?.toLowerCase();
  const type = optionalEnum(params, 'type', ['one_time', 'recurring'] as const);
  const lookupKeys = listParam(params, 'lookup_keys').map(String);
  const interval = optionalString(hashParam(params, 'recurring'), 'interval', 'recurring[interval]');
  return prices.filter(
    (price) =>
      (product === undefined || price.product === product) &&
      (active === undefined || price.active === active) &&
      (currency === undefined || price.currency === currency) &&
      (type === undefined || price.type === type) &&
      (lookupKeys.length === 0 || (price.lookup_key !== null && lookupKeys.includes(price.lookup_key))) &&
      (interval === undefined || price.recurring?.interval === interval),
  );
}

/** A price a subscription may use: it exists, is active and recurring. `param` names it in errors. */
export async function requireSubscribablePrice(tx: Transaction, id: string, param: string): Promise<RecurringPrice> {
  const price = await tx.require<PriceObject>(id, 'price', param);
  if (!price.active) {
    throw invalidRequest(`The price specified is inactive. This field only accepts active prices.`, { param });
  }
  if (!price.recurring) {
    throw invalidRequest(
      `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`,
      { param },
    );
  }
  return price as RecurringPrice;
}
