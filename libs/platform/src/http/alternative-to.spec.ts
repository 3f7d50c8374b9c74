import { IsEmail, IsIn, IsString, IsUUID } from 'class-validator';
import { AlternativeTo, createValidationPipe, ValidateWhen, ValidationFailedException } from './validation.js';

class ToConversationOrPerson {
  @AlternativeTo('recipientId') @IsUUID() conversationId?: string;
  @AlternativeTo('conversationId') @IsUUID() recipientId?: string;
}

class ByHandleOrEmail {
  @AlternativeTo('email') handle?: string;
  @AlternativeTo('handle') @IsEmail() email?: string;
}

const ID = '0190b3f4-6f1e-7c2a-9d3b-5a4e3c2b1a09';

/** Which fields the global pipe refuses for `body`, or [] when it passes. */
async function refused(metatype: new () => object, body: unknown): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
    return [];
  } catch (error) {
    if (!(error instanceof ValidationFailedException)) throw error;
    return error.fields.map((field) => field.field).sort();
  }
}

describe('AlternativeTo: exactly one of two fields, each validated whenever it is given', () => {
  it('accepts either one alone', async () => {
    expect(await refused(ToConversationOrPerson, { conversationId: ID })).toEqual([]);
    expect(await refused(ToConversationOrPerson, { recipientId: ID })).toEqual([]);
    expect(await refused(ByHandleOrEmail, { handle: 'ada' })).toEqual([]);
  });

  it('validates both when both are given (a one-sided ValidateIf skipped both), and refuses the pair', async () => {
    // The socket fuzzer's payload: both ids malformed reached SQL as a 500.
    expect(await refused(ToConversationOrPerson, { conversationId: '𛃿⡽', recipientId: '👩🏽‍🚀' })).toEqual([
      'conversationId',
      'recipientId',
    ]);
    expect(await refused(ToConversationOrPerson, { conversationId: ID, recipientId: ID })).toEqual([
      'conversationId',
      'recipientId',
    ]);
    expect(await refused(ByHandleOrEmail, { handle: 'ada', email: 'not an address' })).toEqual(['email', 'handle']);
  });

  it('requires one, and refuses null as a value', async () => {
    expect(await refused(ToConversationOrPerson, {})).toEqual(['conversationId', 'recipientId']);
    expect(await refused(ToConversationOrPerson, { conversationId: null, recipientId: null })).toEqual([
      'conversationId',
      'recipientId',
    ]);
    expect(await refused(ToConversationOrPerson, { conversationId: 'nope' })).toEqual(['conversationId']);
  });
});

class DirectOrGroup {
  @IsIn(['direct', 'group']) kind!: string;
  @ValidateWhen('kind', 'direct') @IsUUID() recipientId?: string;
  @ValidateWhen('kind', 'group') @IsString() title?: string;
}

describe('ValidateWhen: a field of one variant, required there and ignored in the others', () => {
  it('requires and checks the field for its variant only', async () => {
    expect(await refused(DirectOrGroup, { kind: 'direct', recipientId: ID })).toEqual([]);
    expect(await refused(DirectOrGroup, { kind: 'direct' })).toEqual(['recipientId']);
    expect(await refused(DirectOrGroup, { kind: 'direct', recipientId: 'nope', title: 7 })).toEqual(['recipientId']);
    expect(await refused(DirectOrGroup, { kind: 'group', title: 'Band' })).toEqual([]);
    expect(await refused(DirectOrGroup, { kind: 'group' })).toEqual(['title']);
  });
});
