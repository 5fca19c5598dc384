package parse

import (
	"strings"
	"unicode"
)

// normalize folds what differs between copies of the same text without changing what it says:
// line endings, indentation (ASCII, full-width U+3000, NBSP), zero-width characters, and full-width
// digits, Latin letters and ％ — which reports mix freely with their ASCII forms. Chinese
// punctuation is kept as written.
func normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if !needsFolding(s) {
		lines := strings.Split(s, "\n")
		for i, ln := range lines {
			lines[i] = collapseSpaces(strings.TrimFunc(ln, unicode.IsSpace))
		}
		return strings.Join(lines, "\n")
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\r':
			r = '\n'
		case r == '\u00a0' || r == '\u2002' || r == '\u2003' || r == '\u2009' || r == '\u3000' || r == '\t':
			r = ' '
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			continue
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ', r == '％', r == '．':
			r -= 0xFEE0
		}
		b.WriteRune(r)
	}
	lines := strings.Split(b.String(), "\n")
	for i, ln := range lines {
		lines[i] = collapseSpaces(strings.TrimFunc(ln, unicode.IsSpace))
	}
	return strings.Join(lines, "\n")
}

// needsFolding reports whether s holds any character normalize rewrites.
func needsFolding(s string) bool {
	// by the bytes of the runes folded, not by decoding every rune: U+00A0, U+00AD (C2 A0, C2 AD),
	// U+2002–U+200D (E2 80 82–8D), U+3000 (E3 80 80), U+FEFF (EF BB BF), and the full-width
	// ％ ． 0–9 A–Z a–z (EF BC 85, 8E, 90–99, A1–BA; EF BD 81–9A)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\r' || c == '\t':
			return true
		case c < 0xC2:
		case c == 0xC2 && i+1 < len(s):
			if s[i+1] == 0xA0 || s[i+1] == 0xAD {
				return true
			}
		case c == 0xE2 && i+2 < len(s):
			if s[i+1] == 0x80 && s[i+2] >= 0x82 && s[i+2] <= 0x8D {
				return true
			}
		case c == 0xE3 && i+2 < len(s):
			if s[i+1] == 0x80 && s[i+2] == 0x80 {
				return true
			}
		case c == 0xEF && i+2 < len(s):
			b, d := s[i+1], s[i+2]
			if b == 0xBB && d == 0xBF || b == 0xBC && (d == 0x85 || d == 0x8E || d >= 0x90 && d <= 0x99 || d >= 0xA1 && d <= 0xBA) || b == 0xBD && d >= 0x81 && d <= 0x9A {
				return true
			}
		}
	}
	return false
}

// collapseSpaces shrinks runs of spaces to one; spaced-out titles (政 府 工 作 报 告) keep theirs.
func collapseSpaces(s string) string {
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	prev := false
	for _, r := range s {
		if r == ' ' && prev {
			continue
		}
		prev = r == ' '
		b.WriteRune(r)
	}
	return b.String()
}
