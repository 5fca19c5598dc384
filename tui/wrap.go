package tui

import (
	"strings"
	"unicode"

	"baogao/tui/width"
)

// Characters that may not start a line (行首禁则) and may not end one (行尾禁则).
const (
	noLineStart = "，。、；：？！）》」』】〕〉”’…·—%‰,.;:?!)]}" + "％"
	noLineEnd   = "（《「『【〔〈“‘([{"
)

// wrapped is one display line of a paragraph: runes [start, end) of the paragraph.
type wrapped struct{ start, end int }

// wrapRunes breaks a paragraph into lines of at most w cells. It never splits a wide character,
// keeps runs of Latin letters and digits (1215.57亿元's number, ViVO) whole when they fit on a
// line, never starts a line with closing punctuation or ends one with opening punctuation —
// pulling the previous character down instead when it must.
func wrapRunes(m width.Measure, rs []rune, w int) []wrapped {
	if w < 2 {
		w = 2
	}
	var out []wrapped
	start := 0
	for start < len(rs) {
		used, i := 0, start
		for i < len(rs) {
			cw := m.Rune(rs[i])
			if used+cw > w {
				break
			}
			used += cw
			i++
		}
		if i >= len(rs) {
			out = append(out, wrapped{start, len(rs)})
			break
		}
		brk := i
		// Keep a Latin word or number whole: back up to its start if it began on this line.
		if isWordRune(rs[brk]) && brk > start && isWordRune(rs[brk-1]) {
			k := brk
			for k > start && isWordRune(rs[k-1]) {
				k--
			}
			if k > start {
				brk = k
			}
		}
		// Closing punctuation may not start the next line: pull one character down with it.
		for brk > start+1 && strings.ContainsRune(noLineStart, rs[brk]) {
			brk--
		}
		// Opening punctuation may not end this line.
		for brk > start+1 && strings.ContainsRune(noLineEnd, rs[brk-1]) {
			brk--
		}
		if brk <= start {
			brk = max(i, start+1)
		}
		out = append(out, wrapped{start, brk})
		start = brk
	}
	return out
}

func isWordRune(r rune) bool {
	return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '%')
}
