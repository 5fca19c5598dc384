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
	for _, r := range s {
		switch {
		case r < 0x80:
			if r == '\r' || r == '\t' {
				return true
			}
		case r == '\u00a0', r == '\u00ad', r >= '\u2002' && r <= '\u200d', r == '\u3000', r == '\ufeff', r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ', r == '％', r == '．':
			return true
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
