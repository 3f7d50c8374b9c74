import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@lib/platform';

class InvalidLanguageError extends DomainError {
  readonly code = 'studio.caption.invalid-language';
  readonly kind = 'invalid';
  constructor(language: string) {
    super(`"${language}" is not a BCP 47 language tag`, { language });
  }
}

/** A BCP 47 tag in a path (`en`, `pt-BR`); refuses anything else, path tricks included. */
@Injectable()
export class LanguagePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/.test(value)) throw new InvalidLanguageError(value);
    return value;
  }
}
