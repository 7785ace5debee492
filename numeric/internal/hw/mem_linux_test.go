package hw

import "testing"

func TestHardwareParseMeminfo(t *testing.T) {
	good := "MemFree:         1000 kB\nMemTotal:       24576000 kB\n"
	if n, err := parseMeminfo([]byte(good)); err != nil || n != 24576000*1024 {
		t.Errorf("parseMeminfo = %d, %v; want %d", n, err, 24576000*1024)
	}
	for _, bad := range []string{"", "MemFree: 1 kB\n", "MemTotal: 12\n", "MemTotal: x kB\n", "MemTotal: 5 MB\n", "MemTotal: 99999999999999999999 kB\n"} {
		if n, err := parseMeminfo([]byte(bad)); err == nil {
			t.Errorf("parseMeminfo(%q) = %d, want an error", bad, n)
		}
	}
}
