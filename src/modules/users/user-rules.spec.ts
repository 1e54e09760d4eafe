import { departmentRuleViolation, selfChangeViolation } from './user-rules';
import { ROLES } from './user.entity';

const DEPT = '3f1c2a9e-6a1d-4d7e-9a57-2b0f3c4d5e6f';

describe('departmentRuleViolation', () => {
  it.each(['officer', 'head'] as const)('%s needs exactly one department', (role) => {
    expect(departmentRuleViolation(role, DEPT)).toBeNull();
    expect(departmentRuleViolation(role, null)).toMatchObject({ field: 'departmentId', code: 'departmentRequired' });
  });

  it.each(ROLES.filter((r) => r !== 'officer' && r !== 'head'))('%s belongs to no department', (role) => {
    expect(departmentRuleViolation(role, null)).toBeNull();
    expect(departmentRuleViolation(role, DEPT)).toMatchObject({ field: 'departmentId', code: 'departmentNotAllowed' });
  });
});

describe('selfChangeViolation', () => {
  const me = 'me';

  it('lets an admin change anything about someone else', () => {
    expect(selfChangeViolation(me, 'other', { role: 'officer', active: false })).toBeNull();
  });

  it('refuses deactivating oneself', () => {
    expect(selfChangeViolation(me, me, { active: false })).toMatchObject({ field: 'active', code: 'selfDeactivation' });
  });

  it('refuses dropping one’s own admin role', () => {
    expect(selfChangeViolation(me, me, { role: 'center' })).toMatchObject({ field: 'role', code: 'selfDemotion' });
  });

  it('allows harmless changes to oneself', () => {
    expect(selfChangeViolation(me, me, {})).toBeNull();
    expect(selfChangeViolation(me, me, { role: 'admin', active: true })).toBeNull();
  });
});
