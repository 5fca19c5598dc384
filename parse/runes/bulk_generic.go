//go:build !amd64 || purego

package runes

// blocks: no vector reading here; Bulk reads eight bytes at a time.
var blocks = false

func bulk32(string, *Set3) (n, conts int, done bool) { return 0, 0, false }
