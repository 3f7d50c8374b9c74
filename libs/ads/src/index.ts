// Imported by the apps only; other contexts use '@lib/ads/contracts'.
export { AdsModule } from './ads.module.js';
export { SettleAdRevenueCommand } from './application/commands/settle-ad-revenue/settle-ad-revenue.command.js';
