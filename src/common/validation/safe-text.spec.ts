import { findUnsafeText, textProblem } from './safe-text';

describe('textProblem', () => {
  it('lets text with Thai, emoji, tabs and line breaks through', () => {
    expect(textProblem('ไฟถนนดับ 💡\tบรรทัด\r\nใหม่')).toBeNull();
  });

  it.each([
    ['NUL', 'a\u0000b', 'controlCharacter'],
    ['escape', '\u001b[0m', 'controlCharacter'],
    ['DEL', 'a\u007f', 'controlCharacter'],
    ['a C1 control', '\u0085', 'controlCharacter'],
    ['a lone high surrogate', 'a\ud800', 'unpairedSurrogate'],
    ['a lone low surrogate', '\udc00a', 'unpairedSurrogate'],
    ['surrogates in the wrong order', '\udc00\ud800', 'unpairedSurrogate'],
  ])('refuses %s', (_what, text, problem) => expect(textProblem(text)).toBe(problem));
});

describe('findUnsafeText', () => {
  it('names the shallowest bad field by its dotted path', () => {
    expect(findUnsafeText({ a: 'ok', b: { c: ['ok', 'x\u0000'] } })).toMatchObject({ field: 'b.c[1]', code: 'controlCharacter' });
    expect(findUnsafeText({ deep: { deeper: 'x\u0000' }, top: '\ud800' })).toMatchObject({ field: 'top' });
    expect(findUnsafeText('x\u0000')).toMatchObject({ field: 'body' });
    expect(findUnsafeText('x\u0000', 'q')).toMatchObject({ field: 'q' });
  });

  it('finds nothing in clean input or in bytes', () => {
    expect(findUnsafeText({ a: 'ok', n: 1, b: null, list: ['x'] })).toBeNull();
    expect(findUnsafeText({ file: Buffer.from([0, 1, 2]) })).toBeNull();
  });
});
