package sketch_test

import (
	"errors"
	"fmt"

	"github.com/numkit/numkit/numeric/sketch"
)

func Example() {
	// Estimates within 0.1% of the stream's total, with probability 99.9%.
	cm, err := sketch.New(0.001, 0.001)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d counters per row, %d rows\n", cm.Width(), cm.Depth())
	for _, word := range []string{"to", "be", "or", "not", "to", "be"} {
		cm.AddString(word, 1)
	}
	cm.AddBatch([]uint64{7, 7, 7, 42})
	fmt.Println(cm.CountString("to"), cm.CountString("be"), cm.CountString("question"))
	fmt.Println(cm.CountUint64(7), cm.Total())
	// Output:
	// 2719 counters per row, 7 rows
	// 2 2 0
	// 3 10
}

func ExampleCountMin_Merge() {
	// Sketches of two shards, with the same size and seed, merge into the sketch of
	// the whole stream.
	a, _ := sketch.New(0.01, 0.01, sketch.WithSeed(1))
	b, _ := sketch.New(0.01, 0.01, sketch.WithSeed(1))
	a.AddString("error", 3)
	b.AddString("error", 4)
	if err := a.Merge(b); err != nil {
		panic(err)
	}
	fmt.Println(a.CountString("error"))
	// Output: 7
}

func ExampleCountMin_MarshalBinary() {
	cm, _ := sketch.New(0.01, 0.01, sketch.Conservative())
	cm.AddUint64(12345, 10)
	data, _ := cm.MarshalBinary()

	var back sketch.CountMin
	if err := back.UnmarshalBinary(data); err != nil {
		panic(err)
	}
	fmt.Println(back.CountUint64(12345), back.IsConservative())
	data[len(data)/2] ^= 1 // corrupt it
	fmt.Println(back.UnmarshalBinary(data) != nil)
	// Output:
	// 10 true
	// true
}

// NewSize fixes the width and depth directly; Epsilon and Delta give the guarantee
// they imply.
func ExampleNewSize() {
	cm, err := sketch.NewSize(1024, 4)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d×%d: ε=%.5f δ=%.4f\n", cm.Width(), cm.Depth(), cm.Epsilon(), cm.Delta())
	_, err = sketch.NewSize(0, 4)
	fmt.Println(err != nil)
	// Output:
	// 1024×4: ε=0.00265 δ=0.0183
	// true
}

// Conservative update raises a key's counters only as far as its estimate needs,
// which over-counts less; merging such sketches gives an upper bound rather than the
// exact sketch of both streams.
func ExampleConservative() {
	cm, _ := sketch.New(0.01, 0.01, sketch.Conservative())
	for i := range int64(100) {
		cm.AddInt64(i%5, 1)
	}
	fmt.Println(cm.CountInt64(3), cm.Total(), cm.IsConservative())
	// Output:
	// 20 100 true
}

// Sketches merge only when they hash alike: same size, seed and update rule.
func ExampleWithSeed() {
	a, _ := sketch.New(0.01, 0.01, sketch.WithSeed(7))
	b, _ := sketch.New(0.01, 0.01, sketch.WithSeed(8))
	fmt.Println(a.Seed(), b.Seed())
	err := a.Merge(b)
	fmt.Println(errors.Is(err, sketch.ErrIncompatible))
	// Output:
	// 7 8
	// true
}

// Reset empties a sketch for reuse, keeping its size and seed.
func ExampleCountMin_Reset() {
	cm, _ := sketch.New(0.01, 0.01)
	cm.Add([]byte("key"), 5)
	fmt.Println(cm.Count([]byte("key")), cm.Total())
	cm.Reset()
	fmt.Println(cm.Count([]byte("key")), cm.Total())
	// Output:
	// 5 5
	// 0 0
}
