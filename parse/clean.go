package parse

import (
	"baogao/parse/runes"
	"baogao/parse/text"
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
// The text must be valid UTF-8 (every reader gives it).
func normalizeLines(s string) []string {
	lines, _, _, _ := fold(s, false)
	return lines
}

// fold is foldInto for lines that may share s's memory.
func fold(s string, stop bool) (lines []string, total, odd int, valid bool) {
	_, lines, total, odd, valid = foldInto(s, stop, false)
	return lines, total, odd, valid
}

// foldOwn is foldInto for lines that share nothing with s: every line that is not empty is
// written into buf, in order and a line break between each, so s may be the file's own bytes
// (not copied first) and a run of lines is a span of buf (joinLines).
func foldOwn(s string, stop bool) (buf string, lines []string, total, odd int, valid bool) {
	return foldInto(s, stop, true)
}

// foldInto is normalizeLines that also does text.Scan's work as it reads, so a UTF-8 file is read
// once where the decoder's check and the fold were two passes of about a tenth of parsing each: it
// counts the runes and the odd ones (text.OddRune) and says whether s is valid UTF-8. With stop it
// gives up at the first invalid byte, as text.Scan does, and lines is then nil. With own every
// line that is not empty is written into buf (see foldOwn); else buf holds only the lines fold
// changed.
func foldInto(s string, stop, own bool) (buf string, lines []string, total, odd int, valid bool) {
	valid = true
	// Without own, a line is most often a span of s as it stands (a paragraph without its
	// indent): it is then s[ls:le], and nothing is copied. A line that fold changes inside (a run
	// of spaces, a tab, a full-width digit, a zero-width character) is written out into b from its
	// first change on. Copying every line was a second copy of each report's text; with own it is
	// the only one (s is then the file's bytes, not a copy of them).
	var b strings.Builder
	sep := false // a line is in b: the next one written follows a line break
	// lines is sized once (a line table grown by append was copied over and over); a line written
	// out into b is put in when b is done, from its span in inB
	lines = make([]string, 0, strings.Count(s, "\n")+1)
	type span struct{ line, from, to int }
	var inB []span
	if own {
		inB = make([]span, 0, cap(lines)) // every line that is not empty goes there
	}
	direct := true // the line so far is s[ls:le]
	ls, le := 0, 0
	size := 0   // bytes the line holds so far
	bStart := 0 // where the line begins in b, once it is not direct
	leave := func() {
		if own && b.Cap() == 0 {
			// what is left of s is as much as the lines can take (a fold never lengthens a
			// line), asked for at the first line written: the bytes of a GBK file, read first as
			// UTF-8, are given up at their first character with none written
			b.Grow(len(s) - ls)
		}
		if own && sep {
			b.WriteByte('\n')
		}
		direct, bStart, sep = false, b.Len(), true
		if size > 0 {
			b.WriteString(s[ls:le])
		}
	}
	keep := func(from, to int) { // s[from:to] as it is
		if direct {
			if size == 0 {
				ls, le, size = from, to, to-from
				return
			}
			if from == le {
				le, size = to, size+to-from
				return
			}
			leave()
		}
		b.WriteString(s[from:to])
		size += to - from
	}
	endLine := func() {
		if direct && own && size > 0 {
			leave()
		}
		if direct {
			lines = append(lines, s[ls:ls+size])
		} else {
			inB = append(inB, span{len(lines), bStart, b.Len()})
			lines = append(lines, "")
		}
		direct, size = true, 0
	}
	// White space is held back until a character follows it on the same line, so what ends a line
	// is never written; a run of spaces is held as one. heldExact: held is s[heldAt:] as it stands.
	var heldBuf [16]byte
	held := heldBuf[:0]
	heldAt, heldExact := 0, true
	atStart := true // nothing written on this line yet: white space here is dropped
	// space holds r, written for the rune at at (same: r is that rune)
	space := func(r rune, at int, same bool) {
		if atStart {
			return
		}
		if r == ' ' && len(held) > 0 && held[len(held)-1] == ' ' {
			return
		}
		if len(held) == 0 {
			heldAt, heldExact = at, same
		} else if !same || at != heldAt+len(held) {
			heldExact = false
		}
		held = utf8.AppendRune(held, r)
	}
	solid := func() {
		if len(held) > 0 {
			if heldExact {
				keep(heldAt, heldAt+len(held))
			} else {
				if direct {
					leave()
				}
				b.Write(held)
				size += len(held)
			}
			held = held[:0]
		}
		atStart = false
	}
	plain := -1 // start of a run of bytes copied as they are, or -1
	for i := 0; i < len(s); {
		// The bulk of any report is copied as it is and prints, without decoding: ideographs
		// U+4000–U+9FFF, printable ASCII but the space and the three-byte punctuation of
		// Chinese text fold leaves alone, eight bytes at a time (runes.Bulk).
		c := s[i]
		n, runs := 0, 1
		if c > ' ' && c < 0x7f || c >= 0xE0 && c <= 0xEF {
			n, runs = runes.Bulk(s[i:], written)
		}
		if n > 0 {
			if plain < 0 {
				solid()
				plain = i
			}
			i += n
			total += runs
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			valid = false
			if stop {
				return "", nil, total, odd, false
			}
		}
		total++
		if text.OddRune(r) {
			odd++
		}
		act := foldOf(r)
		if act == asIs { // the other control characters, the other runes
			if plain < 0 {
				solid()
				plain = i
			}
			i += w
			continue
		}
		if plain >= 0 {
			keep(plain, i)
			plain = -1
		}
		at := i
		i += w
		switch act {
		case lineBreak:
			if r == '\r' && i < len(s) && s[i] == '\n' {
				continue // \r\n is one line break
			}
			held = held[:0]
			endLine()
			atStart = true
		case blank:
			space(' ', at, r == ' ')
		case whiteSpace:
			space(r, at, true)
		case narrowed:
			solid()
			if direct {
				leave()
			}
			b.WriteByte(byte(r - 0xFEE0))
			size++
		}
	}
	if plain >= 0 {
		keep(plain, len(s))
	}
	endLine()
	out := b.String()
	for _, sp := range inB {
		lines[sp.line] = out[sp.from:sp.to]
	}
	return out, lines, total, odd, valid
}

// What fold does with a rune outside the bulk it copies without a look.
const (
	asIs       = iota // written as it is
	lineBreak         // \n, \r, \r\n: the end of a line
	blank             // white space written as one space: tab, space, no-break, en, em, thin, ideographic
	whiteSpace        // the other white space, trimmed at a line's ends and kept inside
	dropped           // the zero-width characters and the soft hyphen
	narrowed          // the full-width digits, Latin letters, ％ and ．: their ASCII forms
)

func foldOf(r rune) int {
	switch {
	case r == '\n' || r == '\r':
		return lineBreak
	case r == '\t' || r == ' ' || r == '\u00a0' || r == '\u2002' || r == '\u2003' || r == '\u2009' || r == '\u3000':
		return blank
	case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
		return dropped
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ', r == '％', r == '．':
		return narrowed
	case unicode.IsSpace(r):
		return whiteSpace
	}
	return asIs
}

// written is asWritten as a set, for runes.Bulk.
var written = runes.NewSet3(asWritten)

// asWritten says a three-byte rune is one fold copies as it is and text.Scan does not count as
// odd: ideographs, and the punctuation of Chinese text (U+2010–U+2027, U+3001–U+303F, U+FF01–
// U+FFE5 but the full-width ％ ． digits and letters).
func asWritten(r rune) bool {
	switch {
	case r >= 0x4000 && r <= 0x9fff, r >= 0x2010 && r <= 0x2027, r > 0x3000 && r <= 0x303f:
		return true
	case r >= 0xff01 && r <= 0xffe5:
		return foldOf(r) == asIs
	}
	return false
}
