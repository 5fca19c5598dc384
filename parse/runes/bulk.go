package runes

import "math/bits"

// Set3 is a set of the characters of three bytes in UTF-8 (U+0800–U+FFFF but the surrogates).
type Set3 struct {
	bits [1 << 10]uint64 // first: bulk32 reads it at the pointer
	// which of the 64 characters that begin each of fastLeads the set holds, by the low six bits
	// of their last byte: bulk32 reads these, the punctuation of Chinese text, in its blocks
	fast [len(fastLeads)]uint64
}

// fastLeads are the first two bytes of the blocks of 64 characters bulk32 takes from Set3.fast:
// U+2000–U+203F (“”‘’—…), U+3000–U+303F (、。《》【】) and U+FF00–U+FF3F (，：；（）！？). The
// assembly compares with these bytes: the order is its own.
var fastLeads = [3][2]byte{{0xE2, 0x80}, {0xE3, 0x80}, {0xEF, 0xBC}}

// NewSet3 is the set of the characters of three bytes for which in says true.
func NewSet3(in func(rune) bool) *Set3 {
	var t Set3
	for r := rune(0x800); r <= 0xFFFF; r++ {
		if (r < 0xD800 || r > 0xDFFF) && in(r) {
			t.bits[r>>6] |= 1 << (r & 63)
		}
	}
	for k, l := range fastLeads {
		t.fast[k] = t.bits[rune(l[0]&0x0F)<<6|rune(l[1]&0x3F)]
	}
	return &t
}

// Has says r is in the set.
func (t *Set3) Has(r rune) bool {
	return r >= 0 && r <= 0xFFFF && t.bits[r>>6]>>(r&63)&1 != 0
}

// Bulk is the length of the longest prefix of s made of whole characters of the bulk of a
// report — printable ASCII but the space (21–7E), ideographs U+4000–U+9FFF (a lead byte E4–E9
// and two continuation bytes) and the characters of also (nil for none) — and the number of
// characters in it. It reads s eight bytes at a time: each byte is classed by its bits, and the
// continuation bytes must stand exactly where the lead bytes before them want them; a character
// of also is looked up where a word stops at it. A report changes between ideographs, digits and
// punctuation every four characters or so; a loop that chose its step by the class of each
// character mispredicted a branch at most of those changes, and that was most of the fold's time.
func Bulk(s string, also *Set3) (n, chars int) {
	const (
		hi   = 0x8080808080808080
		low7 = 0x7F7F7F7F7F7F7F7F
		loN  = 0x0F0F0F0F0F0F0F0F
		hiN  = 0xF0F0F0F0F0F0F0F0
		eN   = 0xE0E0E0E0E0E0E0E0
	)
	var owed uint64 // the continuation bytes the last word's leads want at the start of this one
	conts := 0
	i := 0
	if blocks && len(s) >= 32 {
		n, c, done := bulk32(s, also)
		if done {
			return n, n - c
		}
		i, conts = n, c
	}
	for i+8 <= len(s) {
		w := load64(s[i : i+8])
		cont := w &^ (w << 1) & hi // 10xxxxxx
		v := w & low7              // below 80 no byte's sum carries into the next
		ascii := ^w & (v + 0x5F5F5F5F5F5F5F5F) &^ (v + 0x0101010101010101) & hi
		lo := w & loN
		notE := (((w & hiN) ^ eN) >> 4) + 0x7F7F7F7F7F7F7F7F // bit 7 set where the high nibble is not E
		// the low nibble is 4 or more (adding 12 carries into bit 4) and under 10 (adding 6 does not)
		lead := ((lo + 0x0C0C0C0C0C0C0C0C) << 3 &^ ((lo + 0x0606060606060606) << 3)) &^ notE & hi
		want := lead<<8 | lead<<16 | owed
		if bad := ^(cont|ascii|lead)&hi | (cont ^ want); bad != 0 {
			k := bits.TrailingZeros64(bad) >> 3
			end := i + k
			if want>>(8*k+7)&1 != 0 {
				// the byte was owed to a lead one or two bytes before: the character ends the prefix
				if s[end-1] >= 0xE4 && s[end-1] <= 0xE9 {
					end--
				} else {
					end -= 2
				}
			}
			if end >= i {
				conts += bits.OnesCount64(cont & (1<<(8*(end-i)) - 1))
			} else {
				conts -= i - end - 1 // the lead and a continuation byte of the last word, counted
			}
			// a character of also: stepped over, and the words go on after it (not by at,
			// which is no inlined call: a call at every stop cost more than the look-up)
			if r, ok := Three(s, end); ok && also != nil && also.bits[r>>6]>>(r&63)&1 != 0 {
				i, conts, owed = end+3, conts+2, 0
				continue
			}
			return end, end - conts
		}
		conts += bits.OnesCount64(cont)
		owed = lead>>56 | lead>>48
		i += 8
	}
	if owed != 0 { // a character cut by the last whole word: read again below
		if s[i-1] >= 0xE4 && s[i-1] <= 0xE9 {
			i--
		} else {
			i -= 2
			conts--
		}
	}
	for i < len(s) {
		switch c := s[i]; {
		case c > ' ' && c < 0x7f:
			i++
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3
			conts += 2
		case also.at(s, i):
			i += 3
			conts += 2
		default:
			return i, i - conts
		}
	}
	return i, i - conts
}

// at says s holds a character of t at i.
func (t *Set3) at(s string, i int) bool {
	r, ok := Three(s, i)
	return ok && t != nil && t.Has(r)
}

// Three is the character of three bytes (a lead byte E0–EF and two continuation bytes) at s[i],
// read without the decoder, and false where s holds none there. It says nothing of overlong
// forms and surrogates: callers ask for a range that holds neither (ideographs, punctuation).
// The parser's byte loops ask it at most characters of a report, where utf8's decoder is not
// inlined for runes above ASCII.
func Three(s string, i int) (rune, bool) {
	if i+2 >= len(s) || s[i]&0xF0 != 0xE0 || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
		return 0, false
	}
	return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), true
}
