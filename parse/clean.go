package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize folds what differs between copies of the same text without changing what it says:
// line endings, indentation (ASCII, full-width U+3000, NBSP), zero-width characters, and full-width
// digits, Latin letters and ％ — which reports mix freely with their ASCII forms. Chinese
// punctuation is kept as written.
func normalize(s string) string { return strings.Join(normalizeLines(s), "\n") }

// normalizeLines is normalize cut into lines, in one pass over the text: each rune is folded,
// each line trimmed of white space at both ends and its runs of spaces shrunk to one as it is
// written (five passes and as many copies of the text before: replace, fold, split, trim, join).
func normalizeLines(s string) []string {
	var b strings.Builder
	b.Grow(len(s))
	var ends []int
	// White space is held back until a character follows it on the same line, so what ends a line
	// is never written; a run of spaces is held as one.
	var heldBuf [16]byte
	held := heldBuf[:0]
	atStart := true // nothing written on this line yet: white space here is dropped
	space := func(r rune) {
		if atStart {
			return
		}
		if r == ' ' {
			if len(held) > 0 && held[len(held)-1] == ' ' {
				return
			}
			held = append(held, ' ')
			return
		}
		held = utf8.AppendRune(held, r)
	}
	solid := func() {
		if len(held) > 0 {
			b.Write(held)
			held = held[:0]
		}
		atStart = false
	}
	plain := -1 // start of a run of bytes copied as they are, or -1
	for i := 0; i < len(s); {
		c := s[i]
		if kept[c] || c >= 0xC2 && !special(s, i) {
			if plain < 0 {
				solid()
				plain = i
			}
			i += width[c]
			// the run goes on to the next rune to look at, a rune at a time (the text is valid
			// UTF-8), ideographs — most of any report — first
			for i < len(s) {
				c = s[i]
				if c >= 0xE4 && c <= 0xE9 && i+3 <= len(s) {
					i += 3
				} else if kept[c] || c >= 0xC2 && !special(s, i) {
					i += width[c]
				} else {
					break
				}
			}
			continue
		}
		if plain >= 0 {
			b.WriteString(s[plain:i])
			plain = -1
		}
		if c < utf8.RuneSelf {
			i++
			switch c {
			case '\r':
				if i < len(s) && s[i] == '\n' {
					continue // \r\n is one line break
				}
				fallthrough
			case '\n':
				held = held[:0]
				ends = append(ends, b.Len())
				atStart = true
			case '\t', ' ':
				space(' ')
			case '\v', '\f':
				space(rune(c))
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\u00a0' || r == '\u2002' || r == '\u2003' || r == '\u2009' || r == '\u3000':
			space(' ')
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ', r == '％', r == '．':
			solid()
			b.WriteByte(byte(r - 0xFEE0))
		case unicode.IsSpace(r): // the other white space is trimmed at the ends and kept inside
			space(r)
		default:
			solid()
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	if plain >= 0 {
		b.WriteString(s[plain:]) // a rune cut at the end (invalid text) is written as it is
	}
	ends = append(ends, b.Len())
	text := b.String()
	lines := make([]string, len(ends))
	from := 0
	for k, e := range ends {
		lines[k] = text[from:e]
		from = e
	}
	return lines
}

// kept marks the bytes normalize copies as they are without a further look: printable ASCII and
// the control characters that are not white space, continuation bytes, and the first bytes of
// runes none of which it changes. The leads C2, E1, E2, E3 and EF begin some runes it changes
// and many it does not (。，“” among them): special tells them apart by their bytes.
var kept = func() (t [256]bool) {
	for c := range 256 {
		switch {
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' ':
		case c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 || c == 0xEF:
		case c >= 0xF5 || c == 0xC0 || c == 0xC1: // never in valid UTF-8: decoded, so written as U+FFFD
		default:
			t[c] = true
		}
	}
	return t
}()

// width is the length of the rune a lead byte begins: 1 for ASCII and for bytes that begin none
// (a continuation byte where a lead should be is stepped over alone, as the decoder does).
var width = func() (t [256]int) {
	for c := range 256 {
		switch {
		case c >= 0xC2 && c <= 0xDF:
			t[c] = 2
		case c >= 0xE0 && c <= 0xEF:
			t[c] = 3
		case c >= 0xF0 && c <= 0xF4:
			t[c] = 4
		default:
			t[c] = 1
		}
	}
	return t
}()

// special says the rune at s[i] (a lead byte kept does not mark) is one normalize folds, drops
// or treats as white space: U+0085, U+00A0, U+00AD (C2 85, A0, AD); U+1680 (E1 9A 80); U+2000–
// U+200D, U+2028, U+2029, U+202F, U+205F (E2 80 80–8D, A8, A9, AF; E2 81 9F); U+3000 (E3 80 80);
// U+FEFF (EF BB BF) and the full-width ％ ． 0–9 A–Z a–z (EF BC 85, 8E, 90–99, A1–BA; EF BD 81–9A).
// Anything it cannot read as one of those (a cut sequence) is special too, and decoded.
func special(s string, i int) bool {
	c := s[i]
	if c < 0xE0 {
		if c != 0xC2 {
			return !kept[c]
		}
		if i+1 >= len(s) {
			return true
		}
		d := s[i+1]
		return d == 0x85 || d == 0xA0 || d == 0xAD
	}
	if !kept[c] && i+2 >= len(s) {
		return true
	}
	d, e := s[i+1], s[i+2]
	switch c {
	case 0xE1:
		return d == 0x9A && e == 0x80
	case 0xE2:
		return d == 0x80 && (e <= 0x8D || e == 0xA8 || e == 0xA9 || e == 0xAF) || d == 0x81 && e == 0x9F
	case 0xE3:
		return d == 0x80 && e == 0x80
	case 0xEF:
		return d == 0xBB && e == 0xBF || d == 0xBC && (e == 0x85 || e == 0x8E || e >= 0x90 && e <= 0x99 || e >= 0xA1 && e <= 0xBA) || d == 0xBD && e >= 0x81 && e <= 0x9A
	}
	return !kept[c]
}
