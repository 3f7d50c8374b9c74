import {
  applyDecorators,
  Injectable,
  SetMetadata,
  UseGuards,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { UnauthenticatedError, type Principal } from '@lib/platform';
import { BillingApi } from './billing.api.js';
import type { EntitlementName, EntitlementValue } from './entitlements.js';

const REQUIRED_ENTITLEMENT = 'showrunner:billing:entitlement';

interface Requirement {
  entitlement: EntitlementName;
  required?: EntitlementValue;
}

/** Lets a request through only when the caller's plan meets the requirement. */
@Injectable()
export class EntitlementGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly billing: BillingApi,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<Requirement | undefined>(REQUIRED_ENTITLEMENT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!requirement) return true;
    const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
    if (!principal) throw new UnauthenticatedError();
    await this.billing.assertEntitled(principal.userId, requirement.entitlement, requirement.required);
    return true;
  }
}

/**
 * Gates a route (or every route of a controller) on a plan entitlement, in any context:
 * `@RequiresEntitlement('analytics', 'advanced')`. Refusals are 403 `billing.entitlement.required`
 * naming the plans that include it.
 */
export function RequiresEntitlement(entitlement: EntitlementName, required?: EntitlementValue) {
  return applyDecorators(
    SetMetadata(REQUIRED_ENTITLEMENT, { entitlement, required } satisfies Requirement),
    UseGuards(EntitlementGuard),
    ApiForbiddenResponse({
      description: `Needs the plan entitlement \`${entitlement}\`${required === undefined ? '' : ` = ${String(required)}`} (\`billing.entitlement.required\`)`,
    }),
  );
}
