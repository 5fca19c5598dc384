package model

import (
	"baogao/msg"
	"testing"
)

func TestFigure(t *testing.T) {
	g := func(f float64) *float64 { return &f }
	tests := []struct {
		in         Indicator
		fig, short string
	}{
		{Indicator{Growth: g(6.5)}, "增长6.5%", "6.5"},
		{Indicator{Growth: g(-2.6)}, "下降2.6%", "-2.6"},
		{Indicator{Growth: g(8), Qualifier: "左右"}, "增长8%左右", "8 左右"},
		{Indicator{Growth: g(5.5), Qualifier: "不低于", Stretch: g(6)}, "增长不低于5.5%（力争6%）", "≥5.5（6）"},
		{Indicator{Value: g(53.5), Unit: "亿元"}, "53.5亿元", "53.5亿元"},
		{Indicator{Growth: g(11), Value: g(282), Unit: "亿元"}, "增长11%，282亿元", "11"},
		{Indicator{Qualifier: "基本同步"}, "基本同步", "基本同步"},
		{Indicator{}, "—", "—"},
	}
	for _, tt := range tests {
		if f, s := tt.in.Figure(), tt.in.Short(); f != tt.fig || s != tt.short {
			t.Errorf("%+v: Figure %q Short %q, want %q %q", tt.in, f, s, tt.fig, tt.short)
		}
	}
}

func TestSafeName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"长安镇2023.txt", "长安镇2023.txt"},
		{"a\nbaogao: ALL FILES LOADED OK", `"a\nbaogao: ALL FILES LOADED OK"`},
		{"x\x1b]0;owned\x07.txt", `"x\x1b]0;owned\a.txt"`},
		{"a\u202etxt.exe", `"a\u202etxt.exe"`},
		{"\xff\xfe.txt", `"\xff\xfe.txt"`},
	} {
		if got := SafeName(tt.in); got != tt.want {
			t.Errorf("SafeName(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestRegionLabelOneWay(t *testing.T) {
	if got := (&Report{ID: "x#1"}).RegionLabel(msg.ZH); got != "未知" {
		t.Errorf("unknown region shown as %q", got)
	}
	if got := (&Report{ID: "x#1"}).RegionLabel(msg.EN); got != "unknown" {
		t.Errorf("unknown region shown in English as %q", got)
	}
	if got := (&Report{Region: "长安镇"}).RegionLabel(msg.EN); got != "长安镇" {
		t.Errorf("region shown as %q", got)
	}
}

func TestUnitScale(t *testing.T) {
	for _, c := range []struct {
		unit, base string
		factor     float64
	}{
		{"亿元", "元", 1e8}, {"万元", "元", 1e4}, {"元", "元", 1}, {"亿美元", "美元", 1e8},
		{"万吨", "吨", 1e4}, {"千瓦", "瓦", 1e3}, {"万亿元", "元", 1e12},
		{"百分点", "百分点", 1}, {"%", "%", 1}, {"万", "万", 1}, {"", "", 1},
	} {
		if base, f := UnitScale(c.unit); base != c.base || f != c.factor {
			t.Errorf("UnitScale(%q) = %q, %v; want %q, %v", c.unit, base, f, c.base, c.factor)
		}
	}
	if CompareQuantities(5, "亿元", 500, "万元") <= 0 || CompareQuantities(3, "万吨", 30000, "吨") != 0 {
		t.Error("figures in one unit are not compared by size")
	}
	if a, b := CompareQuantities(9, "%", 1, "亿元"), CompareQuantities(1, "亿元", 9, "%"); a == 0 || a != -b {
		t.Errorf("figures in different units: %d and %d, want opposite signs", a, b)
	}
}

// InnermostSection is the last section of SectionPath at every offset, inside, between and
// outside sections.
func TestInnermostSection(t *testing.T) {
	secs := []Section{
		{Title: "一", Start: 0, End: 50, Children: []Section{
			{Title: "（一）", Start: 5, End: 20, Children: []Section{{Title: "1.", Start: 6, End: 9}}},
			{Title: "（二）", Start: 20, End: 40},
		}},
		{Title: "二", Start: 60, End: 80},
	}
	for off := -1; off <= 81; off++ {
		path := SectionPath(secs, off)
		in := InnermostSection(secs, off)
		if len(path) == 0 {
			if in != nil {
				t.Fatalf("%d: %q, want none", off, in.Title)
			}
			continue
		}
		if in == nil || in.Title != path[len(path)-1].Title {
			t.Fatalf("%d: %v, want %q", off, in, path[len(path)-1].Title)
		}
	}
}
