package hw

import (
	"fmt"
	"slices"
	"strings"
)

// envAccuracy selects the accuracy mode of the SIMD backend's vector math: "default"
// (every function within 1 ULP) or "fast" (the functions with a fast kernel within
// 4 ULP, docs/simd.md). It is read with the other variables (config.go).
const envAccuracy = "NUMKIT_ACCURACY"

// AccuracyValues are the accepted accuracy modes.
var AccuracyValues = []string{"default", "fast"}

// Accuracy is NUMKIT_ACCURACY ("default" when unset or empty), from Env, or "default"
// and the *ConfigError naming the variable, its value and the modes.
func Accuracy() (string, error) {
	cfg, err := Env()
	return cfg.Accuracy, accuracyError(err)
}

// ParseAccuracy parses NUMKIT_ACCURACY from getenv as ParseEnv does.
func ParseAccuracy(getenv func(string) (string, bool)) (string, error) {
	cfg, err := ParseEnv(getenv)
	return cfg.Accuracy, accuracyError(err)
}

// accuracyError is NUMKIT_ACCURACY's *ConfigError among the joined errors of err.
func accuracyError(err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			if ce, ok := e.(*ConfigError); ok && ce.Var == envAccuracy {
				return ce
			}
		}
	}
	return nil
}

// CheckAccuracy returns nil for an accepted mode (exact spelling), else an error
// listing them.
func CheckAccuracy(mode string) error {
	if slices.Contains(AccuracyValues, mode) {
		return nil
	}
	return fmt.Errorf("want one of %s", strings.Join(AccuracyValues, ", "))
}
