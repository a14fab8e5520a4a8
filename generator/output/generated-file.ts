/**
 * What the pipeline hands from print to write: a file of the generated client, as a posix path relative to the
 * output folder and its text. It lives in a module of its own, which imports nothing, so that the stages that make
 * and take these files (print, write, cache) depend on it rather than on `pipeline.ts`, the module that runs them.
 */
export interface GeneratedFile {
  path: string;
  contents: string;
}
