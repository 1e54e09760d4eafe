import { DomainError } from '../errors/domain-error';
import { parseJsonBody } from './json-body';

const limits = { maxDepth: 3, maxEntries: 4 };
const parse = (text: string | Buffer) => parseJsonBody(Buffer.isBuffer(text) ? text : Buffer.from(text), limits);
const refusal = (text: string | Buffer): string | undefined => {
  try {
    parse(text);
  } catch (err) {
    return (err as DomainError).details?.[0]?.code;
  }
  return undefined;
};

describe('parseJsonBody', () => {
  it('parses what fits the limits', () => {
    expect(parse('{"a":{"b":[1,2]},"c":"x"}')).toEqual({ a: { b: [1, 2] }, c: 'x' });
    expect(parse('[1,2,3,4,5]')).toEqual([1, 2, 3, 4, 5]);
  });

  it('counts nesting and entries outside strings only', () => {
    expect(parse('{"a":"[[[[{{{{,,,,::::\\"]]]]"}')).toEqual({ a: '[[[[{{{{,,,,::::"]]]]' });
    expect(refusal('[[[[1]]]]')).toBe('tooDeep');
    expect(refusal('{"a":1,"b":2,"c":3,"d":4,"e":5}')).toBe('tooManyEntries');
    expect(refusal('[1,2,3,4,5,6]')).toBe('tooManyEntries');
  });

  it('refuses what is not UTF-8, not JSON, or empty', () => {
    expect(refusal(Buffer.from([0x22, 0xc3, 0x28, 0x22]))).toBe('invalidUtf8');
    expect(refusal('{"a":')).toBe('invalidJson');
    expect(refusal('  ')).toBe('empty');
  });

  it('refuses keys that would replace a prototype, however written', () => {
    expect(refusal('{"__proto__":{"x":1}}')).toBe('forbiddenKey');
    expect(refusal('{"a":[{"\\u005f\\u005fproto__":1}]}')).toBe('forbiddenKey');
    expect(refusal('{"constructor":{"prototype":{"x":1}}}')).toBe('forbiddenKey');
    // class-transformer would drop it silently, past the check for unknown fields.
    expect(refusal('{"constructor":"a name"}')).toBe('forbiddenKey');
    expect(refusal('{"a":{"prototype":{"x":1}}}')).toBe('forbiddenKey');
    expect(parse('{"name":"constructor prototype __proto__"}')).toEqual({ name: 'constructor prototype __proto__' });
  });
});
