/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/globalSetup.ts',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  // chalk 5 and the ml-* packages ship only ES modules; let ts-jest turn them into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(chalk|ml-[^/]+|is-any-array|string-width|strip-ansi|ansi-regex|get-east-asian-width|emoji-regex)/)'],
};
