package text

import (
	"os"
	"path/filepath"
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

// BenchmarkScan runs the check over the UTF-8 reports of the dev set.
func BenchmarkScan(b *testing.B) {
	files, _ := filepath.Glob("../../../shared/corpus/dev/*.txt")
	var texts []string
	var size int64
	for _, f := range files {
		if d, err := os.ReadFile(f); err == nil && utf8.Valid(d) {
			texts = append(texts, string(d))
			size += int64(len(d))
		}
	}
	if len(texts) == 0 {
		b.Skip("no dev reports beside the checkout (../shared/corpus/dev)")
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, s := range texts {
			scan(s, false)
		}
	}
}

// A run of ideographs long enough for the blocks, with each byte set to each value in turn.
func TestScanEveryByte(t *testing.T) {
	base := "全市地区生产总值增长百分之六，规上工业增加值增长七\u4000\u9fff"
	for i := range len(base) {
		for c := range 256 {
			s := base[:i] + string([]byte{byte(c)}) + base[i+1:]
			a, b, v := scan(s, false)
			x, y, z := scanByRunes(s)
			if a != x || b != y || v != z {
				t.Fatalf("byte %d = %02X: scan %d %d %v, by runes %d %d %v", i, c, a, b, v, x, y, z)
			}
		}
	}
}
