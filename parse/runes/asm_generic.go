//go:build !amd64 || purego

package runes

// blocks: no vector reading here; Bulk reads eight bytes at a time, Index by IndexByte.
var blocks = false

func bulk32(string, *Set3) (n, conts int, done bool) { return 0, 0, false }

func pair32(string, int, byte, byte) (i int, found bool) { return 0, false }

func count32(string) (n, conts int) { return 0, 0 }
