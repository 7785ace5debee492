package asm

// Level is a SIMD instruction-set level that the primitives can use.
type Level int

// The levels, from none to widest.
const (
	LevelNone   Level = iota // pure Go
	LevelNEON                // arm64 ASIMD
	LevelAVX2                // amd64 AVX2 + FMA3
	LevelAVX512              // amd64 AVX-512 F+DQ+BW+VL
)

func (l Level) String() string {
	switch l {
	case LevelNEON:
		return "neon"
	case LevelAVX2:
		return "avx2"
	case LevelAVX512:
		return "avx512"
	}
	return "none"
}

// supported is the widest level this CPU and build can run; active is the level the
// primitives use now (never above supported). Both are set by init in the
// architecture's cpu file; SetLevel changes active.
var supported, active Level

// Supported returns the widest level this CPU and build can run.
func Supported() Level { return supported }

// Active returns the level the primitives use now.
func Active() Level { return active }

// SetLevel makes the primitives use level l, capped at Supported() (a level of
// another architecture gives LevelNone), and returns the level in effect. It is meant to be called once at start-up (package numeric applies
// its policy and NUMKIT_SIMD here) and by tests that force each path; it must not be
// called while primitives run on other goroutines.
func SetLevel(l Level) Level {
	if l > supported {
		l = supported
	}
	if l == LevelNEON && supported != LevelNEON {
		l = LevelNone // NEON exists only on arm64
	}
	active = l
	return active
}
