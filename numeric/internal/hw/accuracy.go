package hw

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
)

// envAccuracy selects the accuracy mode of the SIMD backend's vector math: "default"
// (every function within 1 ULP) or "fast" (the functions with a fast kernel within
// 4 ULP, docs/simd.md). It lives in its own file so that adding it did not touch
// config.go's list, which another change had open; Report.Config does not show it.
const envAccuracy = "NUMKIT_ACCURACY"

// AccuracyValues are the accepted accuracy modes.
var AccuracyValues = []string{"default", "fast"}

// Accuracy is NUMKIT_ACCURACY ("default" when unset or empty), read once, or
// "default" and a *ConfigError naming the variable, its value and the modes.
func Accuracy() (string, error) { return accuracy() }

var accuracy = sync.OnceValues(func() (string, error) { return ParseAccuracy(os.LookupEnv) })

// ParseAccuracy parses NUMKIT_ACCURACY from getenv, which looks a variable up as
// os.LookupEnv does; values are trimmed and case-insensitive.
func ParseAccuracy(getenv func(string) (string, bool)) (string, error) {
	raw, _ := getenv(envAccuracy)
	v := strings.ToLower(strings.TrimSpace(raw))
	if v == "" {
		return "default", nil
	}
	if !slices.Contains(AccuracyValues, v) {
		return "default", &ConfigError{Var: envAccuracy, Value: raw, Want: "one of " + strings.Join(AccuracyValues, ", ")}
	}
	return v, nil
}

// CheckAccuracy returns nil for an accepted mode (exact spelling), else an error
// listing them.
func CheckAccuracy(mode string) error {
	if slices.Contains(AccuracyValues, mode) {
		return nil
	}
	return fmt.Errorf("want one of %s", strings.Join(AccuracyValues, ", "))
}
