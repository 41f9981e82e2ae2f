// The output streams the shells write to: the CLI's stdout and stderr, or a test's buffers.

/** Output streams, replaceable in tests. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}
