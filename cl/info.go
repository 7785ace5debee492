package cl

import (
	"strings"
	"unsafe"
)

// infoFunc is one clGet*Info call with its object and parameter already bound.
type infoFunc func(size uintptr, value unsafe.Pointer, sizeOut *uintptr) int32

// infoBytes returns the raw value of a variable-size query.
func infoBytes(op string, get infoFunc) ([]byte, error) {
	var n uintptr
	if code := get(0, nil, &n); code != 0 {
		return nil, newError(op, code)
	}
	if n == 0 {
		return nil, nil
	}
	buf := make([]byte, n)
	if code := get(n, unsafe.Pointer(&buf[0]), nil); code != 0 {
		return nil, newError(op, code)
	}
	return buf, nil
}

// infoString returns a char[] query without its trailing NUL and surrounding spaces.
func infoString(op string, get infoFunc) (string, error) {
	buf, err := infoBytes(op, get)
	if err != nil {
		return "", err
	}
	if i := strings.IndexByte(string(buf), 0); i >= 0 {
		buf = buf[:i]
	}
	return strings.TrimSpace(string(buf)), nil
}

// infoValue returns a fixed-size query (cl_uint, cl_ulong, size_t, a handle ...).
func infoValue[T any](op string, get infoFunc) (T, error) {
	var v T
	if code := get(unsafe.Sizeof(v), unsafe.Pointer(&v), nil); code != 0 {
		return v, newError(op, code)
	}
	return v, nil
}

// infoSlice returns an array-valued query (size_t[], cl_device_id[] ...).
func infoSlice[T any](op string, get infoFunc) ([]T, error) {
	var zero T
	elem := unsafe.Sizeof(zero)
	var n uintptr
	if code := get(0, nil, &n); code != 0 {
		return nil, newError(op, code)
	}
	if n == 0 {
		return nil, nil
	}
	out := make([]T, (n+elem-1)/elem)
	if code := get(uintptr(len(out))*elem, unsafe.Pointer(&out[0]), nil); code != 0 {
		return nil, newError(op, code)
	}
	return out[:n/elem], nil
}
