package match

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/width"

	"baogao/model"
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

// A report's key is built from its region's and title's keys; it must be the key of the whole.
func TestReportKeyIsJoined(t *testing.T) {
	py := &Readings{}
	reps := []model.Report{
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

func TestSortKeyPinyin(t *testing.T) {
	var py Readings
	names := []string{"郑州市", "临淄区", "上海市", "长安镇", "厦门市", "重庆市", "李庄镇", "成都市", "安徽省", "Alpha"}
	slices.SortFunc(names, func(a, b string) int { return CompareChinese(py.SortKey(a), a, py.SortKey(b), b) })
	want := []string{"Alpha", "安徽省", "长安镇", "成都市", "重庆市", "李庄镇", "临淄区", "上海市", "厦门市", "郑州市"}
	if !slices.Equal(names, want) {
		t.Errorf("got  %v\nwant %v", names, want)
	}
}

// Score (the list's hot path) and matchTerm (the positions to highlight) are one matcher: for
// every term they give the same class and tie-breaker, so a query ranks reports the same in the
// list and in `baogao targets`, and what is highlighted is what was ranked.
func TestScoreAndPositionsAgree(t *testing.T) {
	var py Readings
	texts := []string{"长安镇 长安镇2023年政府工作报告", "临淄区 临淄区2023年政府工作报告", "高埗镇 2024年高埗镇政府工作报告",
		"荔湾区 荔湾区2023年政府工作报告", "未知 2023年政府工作报告", "Changan Town report 2023", "京东镇 京东镇2023年政府工作报告",
		"重庆市 重庆市2024年政府工作报告", "ＡＢＣ 全角２０２３"}
	queries := []string{"长安", "changan", "ca", "zhangan", "chan", "lzq", "linzi", "2023", "政府", "gbz", "gaobu", "zf", "jd",
		"cq", "chongqing", "zhongqing", "abc", "town", "z", "c", "xyz", "报告", "ln", "gzbg", "2023 ca", "ca 2023", "qu", "a"}
	for _, text := range texts {
		k := py.NewKey(text)
		for _, q := range queries {
			for _, tm := range ParseQuery(q).terms {
				c1, p1 := k.termClass(tm)
				c2, p2, pos := k.matchTerm(tm.runes)
				if c1 != c2 || p1 != p2 {
					t.Errorf("%q in %q: Score says class %d penalty %d, positions say %d %d", tm.text, text, c1, p1, c2, p2)
				}
				if c2 != 0 && len(pos) == 0 {
					t.Errorf("%q in %q: matched with nothing to highlight", tm.text, text)
				}
			}
		}
	}
}
