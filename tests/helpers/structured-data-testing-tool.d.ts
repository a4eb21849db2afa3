// The parts of structured-data-testing-tool (no types of its own) the tests use.
declare module 'structured-data-testing-tool' {
  interface TestResult {
    test: string;
  }
  export interface StructuredDataResult {
    passed: TestResult[];
    failed: TestResult[];
    warnings: TestResult[];
  }
  /** Rejects (with `.res`, the same result) when a test fails. */
  export function structuredDataTest(input: string, options: { presets?: unknown[]; schemas?: string[] }): Promise<StructuredDataResult>;
}
declare module 'structured-data-testing-tool/presets' {
  export const Google: unknown;
}
