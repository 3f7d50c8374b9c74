export interface ProcessingFailure {
  code: string;
  message: string;
  step: string;
}
