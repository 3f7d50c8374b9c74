import { IsInt, IsString, Max, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

describe('the cached class-validator rule lookup', () => {
  beforeAll(() => cacheValidationMetadata());

  it('validates as before, including rules inherited from a parent class', async () => {
    class Page {
      @IsInt() @Max(100) limit!: number;
    }
    class SearchPage extends Page {
      @IsString() q!: string;
    }
    const good = Object.assign(new SearchPage(), { limit: 10, q: 'cats' });
    const bad = Object.assign(new SearchPage(), { limit: 500, q: 7 });
    expect(await validate(good, { forbidUnknownValues: true })).toEqual([]);
    expect(await validate(good, { forbidUnknownValues: true })).toEqual([]); // from the cache
    const errors = await validate(bad, { forbidUnknownValues: true });
    expect(errors.map((error) => error.property).sort()).toEqual(['limit', 'q']);
  });

  it('sees a rule registered after a class was first validated', async () => {
    class Late {
      @IsString() name!: string;
    }
    const late = Object.assign(new Late(), { name: 'x', age: 'old' });
    expect(await validate(late)).toEqual([]);
    IsInt()(Late.prototype, 'age'); // a decorator applied later (a lazily loaded module's class, say)
    const errors = await validate(late);
    expect(errors.map((error) => error.property)).toEqual(['age']);
  });
});
