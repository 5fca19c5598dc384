//go:build amd64 && !purego

package runes

import "golang.org/x/sys/cpu"

// blocks says bulk32 can run here (AVX2 for the compares, BMI2 for BZHI); a test turns it off
// to hold the Go loop to the same answers.
var blocks = cpu.X86.HasAVX2 && cpu.X86.HasBMI2 && cpu.X86.HasPOPCNT

// bulk32 is Bulk over s's whole blocks of 32 bytes (bulk_amd64.s). done: s[:n] is the bulk;
// else s[:n] is bulk with conts continuation bytes, n is a character boundary and fewer than
// 32 bytes follow it.
//
//go:noescape
func bulk32(s string, also *Set3) (n, conts int, done bool)
