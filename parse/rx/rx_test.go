package rx

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// patterns are shapes the parser uses: a guard must never say no where regexp says yes.
var patterns = []struct {
	expr    string
	guarded bool
}{
	{`^第?([一二三四五六七八九十]{1,3})(?:、|部分\s?)`, true},
	{`^[(（]([一二三四五六七八九十]{1,3})[)）]`, true},
	{`^(标题|发文单位|来源URL|正文)\s*[:：]\s*(.*)$`, true},
	{`^[\d\s\-+()（）:：]{5,}$`, true},
	{`^各位代表[:：,，、]|^[^\s-]{0,24}政府工作报告[^\s]{0,16}$|篇\d+$`, false}, // one branch unanchored
	{`^(?:预计)?(增长|下降)`, true},
	{`^[、，,]?\s?(?:其中)?(增长|下降)`, true},
	{`^(?:总额|总值|额)`, true},
	{`^.{0,3}年`, false}, // any rune first
	{`^(?i)gdp`, false}, // case folding
	{`^\s*`, false},     // matches the empty text
	{`增长(\d+)%`, false}, // not anchored
	{`(?m)^一、`, false},  // a line start, not the text's
	{`^(?:\d{4}年)?(一是|二是)`, true},
}

var inputs = []string{
	"", "一、总体要求", "第三部分 工作安排", "（一）推动发展", "(二)x", "标题：某镇", "正文:", "来源URL：http://x",
	"0571-12345678", "  12345", "各位代表：", "某某县政府工作报告", "篇2", "预计增长5%", "增长", "下降3%",
	"、增长", "，其中增长", " 增长", "总额", "额度", "GDP", "gdp增长", "2023年一是", "一是", "二是加强",
	"x", "\uFFFD", "𠀀一、", "年", "总值123",
}

func TestGuardAgreesWithRegexp(t *testing.T) {
	for _, p := range patterns {
		g := MustCompile(p.expr)
		if g.Guarded() != p.guarded {
			t.Errorf("%s: guarded %v, want %v", p.expr, g.Guarded(), p.guarded)
		}
		agrees(t, g, inputs)
	}
}

// agrees checks that g answers as regexp does on each input: whether it matches, and where.
func agrees(t *testing.T, g *Regexp, ins []string) {
	t.Helper()
	re := regexp.MustCompile(g.String())
	for _, in := range ins {
		if got, want := g.MatchString(in), re.MatchString(in); got != want {
			t.Errorf("%s on %q: %v, regexp says %v", g, in, got, want)
		}
		if got, want := g.FindStringSubmatchIndex(in), re.FindStringSubmatchIndex(in); !slices.Equal(got, want) {
			t.Errorf("%s on %q: %v, regexp says %v", g, in, got, want)
		}
	}
}

func FuzzGuard(f *testing.F) {
	for _, in := range inputs {
		f.Add(in)
	}
	res := make([]*Regexp, len(patterns))
	for i, p := range patterns {
		res[i] = MustCompile(p.expr)
	}
	for _, w := range windowed {
		res = append(res, MustCompile(w.expr))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range res {
			if got, want := g.MatchString(s), g.Regexp.MatchString(s); got != want {
				t.Fatalf("%s on %q: %v, regexp says %v", g.String(), s, got, want)
			}
			if got, want := g.FindStringSubmatchIndex(s), g.Regexp.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
				t.Fatalf("%s on %q: %v, regexp says %v", g.String(), s, got, want)
			}
		}
	})
}

// windowed are anchored patterns and the window each is given: the most bytes a match spans, or
// 0 where the whole text must be read.
var windowed = []struct {
	expr   string
	window int
}{
	{`^第?([一二三四五六七八九十]{1,3})(?:、|部分\s?)`, 3 + 9 + 7},
	{`^(?:总额|总值|额)`, 6},
	{`^(?:\d{4}年)?(一是|二是)`, 7 + 6},
	{`^(?:((?:19|20)\d\d)年(?:政府)?(?:主要)?(?:工作安排|[^，。\n]{0,10}奋斗目标))`, 4 + 3 + 6 + 6 + 40 + 12},
	{`^.{0,3}年`, 12 + 3},
	{`^(?i)k`, 4},        // K, k and the Kelvin sign (three bytes)
	{`^[a\x{10000}]`, 4}, // a rune beyond the BMP
	{`^[一二]+`, 0},        // without bound
	{`^增长\d*%`, 0},       // without bound
	{`^(一是|二是)$`, 0},     // asks what follows
	{`^一是\b`, 0},         // asks what follows
	{`^(?m)一是$`, 0},      // asks what follows
	{`增长(\d{1,3})%`, 0},  // not anchored
	{`^\s?`, 1},          // may match empty, bounded
}

func TestWindow(t *testing.T) {
	for _, w := range windowed {
		g := MustCompile(w.expr)
		if g.Window() != w.window {
			t.Errorf("%s: window %d, want %d", w.expr, g.Window(), w.window)
		}
		agrees(t, g, append(inputs, "第十一、"+strings.Repeat("经", 300), "2023年一是", strings.Repeat("2024年主要工作安排", 40),
			"2024年为实现“十四五”奋斗目标", "Kk\u212a", "年年年年", "一是a", "一是\n", "一是。", "额度"+strings.Repeat("额", 100)))
	}
}
