package text

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

// scanByRunes is scan decoding every rune: the byte paths must count the same.
func scanByRunes(s string) (total, odd int, valid bool) {
	valid = utf8.ValidString(s)
	for _, r := range s {
		total++
		switch {
		case r >= 0x20 && r < 0x7f, r >= 0x4e00 && r <= 0x9fff, r >= 0x3000 && r <= 0x303f, r >= 0xff01 && r <= 0xffe5:
		case r == '\n' || r == '\r' || r == '\t' || r == '\f':
		case r == utf8.RuneError, r < 0x20, r == 0x7f, r >= 0xE000 && r <= 0xF8FF:
			odd++
		case !unicode.IsPrint(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r):
			odd++
		}
	}
	return total, odd, valid
}

func FuzzScan(f *testing.F) {
	for _, s := range []string{"", "增长６．５％。“引号”……——", "\xe4\xb8", "\xed\xa0\x80", "\xef\xbf\xbd", "a\x00b", "\u2028\u2029\u200b", "\ue000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, b, c := scan(s, false)
		x, y, z := scanByRunes(s)
		if a != x || b != y || c != z {
			t.Fatalf("%q: scan %d %d %v, by runes %d %d %v", s, a, b, c, x, y, z)
		}
		if _, _, v := scan(s, true); v != z {
			t.Fatalf("%q: scan stopping says valid %v", s, v)
		}
	})
}
