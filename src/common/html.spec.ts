import { html, SafeHtml } from './html';

describe('html', () => {
  it('escapes interpolated text, including attribute quotes', () => {
    const name = `<script>alert("x")</script>'`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;</p>',
    );
  });

  it('keeps nested fragments and joins lists', () => {
    const items = ['a&b', 'c'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>a&amp;b</li><li>c</li></ul>');
  });

  it('drops null, undefined and false', () => {
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
    expect(new SafeHtml('<b>').toString()).toBe('<b>');
  });
});
