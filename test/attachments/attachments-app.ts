import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManualClock } from '../../src/common/time/clock';
import { resetCases, startTestApp, TestApp } from '../support/test-app';

/** A test app whose local attachment storage is a fresh temp directory, emptied with the cases. */
export async function startAttachmentsApp(env: Record<string, string> = {}, options: { clock?: ManualClock } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'rongrian-attachments-'));
  const t: TestApp = await startTestApp({ ATTACHMENTS_DRIVER: 'local', ATTACHMENTS_DIR: dir, ...env }, options);
  return {
    t,
    dir,
    async reset(): Promise<void> {
      await resetCases(t.db);
      await rm(dir, { recursive: true, force: true });
    },
    async close(): Promise<void> {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
