package parse

import (
	"baogao/parse/text"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode"

	"baogao/parse/extract"
	"baogao/parse/runes"
)

// normalizeByPasses is normalize as it was written first, a pass for each thing it does: the one
// pass must give the same text for every input.
func normalizeByPasses(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
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
		ln = strings.TrimFunc(ln, unicode.IsSpace)
		var c strings.Builder
		prev := false
		for _, r := range ln {
			if r == ' ' && prev {
				continue
			}
			prev = r == ' '
			c.WriteRune(r)
		}
		lines[i] = c.String()
	}
	return strings.Join(lines, "\n")
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "\n", "abc", "增长５％", "a\tb", " \u00a0 a  \u3000b \r\n", "\u200b \u200ba", "\ufeff标题",
		"ＡＺａｚ．", "ｿ", "a\u2001\u2000 b\v", "\r\r\n\n", "  政 府  工作\f", "\u0085x\u2028", "a \u2000 b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.ToValidUTF8(s, "\uFFFD") // the parser's texts are valid UTF-8 by then
		if got, want := normalize(s), normalizeByPasses(s); got != want {
			t.Fatalf("%q: %q, want %q", s, got, want)
		}
		if got, want := strings.Join(normalizeLines(s), "\n"), normalize(s); got != want {
			t.Fatalf("%q: lines %q", s, got)
		}
	})
}

// fold gives text.Scan's counts and verdict for any bytes (Decode believes them instead of its
// own pass), and for valid UTF-8 the lines of the fold by passes.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "\n", "增长５％，", "a\x00b", "\xe5\xa2", "全市地区生产总值增长百分之六\u3000\u3001\u303f\u4000\u9fff",
		"\ufffd\ue000\u2010\u2027\u2028\uff01\uffe5\uff10", "\xed\xa0\x80", "\xe0\x80\xaf", "ｿ\u0085\u00ad\u200e", "\x7f\x01\v"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkFold(t, s) })
}

func checkFold(t *testing.T, s string) {
	t.Helper()
	lines, total, odd, valid := fold(s, true)
	wt, wo, wv := text.Scan(s)
	if valid != wv || valid && (total != wt || odd != wo) || !valid && lines != nil {
		t.Fatalf("%q: %d %d %v, text.Scan %d %d %v", s, total, odd, valid, wt, wo, wv)
	}
	if valid {
		if got, want := strings.Join(lines, "\n"), normalizeByPasses(s); got != want {
			t.Fatalf("%q: %q, by passes %q", s, got, want)
		}
	}
	// foldOwn: the same lines and counts, every line that is not empty written into buf, one
	// after another with a line break between, and so the lines that are not empty a span of it
	buf, own, ototal, oodd, ovalid := foldOwn(s, true)
	if !slices.Equal(own, lines) || ototal != total || oodd != odd || ovalid != valid {
		t.Fatalf("%q: foldOwn %q %d %d %v, fold %q", s, own, ototal, oodd, ovalid, lines)
	}
	var kept []string
	for _, l := range own {
		if l == "" {
			continue
		}
		if _, ok := runes.SpanOf(buf, l); !ok {
			t.Fatalf("%q: line %q is not in the buffer", s, l)
		}
		kept = append(kept, l)
	}
	if len(kept) > 0 {
		if got := joinLines(kept, buf); got != strings.Join(kept, "\n") {
			t.Fatalf("%q: joinLines %q", s, got)
		}
		if _, ok := runes.SpanOf(buf, joinLines(kept, buf)); !ok && len(kept) > 0 {
			t.Fatalf("%q: the lines are not a span of the buffer", s)
		}
	}
}

// A text of ideographs long enough for the blocks, punctuation and ASCII, with each byte set to
// each value in turn: every way a run of the bulk can end early or be cut.
func TestFoldEveryByte(t *testing.T) {
	base := "全市地区生产总值增长百分之六，规上工业增加值增长七\u4000\u9fff、“３Ａ” a\u3000b\r\n"
	for i := range len(base) {
		for c := range 256 {
			checkFold(t, base[:i]+string([]byte{byte(c)})+base[i+1:])
		}
	}
}

// A year phrase found from its 年 is the regexp's own leftmost match.
func FuzzYearPhrase(f *testing.F) {
	f.Add("二、2023年主要工作和2024年发展目标。12024年主要目标", 300)
	f.Add("2019年1月14日在河北省第十三届人民代表大会", 0)
	f.Fuzz(func(t *testing.T, s string, pad int) {
		s = strings.Repeat("，", min(max(pad, 0), 200)) + s // long enough to take the fast path
		for _, y := range []yearPhrase{planYear, reviewYear, deliveredOn} {
			if a, b := y.FindStringSubmatch(s), y.re.FindStringSubmatch(s); strings.Join(a, "|") != strings.Join(b, "|") || (a == nil) != (b == nil) {
				t.Fatalf("%q: %q, regexp %q", s, a, b)
			}
		}
	})
}

// The leftmost heading word found by literals is the regexp's match.
func FuzzHeadingKeywordIndex(f *testing.F) {
	for _, s := range []string{"一、2023年工作回顾", "主要目标和重点工作", "重点工作回顾", "作风建设政府建设", "", "工作"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if a, b := headingKeywordIndex(s), headingKeyword.FindStringIndex(s); fmt.Sprint(a) != fmt.Sprint(b) {
			t.Fatalf("%q: %v, regexp %v", s, a, b)
		}
	})
}

func TestHeadingKeywordsAreTheRegexp(t *testing.T) {
	if len(headingKeywords) != 16 || strings.ContainsAny(strings.Join(headingKeywords, ""), `\()[]|.*+?`) {
		t.Fatalf("the words are not the regexp's alternatives: %q", headingKeywords)
	}
	for _, s := range []string{"一、2023年工作回顾", "今年的主要任务是", "没有关键词", "工作", "主要目标和重点工作"} {
		if hasHeadingKeyword(s) != headingKeyword.MatchString(s) {
			t.Errorf("%q", s)
		}
	}
}

// BenchmarkNormalize runs the one pass and the passes it replaced on the generated reports.
func BenchmarkNormalize(b *testing.B) {
	texts := corpusTexts(b)
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	for _, v := range []struct {
		name string
		f    func(string)
	}{{"one-pass", func(s string) { normalizeLines(s) }}, {"by-passes", func(s string) { normalizeByPasses(s) }}} {
		b.Run(v.name, func(b *testing.B) {
			b.SetBytes(size)
			for b.Loop() {
				for _, t := range texts {
					v.f(t)
				}
			}
		})
	}
}

// The literals that let a line skip the place patterns are the patterns' own.
func TestSelfNameWordsCoverThePatterns(t *testing.T) {
	for _, sn := range selfNames {
		if !strings.Contains(sn.re.String(), sn.lit) || !selfNameWords.Any(sn.lit) {
			t.Errorf("%s: %q", sn.re, sn.lit)
		}
	}
	if !strings.HasSuffix(titleName.String(), "政府工作报告") || !selfNameWords.Any("政府工作报告") {
		t.Errorf("titleName %s", titleName)
	}
	for _, s := range []string{"x.docx", "a.pdf》", "b.wps", "c.txt", "（第1/12页）", "x.doc简介："} {
		if fileTitle.MatchString(s) && !mayBeFileTitle(s) {
			t.Errorf("fileTitle matches %q but its words miss it", s)
		}
	}
}

func TestInlineWordsDoNotOverlapThemselves(t *testing.T) {
	if o := inlineWords.SelfOverlapping(); len(o) > 0 {
		t.Fatalf("ByWord would find more than a search per word: %q", o)
	}
}

// TestBodyWords: the one pass over a body finds what a pass for the heading words and one for
// the trigger words find, on every seed.
func TestBodyWords(t *testing.T) {
	trig := runes.NewWords(extract.TriggerWords())
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	found := 0
	for _, p := range files {
		b, _ := os.ReadFile(p)
		body := string(b)
		got := bodyWords.ByWord(body)
		want := append(inlineWords.ByWord(body), trig.ByWord(body)...)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v, want %v", p, got, want)
		}
		for _, at := range got {
			found += len(at)
		}
	}
	if found == 0 {
		t.Fatal("no seed holds any of the words: the test proves nothing")
	}
}

// pageMark reads what the pattern it replaced, ^(\d{1,4})、, matched.
func FuzzPageMark(f *testing.F) {
	re := regexp.MustCompile(`^(\d{1,4})、`)
	for _, s := range []string{"1、长安镇", "12345、", "0012、x", "、", "3，", "９、", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, w := pageMark(s)
		m := re.FindStringSubmatch(s)
		if (m == nil) != (w == 0) || m != nil && (len(m[0]) != w || fmt.Sprint(n) != strings.TrimLeft(m[1], "0") && !(n == 0 && strings.Trim(m[1], "0") == "")) {
			t.Fatalf("%q: %d %d, regexp %q", s, n, w, m)
		}
	})
}

// sentenceSet holds, for each sentence of eight Han characters or more that ends with a mark, the
// hash of its Han characters; a colon starts a sentence over, a line's end drops what it held.
func TestSentenceSet(t *testing.T) {
	hash := func(s string) uint64 {
		h := uint64(sentenceSeed)
		for _, r := range s {
			h = sentenceStep(h, r)
		}
		return h
	}
	for _, c := range []struct {
		lines []string
		want  []string
	}{
		{[]string{"各位代表：现在我代表镇人民政府向大会报告工作。太短。"}, []string{"现在我代表镇人民政府向大会报告工作"}},
		{[]string{"现在，我代表 镇人民政府（2024）向大会报告工作！", "全年地区生产总值增长6%；"}, []string{"现在我代表镇人民政府向大会报告工作", "全年地区生产总值增长"}},
		{[]string{"一、2023年工作回顾和今后工作安排", "过去的一年全镇上下"}, nil},
		{[]string{"过去的一年全镇上下", "齐心协力。"}, nil},
		{[]string{"ab\xe4\xb8", "八个字的句子不算吗？"}, []string{"八个字的句子不算吗"}},
	} {
		set := sentenceSet(c.lines)
		if len(set) != len(c.want) {
			t.Errorf("%q: %d sentences, want %d", c.lines, len(set), len(c.want))
		}
		for _, w := range c.want {
			if !set[hash(w)] {
				t.Errorf("%q: no %q", c.lines, w)
			}
		}
	}
}

// pastYearIn reads the year of the regexp it replaced.
func FuzzPastYear(f *testing.F) {
	pastYear := regexp.MustCompile(`(?:刚刚过去的|过去的)((?:19|20)\d\d)年`)
	for _, s := range []string{"刚刚过去的2023年，", "过去的一年", "过去的20231年", "过去的过去的1999年", "过去的19年"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := 0
		if m := pastYear.FindStringSubmatch(s); m != nil {
			want = atoi(m[1])
		}
		if got := pastYearIn(s); got != want {
			t.Fatalf("%q: %d, regexp %d", s, got, want)
		}
	})
}

// A line fold leaves as it stands (a paragraph, its indent dropped) is a span of the text, not a
// copy: folding a megabyte of such lines allocates the line table, not another megabyte.
func TestFoldCopiesNoCleanLine(t *testing.T) {
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString("\u3000\u3000全年实现地区生产总值127.49亿元、增长6.5%；一般公共预算收入11.84亿元。\n")
	}
	s := sb.String()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	lines, _, _, _ := fold(s, true)
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > uint64(len(s))/4 {
		t.Errorf("folding %d bytes of clean lines allocated %d bytes", len(s), got)
	}
	if len(lines) < 2 || lines[0] != "全年实现地区生产总值127.49亿元、增长6.5%；一般公共预算收入11.84亿元。" {
		t.Fatalf("%q", lines[:min(2, len(lines))])
	}
	// a line with a change inside is written out, and the others still come from the text
	lines, _, _, _ = fold("甲乙  丙\n丁１２\n戊", true)
	if strings.Join(lines, "|") != "甲乙 丙|丁12|戊" {
		t.Fatalf("%q", lines)
	}
}

// joinLines is strings.Join with a line break: a span of buf where the lines stand in it one
// after another, a copy otherwise, and "" for no lines (a part of nothing but boilerplate).
func TestJoinLines(t *testing.T) {
	buf, lines, _, _, _ := foldOwn("甲\n\n乙 丙\n丁", false)
	var kept []string
	for _, l := range lines {
		if l != "" {
			kept = append(kept, l)
		}
	}
	for _, c := range []struct {
		lines []string
		span  bool
	}{{nil, false}, {[]string{}, false}, {kept[:1], true}, {kept, true}, {kept[1:], true}, {[]string{kept[0], kept[2]}, false},
		{[]string{"甲", "乙 丙"}, false}, {[]string{kept[0], ""}, false}, {[]string{"", kept[0]}, false}} {
		got := joinLines(c.lines, buf)
		if got != strings.Join(c.lines, "\n") {
			t.Fatalf("%q: %q", c.lines, got)
		}
		if _, span := runes.SpanOf(buf, got); span != c.span {
			t.Fatalf("%q: a span of the buffer %v, want %v", c.lines, span, c.span)
		}
	}
}
