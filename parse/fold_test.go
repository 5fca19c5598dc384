package parse

import "testing"

// needsFoldingByRunes is needsFolding as it was written first, rune by rune: the byte scan must
// say the same of every text.
func needsFoldingByRunes(s string) bool {
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

func FuzzNeedsFolding(f *testing.F) {
	for _, s := range []string{"", "abc", "增长５％", "a\tb", "\u00a0", "\u200b", "\u3000", "\ufeff", "ＡＺａｚ", "．", "ｿ", "\u2001", "\u200e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if needsFolding(s) != needsFoldingByRunes(s) {
			t.Fatalf("%q: %v", s, needsFolding(s))
		}
	})
}
