package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/width"
)

func TestMatch(t *testing.T) {
	var py Readings
	tests := []struct {
		text, query string
		class       int // per-term class summed; 0: no match
		pos         []int
	}{
		{"长安镇 2023年政府工作报告", "长安", MatchSubstring, []int{0, 1}},
		{"长安镇 2023年政府工作报告", "changan", MatchPinyin, []int{0, 1}},
		{"长安镇 2023年政府工作报告", "zhangan", MatchPinyin, []int{0, 1}}, // 长 is read both ways
		{"长安镇 2023年政府工作报告", "chang", MatchPinyin, []int{0}},
		{"长安镇 2023年政府工作报告", "ca", MatchInitials, []int{0, 1}},
		{"长安镇 2023年政府工作报告", "caz", MatchInitials, []int{0, 1, 2}},
		{"重庆市 2024年政府工作报告", "chongqing", MatchPinyin, []int{0, 1}},
		{"重庆市 2024年政府工作报告", "zhongqing", MatchPinyin, []int{0, 1}},
		{"长安镇 2023年政府工作报告", "２０２３", MatchSubstring, []int{4, 5, 6, 7}},
		{"长安镇 2023年政府工作报告", "2023 ca", MatchSubstring + MatchInitials, []int{4, 5, 6, 7, 0, 1}},
		{"长安镇 2023年政府工作报告", "ca 2023", MatchSubstring + MatchInitials, []int{0, 1, 4, 5, 6, 7}},
		{"长安镇 2023年政府工作报告", "czb", MatchScattered, []int{0, 2, 13}},
		{"长安镇 2023年政府工作报告", "beijing", 0, nil},
		{"长安镇 2023年政府工作报告", "长安 2022", 0, nil},
	}
	for _, tt := range tests {
		k := py.NewKey(tt.text)
		score, _, pos, ok := k.Match(tt.query)
		if tt.class == 0 {
			if ok {
				t.Errorf("%q ~ %q matched (score %d)", tt.text, tt.query, score)
			}
			continue
		}
		if !ok || score != tt.class || !reflect.DeepEqual(pos, tt.pos) {
			t.Errorf("%q ~ %q: ok %v score %d pos %v, want %d %v", tt.text, tt.query, ok, score, pos, tt.class, tt.pos)
		}
	}
}

// A contiguous match ranks above a pinyin prefix above initials above a scattered one.
func TestMatchRanking(t *testing.T) {
	var py Readings
	score := func(text, q string) int {
		s, _, _, _ := py.NewKey(text).Match(q)
		return s
	}
	if !(score("长安镇", "长安") > score("长安镇", "changan") &&
		score("长安镇", "changan") > score("长安镇", "ca") &&
		score("长安镇", "ca") > score("常平镇安全", "ca")) {
		// 常平镇安全: c…a scattered, not consecutive initials
		t.Errorf("ranking: %d %d %d %d", score("长安镇", "长安"), score("长安镇", "changan"), score("长安镇", "ca"), score("常平镇安全", "ca"))
	}
}

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

// A report's key is built from its region's and title's keys; it must be the key of the whole.
func TestReportKeyIsJoined(t *testing.T) {
	py := &Readings{}
	reps := []Report{
		{Region: "长安镇", Title: "2023年政府工作报告"},
		{Region: "", Title: "关于ＧＤＰ增长６．５％的报告"},
		{Region: "重庆市XX区", Title: ""},
		{Region: "ÄÖ Straße", Title: "Ⅻ　全角　空格"},
		{Region: "长安镇", Title: "长安镇2024年政府工作报告"},
	}
	for i, k := range py.ReportKeys(reps) {
		if want := py.NewKey(reps[i].Region + " " + reps[i].Title); !reflect.DeepEqual(k, want) {
			t.Errorf("%q %q: key of a run differs\n got  %+v\n want %+v", reps[i].Region, reps[i].Title, k, want)
		}
	}
	for _, r := range reps {
		for range 2 { // the second time from the memo
			got, want := py.ReportKey(&r), py.NewKey(r.Region+" "+r.Title)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q %q: joined key differs\n got  %+v\n want %+v", r.Region, r.Title, got, want)
			}
		}
	}
}

// Fold's fast path must agree with the full fold on every rune it takes.
func TestFoldsToItself(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		if foldsToItself(r) {
			if s := string(r); strings.ToLower(width.Fold.String(s)) != s {
				t.Errorf("U+%04X is folded, yet taken as folding to itself", r)
			}
		}
	}
	if Fold("长安ＧＤＰ Ab") != "长安gdp ab" {
		t.Errorf("Fold: %q", Fold("长安ＧＤＰ Ab"))
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
	if got := (&Report{ID: "x#1"}).RegionLabel(); got != UnknownRegion {
		t.Errorf("unknown region shown as %q", got)
	}
	if got := (&Report{Region: "长安镇"}).RegionLabel(); got != "长安镇" {
		t.Errorf("region shown as %q", got)
	}
}

func TestSortKeyPinyin(t *testing.T) {
	var py Readings
	names := []string{"郑州市", "临淄区", "上海市", "长安镇", "厦门市", "重庆市", "李庄镇", "成都市", "安徽省", "Alpha"}
	slices.SortFunc(names, func(a, b string) int { return CompareChinese(py.SortKey(a), a, py.SortKey(b), b) })
	want := []string{"Alpha", "安徽省", "长安镇", "成都市", "重庆市", "李庄镇", "临淄区", "上海市", "厦门市", "郑州市"}
	if !slices.Equal(names, want) {
		t.Errorf("got  %v\nwant %v", names, want)
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
