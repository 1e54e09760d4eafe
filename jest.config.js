// Node 20's require(esm) works for the server but not inside jest's module
// loader, so the few ESM-only dependencies are compiled to CommonJS here.
const esmOnly = ['content-disposition', '@fastify/cookie', 'cookie', '@apidevtools/json-schema-ref-parser'];
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly.join('|')})/)`];

/** Unit tests sit beside the code; e2e tests talk to the real Postgres and Redis. */
const transform = {
  '^.+\\.(ts|js)$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

module.exports = {
  // A bound, never a target: on a loaded machine an app start can take a while; speed lives in the benchmarks.
  testTimeout: 120_000,
  maxWorkers: 2,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      rootDir: __dirname,
      testMatch: ['<rootDir>/src/**/*.spec.ts'],
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      rootDir: __dirname,
      // Service-level tests (services against the real databases, no HTTP) share the e2e set-up.
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.service-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
