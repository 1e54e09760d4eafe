import sharp from 'sharp';
import request from 'supertest';
import type { StaffUser } from '../../src/modules/auth/staff-user';
import { SiteLogoService } from '../../src/modules/settings/site-logo.service';
import { STAFF } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';

describe('the organisation logo', () => {
  let t: TestApp;
  let logos: SiteLogoService;
  let admin: StaffUser;

  const image = (width: number, height: number, format: 'png' | 'jpeg') =>
    sharp({ create: { width, height, channels: 3, background: { r: 11, g: 83, b: 148 } } })
      .withMetadata({ exif: { IFD0: { Artist: 'someone' } } })
      .toFormat(format)
      .toBuffer();

  beforeAll(async () => {
    t = await startTestApp();
    logos = t.app.get(SiteLogoService);
    const [u] = await t.db.query(`SELECT id, email, display_name AS "displayName", role, department_id AS "departmentId" FROM users WHERE email = $1`, [STAFF.admin]);
    admin = u;
  });
  afterEach(async () => {
    await t.db.query('DELETE FROM site_logo');
  });
  afterAll(() => t?.close());

  it('stores an upload as a small PNG without metadata, shows it in the header, and audits the change', async () => {
    await logos.save(admin, await image(600, 300, 'jpeg'));
    const stored = await sharp((await logos.png()) as Buffer).metadata();
    expect(stored).toMatchObject({ format: 'png', width: 256, height: 128 });
    expect(stored.exif).toBeUndefined();

    const served = await request(t.http).get('/site/logo').expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['cache-control']).toContain('max-age');
    const home = await request(t.http).get('/').expect(200);
    expect(home.text).toMatch(/<img src="\/site\/logo\?v=[0-9a-z]+" alt="" class="logo">/);
    const [audit] = await t.db.query(`SELECT actor_id AS "actorId", details FROM audit_log WHERE action = 'settings_change' ORDER BY id DESC LIMIT 1`);
    expect(audit).toEqual({ actorId: admin.id, details: { groups: ['logo'] } });
  });

  it('refuses what is not a PNG, JPEG or WebP image, and what is too large', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await expect(logos.save(admin, svg)).rejects.toMatchObject({ details: [{ field: 'logo', code: 'logoType' }] });
    await expect(logos.save(admin, Buffer.alloc(600 * 1024, 1))).rejects.toMatchObject({ details: [{ field: 'logo', code: 'logoTooLarge' }] });
    const truncated = (await image(100, 100, 'png')).subarray(0, 60);
    await expect(logos.save(admin, truncated)).rejects.toMatchObject({ details: [{ field: 'logo', code: 'logoUnreadable' }] });
    expect(await logos.png()).toBeNull();
  });

  it('removes the logo: the header goes back to the name alone', async () => {
    await logos.save(admin, await image(64, 64, 'png'));
    await logos.remove(admin);
    await request(t.http).get('/site/logo').expect(404);
    expect((await request(t.http).get('/').expect(200)).text).not.toContain('class="logo"');
  });
});
