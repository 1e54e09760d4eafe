import { html } from '../../../common/html';
import { validateInput } from '../../../common/validation/field-errors';
import { UpdateSettingsDto } from '../../../modules/settings/dto/settings.dto';
import type { Settings } from '../../../modules/settings/settings.catalogue';
import type { Role } from '../../../modules/users/user.entity';
import { formValuesOf } from './admin-fields';
import { auditPage, auditQueryFrom } from './audit.page';
import { departmentEditPage } from './departments.page';
import { holidaysPage } from './holidays.page';
import { notificationsPage } from './notifications.page';
import { settingsFromForm, settingsPage, settingsValues } from './settings.page';
import { userEditPage } from './users.page';

const ctx = { locale: 'th' as const, hidden: html`<input type="hidden" name="_csrf" value="TOKEN">` };
const roles: Record<Role, string> = { admin: 'ผู้ดูแล', center: 'ศูนย์', officer: 'เจ้าหน้าที่', head: 'หัวหน้า', integrity: 'นิติกร', executive: 'ผู้บริหาร' };
const SETTINGS: Settings = {
  organisation: { nameTh: 'เทศบาลตำบลตัวอย่าง', nameEn: 'Example Municipality' },
  contact: { phone: '053-123-456', email: null },
  deadline: { mode: 'calendar', reminderDaysBefore: [3, 1] },
  identity: { revealNeedsApproval: false },
  security: { otpRequiredRoles: ['integrity', 'admin'] },
};
const forms = (page: string) => page.match(/<form method="post"[\s\S]*?<\/form>/g) ?? [];

describe('admin pages', () => {
  it('puts the CSRF token in every form that posts', () => {
    const pages = [
      settingsPage(ctx, roles, settingsValues(SETTINGS), { logo: { src: '/site/logo' } }).main.value,
      userEditPage(ctx, roles, { id: 'u1', email: 'a@example.go.th', displayName: 'ก', role: 'officer', departmentId: null, active: true, otpEnrolled: true }, []).main.value,
      holidaysPage(ctx, 2026, [2026], [{ date: '2026-07-31', nameTh: 'พิเศษ', nameEn: 'Special', source: 'admin' }]).main.value,
      notificationsPage(ctx, { items: [{ id: 'n1', template: 'case_update', caseId: null, referenceNo: 'G-2569-000001', recipient: 's***@x.com', attempts: 3, lastError: '550', createdAt: new Date() }], nextCursor: null }).main.value,
      departmentEditPage(ctx, { id: 'd1', code: 'works', nameTh: 'กองช่าง', nameEn: 'Works', active: true } as never).main.value,
    ];
    for (const page of pages) {
      const found = forms(page);
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) expect(f).toContain('name="_csrf" value="TOKEN"');
    }
  });

  it('offers removal for added holidays only', () => {
    const page = holidaysPage(ctx, 2026, [2026], [
      { date: '2026-04-13', nameTh: 'สงกรานต์', nameEn: 'Songkran', source: 'library' },
      { date: '2026-07-31', nameTh: 'พิเศษ', nameEn: 'Special', source: 'admin' },
    ]).main.value;
    expect(page).toContain('action="/staff/admin/holidays/2026-07-31/remove"');
    expect(page).not.toContain('2026-04-13/remove');
    expect(page).toContain('วันหยุดราชการ');
  });

  it('shows deactivate for an active user and reactivate for a deactivated one', () => {
    const user = { id: 'u1', email: 'a@example.go.th', displayName: 'ก', role: 'officer' as const, departmentId: null, active: true, otpEnrolled: false };
    expect(userEditPage(ctx, roles, user, []).main.value).toMatch(/name="active" value="false"[\s\S]*ระงับบัญชี/);
    expect(userEditPage(ctx, roles, { ...user, active: false }, []).main.value).toMatch(/name="active" value="true"[\s\S]*เปิดใช้บัญชีอีกครั้ง/);
  });

  describe('settings form', () => {
    it('round-trips the current settings into a body the API accepts', async () => {
      const form = { ...settingsValues(SETTINGS), 'security.otpRequiredRoles': ['admin', 'integrity'] };
      const body = settingsFromForm(form);
      const checked = await validateInput(UpdateSettingsDto, body);
      expect(checked.errors).toBeNull();
      expect(body).toMatchObject({
        organisation: SETTINGS.organisation,
        contact: { phone: '053-123-456', email: null, line: null },
        deadline: { mode: 'calendar', reminderDaysBefore: [3, 1] },
        identity: { revealNeedsApproval: false },
      });
    });

    it('always keeps the integrity role, and ticks what is saved', () => {
      expect(settingsFromForm({})).toMatchObject({ security: { otpRequiredRoles: ['integrity'] } });
      const page = settingsPage(ctx, roles, settingsValues(SETTINGS)).main.value;
      expect(page).toMatch(/value="admin" checked/);
      expect(page).not.toMatch(/value="center" checked/);
    });

    it('brings a wrong reminder back beside its field', async () => {
      const checked = await validateInput(UpdateSettingsDto, settingsFromForm({ ...settingsValues(SETTINGS), 'deadline.reminderDaysBefore': '3, x' }));
      expect(checked.errors?.map((e) => e.field)).toContain('deadline.reminderDaysBefore');
    });
  });

  it('keeps ticked boxes when a form comes back', () => {
    expect(formValuesOf({ a: 'x', b: ['p', 'q'], c: 3 })).toEqual({ a: 'x', b: 'p,q' });
  });

  describe('audit log', () => {
    it('turns Bangkok days into the API’s instants, the last day included', () => {
      expect(auditQueryFrom({ from: '2026-01-31', to: '2026-01-31', action: '' })).toEqual({
        action: undefined,
        actorId: undefined,
        caseId: undefined,
        from: '2026-01-31T00:00:00+07:00',
        to: '2026-02-01T00:00:00+07:00',
        cursor: undefined,
      });
    });

    it('names actors and keeps the filters in the next page’s link', () => {
      const page = auditPage(
        ctx,
        {
          items: [{ id: '1', at: new Date('2026-01-01T03:00:00Z'), actorId: 'a1', actorRole: 'admin', action: 'settings_change', caseId: null, subjectUserId: null, reason: null, details: { groups: ['deadline'] } }],
          nextCursor: 'CUR',
          names: new Map([['a1', 'ผู้ดูแลระบบ']]),
          people: [{ id: 'a1', displayName: 'ผู้ดูแลระบบ' }],
        },
        { action: 'settings_change' },
      ).main.value;
      expect(page).toContain('เปลี่ยนการตั้งค่า');
      expect(page).toContain('<td>ผู้ดูแลระบบ</td>');
      expect(page).toContain('groups: deadline');
      expect(page).toContain('href="/staff/admin/audit?action=settings_change&amp;cursor=CUR"');
    });
  });
});
