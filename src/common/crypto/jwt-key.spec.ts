import { JwtService } from '@nestjs/jwt';
import { asJwtSecret, jwtKey } from './jwt-key';

describe('jwtKey', () => {
  const jwt = new JwtService({});

  it('verifies a token signed with the same secret as a plain string, so tokens issued before it still work', () => {
    const token = jwt.sign({ sub: 'a' }, { secret: 'the-token-secret', algorithm: 'HS256' });
    expect(jwt.verify(token, { secret: asJwtSecret(jwtKey('the-token-secret')), algorithms: ['HS256'] })).toMatchObject({ sub: 'a' });
  });

  it('refuses a token signed with another secret', () => {
    const token = jwt.sign({ sub: 'a' }, { secret: asJwtSecret(jwtKey(Buffer.alloc(32, 1))), algorithm: 'HS256' });
    expect(() => jwt.verify(token, { secret: asJwtSecret(jwtKey(Buffer.alloc(32, 2))), algorithms: ['HS256'] })).toThrow(/signature/);
  });
});
