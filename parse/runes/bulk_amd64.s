//go:build amd64 && !purego

#include "textflag.h"

DATA bulkc<>+0x00(SB)/8, $0xE2E2E2E2E2E2E2E2
DATA bulkc<>+0x08(SB)/8, $0xE2E2E2E2E2E2E2E2
DATA bulkc<>+0x10(SB)/8, $0xE2E2E2E2E2E2E2E2
DATA bulkc<>+0x18(SB)/8, $0xE2E2E2E2E2E2E2E2
DATA bulkc<>+0x20(SB)/8, $0xE3E3E3E3E3E3E3E3
DATA bulkc<>+0x28(SB)/8, $0xE3E3E3E3E3E3E3E3
DATA bulkc<>+0x30(SB)/8, $0xE3E3E3E3E3E3E3E3
DATA bulkc<>+0x38(SB)/8, $0xE3E3E3E3E3E3E3E3
DATA bulkc<>+0x40(SB)/8, $0xEFEFEFEFEFEFEFEF
DATA bulkc<>+0x48(SB)/8, $0xEFEFEFEFEFEFEFEF
DATA bulkc<>+0x50(SB)/8, $0xEFEFEFEFEFEFEFEF
DATA bulkc<>+0x58(SB)/8, $0xEFEFEFEFEFEFEFEF
DATA bulkc<>+0x60(SB)/8, $0x8080808080808080
DATA bulkc<>+0x68(SB)/8, $0x8080808080808080
DATA bulkc<>+0x70(SB)/8, $0x8080808080808080
DATA bulkc<>+0x78(SB)/8, $0x8080808080808080
DATA bulkc<>+0x80(SB)/8, $0xBCBCBCBCBCBCBCBC
DATA bulkc<>+0x88(SB)/8, $0xBCBCBCBCBCBCBCBC
DATA bulkc<>+0x90(SB)/8, $0xBCBCBCBCBCBCBCBC
DATA bulkc<>+0x98(SB)/8, $0xBCBCBCBCBCBCBCBC
DATA bulkc<>+0xA0(SB)/8, $0x3F3F3F3F3F3F3F3F
DATA bulkc<>+0xA8(SB)/8, $0x3F3F3F3F3F3F3F3F
DATA bulkc<>+0xB0(SB)/8, $0x3F3F3F3F3F3F3F3F
DATA bulkc<>+0xB8(SB)/8, $0x3F3F3F3F3F3F3F3F
DATA bulkc<>+0xC0(SB)/8, $0x0707070707070707
DATA bulkc<>+0xC8(SB)/8, $0x0707070707070707
DATA bulkc<>+0xD0(SB)/8, $0x0707070707070707
DATA bulkc<>+0xD8(SB)/8, $0x0707070707070707
DATA bulkc<>+0xE0(SB)/8, $0
DATA bulkc<>+0xE8(SB)/8, $0
DATA bulkc<>+0xF0(SB)/8, $0
DATA bulkc<>+0xF8(SB)/8, $0
GLOBL bulkc<>(SB), RODATA|NOPTR, $0x100

#define cE2 bulkc<>+0x00(SB)
#define cE3 bulkc<>+0x20(SB)
#define cEF bulkc<>+0x40(SB)
#define c80 bulkc<>+0x60(SB)
#define cBC bulkc<>+0x80(SB)
#define c3F bulkc<>+0xA0(SB)
#define c07 bulkc<>+0xC0(SB)
#define cZero bulkc<>+0xE0(SB)

// func bulk32(s string, also *Set3) (n, conts int, done bool)
//
// Bulk's reading, 32 bytes a turn with AVX2: each byte of a block is classed by three
// compares (printable ASCII, a continuation byte, a lead E4–E9), and the masks are checked as
// Bulk checks its words. The punctuation of Chinese text (Set3.fast: the characters that begin
// E2 80, E3 80 and EF BC) is read in the block as ideographs are, where the set holds it: the
// bits for its last byte are picked by two byte shuffles (the byte of the mask, the bit in it).
// Another character of also is looked up in the set where a block stops at it and stepped over.
// done: n is where the bulk ends; else fewer than 34 bytes are left from n, a character
// boundary, for Go to read.
TEXT ·bulk32(SB), NOSPLIT, $0-41
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), BX
	MOVQ also+16(FP), R10
	XORQ DI, DI // i
	XORQ R8, R8 // conts
	XORQ R9, R9 // owed: the continuation bytes the last block's leads want of this one
	TESTQ R10, R10
	JZ    nofast
	VPBROADCASTQ 8192(R10), Y7 // Set3.fast, in fastLeads' order
	VPBROADCASTQ 8200(R10), Y8
	VPBROADCASTQ 8208(R10), Y9
	JMP  fastset

nofast:
	VMOVDQU cZero, Y7
	VMOVDQU cZero, Y8
	VMOVDQU cZero, Y9

fastset:
	MOVQ $0x8040201008040201, AX
	MOVQ AX, X15
	VPBROADCASTQ X15, Y15 // 1 << k at byte k
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
	LEAQ 34(DI), AX // the block and the two bytes after it: a character at its end is read whole
	CMPQ AX, BX
	JGT  tail
	VMOVDQU (SI)(DI*1), Y0
	VMOVDQU 1(SI)(DI*1), Y5
	VMOVDQU 2(SI)(DI*1), Y6
	// the punctuation the set holds, at its first byte
	VPAND    c3F, Y6, Y1
	VPSRLW   $3, Y1, Y2
	VPAND    c07, Y2, Y2 // the byte of the mask
	VPAND    c07, Y1, Y1
	VPSHUFB  Y1, Y15, Y1 // the bit in it
	VPCMPGTB Y6, Y12, Y3 // the third byte a continuation byte
	VPAND    Y3, Y1, Y1
	VPSHUFB  Y2, Y7, Y3  // E2 80
	VPAND    Y1, Y3, Y3
	VPCMPEQB cE2, Y0, Y4
	VPAND    Y4, Y3, Y3
	VPSHUFB  Y2, Y8, Y4  // E3 80
	VPAND    Y1, Y4, Y4
	VPCMPEQB cE3, Y0, Y6
	VPAND    Y6, Y4, Y4
	VPOR     Y4, Y3, Y3
	VPCMPEQB c80, Y5, Y6
	VPAND    Y6, Y3, Y3
	VPSHUFB  Y2, Y9, Y4  // EF BC
	VPAND    Y1, Y4, Y4
	VPCMPEQB cEF, Y0, Y6
	VPAND    Y6, Y4, Y4
	VPCMPEQB cBC, Y5, Y6
	VPAND    Y6, Y4, Y4
	VPOR     Y4, Y3, Y3
	VPCMPEQB cZero, Y3, Y3
	VPMOVMSKB Y3, R13
	NOTL R13 // punctuation the set holds
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
	ORL  R13, AX
	ORL  R13, DX
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
	ANDL $0xF0, R13
	CMPL R13, $0xE0
	JNE  two
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
	// a character the last block cut is left to be read again: its lead one or two bytes back
	// (a lead of E0–EF, ideograph or punctuation)
	TESTQ R9, R9
	JZ    out
	MOVBLZX -1(SI)(DI*1), AX
	ANDL $0xF0, AX
	CMPL AX, $0xE0
	JNE  tail2
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
