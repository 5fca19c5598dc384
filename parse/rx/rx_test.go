package rx

import (
	"regexp"
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
		re := regexp.MustCompile(p.expr)
		for _, in := range inputs {
			if got, want := g.MatchString(in), re.MatchString(in); got != want {
				t.Errorf("%s on %q: %v, regexp says %v", p.expr, in, got, want)
			}
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
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range res {
			if got, want := g.MatchString(s), g.Regexp.MatchString(s); got != want {
				t.Fatalf("%s on %q: %v, regexp says %v", g.String(), s, got, want)
			}
		}
	})
}
