package numeric

import "testing"

func confRunInterop(t *testing.T, be confBackend) {}
