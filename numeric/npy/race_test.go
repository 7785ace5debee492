//go:build race

package npy

// raceEnabled thins the round-trip lengths under the race detector, which slows the
// byte loops tenfold and adds nothing to these single-goroutine tests; the full set
// runs without it (CI's -tags noasm pass).
const raceEnabled = true
