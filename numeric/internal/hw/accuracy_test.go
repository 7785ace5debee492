package hw

import (
	"errors"
	"testing"
)

func TestParseAccuracy(t *testing.T) {
	for in, want := range map[string]string{"": "default", " FAST ": "fast", "default": "default", "Default": "default"} {
		got, err := ParseAccuracy(func(string) (string, bool) { return in, in != "" })
		if err != nil || got != want {
			t.Errorf("NUMKIT_ACCURACY=%q: %q, %v; want %q", in, got, err, want)
		}
	}
	got, err := ParseAccuracy(func(string) (string, bool) { return "quick", true })
	var ce *ConfigError
	if !errors.As(err, &ce) || got != "default" || ce.Var != "NUMKIT_ACCURACY" || ce.Value != "quick" ||
		err.Error() != `NUMKIT_ACCURACY="quick": want one of default, fast` {
		t.Errorf("NUMKIT_ACCURACY=quick: %q, %v; want default and a *ConfigError naming the variable, the value and the modes", got, err)
	}
	if CheckAccuracy("fast") != nil || CheckAccuracy("default") != nil || CheckAccuracy("FAST") == nil {
		t.Error("CheckAccuracy: want nil for fast and default, an error for FAST")
	}
}
