// Types for the parts of @doyensec/csp-evaluator (ships without them) that csp.test.ts uses.
declare module '@doyensec/csp-evaluator' {
  export type CspFinding = {
    severity: number;
    description: string;
    directive: string;
    value: string;
  };
  export const severities: {
    HIGH: number;
    SYNTAX: number;
    MEDIUM: number;
    HIGH_MAYBE: number;
    STRICT_CSP: number;
    MEDIUM_MAYBE: number;
    INFO: number;
    NONE: number;
  };
  export const Version: { CSP1: number; CSP2: number; CSP3: number };
  export class CspParser {
    constructor(csp: string);
    csp: object;
  }
  export class CspEvaluator {
    constructor(csp: object, version: number);
    evaluate(): CspFinding[];
  }
}
