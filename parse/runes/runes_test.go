package runes

import (
	"baogao/internal/testenv"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestRuneCountAndIndex(t *testing.T) {
	for _, s := range []string{"", "abc", "政府工作报告", "2023年GDP增长5%，规上工业增加值增长6%。", strings.Repeat("中a", 37) + "é", "\xff\xfe" + "中"} {
		v := Valid(s)
		if Count(v) != utf8.RuneCountInString(v) || !utf8.ValidString(v) {
			t.Errorf("%q: %d, want %d", s, Count(v), utf8.RuneCountInString(v))
		}
		for _, sub := range []string{"", "a", "工作", "报告", "增长6%", "。", "中a中", "不在"} {
			if Index(v, sub) != strings.Index(v, sub) {
				t.Errorf("Index(%q, %q) = %d, want %d", v, sub, Index(v, sub), strings.Index(v, sub))
			}
		}
	}
}

func FuzzIndex(f *testing.F) {
	f.Add("政府工作报告和工作安排", "工作")
	f.Add("道滘道滘。道滘道滘", "道滘")
	f.Fuzz(func(t *testing.T, s, sub string) {
		// long enough for the blocks of 32 places, the text's bytes at each place of a block
		for _, pre := range []string{"", "中", "经济a", strings.Repeat("发展", 11), strings.Repeat("增", 21)} {
			checkIndex(t, pre+s+s+pre+s, sub)
		}
		checkIndex(t, s, sub)
	})
}

// TestIndexBlocks puts a needle at every place of the blocks pair32 reads in a text of seed
// report, and beside near misses: its second byte or its last alone where they stand.
func TestIndexBlocks(t *testing.T) {
	base := "全市地区生产总值增长6.5%左右，规上工业增加值增长7%，一般公共预算收入增长5%以上。"
	for _, sub := range []string{"工作", "《", "规上工业", "增长6.5%"} {
		miss := sub[:len(sub)-1] + "\x00"
		for i := range 70 {
			for _, s := range []string{base[:i] + sub + base, base[:i] + miss + base + sub, strings.Repeat("a", i) + base + base} {
				checkIndex(t, s, sub)
			}
		}
	}
}

// checkIndex holds Index and what is made of it to strings on s, read by blocks where this
// machine can and by bytes.
func checkIndex(t *testing.T, s, sub string) {
	t.Helper()
	if blocks {
		checkIndexOnce(t, s, sub)
		blocks = false
		defer func() { blocks = true }()
	}
	checkIndexOnce(t, s, sub)
}

func checkIndexOnce(t *testing.T, s, sub string) {
	t.Helper()
	if Index(s, sub) != strings.Index(s, sub) {
		t.Fatalf("Index(%q, %q) = %d, want %d", s, sub, Index(s, sub), strings.Index(s, sub))
	}
	if sub != "" && Occurrences(s, sub) != strings.Count(s, sub) {
		t.Fatalf("Occurrences(%q, %q) = %d, want %d", s, sub, Occurrences(s, sub), strings.Count(s, sub))
	}
	if sub != "" {
		// Indexes: each occurrence a search from after the last finds
		var want []int
		for from := 0; ; {
			i := strings.Index(s[from:], sub)
			if i < 0 {
				break
			}
			want = append(want, from+i)
			from += i + len(sub)
		}
		if got := slices.Collect(Indexes(s, sub)); !slices.Equal(got, want) {
			t.Fatalf("Indexes(%q, %q) = %v, want %v", s, sub, got, want)
		}
	}
	for k := 0; sub != "" && k <= 3; k++ {
		if OccursAtLeast(s, sub, k) != (strings.Count(s, sub) >= k) {
			t.Fatalf("OccursAtLeast(%q, %q, %d)", s, sub, k)
		}
	}
	if v := Valid(s); Count(v) != utf8.RuneCountInString(v) {
		t.Fatalf("RuneCount(%q)", v)
	}
}

var sink int

func BenchmarkRuneCount(b *testing.B) {
	s := strings.Repeat("全市地区生产总值增长6.5%左右，规上工业增加值增长7%。", 2000)
	b.SetBytes(int64(len(s)))
	b.Run("text", func(b *testing.B) {
		for b.Loop() {
			sink += Count(s)
		}
	})
	b.Run("utf8", func(b *testing.B) {
		for b.Loop() {
			sink += utf8.RuneCountInString(s)
		}
	})
	b.Run("Index", func(b *testing.B) {
		for b.Loop() {
			sink += Index(s, "不在其中")
		}
	})
	b.Run("strings.Index", func(b *testing.B) {
		for b.Loop() {
			sink += strings.Index(s, "不在其中")
		}
	})
}

func FuzzAtMostAndOffsets(f *testing.F) {
	f.Add(strings.Repeat("政府工作报告a", 100), 40)
	f.Add("", 0)
	f.Add(strings.Repeat("增长6.5%，𠀀", 60)+"x", 7)
	f.Fuzz(func(t *testing.T, s string, k int) {
		s = Valid(s)
		k = min(max(k, 0), 1000)
		if got, want := AtMost(s, k), min(utf8.RuneCountInString(s), k); got != want {
			t.Fatalf("AtMost(%q, %d) = %d, want %d", s, k, got, want)
		}
		o := NewOffsets(s)
		for b := range len(s) + 1 {
			if b < len(s) && !utf8.RuneStart(s[b]) {
				continue
			}
			if got, want := o.At(b), utf8.RuneCountInString(s[:b]); got != want {
				t.Fatalf("At(%d) = %d, want %d", b, got, want)
			}
		}
		if got, want := Count(s), utf8.RuneCountInString(s); got != want {
			t.Fatalf("Count = %d, want %d", got, want)
		}
		// Offset and Byte are At's inverse: rune r starts at the byte where r runes lie before it
		r := 0
		for b := range len(s) + 1 {
			if b < len(s) && !utf8.RuneStart(s[b]) {
				continue
			}
			if got := Offset(s, r); got != b {
				t.Fatalf("Offset(%d) = %d, want %d", r, got, b)
			}
			if got := o.Byte(r); got != b {
				t.Fatalf("Byte(%d) = %d, want %d", r, got, b)
			}
			r++
		}
		if got := o.Byte(r + 5); got != len(s) {
			t.Fatalf("Byte past the end = %d, want %d", got, len(s))
		}
	})
}

// NewOffsetsByLine gives the table NewOffsets gives, and the lines strings.Split gives with their
// counts; its pieces meet the table's steps anywhere, inside a line, at its break, past it.
func FuzzOffsetsByLine(f *testing.F) {
	for _, s := range []string{"", "\n", "a\n", "\n\n政府", strings.Repeat("增长6.5%，\n", 200), strings.Repeat("x", 255) + "\n" + strings.Repeat("经济", 200), strings.Repeat("y", 256) + "\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = Valid(s) // as every body is
		var got []string
		var ns []int
		o := NewOffsetsByLine(s, func(ln string, n int) {
			got = append(got, ln)
			ns = append(ns, n)
		})
		if want := NewOffsets(s); !slices.Equal(o.steps, want.steps) {
			t.Fatalf("steps %v, want %v", o.steps, want.steps)
		}
		want := strings.Split(s, "\n")
		if !slices.Equal(got, want) {
			t.Fatalf("lines %q, want %q", got, want)
		}
		for i, ln := range want {
			if ns[i] != utf8.RuneCountInString(ln) {
				t.Fatalf("line %d %q: %d runes, want %d", i, ln, ns[i], utf8.RuneCountInString(ln))
			}
		}
	})
}

func TestOffsetsLong(t *testing.T) {
	s := strings.Repeat("增长6.5%，", 500)
	o := NewOffsets(s)
	for b := 0; b <= len(s); b++ {
		if utf8.RuneStart(s[min(b, len(s)-1)]) || b == len(s) {
			if got, want := o.At(b), utf8.RuneCountInString(s[:b]); got != want {
				t.Fatalf("At(%d) = %d, want %d", b, got, want)
			}
		}
	}
}

// ideographsByRunes is Ideographs a character at a time.
func ideographsByRunes(s string) int {
	n := 0
	for n+3 <= len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if w != 3 || r < 0x4000 || r > 0x9fff {
			break
		}
		n += 3
	}
	k := n / 3 // blocks of eight, then one of four
	return k/8*24 + k%8/4*12
}

func FuzzIdeographs(f *testing.F) {
	for _, s := range []string{"", "全市地区生产总值增长", "全市地区生产总值增长6.5%左右，规上工业增加值", "\u4000\u9fff\u4000\u9fff\u4000\u9fff\u4000\u9fff", "\u3fff\u4000\u4000\u4000", "\ua000\u4000\u4000\u4000", "\xe4\xb8\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad", strings.Repeat("经济", 20) + "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Ideographs(s), ideographsByRunes(s); got != want {
			t.Fatalf("%q: Ideographs %d, by runes %d", s, got, want)
		}
	})
}

// Every character the blocks pass is one that prints: the decoder's check counts none of them
// as odd.
func TestIdeographsPrint(t *testing.T) {
	for r := rune(0x4000); r <= 0x9fff; r++ {
		if !unicode.IsPrint(r) {
			t.Fatalf("%U does not print", r)
		}
	}
}

// A run of ideographs with each of its bytes set to each value in turn: what the fuzzer meets
// only by chance.
func TestIdeographsEveryByte(t *testing.T) {
	base := "\u4e00\u9fff\u4000\u5a5a\u6789\u7fff\u8000\u9abc" + "\u4e2d\u56fd\u7ecf\u6d4e" + "\u4e00\u4e01"
	for i := range len(base) {
		for c := range 256 {
			s := base[:i] + string([]byte{byte(c)}) + base[i+1:]
			if got, want := Ideographs(s), ideographsByRunes(s); got != want {
				t.Fatalf("byte %d = %02X: Ideographs %d, by runes %d", i, c, got, want)
			}
		}
	}
}

func FuzzIndexAny(f *testing.F) {
	for _, s := range [][2]string{{"增长6.5%左右。以内", "。\n"}, {"一是；二是;", "。；;"}, {"（注）x)", "）)"}, {"", "、"}, {"abc", ""}, {"a\uFFFDb", "\uFFFD"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, s, chars string) {
		s, chars = Valid(s), Valid(chars)
		if got, want := IndexAny(s, chars), strings.IndexAny(s, chars); got != want {
			t.Fatalf("IndexAny(%q, %q) = %d, strings says %d", s, chars, got, want)
		}
	})
}

// BenchmarkIndex counts words of one and two characters in the seed reports as the parser's
// searches do (the review's 固投, a title's 《, a stem), by blocks where this machine can and by
// the last byte.
func BenchmarkIndex(b *testing.B) {
	texts, size := testenv.Seeds(b, "../..")
	for _, mode := range []struct {
		name   string
		blocks bool
	}{{"blocks", blocks}, {"bytes", false}} {
		b.Run(mode.name, func(b *testing.B) {
			defer func(was bool) { blocks = was }(blocks)
			blocks = mode.blocks
			b.SetBytes(3 * size)
			for b.Loop() {
				for _, s := range texts {
					sink += Occurrences(s, "固投") + Occurrences(s, "《") + Occurrences(s, "临淄")
				}
			}
		})
	}
}
