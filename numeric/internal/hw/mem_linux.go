package hw

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// memorySource names where totalMemory reads on this OS.
const memorySource = "/proc/meminfo MemTotal"

// totalMemory returns the physical memory in bytes, from /proc/meminfo.
func totalMemory() (uint64, error) {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, err
	}
	return parseMeminfo(data)
}

// parseMeminfo reads the MemTotal line ("MemTotal:  24576000 kB") of /proc/meminfo.
func parseMeminfo(data []byte) (uint64, error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:")
		if !ok {
			continue
		}
		fields := strings.Fields(rest)
		if len(fields) != 2 || fields[1] != "kB" {
			return 0, fmt.Errorf("/proc/meminfo: unexpected MemTotal line %q", sc.Text())
		}
		kb, err := strconv.ParseUint(fields[0], 10, 64)
		if err != nil || kb > 1<<53 {
			return 0, fmt.Errorf("/proc/meminfo: bad MemTotal value %q", fields[0])
		}
		return kb * 1024, nil
	}
	return 0, fmt.Errorf("/proc/meminfo: no MemTotal line")
}
