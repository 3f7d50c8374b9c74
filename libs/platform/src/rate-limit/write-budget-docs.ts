import type { INestApplication } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppConfig } from '@config';
import { routeHandlers } from '../http/route-facts.js';
import { WriteRateLimitGuard } from './write-rate-limit.guard.js';

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
export type DocumentedWriteBudget = ReturnType<typeof WriteRateLimitGuard.budgetOf>;

/** Every controller method's budget, by the operation id Swagger gives it (`<Controller>_<method>`). */
export function writeBudgetsByOperation(app: INestApplication): Map<string, DocumentedWriteBudget> {
  const reflector = app.get(Reflector);
  const config = app.get(AppConfig);
  return new Map(
    routeHandlers(app).map(({ operationId, handler, controller }) => [
      operationId,
      WriteRateLimitGuard.budgetOf(reflector, config, [handler, controller]),
    ]),
  );
}

/**
 * Writes each mutating operation's budget into the OpenAPI document (`x-rate-limit`) with its 429
 * answer, so clients see the real limits and a route cannot go undocumented (ADR 0033).
 */
export function documentWriteBudgets(app: INestApplication, document: OpenAPIObject): void {
  const budgets = writeBudgetsByOperation(app);
  const defaults = WriteRateLimitGuard.budgetOf(app.get(Reflector), app.get(AppConfig), []);
  for (const item of Object.values(document.paths)) {
    for (const method of WRITE_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const budget = budgets.get(operation.operationId ?? '') ?? defaults;
      Object.assign(operation, {
        'x-rate-limit': {
          perUser: budget.perUser,
          perIp: budget.perIp,
          windowSeconds: budget.windowSeconds,
          lowTrust: 'the per-user budget shrinks for accounts of low trust',
        },
      });
      operation.responses['429'] ??= {
        description: `Over the write budget (${budget.perUser} per user, ${budget.perIp} per IP address every ${budget.windowSeconds} s): \`http.rate-limit.exceeded\`, with Retry-After and RateLimit-* headers`,
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDocument' } } },
      };
    }
  }
}
