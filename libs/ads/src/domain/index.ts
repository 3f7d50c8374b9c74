export * from './ads.errors.js';
export * from './campaign.js';
export * from './decision-token.js';
export * from './delivery.js';
export * from './revenue-settlement.js';
