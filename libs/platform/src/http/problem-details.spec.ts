import { BadRequestException, HttpException, Logger } from '@nestjs/common';
import { OptimisticLockError } from '@mikro-orm/core';
import { DomainError } from '../ddd/index.js';
import { toProblem } from './problem-details.filter.js';
import { ValidationFailedException } from './validation.js';

class QuotaExceeded extends DomainError {
  readonly code = 'billing.quota-exceeded';
  readonly kind = 'payment-required' as const;
}

const logger = { error: () => undefined } as unknown as Logger;

describe('turning errors into problem documents', () => {
  it('maps a domain error by kind and keeps its details as extension members', () => {
    expect(
      toProblem(new QuotaExceeded('Quota reached', { limit: 10, usage: 10, code: 'forged', status: 200 }), logger),
    ).toEqual({
      type: 'about:blank',
      title: 'Payment Required',
      status: 402,
      code: 'billing.quota-exceeded',
      detail: 'Quota reached',
      limit: 10,
      usage: 10,
    });
  });

  it('lists each invalid field for validation failures', () => {
    const problem = toProblem(
      new ValidationFailedException([{ field: 'email', messages: ['email must be an email'] }]),
      logger,
    );
    expect(problem).toMatchObject({
      status: 400,
      code: 'validation.failed',
      errors: [{ field: 'email', messages: ['email must be an email'] }],
    });
  });

  it('recognises Fastify body errors wrapped by Nest', () => {
    const wrapped = new HttpException('Body is not valid JSON', 400, {
      cause: Object.assign(new Error('x'), { code: 'FST_ERR_CTP_INVALID_JSON_BODY' }),
    });
    expect(toProblem(wrapped, logger)).toMatchObject({ status: 400, code: 'http.malformed-json' });
  });

  it('names a path segment over the router limit 414 http.uri-too-long without quoting the URL back', () => {
    const error = Object.assign(new Error(`'/v1/x/${'a'.repeat(500)}' is exceeding the max param length`), {
      code: 'FST_ERR_MAX_PARAM_LENGTH',
      statusCode: 414,
    });
    const problem = toProblem(error, logger);
    expect(problem).toMatchObject({ status: 414, title: 'URI Too Long', code: 'http.uri-too-long' });
    expect(JSON.stringify(problem)).not.toContain('aaaa');
  });

  it('answers optimistic-lock conflicts with 409 and hides unexpected errors behind a 500', () => {
    expect(toProblem(new OptimisticLockError('changed'), logger)).toMatchObject({
      status: 409,
      code: 'http.version-conflict',
    });
    const internal = toProblem(new TypeError('secret stack details'), logger);
    expect(internal).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      code: 'http.internal-error',
      detail: expect.any(String),
    });
    expect(JSON.stringify(internal)).not.toContain('secret stack details');
    expect(toProblem(new BadRequestException('nope'), logger)).toMatchObject({
      status: 400,
      code: 'http.bad-request',
      detail: 'nope',
    });
  });
});
