import { caseScopeOf, scopeCondition } from './case-scope';

describe('caseScopeOf', () => {
  it('gives the centre and executives all general cases, integrity all corruption cases', () => {
    expect(caseScopeOf({ role: 'center', departmentId: null })).toEqual({ kind: 'all', caseKind: 'general' });
    expect(caseScopeOf({ role: 'executive', departmentId: null })).toEqual({ kind: 'all', caseKind: 'general' });
    expect(caseScopeOf({ role: 'integrity', departmentId: null })).toEqual({ kind: 'all', caseKind: 'corruption' });
  });

  it('limits officers and heads to their department', () => {
    expect(caseScopeOf({ role: 'officer', departmentId: 'd1' })).toEqual({
      kind: 'department',
      caseKind: 'general',
      departmentId: 'd1',
    });
    expect(caseScopeOf({ role: 'head', departmentId: null })).toEqual({ kind: 'none' });
  });

  it('gives administrators no cases at all', () => {
    expect(caseScopeOf({ role: 'admin', departmentId: null })).toEqual({ kind: 'none' });
    expect(scopeCondition({ kind: 'none' }).sql).toBe('FALSE');
  });

  it('never lets a department scope reach corruption cases', () => {
    const { sql, params } = scopeCondition(caseScopeOf({ role: 'head', departmentId: 'd1' }));
    expect(params).toEqual({ scopeKind: 'general', scopeDept: 'd1' });
    expect(sql).toContain('c.kind = :scopeKind AND');
  });
});
