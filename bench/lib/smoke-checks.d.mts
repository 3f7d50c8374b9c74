export declare const finite: (value: unknown) => value is number;

export interface SmokeCase {
  name: string;
  args: string[];
  apps: string[];
  compared(results: any): [label: string, value: unknown][];
}

export declare const CASES: SmokeCase[];

export declare function checkResults(
  benchCase: SmokeCase,
  results: unknown,
): { rows: [label: string, value: unknown][]; problems: string[] };
