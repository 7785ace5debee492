package main

import (
	"context"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

func TestMain(m *testing.M) { ptest.Main(m) }

// TestPricingSmall runs the example on prism over 30 000 options in 7 chunks and
// checks its moments against numkit in one process, bit for bit (--check).
func TestPricingSmall(t *testing.T) {
	*n, *chunks, *dir, *check = 30_000, 7, t.TempDir(), true
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- run(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-ctx.Done():
		t.Fatal("the example did not finish in 2 minutes")
	}
}
