package asm

import (
	"fmt"
	"math/rand/v2"
)

// The primitives harness's runners: call a case at every level and compare with its twin.

// primRun calls c at every level on the given inputs and compares each result,
// and the guards around dst and the inputs, with the pure-Go twin's. It returns
// a description of the first failure, or "".
func primRun(c primCase, levels []Level, ins []primBuf, sc []any) string {
	n := 0
	if len(ins) > 0 {
		n = ins[0].n
	}
	var wantDst primBuf
	in := make([]any, len(ins))
	saved := make([]primBuf, len(ins))
	for k, b := range ins {
		in[k] = b.view
		saved[k] = primClone(b)
	}
	if c.out != primNone {
		wantDst = primNewBuf(c.out, n, 0)
	}
	var d any
	if c.out != primNone {
		d = wantDst.view
	}
	want := c.twin(d, in, sc)
	for _, l := range levels {
		var got any
		var gotDst primBuf
		primWithLevel(l, func() {
			if c.out != primNone {
				gotDst = primNewBuf(c.out, n, ins[0].start-primGuardLen)
				got = c.fn(gotDst.view, in, sc)
			} else {
				got = c.fn(nil, in, sc)
			}
		})
		where := primWhere{c.name, l, n}
		for k := range ins {
			if i := primBitsEqual(ins[k].full, saved[k].full); i >= 0 {
				return fmt.Sprintf("%s: input %d modified at full[%d]", where, k, i)
			}
		}
		if c.out != primNone {
			if i := primDiff(gotDst.view, wantDst.view); i >= 0 {
				return fmt.Sprintf("%s: dst[%d] = %s, want %s;%s", where, i,
					primShow(primAt(gotDst.view, i)), primShow(primAt(wantDst.view, i)), primInputsAt(ins, sc, i))
			}
			ref := primNewBuf(c.out, n, ins[0].start-primGuardLen)
			if i := primBitsEqual(gotDst.full, ref.full); i >= 0 && (i < gotDst.start || i >= gotDst.start+n) {
				return fmt.Sprintf("%s: guard full[%d] around dst[%d:%d] overwritten", where, i, gotDst.start, gotDst.start+n)
			}
		} else if !primSame(got, want) {
			return fmt.Sprintf("%s: got %s, want %s", where, primShow(got), primShow(want))
		}
	}
	return ""
}

type primWhere struct {
	name string
	l    Level
	n    int
}

func (w primWhere) String() string { return fmt.Sprintf("%s level=%v n=%d", w.name, w.l, w.n) }

// primRunAliased checks that dst may alias input k: it runs c in place on a copy
// of the inputs at every level and compares with the twin run in place.
func primRunAliased(c primCase, levels []Level, ins []primBuf, sc []any, k int) string {
	run := func(f func(d any, in, sc []any) any, l Level) any {
		cp := make([]any, len(ins))
		for j, b := range ins {
			cp[j] = primClone(b).view
		}
		primWithLevel(l, func() { f(cp[k], cp, sc) })
		return cp[k]
	}
	want := run(c.twin, LevelNone)
	for _, l := range levels {
		got := run(c.fn, l)
		if i := primDiff(got, want); i >= 0 {
			return fmt.Sprintf("%s level=%v n=%d dst aliasing input %d: dst[%d] = %s, want %s", c.name, l, ins[0].n, k, i,
				primShow(primAt(got, i)), primShow(primAt(want, i)))
		}
	}
	return ""
}

// primInputs makes guarded random inputs for c.
func primInputs(r *rand.Rand, c primCase, n, off int, finite bool) ([]primBuf, []any) {
	ins := make([]primBuf, len(c.ins))
	for k, kind := range c.ins {
		ins[k] = primNewBuf(kind, n, off)
		primFill(r, ins[k], finite)
	}
	sc := make([]any, len(c.scal))
	for k, kind := range c.scal {
		sc[k] = primRandScalar(r, kind, finite)
	}
	return ins, sc
}
