export {
  FixedSegments,
  sampleOperation,
  type OperationSample,
  type OperationSamples,
} from './sample-operation';
export { isSampleObject, SampleBinary, type SampleValue } from './sample-types';
