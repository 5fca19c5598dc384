package runes

import (
	"slices"
	"strings"
	"testing"
)

var someWords = []string{"工作回顾", "工作", "回顾", "政府工作报告", "a", "ab", "𠀀字", "。"}

// byIndex is Each by a search for each word.
func byIndex(list []string, s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		for k, w := range list {
			if strings.HasPrefix(s[i:], w) {
				out = append(out, [2]int{i, k})
			}
		}
	}
	return out
}

// longWords are long enough for the set to skip (two characters and more).
var longWords = []string{"工作回顾", "主要工作", "工作", "目标任务和工作重点", "自身建设", "自身", "ab工作", "政府工作报告"}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"", "2023年工作回顾。政府工作报告", "aab", "𠀀字𠀀", "工作工作回顾回顾", "目标任务和工作重点自身建设", "xab工作"} {
		f.Add(s)
	}
	if NewWords(someWords).shift != nil || NewWords(longWords).shift == nil {
		f.Fatal("the sets do not take the two paths")
	}
	for _, list := range [][]string{someWords, longWords} {
		fuzzWords(f, list)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// and the text repeated past twoWalks and fourWalks, so the halves' and the quarters'
		// walks and their seams are read
		long := strings.Repeat(s+"x", twoWalks/(len(s)+1)+1)
		longer := strings.Repeat(s+"x", fourWalks/(len(s)+1)+1)
		for _, list := range [][]string{someWords, longWords} {
			checkWords(t, list, s)
			checkWords(t, list, long)
			checkWords(t, list, "a"+long)
			checkWords(t, list, longer)
			checkWords(t, list, "中"+longer)
		}
	})
}

// A word at every place around the seams of texts long enough to be read in two halves and in
// four quarters.
func TestWordsTwoWalks(t *testing.T) {
	for _, n := range []int{twoWalks + 100, fourWalks + 100} {
		pad := strings.Repeat("x", n)
		seams := []int{len(pad) / 2}
		if n >= fourWalks {
			seams = []int{len(pad) / 4, len(pad) / 2, len(pad) * 3 / 4}
		}
		for _, seam := range seams {
			for c := seam - 40; c < seam+40; c++ {
				for _, w := range longWords {
					checkWords(t, longWords, pad[:c]+w+pad[c:])
					checkWords(t, longWords, pad[:c]+w+w+pad[c:]+w)
				}
			}
		}
	}
}

func fuzzWords(f *testing.F, list []string) {
	for _, w := range list {
		f.Add("前" + w + "后" + w)
	}
}

func checkWords(t *testing.T, list []string, s string) {
	w := NewWords(list)
	s = Valid(s)
	var got [][2]int
	w.Each(s, func(at, k int) bool { got = append(got, [2]int{at, k}); return true })
	want := byIndex(list, s)
	if len(got) != len(want) {
		t.Fatalf("%q: %v, want %v", s, got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q: %v, want %v", s, got, want)
		}
	}
	at, k := w.First(s)
	if len(want) == 0 && at != -1 || len(want) > 0 && (at != want[0][0] || k != want[0][1]) {
		t.Fatalf("%q: First %d %d", s, at, k)
	}
	if w.Any(s) != (len(want) > 0) {
		t.Fatalf("%q: Any", s)
	}
	by, places := w.ByWord(s), w.Places(s)
	if len(by) != len(list) || (places == nil) != (len(want) == 0) || places != nil && !slices.EqualFunc(by, places, slices.Equal) {
		t.Fatalf("%q: ByWord %v, Places %v", s, by, places)
	}
	n := 0
	for _, a := range by {
		n += len(a)
	}
	if n != len(want) {
		t.Fatalf("%q: ByWord holds %d places, want %d", s, n, len(want))
	}
}

func BenchmarkWordsVsIndex(b *testing.B) {
	s := strings.Repeat("全年实现地区生产总值127.49亿元、增长6.5%；一般公共预算收入11.84亿元、增长3.5%。", 400)
	ws := []string{"工作回顾", "工作安排", "主要工作", "主要任务", "目标任务和工作重点", "工作任务", "自身建设"}
	w := NewWords(ws)
	b.Run("words", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			w.Each(s, func(int, int) bool { return true })
		}
	})
	b.Run("index", func(b *testing.B) {
		b.SetBytes(int64(len(s)))
		for b.Loop() {
			for _, x := range ws {
				for from := 0; ; {
					i := Index(s[from:], x)
					if i < 0 {
						break
					}
					from += i + len(x)
				}
			}
		}
	})
}

func TestSelfOverlapping(t *testing.T) {
	w := NewWords([]string{"工作回顾", "啊啊", "abab", "aba", "政府"})
	if got := strings.Join(w.SelfOverlapping(), ","); got != "啊啊,abab,aba" {
		t.Fatalf("%s", got)
	}
}
