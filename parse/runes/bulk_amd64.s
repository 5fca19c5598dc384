//go:build amd64 && !purego

#include "textflag.h"

// func bulk32(s string, also *Set3) (n, conts int, done bool)
//
// Bulk's reading, 32 bytes a turn with AVX2: each byte of a block is classed by three
// compares (printable ASCII, a continuation byte, a lead E4–E9), and the masks are checked as
// Bulk checks its words. A character of also is looked up in the set where a block stops at it
// and stepped over. done: n is where the bulk ends; else fewer than 32 bytes are left from n,
// a character boundary, for Go to read.
TEXT ·bulk32(SB), NOSPLIT, $0-41
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), BX
	MOVQ also+16(FP), R10
	XORQ DI, DI // i
	XORQ R8, R8 // conts
	XORQ R9, R9 // owed: the continuation bytes the last block's leads want of this one
	MOVQ $0x2020202020202020, AX
	MOVQ AX, X10
	VPBROADCASTQ X10, Y10
	MOVQ $0x7F7F7F7F7F7F7F7F, AX
	MOVQ AX, X11
	VPBROADCASTQ X11, Y11
	MOVQ $0xC0C0C0C0C0C0C0C0, AX
	MOVQ AX, X12
	VPBROADCASTQ X12, Y12
	MOVQ $0xE3E3E3E3E3E3E3E3, AX
	MOVQ AX, X13
	VPBROADCASTQ X13, Y13
	MOVQ $0xEAEAEAEAEAEAEAEA, AX
	MOVQ AX, X14
	VPBROADCASTQ X14, Y14

loop:
	LEAQ 32(DI), AX
	CMPQ AX, BX
	JGT  tail
	VMOVDQU (SI)(DI*1), Y0
	// signed compares: the bytes from 80 up are negative
	VPCMPGTB Y10, Y0, Y1 // > 20
	VPCMPGTB Y0, Y11, Y2 // < 7F
	VPAND    Y1, Y2, Y1  // printable ASCII but the space
	VPCMPGTB Y0, Y12, Y2 // < C0: 80–BF, a continuation byte
	VPCMPGTB Y13, Y0, Y3 // > E3
	VPCMPGTB Y0, Y14, Y4 // < EA
	VPAND    Y3, Y4, Y3  // a lead E4–E9
	VPOR     Y1, Y2, Y1
	VPOR     Y3, Y1, Y1
	VPMOVMSKB Y1, AX // good
	VPMOVMSKB Y2, CX // cont
	VPMOVMSKB Y3, DX // lead
	LEAQ (DX)(DX*1), R11
	SHLQ $2, DX
	ORQ  R11, DX  // the continuation bytes the leads want, to bit 33
	MOVQ DX, R12
	SHRQ $32, R12 // of the next block
	MOVL DX, DX
	ORQ  R9, DX   // want
	NOTL AX
	MOVQ CX, R11
	XORQ DX, R11
	ORQ  R11, AX  // bad: not good, or a continuation byte where none is wanted or none where one is
	JNZ  bad
	POPCNTL CX, CX
	ADDQ CX, R8
	MOVQ R12, R9
	ADDQ $32, DI
	JMP  loop

bad:
	TZCNTQ AX, AX
	LEAQ (DI)(AX*1), R11 // end
	BTQ  AX, DX
	JCC  counted
	// the byte was owed to a lead one or two bytes before: the character ends the bulk
	MOVBLZX -1(SI)(R11*1), R13
	SUBL $0xE4, R13
	CMPL R13, $5
	JHI  two
	DECQ R11
	JMP  counted

two:
	SUBQ $2, R11

counted:
	MOVQ R11, R13
	SUBQ DI, R13
	JLT  before
	BZHIQ R13, CX, CX // the block's continuation bytes before end
	POPCNTQ CX, CX
	ADDQ CX, R8
	JMP  also

before:
	// end is one or two bytes into the last block: the lead was not counted, a continuation
	// byte after it was
	LEAQ 1(R8)(R13*1), R8

also:
	TESTQ R10, R10
	JZ    stop
	LEAQ 2(R11), R13
	CMPQ R13, BX
	JGE  stop
	MOVBLZX (SI)(R11*1), AX
	MOVL AX, R13
	ANDL $0xF0, R13
	CMPL R13, $0xE0
	JNE  stop
	MOVBLZX 1(SI)(R11*1), CX
	MOVL CX, R13
	ANDL $0xC0, R13
	CMPL R13, $0x80
	JNE  stop
	MOVBLZX 2(SI)(R11*1), DX
	MOVL DX, R13
	ANDL $0xC0, R13
	CMPL R13, $0x80
	JNE  stop
	ANDL $0x0F, AX
	SHLL $12, AX
	ANDL $0x3F, CX
	SHLL $6, CX
	ORL  CX, AX
	ANDL $0x3F, DX
	ORL  DX, AX // the character
	MOVL AX, CX
	SHRL $6, CX
	MOVQ (R10)(CX*8), CX
	BTQ  AX, CX // bit r&63 of its word
	JCC  stop
	LEAQ 3(R11), DI
	ADDQ $2, R8
	XORQ R9, R9
	JMP  loop

stop:
	VZEROUPPER
	MOVQ R11, n+24(FP)
	MOVQ R8, conts+32(FP)
	MOVB $1, done+40(FP)
	RET

tail:
	// a character the last block cut is left to be read again
	TESTQ R9, R9
	JZ    out
	MOVBLZX -1(SI)(DI*1), AX
	SUBL $0xE4, AX
	CMPL AX, $5
	JHI  tail2
	DECQ DI
	JMP  out

tail2:
	SUBQ $2, DI
	DECQ R8

out:
	VZEROUPPER
	MOVQ DI, n+24(FP)
	MOVQ R8, conts+32(FP)
	MOVB $0, done+40(FP)
	RET
