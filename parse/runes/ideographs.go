package runes

// Ideographs is the length of the longest prefix of s made of CJK characters U+4000–U+9FFF
// (three bytes each, first byte E4–E9: the bulk of any report), counted in whole blocks of
// eight characters, then of four: a block is checked by its bytes in three words, not a
// character at a time. The passes that must look at every byte of a report (the decoder's
// check, the fold) skip such a run in one step; what is left of it they read as before.
func Ideographs(s string) int {
	i := 0
	for i+24 <= len(s) {
		t := s[i : i+24]
		if !block(load64(t[0:8]), lead0) || !block(load64(t[8:16]), lead1) || !block(load64(t[16:24]), lead2) {
			break
		}
		i += 24
	}
	if i+12 <= len(s) {
		t := s[i : i+12]
		// the block of four: bytes 0–7, then 8–11 in the low half of a word whose high half
		// is made to pass (continuation bytes)
		w := uint64(t[8]) | uint64(t[9])<<8 | uint64(t[10])<<16 | uint64(t[11])<<24 | 0x8080808000000000
		if block(load64(t[0:8]), lead0) && block(w, lead1&0xFFFFFFFF) {
			i += 12
		}
	}
	return i
}

// The bytes of a block of 24 that begin a character, in each of its three words (little-endian:
// byte k of a word is bits 8k to 8k+7): 0, 3, 6 | 9, 12, 15 | 18, 21.
const (
	lead0 = 0x00FF0000FF0000FF
	lead1 = 0xFF0000FF0000FF00
	lead2 = 0x0000FF0000FF0000
)

// block says every byte of w marked in lead is E4–E9 and every other byte a continuation byte
// (80–BF). A lead's high nibble must be E and its low one 4 to 9: adding 12 to the low nibble
// carries into bit 4 from 4 up, adding 6 from 10 up (a nibble plus 12 stays under 256: no carry
// reaches the next byte).
func block(w, lead uint64) bool {
	const (
		hiNib = 0xF0F0F0F0F0F0F0F0
		loNib = 0x0F0F0F0F0F0F0F0F
		top2  = 0xC0C0C0C0C0C0C0C0
		cont  = 0x8080808080808080
		eNib  = 0xE0E0E0E0E0E0E0E0
		bit4  = 0x1010101010101010
		add12 = 0x0C0C0C0C0C0C0C0C
		add6  = 0x0606060606060606
	)
	mask := lead&hiNib | ^lead&top2
	want := lead&eNib | ^lead&cont
	n := w & lead & loNib
	carry := lead & bit4
	return w&mask == want && (n+lead&add12)&carry == carry && (n+lead&add6)&carry == 0
}
