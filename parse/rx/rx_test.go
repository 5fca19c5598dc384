package rx

import (
	"fmt"
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

// agrees checks that g answers as regexp does on each input: whether it matches, where, and
// every match in turn.
func agrees(t *testing.T, g *Regexp, ins []string) {
	t.Helper()
	re := regexp.MustCompile(g.String())
	for _, in := range ins {
		if msg := differs(g, re, in); msg != "" {
			t.Error(msg)
		}
	}
}

// differs says how g's answers on s differ from regexp's, or "".
func differs(g *Regexp, re *regexp.Regexp, s string) string {
	switch {
	case g.MatchString(s) != re.MatchString(s):
		return fmt.Sprintf("%s on %q: MatchString %v", g, s, g.MatchString(s))
	case !slices.Equal(g.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s)):
		return fmt.Sprintf("%s on %q: FindStringSubmatchIndex %v, regexp %v", g, s, g.FindStringSubmatchIndex(s), re.FindStringSubmatchIndex(s))
	case !slices.Equal(g.FindStringSubmatch(s), re.FindStringSubmatch(s)) || g.FindString(s) != re.FindString(s) || !slices.Equal(g.FindStringIndex(s), re.FindStringIndex(s)):
		return fmt.Sprintf("%s on %q: FindStringSubmatch %q, regexp %q", g, s, g.FindStringSubmatch(s), re.FindStringSubmatch(s))
	}
	for _, n := range []int{-1, 0, 1, 2} {
		if !slices.EqualFunc(g.FindAllStringSubmatchIndex(s, n), re.FindAllStringSubmatchIndex(s, n), slices.Equal) ||
			!slices.EqualFunc(g.FindAllStringSubmatch(s, n), re.FindAllStringSubmatch(s, n), slices.Equal) ||
			!slices.EqualFunc(g.FindAllStringIndex(s, n), re.FindAllStringIndex(s, n), slices.Equal) ||
			!slices.Equal(g.FindAllString(s, n), re.FindAllString(s, n)) {
			return fmt.Sprintf("%s on %q: FindAll (n %d) %v, regexp %v", g, s, n, g.FindAllStringSubmatchIndex(s, n), re.FindAllStringSubmatchIndex(s, n))
		}
	}
	return ""
}

// searched are patterns that are not anchored, and whether each is searched by its starts.
var searched = []struct {
	expr     string
	byStarts bool
}{
	{`(?:主要)?预期(?:性)?目标(?:是|为)?\s*[:：]?|(?:经济社会发展|全[镇区市县]发展|发展)的?主要目标(?:是|为)\s*[:：]?|(?:今年|(?:19|20)\d\d年)发展目标`, true},
	{`(省|市|区|县|镇)人民政府(?:省|市|区|县|镇)长|代表(省|市|区|县|镇)(?:人民)?政府`, true},
	{`代表(市|县)政府|^(?:镇|县)政府工作报告`, false}, // one branch asks for the text's start
	{`(\d+(?:\.\d+)?)(%?)\s?(?:—|-|至)\s?(\d+(?:\.\d+)?)(%)`, true},
	{`[一二三四五六七八九十]是([^，。]{0,8})`, true},
	{`(?:省|市)长\s*([\p{Han}]{2,4})$`, true}, // what follows is asked: the same from any place on
	{`\b目标\b`, false},         // what stands before is asked
	{`[\p{Han}]{2}工作`, false}, // too many first runes
	{`工作([一二])`, false},       // a literal prefix: regexp's own search
	{`(?m)^一、`, false},
	{`x*`, false}, // matches the empty text
}

func TestByStarts(t *testing.T) {
	ins := append(inputs, "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，2024年发展目标", "镇人民政府镇长和代表县政府",
		"增长5—6%，下降3至4.5%和7-8%", "一是加强，二是巩固。三是", "市长 王小明", "市长王小明。", "目标 目标", "政府工作工作一工作二",
		"代表市政府", "镇政府工作报告代表县政府", "\xe4一是\xff二是x", "2024年发展目标预期目标")
	for _, p := range searched {
		g := MustCompile(p.expr)
		if g.ByStarts() != p.byStarts {
			t.Errorf("%s: by starts %v, want %v", p.expr, g.ByStarts(), p.byStarts)
		}
		agrees(t, g, ins)
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
	for _, p := range searched {
		res = append(res, MustCompile(p.expr))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range res {
			if msg := differs(g, g.Regexp, s); msg != "" {
				t.Fatal(msg)
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
