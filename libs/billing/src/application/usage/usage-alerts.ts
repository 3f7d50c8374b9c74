import type { QuotaName } from '../../domain/plan/entitlements.js';
import type { UsageAlertThreshold } from '../../domain/usage/overage.js';

export interface UsageAlert {
  userId: string;
  planId: string;
  quota: QuotaName;
  threshold: UsageAlertThreshold;
  used: number;
  limit: number;
  periodStart: Date;
  periodEnd: Date | null;
  overage: boolean;
}

/** Usage alerts, each recorded once per person, quota, period and threshold together with its outbox message. */
export abstract class UsageAlerts {
  /** True when this call recorded (and will publish) the alert; false when it was already sent. */
  abstract record(alert: UsageAlert): Promise<boolean>;
}
