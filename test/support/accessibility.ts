import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** axe-core from node_modules, injected into the page under test (never fetched from anywhere). */
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Where the browser tests leave their screenshots (ignored by git), to be looked at before resolving. */
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

interface AxeResult {
  violations: Array<{ id: string; nodes: Array<{ target: string[] }> }>;
}

/** axe-core's violations on the page as it stands, one "rule: element" line each (none: an empty list). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the page's CSP (script-src 'self') rightly does not allow a <script> to do.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE);
  const result = await page.evaluate(() => (globalThis as unknown as { axe: { run(): Promise<AxeResult> } }).axe.run());
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/**
 * The page at an office screen's size and at a phone's: a full-page
 * screenshot of each under `folder`, and the axe violations found at each
 * width (the layout differs, so can the problems). Ends at the desktop size.
 */
export async function lookAtBothWidths(page: Page, folder: string, name: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const [width, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(folder, `${name}-${width}.png`), fullPage: true });
    found[width] = await axeViolations(page);
  }
  await page.setViewportSize(DESKTOP);
  return found;
}
