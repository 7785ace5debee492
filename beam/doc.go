// Package beam runs numkit expressions inside Apache Beam pipelines (the Go SDK), so
// that work over more chunks than one machine holds scales out on any Beam runner:
// prism locally by default (in-process, no services), Flink, Spark or Dataflow through
// Beam's --runner and --endpoint flags.
//
// Import it under another name than Beam's own package, e.g.
//
//	import nkbeam "github.com/numkit/numkit/beam"
//
// A pipeline plans the chunks (Plan: file i of every variable is chunk i), reads them
// (ReadChunks, from any Beam filesystem, .npy or raw little-endian columns, into
// Chunks with a registered coder), evaluates an expression per chunk (Evaluate: each
// DoFn compiles the expression once per worker process, in Setup), and reduces,
// summarises (Moments, CountMin) or writes (WriteNpy) the result. Reductions and
// moments merge numeric's partials in chunk order, so the result is bit-identical to
// numeric evaluating the whole arrays in one process on the same backend (for opencl,
// the same device on every worker), whatever the number of chunks, workers or the
// order partials arrive in.
package beam
