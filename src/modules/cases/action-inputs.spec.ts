import { checkActionInputs } from './action-inputs';

const now = new Date('2026-11-21T00:00:00Z');

describe('checkActionInputs', () => {
  it('requires a reason to reject, an outcome to resolve, an agency to refer, a target to merge', () => {
    expect(checkActionInputs({ action: 'reject' }, now)).toEqual([expect.objectContaining({ field: 'message', code: 'required' })]);
    expect(checkActionInputs({ action: 'resolve' }, now)).toEqual([expect.objectContaining({ field: 'message' })]);
    expect(checkActionInputs({ action: 'refer' }, now)).toEqual([expect.objectContaining({ field: 'agency' })]);
    expect(checkActionInputs({ action: 'merge' }, now)).toEqual([expect.objectContaining({ field: 'targetCaseId' })]);
    expect(checkActionInputs({ action: 'share' }, now)).toEqual([expect.objectContaining({ field: 'departmentId' })]);
  });

  it('requires an explanation and a future date, within a year', () => {
    expect(checkActionInputs({ action: 'explain', message: 'ช่างติดงาน' }, now)).toEqual([
      expect.objectContaining({ field: 'expectedAt', code: 'required' }),
    ]);
    expect(checkActionInputs({ action: 'explain', message: 'x', expectedAt: '2026-11-20T00:00:00Z' }, now)).toEqual([
      expect.objectContaining({ field: 'expectedAt', code: 'future' }),
    ]);
    expect(checkActionInputs({ action: 'explain', message: 'x', expectedAt: '2028-01-01T00:00:00Z' }, now)).toEqual([
      expect.objectContaining({ field: 'expectedAt', code: 'tooFar' }),
    ]);
    expect(checkActionInputs({ action: 'explain', message: 'x', expectedAt: '2026-12-01T00:00:00Z' }, now)).toEqual([]);
  });

  it('refuses inputs that do not belong to the action', () => {
    expect(checkActionInputs({ action: 'accept', departmentId: 'd' }, now)).toEqual([
      expect.objectContaining({ field: 'departmentId', code: 'notApplicable' }),
    ]);
    expect(checkActionInputs({ action: 'start', message: 'เริ่มแล้ว' }, now)).toEqual([]);
  });
});
