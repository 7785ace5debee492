// Package sketch has a count-min sketch: a fixed-size, mergeable summary of a stream
// of keys (strings, byte strings or integers) that answers "how often did this key
// occur?" with an estimate that never under-counts and over-counts by at most ε·N
// (N the stream's total count) with probability at least 1-δ.
//
// Conventions: sizes come from ε and δ (New) or are given directly (NewSize); hashing
// is deterministic for a seed (WithSeed), so sketches built on different machines or
// in different runs merge (Merge) and serialize (MarshalBinary, a versioned format
// with a CRC-32C checksum; UnmarshalBinary rejects anything else with ErrCorrupt and
// never panics). Counters saturate instead of wrapping. Conservative update
// (Conservative) trades linearity for accuracy. A sketch is not safe for concurrent
// use.
package sketch
