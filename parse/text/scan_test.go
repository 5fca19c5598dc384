package text

import (
	"testing"
	"unicode/utf8"
)

// scanByRunes is scan by checkByRunes and the standard library's validity.
func scanByRunes(s string) (total, odd int, valid bool) {
	total, odd = checkByRunes(s)
	return total, odd, utf8.ValidString(s)
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
