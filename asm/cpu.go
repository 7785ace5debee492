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
