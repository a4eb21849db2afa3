export {
  extractAttributions,
  IntakeInputTooLargeError,
  MAX_INPUT_BYTES,
  type Attribution,
  type Piece,
  type Span,
  type Stance,
} from './extract';
export { extractAttributionsAsync, ExtractorWorkerError, stopExtractorWorker } from './extract-async';
