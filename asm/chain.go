package asm

import "unsafe"

// A chain is an element-wise float64 or float32 computation run in one pass over
// its arrays, 8 float64 or 16 float32 elements at a time: its steps, an expression in postfix form, push inputs'
// elements and saved values onto a stack of vector registers, replace the top
// values by an operation's result, save the top to a slot (a value the expression
// reads again) and store it to the result, so that every input is read and the
// result written in one loop while the temporaries stay in registers. A stack
// entry holds 8 float64 values or 8 masks (all ones or all zeros: a compare's
// result). Each operation gives the bits of the vector kernel of the same
// operation (IEEE arithmetic, VRNDSCALEPD's floor and ceil, the compare kernels'
// predicates, a select for where).
//
// Chains run at LevelAVX512 only (ChainAvailable); the caller keeps the kernels
// elsewhere. The code of every operation at every depth is generated
// (asm/_gen/chain/gen.py).

// Chain operations. Depth is the stack's size before the operation; x is the top,
// y the one below, c the one below that.
const (
	ChainPushInput = iota // push the 8 elements of the input at Ptr (masked in the tail)
	ChainPushSlot         // push slot Slot
	ChainSave             // slot Slot = x (x stays)
	ChainStore            // the result at Ptr = x (masked in the tail; x stays)
	ChainStoreNT          // the same with non-temporal stores: Ptr 64-byte aligned, no tail
	ChainAdd              // y + x
	ChainSub              // y - x
	ChainMul              // y * x
	ChainDiv              // y / x
	ChainNeg              // -x
	ChainAbs              // |x|
	ChainSqrt             // sqrt(x)
	ChainFloor            // floor(x)
	ChainCeil             // ceil(x)
	ChainEq               // y == x (masks)
	ChainNe               // y != x (true where either is NaN)
	ChainLt               // y < x
	ChainLe               // y <= x
	ChainGt               // y > x
	ChainGe               // y >= x
	ChainWhere            // c ? y : x (c masks)
	ChainAnd              // y & x (masks)
	ChainOr               // y | x (masks)
	ChainXor              // y ^ x (masks)
	ChainNot              // ~x (masks)
	chainOps
)

// ChainDepth is the deepest stack a chain has.
const ChainDepth = 12

// ChainSlotBytes is the size of a slot.
const ChainSlotBytes = 64

// ChainStep is one step of a chain, as the assembly reads it (32 bytes).
type ChainStep struct {
	fn   uintptr // the operation's code at its depth in chain_amd64.s
	_    uint32
	slot uint32 // byte offset of the slot
	_    [2]uint32
	Ptr  unsafe.Pointer
}

// ChainArity is the number of stack values operation op reads; it pushes one
// value except ChainSave, ChainStore and ChainStoreNT, which push none and pop none.
func ChainArity(op int) int {
	switch op {
	case ChainPushInput, ChainPushSlot:
		return 0
	case ChainSave, ChainStore, ChainStoreNT, ChainNeg, ChainAbs, ChainSqrt, ChainFloor, ChainCeil, ChainNot:
		return 1
	case ChainWhere:
		return 3
	}
	return 2
}

// NewChainStep returns the step that does op at stack depth depth, with slot (a
// slot index) for ChainPushSlot and ChainSave and ptr for an input or the result;
// ok is false where the depth does not suit op.
func NewChainStep(op, depth, slot int, ptr unsafe.Pointer) (s ChainStep, ok bool) {
	return newChainStep(&chainCode, op, depth, slot, ptr)
}

// NewChainStepF32 is NewChainStep for a float32 chain (RunChainF32).
func NewChainStepF32(op, depth, slot int, ptr unsafe.Pointer) (s ChainStep, ok bool) {
	return newChainStep(&chainCode32, op, depth, slot, ptr)
}

func newChainStep(code *[chainOps * (ChainDepth + 1)]uintptr, op, depth, slot int, ptr unsafe.Pointer) (ChainStep, bool) {
	if op < 0 || op >= chainOps || depth < 0 || depth > ChainDepth {
		return ChainStep{}, false
	}
	fn := code[op*(ChainDepth+1)+depth]
	return ChainStep{fn: fn, slot: uint32(slot * ChainSlotBytes), Ptr: ptr}, fn != 0
}

// ChainAvailable reports whether chains run here.
func ChainAvailable() bool { return active >= LevelAVX512 && chainCode[ChainAdd*(ChainDepth+1)+2] != 0 }

// RunChain runs steps over n elements, slots pointing at enough slots for every
// index the steps name. The steps' input and result pointers are the arrays' first
// elements; ChainStoreNT needs n a multiple of 8. It panics where chains do not run.
func RunChain(steps []ChainStep, slots unsafe.Pointer, n int) {
	if !ChainAvailable() {
		panic("asm: RunChain at a level without chains")
	}
	if n <= 0 || len(steps) == 0 {
		return
	}
	runChain(&steps[0], len(steps), slots, n)
}

// RunChainF32 is RunChain for steps made by NewChainStepF32 (ChainStoreNT needs n
// a multiple of 16).
func RunChainF32(steps []ChainStep, slots unsafe.Pointer, n int) {
	if !ChainAvailable() {
		panic("asm: RunChainF32 at a level without chains")
	}
	if n <= 0 || len(steps) == 0 {
		return
	}
	runChain32(&steps[0], len(steps), slots, n)
}

// chainCode holds the address of each operation's code at each depth (chainTable
// fills it), 0 where the depth does not suit the operation.
var chainCode, chainCode32 [chainOps * (ChainDepth + 1)]uintptr
