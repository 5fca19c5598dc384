package runes

import (
	"baogao/internal/testenv"
	"strings"
	"testing"
	"unicode/utf8"
)

// bulkByRunes is Bulk a character at a time.
func bulkByRunes(s string, also func(rune) bool) (n, chars int) {
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if !(w == 1 && r > ' ' && r < 0x7f || w == 3 && (r >= 0x4000 && r <= 0x9fff || also(r))) {
			break
		}
		n += w
		chars++
	}
	return n, chars
}

// punctuation is a set for the tests: Chinese punctuation, and a block that holds both the
// full-width digits and the comma, so a character next to one in the set is not.
func punctuation(r rune) bool {
	return r > 0x3000 && r <= 0x303f || r >= 0x2010 && r <= 0x2027 || r >= 0xff01 && r <= 0xffe5 && (r < 0xff10 || r > 0xff19)
}

var punctuationSet = NewSet3(punctuation)

// checkBulk holds Bulk to bulkByRunes on s, read by blocks of 32 bytes where this machine can
// and eight bytes at a time.
func checkBulk(t *testing.T, s string) {
	t.Helper()
	if blocks {
		checkBulkOnce(t, s)
		blocks = false
		defer func() { blocks = true }()
	}
	checkBulkOnce(t, s)
}

func checkBulkOnce(t *testing.T, s string) {
	t.Helper()
	n, c := Bulk(s, nil)
	if wn, wc := bulkByRunes(s, func(rune) bool { return false }); n != wn || c != wc {
		t.Fatalf("%q: Bulk %d, %d; by runes %d, %d", s, n, c, wn, wc)
	}
	n, c = Bulk(s, punctuationSet)
	if wn, wc := bulkByRunes(s, punctuation); n != wn || c != wc {
		t.Fatalf("%q: Bulk with punctuation %d, %d; by runes %d, %d", s, n, c, wn, wc)
	}
}

func TestSet3(t *testing.T) {
	for r := rune(-1); r <= 0x10FFFF; r++ {
		want := r >= 0x800 && r <= 0xFFFF && (r < 0xD800 || r > 0xDFFF) && punctuation(r)
		if punctuationSet.Has(r) != want {
			t.Fatalf("%U: %v", r, !want)
		}
	}
}

func FuzzBulk(f *testing.F) {
	for _, s := range []string{"", "a", "全市地区生产总值增长6.5%左右，规上工业增加值", "GDP增长5%", "\u3fff\u4000", "\ua000",
		"\xe4\xb8\xe4\xb8\xad", "经济ab经济" + "\xed\xa0\x80", "1234567\xe4\xb8\xad", "123456\xe4\xb8\xad9", "12345678\xb8", "a b", "增长５％，", "“十四五”规划，。、", "\xef\xbc", "\xe0\x80\x8c\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkBulk(t, s)
		// the same input at every place of a block, so each byte meets each lane
		for pad := 1; pad < 32; pad++ {
			checkBulk(t, strings.Repeat("x", pad)+s)
			checkBulk(t, strings.Repeat("中", pad)+s)
		}
	})
}

// A text of the bulk, ASCII and ideographs mixed so that characters straddle every pair of
// words, with each of its bytes set to each value in turn: what the fuzzer meets only by chance.
func TestBulkEveryByte(t *testing.T) {
	base := "地区生产总值增长6.5%左右GDP\u4000\u9fffa中，b国cd经济ef“发展”g" + "一二三四五六七八。" + "１２３、"
	for i := range len(base) {
		for c := range 256 {
			s := base[:i] + string([]byte{byte(c)}) + base[i+1:]
			checkBulk(t, s)
			checkBulk(t, "z"+s)
			checkBulk(t, s[:len(s)-i/2])
		}
	}
}

// BenchmarkBulk reads the seed reports as the fold does: Bulk from each place it stopped, the
// stopping character stepped over.
func BenchmarkBulk(b *testing.B) {
	texts, size := testenv.Seeds(b, "../..")
	b.SetBytes(size)
	for b.Loop() {
		for _, s := range texts {
			for i := 0; i < len(s); {
				n, _ := Bulk(s[i:], punctuationSet)
				_, w := utf8.DecodeRuneInString(s[i+n:])
				i += n + w
			}
		}
	}
}
