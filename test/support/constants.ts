export const TEST_PASSWORD = 'test-password-123';
