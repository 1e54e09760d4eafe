import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let css: string | undefined;

/**
 * Sarabun (the free successor of TH Sarabun, the face of Thai government
 * documents) from the @fontsource/sarabun package, inlined as data URLs so
 * that the document needs no network and Chromium embeds the font in the PDF.
 */
export function sarabunFontFaces(): string {
  if (css) return css;
  const dir = join(dirname(require.resolve('@fontsource/sarabun/package.json')), 'files');
  const face = (subset: string, weight: number, range: string) => {
    const data = readFileSync(join(dir, `sarabun-${subset}-${weight}-normal.woff2`)).toString('base64');
    return `@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`;
  };
  const THAI = 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC';
  const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
  css = [400, 700].flatMap((w) => [face('thai', w, THAI), face('latin', w, LATIN)]).join('\n');
  return css;
}
