package runes

import "unsafe"

// The parser's only use of unsafe, kept to this file (TestParseIsPure): reading a file's bytes as
// a string without copying them, and telling whether a string is a span of another. Both are
// read-only; what shares a caller's bytes must not outlive the call (TestParseKeepsNoBytes).

// Shared is b as a string, without a copy: valid while b is, and b must not change meanwhile.
func Shared(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// SpanOf is the offset of s in buf when s is a span of buf's memory (not merely equal to one),
// else false. An empty s is a span of nothing.
func SpanOf(buf, s string) (int, bool) {
	if s == "" || buf == "" {
		return 0, false
	}
	o := uintptr(unsafe.Pointer(unsafe.StringData(s))) - uintptr(unsafe.Pointer(unsafe.StringData(buf)))
	return int(o), o <= uintptr(len(buf)) && uintptr(len(s)) <= uintptr(len(buf))-o
}
