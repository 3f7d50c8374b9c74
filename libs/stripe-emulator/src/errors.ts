/** The `error` member of a Stripe error response body. */
export interface StripeErrorBody {
  type: 'invalid_request_error' | 'idempotency_error' | 'card_error' | 'api_error';
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
}

/** An error the emulator answers with, shaped like Stripe's so the SDK maps it to the same error class. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
    this.name = 'StripeApiError';
  }

  toResponseBody(): { error: StripeErrorBody } {
    return { error: { ...this.body } };
  }
}

export function invalidRequest(message: string, extra: { code?: string; param?: string } = {}): StripeApiError {
  return new StripeApiError(400, { type: 'invalid_request_error', message, ...extra });
}

/** Stripe's wording for an unknown id: "No such subscription: 'sub_x'". */
export function noSuch(kind: string, id: string, param = 'id'): StripeApiError {
  const status = param === 'id' ? 404 : 400;
  return new StripeApiError(status, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${kind}: '${id}'`,
    param,
  });
}

export function missingParam(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, { code: 'parameter_missing', param });
}

export function unknownParam(param: string): StripeApiError {
  return invalidRequest(`Received unknown parameter: ${param}`, { code: 'parameter_unknown', param });
}

/** A value outside what the parameter accepts (Stripe sends no code for these, only the param). */
export function invalidValue(param: string, message: string): StripeApiError {
  return invalidRequest(message, { param });
}
