/** Stripe's `product` objects as the emulator keeps them (API version 2026-10-28.endive): shapes and builders. */
import type { EmulatorObject } from '../store.js';
import type { Metadata } from './common.js';

export interface ProductObject extends EmulatorObject {
  object: 'product';
  active: boolean;
  name: string;
  description: string | null;
  metadata: Metadata;
  created: number;
  updated: number;
}

export function buildProduct(fields: {
  id: string;
  now: number;
  name: string;
  description: string | null;
  active: boolean;
  metadata: Metadata;
}): ProductObject {
  return {
    id: fields.id,
    object: 'product',
    active: fields.active,
    created: fields.now,
    default_price: null,
    description: fields.description,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: fields.metadata,
    name: fields.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    updated: fields.now,
    url: null,
  };
}
