import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MAX_REPORTED_ERRORS, validateInput, validationFailed } from './field-errors';

class Inner {
  @IsString()
  @IsNotEmpty()
  @MaxLength(5)
  name!: string;
}

class Outer {
  @IsString()
  @IsNotEmpty()
  @MaxLength(5)
  title!: string;

  @IsOptional()
  @IsString()
  note?: string;

  @ValidateNested()
  @Type(() => Inner)
  inner!: Inner;
}

describe('validateInput', () => {
  it('reports an absent or null field once, as required', async () => {
    const { errors } = await validateInput(Outer, { title: null, inner: {} });
    expect(errors).toEqual([
      { field: 'title', code: 'required', message: 'title is required' },
      { field: 'inner.name', code: 'required', message: 'inner.name is required' },
    ]);
  });

  it('keeps every rule a present value breaks, and unknown fields as such', async () => {
    const { errors } = await validateInput(Outer, { title: '', inner: { name: 'abcdefg' }, extra: null });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', code: 'isNotEmpty' }),
        expect.objectContaining({ field: 'inner.name', code: 'maxLength' }),
        expect.objectContaining({ field: 'extra', code: 'unknownField' }),
      ]),
    );
  });
});

describe('validationFailed', () => {
  it('lists at most 20 problems and counts the rest', () => {
    const details = Array.from({ length: 25 }, (_, i) => ({ field: `f${i}`, code: 'unknownField', message: 'no' }));
    const err = validationFailed(details);
    expect(err.details).toHaveLength(MAX_REPORTED_ERRORS);
    expect(err.extra).toEqual({ detailsOmitted: 5 });
    expect(err.message).toBe('Validation failed (25 problems; the first 20 are listed)');
    expect(validationFailed(details.slice(0, 3)).message).toBe('Validation failed');
  });
});
