//go:build amd64 && !purego

#include "textflag.h"

// func pair32(s string, d int, b1, b2 byte) (i int, found bool)
//
// The first i with s[i] == b1 and s[i+d] == b2, looked for 32 places a turn with AVX2 while
// s[i+d+31] is in s. found false: none before i, the first place not looked at.
TEXT ·pair32(SB), NOSPLIT, $0-41
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), BX
	MOVQ d+16(FP), DX
	MOVBLZX b1+24(FP), AX
	MOVBLZX b2+25(FP), CX
	MOVL AX, X1
	VPBROADCASTB X1, Y1
	MOVL CX, X2
	VPBROADCASTB X2, Y2
	XORQ DI, DI
	MOVQ BX, R8
	SUBQ DX, R8
	SUBQ $32, R8 // the last i a turn may begin at
	LEAQ (SI)(DX*1), R9

loop:
	CMPQ DI, R8
	JGT  rest
	VPCMPEQB (SI)(DI*1), Y1, Y3
	VPCMPEQB (R9)(DI*1), Y2, Y4
	VPAND    Y3, Y4, Y3
	VPMOVMSKB Y3, AX
	TESTL AX, AX
	JNZ   hit
	ADDQ $32, DI
	JMP  loop

hit:
	TZCNTL AX, AX
	ADDQ AX, DI
	VZEROUPPER
	MOVQ DI, i+32(FP)
	MOVB $1, found+40(FP)
	RET

rest:
	VZEROUPPER
	MOVQ DI, i+32(FP)
	MOVB $0, found+40(FP)
	RET

// func count32(s string) (n, conts int)
//
// The continuation bytes (80–BF) of s's whole blocks of 32 bytes, n bytes read.
TEXT ·count32(SB), NOSPLIT, $0-32
	MOVQ s_base+0(FP), SI
	MOVQ s_len+8(FP), BX
	XORQ AX, AX
	XORQ DI, DI
	MOVQ $0xC0C0C0C0C0C0C0C0, CX
	MOVQ CX, X1
	VPBROADCASTQ X1, Y1

cloop:
	LEAQ 32(DI), CX
	CMPQ CX, BX
	JGT  cdone
	VMOVDQU (SI)(DI*1), Y0
	VPCMPGTB Y0, Y1, Y2 // < C0 as signed bytes: 80–BF
	VPMOVMSKB Y2, CX
	POPCNTL CX, CX
	ADDQ CX, AX
	ADDQ $32, DI
	JMP  cloop

cdone:
	VZEROUPPER
	MOVQ DI, n+16(FP)
	MOVQ AX, conts+24(FP)
	RET
