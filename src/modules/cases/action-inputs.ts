import type { FieldError } from '../../common/errors/domain-error';
import type { CaseAction } from './case-workflow';

export type InputField = 'message' | 'departmentId' | 'assigneeId' | 'expectedAt' | 'agency' | 'targetCaseId' | 'outcome';
export type ActionInput = { action: CaseAction } & Partial<Record<InputField, string>>;

/** Which inputs each action takes, and which of them it cannot do without. */
const INPUTS: Record<CaseAction, { required: InputField[]; optional: InputField[] }> = {
  accept: { required: [], optional: ['message'] },
  reject: { required: ['message'], optional: [] },
  assign: { required: [], optional: ['departmentId', 'assigneeId', 'message'] },
  share: { required: ['departmentId'], optional: ['message'] },
  start: { required: [], optional: ['message'] },
  note: { required: ['message'], optional: [] },
  update: { required: ['message'], optional: [] },
  explain: { required: ['message', 'expectedAt'], optional: [] },
  resolve: { required: ['message'], optional: [] },
  close: { required: [], optional: ['message'] },
  reopen: { required: ['message'], optional: [] },
  refer: { required: ['agency'], optional: ['message'] },
  withdraw: { required: [], optional: ['message'] },
  merge: { required: ['targetCaseId'], optional: ['message'] },
  investigate: { required: [], optional: ['message'] },
  conclude: { required: ['outcome'], optional: ['message'] },
  discipline: { required: ['message'], optional: [] },
  message: { required: ['message'], optional: [] },
};

/** The inputs an action takes, required first: what its form shows. */
export function actionFields(action: CaseAction): { required: readonly InputField[]; optional: readonly InputField[] } {
  return INPUTS[action];
}

const FIELDS: InputField[] = ['message', 'departmentId', 'assigneeId', 'expectedAt', 'agency', 'targetCaseId', 'outcome'];
const MAX_EXPECTED_DAYS = 365;

/** Checks the inputs of an action against its shape: missing, foreign and out-of-range fields. */
export function checkActionInputs(input: ActionInput, now: Date): FieldError[] {
  const { required, optional } = INPUTS[input.action];
  const errors: FieldError[] = [];
  for (const field of FIELDS) {
    const present = input[field] !== undefined;
    if (required.includes(field) && !present) {
      errors.push({ field, code: 'required', message: `${field} is required to ${input.action}` });
    } else if (present && !required.includes(field) && !optional.includes(field)) {
      errors.push({ field, code: 'notApplicable', message: `${field} does not apply to ${input.action}` });
    }
  }
  if (input.action === 'explain' && input.expectedAt) {
    const at = Date.parse(input.expectedAt);
    if (!(at > now.getTime())) {
      errors.push({ field: 'expectedAt', code: 'future', message: 'expectedAt must be in the future' });
    } else if (at > now.getTime() + MAX_EXPECTED_DAYS * 24 * 3600 * 1000) {
      errors.push({ field: 'expectedAt', code: 'tooFar', message: 'expectedAt must be within a year' });
    }
  }
  return errors;
}
