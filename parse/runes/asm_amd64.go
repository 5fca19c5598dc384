//go:build amd64 && !purego

package runes

import "golang.org/x/sys/cpu"

// blocks says the AVX2 loops can run here (bulk32 also wants BMI2 for BZHI); a test turns it
// off to hold the Go loops to the same answers.
var blocks = cpu.X86.HasAVX2 && cpu.X86.HasBMI2 && cpu.X86.HasPOPCNT

// bulk32 is Bulk over s's blocks of 32 bytes while two more follow each (bulk_amd64.s: a
// character that begins at a block's end is read whole). done: s[:n] is the bulk; else s[:n] is
// bulk with conts continuation bytes, n is a character boundary and fewer than 34 bytes follow.
//
//go:noescape
func bulk32(s string, also *Set3) (n, conts int, done bool)

// pair32 is the first i with s[i] == b1 and s[i+d] == b2 (index_amd64.s), looked for while
// s[i+d+31] is in s; found false: none before i, the first place not looked at.
//
//go:noescape
func pair32(s string, d int, b1, b2 byte) (i int, found bool)

// count32 is the continuation bytes of s's whole blocks of 32 bytes (index_amd64.s), n the
// bytes they hold.
//
//go:noescape
func count32(s string) (n, conts int)
