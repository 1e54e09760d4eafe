import { readAccessClaims, readEnrolmentClaims } from './token-claims';

const ID = '3f1c2a9e-6a1d-4d7e-9a57-2b0f3c4d5e6f';
const JTI = '9b2f6c1e-1111-4d7e-9a57-2b0f3c4d5e6f';
const access = { sub: ID, role: 'center', ver: 3, iat: 1_800_000_000, exp: 1_800_000_900 };
const enrolment = { sub: ID, jti: JTI, iat: 1_800_000_000, exp: 1_800_000_600 };

describe('readAccessClaims', () => {
  it('reads the user and the token generation', () => {
    expect(readAccessClaims(access)).toEqual({ userId: ID, tokenVersion: 3 });
  });

  it.each(['sub', 'exp', 'iat', 'ver'])('refuses a token without %s', (claim) => {
    const { [claim as keyof typeof access]: _gone, ...rest } = access;
    expect(readAccessClaims(rest)).toBeNull();
  });

  it.each([
    ['sub', 'not-a-uuid'],
    ['sub', 42],
    ['exp', '1800000900'],
    ['exp', 1.5],
    ['ver', 0],
    ['ver', '3'],
  ])('refuses %s = %p', (claim, value) => {
    expect(readAccessClaims({ ...access, [claim]: value })).toBeNull();
  });
});

describe('readEnrolmentClaims', () => {
  it('reads the user and the enrolment', () => {
    expect(readEnrolmentClaims(enrolment)).toEqual({ userId: ID, enrolmentId: JTI });
  });

  it.each(['sub', 'exp', 'iat', 'jti'])('refuses a token without %s', (claim) => {
    const { [claim as keyof typeof enrolment]: _gone, ...rest } = enrolment;
    expect(readEnrolmentClaims(rest)).toBeNull();
  });
});
