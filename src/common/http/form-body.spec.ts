import { DomainError } from '../errors/domain-error';
import { parseFormBody } from './form-body';

const refusal = (raw: string | Buffer) => {
  try {
    parseFormBody(Buffer.isBuffer(raw) ? raw : Buffer.from(raw));
  } catch (err) {
    return (err as DomainError).details?.[0]?.code;
  }
  return undefined;
};

describe('parseFormBody', () => {
  it('reads a form, Thai included', () => {
    expect(parseFormBody(Buffer.from('subject=%E0%B9%84%E0%B8%9F%E0%B8%94%E0%B8%B1%E0%B8%9A&complainant.name=a+b&x=100%25'))).toEqual({
      subject: 'ไฟดับ',
      'complainant.name': 'a b',
      x: '100%',
    });
  });

  it('refuses bytes that are not UTF-8, raw or percent-escaped', () => {
    expect(refusal(Buffer.concat([Buffer.from('subject='), Buffer.from([0xc3, 0x28])]))).toBe('invalidUtf8');
    expect(refusal('subject=%C3%28')).toBe('invalidUtf8');
    expect(refusal('subject=%FF')).toBe('invalidUtf8');
  });

  it('refuses a field named like a prototype, however nested', () => {
    expect(refusal('__proto__[x]=1')).toBe('forbiddenKey');
    expect(refusal('complainant.constructor.prototype=1')).toBe('forbiddenKey');
    expect(refusal('a=__proto__')).toBeUndefined();
  });
});
