package extract

import (
	"baogao/internal/testenv"
	"baogao/parse/rx"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"baogao/model"
)

func show(in model.Indicator) string {
	f := func(p *float64) string {
		if p == nil {
			return "-"
		}
		return model.FormatNumber(*p)
	}
	return fmt.Sprintf("%s g=%s v=%s%s q=%s s=%s", in.Name, f(in.Growth), f(in.Value), in.Unit, in.Qualifier, f(in.Stretch))
}

// Each number form the foundation issue names, read as one clause of a goals passage.
func TestParseClause(t *testing.T) {
	tests := []struct{ clause, want string }{
		{"规上工业总产值增长1.5%", "规模以上工业总产值 g=1.5 v=- q= s=-"},
		{"规上工业增加值下降2.6%", "规模以上工业增加值 g=-2.6 v=- q= s=-"},
		{"全镇地区生产总值负增长0.5%", "地区生产总值 g=-0.5 v=- q= s=-"},
		{"固定资产投资总额增长40.6%", "固定资产投资 g=40.6 v=- q= s=-"},
		{"全年实现地区生产总值1215.57亿元", "地区生产总值 g=- v=1215.57亿元 q= s=-"},
		{"地方一般公共预算收入完成7130万元", "一般公共预算收入 g=- v=7130万元 q= s=-"},
		{"地区生产总值增长8%左右", "地区生产总值 g=8 v=- q=左右 s=-"},
		{"地区生产总值增长5%以上", "地区生产总值 g=5 v=- q=以上 s=-"},
		{"地区生产总值增长不低于5.5%", "地区生产总值 g=5.5 v=- q=不低于 s=-"},
		{"研发经费投入占GDP比重达3.56%", "研发经费投入强度 g=- v=3.56% q= s=-"},
		{"居民消费价格指数涨幅控制在3.8%左右", "居民消费价格涨幅 g=- v=3.8% q=左右 s=-"},
		{"CPI涨幅2%左右", "居民消费价格涨幅 g=- v=2% q=左右 s=-"},
		{"城镇登记失业率控制在4.5%以内", "城镇调查失业率 g=- v=4.5% q=以内 s=-"},
		{"城镇新增就业2300人", "城镇新增就业 g=- v=2300人 q= s=-"},
		{"人口自然增长率控制在7.8%。以内", "人口自然增长率 g=- v=7.8‰ q=以内 s=-"},
		{"细颗粒物（PM2.5）浓度下降4%", "细颗粒物（PM2.5）浓度 g=-4 v=- q= s=-"},
		{"单位GDP二氧化碳排放下降3%左右", "单位GDP二氧化碳排放 g=-3 v=- q=左右 s=-"},
		{"农村低保标准提高6%", "农村低保标准 g=6 v=- q= s=-"},
		{"区本级固定资产投资增长20%", "固定资产投资 g=20 v=- q= s=-"},
		{"一般公共预算收入扣除减税降费因素后增长10.5%", "一般公共预算收入 g=10.5 v=- q= s=-"},
		{"全社会研发经费投入增长10%以上", "全社会研发经费投入 g=10 v=- q=以上 s=-"},
		// goals without a figure
		{"固定资产投资保持增长态势", "固定资产投资 g=- v=- q= s=-"},
		{"地方一般公共预算收入增长与区持平", "一般公共预算收入 g=- v=- q=与区持平 s=-"},
		{"城乡居民人均可支配收入与GDP增长基本同步", "居民人均可支配收入 g=- v=- q=基本同步 s=-"},
		{"城乡居民收入比持续缩小", "城乡居民收入比 g=- v=- q= s=-"},
		{"500万元以上固定资产投资提质增量", "固定资产投资 g=- v=- q= s=-"},
		{"全面完成上级下达的节能减排约束性指标", "节能减排约束性指标 g=- v=- q= s=-"},
		{"力争主要经济指标增速保持全省前列", "主要经济指标 g=- v=- q=力争 s=-"},
		// slogans are not goals
		{"努力跑赢全国", ""},
		{"力争取得更好成绩", ""},
		{"既衔接“十五五”规划目标", ""},
	}
	for _, tt := range tests {
		rd := readClause(tt.clause)
		items, cont := rd.items, rd.cont
		var got []string
		for _, it := range items {
			got = append(got, show(it))
		}
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("parseClause(%q) = %q (continuation %v), want %q", tt.clause, strings.Join(got, "; "), cont != nil, tt.want)
		}
	}
}

func TestReadNumbersOCR(t *testing.T) {
	tests := []struct{ in, want string }{
		{"实现固定资产投资83.5亿元、增长13.5%o全力保障", "83.5亿元 13.5%"},
		{"营业收入40L4亿元(不含OPP0、vivo),增长4.6%", "4.6%"},
		{"IOOO栋“平安出租屋”", ""},
		{"2023年全镇", ""},
		{"增长6%。以上指标", "6%"},
	}
	for _, tt := range tests {
		var got []string
		for _, n := range readNumbers(tt.in) {
			got = append(got, model.FormatNumber(n.value)+n.unit)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("readNumbers(%q) = %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

// indicatorsOf reads a body whose part headings are the lines that start with 一、 二、 ….
func indicatorsOf(t *testing.T, text string) []string {
	t.Helper()
	body := strings.TrimSuffix(text, "\n")
	var secs []model.Section
	off := 0
	for _, ln := range strings.Split(body, "\n") {
		if strings.HasPrefix(ln, "一、") || strings.HasPrefix(ln, "二、") || strings.HasPrefix(ln, "三、") {
			if len(secs) > 0 {
				secs[len(secs)-1].End = off
			}
			secs = append(secs, model.Section{Title: ln, Level: 1, Start: off})
		}
		off += utf8.RuneCountInString(ln) + 1
	}
	if len(secs) > 0 {
		secs[len(secs)-1].End = utf8.RuneCountInString(body)
	}
	res := Indicators(Input{Body: body, Sections: secs})
	var out []string
	for _, in := range res.Indicators {
		out = append(out, string(in.Kind)+" "+show(in))
		if got := string([]rune(body)[in.Start:in.End]); got != in.Text {
			t.Errorf("offsets of %q point at %q", in.Text, got)
		}
	}
	return out
}

func TestTargetsPassage(t *testing.T) {
	text := "各位代表：\n一、2022年工作回顾\n全年地区生产总值完成253.7亿元，同比增长10.1%；城乡居民人均可支配收入完成2.57万元和1.68万元，分别增长9%和9.8%。\n" +
		"二、2023年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长不低于5.5%,力争超6%；地区生产总值增长11%，达到282亿元；" +
		"城乡居民人均可支配收入分别增长9.5%和11%，一般公共预算收入增长3.7%，努力跑赢全国。今年的重点工作主要有：(一)推动创新发展，力争高新技术企业增长20%。"
	got := indicatorsOf(t, text)
	want := []string{
		"actual 地区生产总值 g=10.1 v=253.7亿元 q= s=-",
		"actual 城镇居民人均可支配收入 g=9 v=2.57万元 q= s=-",
		"actual 农村居民人均可支配收入 g=9.8 v=1.68万元 q= s=-",
		"target 地区生产总值 g=5.5 v=- q=不低于 s=6",
		"target 地区生产总值 g=11 v=282亿元 q= s=-",
		"target 城镇居民人均可支配收入 g=9.5 v=- q= s=-",
		"target 农村居民人均可支配收入 g=11 v=- q= s=-",
		"target 一般公共预算收入 g=3.7 v=- q= s=-",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTargetsOnePerLine(t *testing.T) {
	text := "各位代表：\n一、2022年工作回顾\n过去一年成绩显著。\n二、2023年主要工作安排\n主要预期目标是:\n地区生产总值增长8%左右;\n实际利用内外资平稳发展;\n外贸出口总额促稳提质。\n为实现上述目标，我们要努力奋斗。\n"
	got := indicatorsOf(t, text)
	want := "target 地区生产总值 g=8 v=- q=左右 s=-|target 实际利用内外资 g=- v=- q= s=-|target 出口总额 g=- v=- q= s=-"
	if strings.Join(got, "|") != want {
		t.Errorf("got %q", strings.Join(got, "|"))
	}
}

// The hand scanner must find exactly what the figure pattern finds, on every line of real reports.
func TestScanFiguresAgreesWithPattern(t *testing.T) {
	var lines []string
	for _, dir := range []string{"../../testdata/seeds", "../../../shared/corpus/dev", "../../../shared/corpus/dev2"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range files {
			b, _ := os.ReadFile(f)
			if utf8.Valid(b) {
				lines = append(lines, strings.Split(string(b), "\n")...)
			}
		}
	}
	lines = append(lines, "不超过5%", "约近5%", "12.5 亿元以上", "5. 5%", "a12b", "40L4亿元", "3 ", "1285万吨", "4万亿元、增长6.5%", "增长5.0%—5.5%")
	if len(lines) < 100 {
		t.Fatalf("only %d lines to compare", len(lines))
	}
	for _, ln := range lines {
		want := numberRe.FindAllStringSubmatchIndex(ln, -1)
		got := scanFigures(ln)
		same := len(want) == len(got)
		for i := 0; same && i < len(got); i++ {
			for k := range 10 {
				same = same && want[i][k] == got[i][k]
			}
		}
		if !same {
			t.Fatalf("%q:\n got  %v\n want %v", ln, got, want)
		}
	}
}

func FuzzByteOffset(f *testing.F) {
	f.Add("长安镇2023年政府工作报告，GDP增长6.5%。", 7)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if !utf8.ValidString(s) || n < 0 {
			return
		}
		want := len(s)
		k := n
		for i := range s {
			if k == 0 {
				want = i
				break
			}
			k--
		}
		if got := ByteOffset(s, n); got != want {
			t.Fatalf("ByteOffset(%q, %d) = %d, want %d", s, n, got, want)
		}
	})
}

// findByRunes is nameIndex.find as it was first written: at each rune, the longest name that
// begins there, then on past it. The skipping search must give the same spans.
func findByRunes(s string) [][2]int {
	all := append(append([]string{}, spellings...), reportedNames...)
	sort.SliceStable(all, func(i, j int) bool { return len(all[i]) > len(all[j]) })
	var out [][2]int
	for i := 0; i < len(s); {
		hit := ""
		for _, n := range all {
			if strings.HasPrefix(s[i:], n) {
				hit = n
				break
			}
		}
		if hit != "" {
			out = append(out, [2]int{i, i + len(hit)})
			i += len(hit)
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return out
}

func FuzzNames(f *testing.F) {
	for _, s := range []string{"全年实现地区生产总值127.49亿元、增长6.5%；一般公共预算收入11.84亿元", "GDP增长6%，地区生产总值GDP", "城镇居民人均可支配收入和农村居民人均可支配收入", ""} {
		f.Add(s)
	}
	f.Add(strings.Join(spellings, ""))       // names glued: each one's end is another's start
	f.Add(strings.Join(reportedNames, "增长")) // and apart
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		if got, want := fmt.Sprint(names.find(s)), fmt.Sprint(findByRunes(s)); got != want {
			t.Fatalf("%q: %s, want %s", s, got, want)
		}
	})
}

func TestTriggerWordsDoNotOverlapThemselves(t *testing.T) {
	if o := triggers.SelfOverlapping(); len(o) > 0 {
		t.Fatalf("ByWord would find more than a search per word: %q", o)
	}
}

// rangeRe is rangePattern searched for, as FindAll finds it: what rangeFinder answers.
var rangeRe = rx.MustCompile(rangePattern)

// FuzzRangeFinder: asked at growing places, the finder answers what rangeRe's FindAll finds
// there — asked at every byte, at every digit only, or at every third one.
func FuzzRangeFinder(f *testing.F) {
	for _, s := range []string{"增长5.0%—5.5%", "5～6%", "5至6%", "6—5%—7%", "1—2%—3%", "1.5.3—4%", "12 到 13%", "5.—6%", "a-b", "无", "", "增长3%-4%，5~6%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := map[int][]int{}
		for _, m := range rangeRe.FindAllStringSubmatchIndex(s, -1) {
			want[m[0]] = m
		}
		for _, ask := range []func(int) bool{
			func(int) bool { return true },
			func(q int) bool { return s[q] >= '0' && s[q] <= '9' },
			func(q int) bool { return q%3 == len(s)%3 },
		} {
			rf := &rangeFinder{s: s}
			for q := range len(s) {
				if !ask(q) {
					continue
				}
				if got := rf.at(q); !slices.Equal(got, want[q]) {
					t.Fatalf("%q at %d: %v, FindAll %v", s, q, got, want[q])
				}
			}
		}
	})
}

func TestCanonicalOfNamesLookedUp(t *testing.T) {
	for _, n := range names.all {
		if names.canonical(n) != canonical(n) {
			t.Errorf("%q: %q, want %q", n, names.canonical(n), canonical(n))
		}
	}
}

// FuzzGrowthGuard: the verbs looked for before growthAfter never skip a text it matches.
func FuzzGrowthGuard(f *testing.F) {
	for _, s := range []string{"，同比增长10.1%", "、增长", "，其中按可比价格计算，预计同比分别增长9%和9.8%", "下降3%", "，比上年减少", "亿元", "，负增长"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := growthAfterSlice(s), growthAfter.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Fatalf("%q: guarded %v, the pattern %v", s, got, want)
		}
	})
}

// growthAfterSlice is growthAfterIndex as the pattern's submatch indexes (nil: no match).
func growthAfterSlice(s string) []int {
	if m, ok := growthAfterIndex(s); ok {
		return m[:]
	}
	return nil
}

// TestGrowthAfterPieces reads texts made of growthAfter's words (written out here, apart from
// growthAfterPieces) and parts of them: every sequence of up to four, and longer ones drawn at
// random with a fixed seed. The hand reading finds what the pattern finds.
func TestGrowthAfterPieces(t *testing.T) {
	words := []string{"、", "，", ",", " ", "\t", "其中", "按可比价格计算", "按可比价计算", "按可比", "预计", "同比", "可比",
		"同口径", "比上年", "分别", "负增长", "增长", "下降", "减少", "降低", "负", "按", "10%"}
	check := func(s string) {
		t.Helper()
		if got, want := growthAfterSlice(s), growthAfter.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Fatalf("%q: by hand %v, the pattern %v", s, got, want)
		}
	}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		check(s)
		if n == 0 {
			return
		}
		for _, w := range words {
			walk(s+w, n-1)
		}
	}
	walk("", 4)
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 50000 {
		var b strings.Builder
		for range 5 + rnd.IntN(6) {
			b.WriteString(words[rnd.IntN(len(words))])
		}
		check(b.String())
	}
}

// FuzzTriggers: the trigger pattern, searched by the places its matches can begin (rx), finds
// what regexp's own search finds.
func FuzzTriggers(f *testing.F) {
	for _, s := range []string{"今年经济社会发展的主要预期目标是：地区生产总值增长6%", "2024年发展主要目标是：", "全镇发展的主要目标为",
		"主要指标是：主要目标是：预期性目标建议为", "发展发展的主要目标", "经济社会发展主要目标", "主要预期目标", ""} {
		f.Add(s)
	}
	if !triggerRe.ByStarts() {
		f.Fatal("the trigger pattern is not searched by its starts")
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := triggerRe.FindAllStringIndex(s, -1), triggerRe.Regexp.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("%q: %v, regexp %v", s, got, want)
		}
	})
}

// BenchmarkNames finds the review's names in the seed reports (their whole text: most of a
// report is read for them), the search the actuals make over every review.
func BenchmarkNames(b *testing.B) {
	texts, size := testenv.Seeds(b, "../..")
	b.SetBytes(size)
	for b.Loop() {
		for _, s := range texts {
			names.find(s)
		}
	}
}

// FuzzTrimName: trimMarks is strings.Trim with its cut, and trimName, which asks the prefixes
// only of a name whose first character begins one, is the prefixes stripped as long as one is.
func FuzzTrimName(f *testing.F) {
	for _, s := range []string{"，全市地区生产总值、", " 其中全年实现 ", "和及", ",", "，", "\xef\xbc", "全", "其中", "确定今年全市固定资产投资"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimMarks(s), strings.Trim(s, " ，,、"); got != want {
			t.Fatalf("trimMarks(%q) = %q, strings.Trim %q", s, got, want)
		}
		want := strings.TrimSpace(s)
		for {
			p := longestPrefix(want, namePrefixes)
			if p == "" || len(want) <= len(p) {
				break
			}
			want = want[len(p):]
		}
		if got, want := trimName(s), strings.Trim(want, " ，,、"); got != want {
			t.Fatalf("trimName(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestTriggersNeedVerb: findTriggers, which skips 主要目标, 主要指标 and 发展目标 where no 是 or 为
// follows, finds what trying the pattern around every trigger word finds, over every text of
// up to four of the pattern's pieces and the seed reports.
func TestTriggersNeedVerb(t *testing.T) {
	every := func(body string, byWord [][]int) [][2]int {
		defer func(was []bool) { needsVerb = was }(needsVerb)
		needsVerb = make([]bool, len(triggerWords))
		return findTriggers(body, byWord)
	}
	check := func(s string) {
		t.Helper()
		at := triggers.ByWord(s)
		if got, want := findTriggers(s, at), every(s, at); !slices.Equal(got, want) {
			t.Fatalf("%q: %v, trying every word %v", s, got, want)
		}
	}
	pieces := []string{"主要", "预期", "性", "目标", "指标", "发展", "的", "是", "为", "：", "今年", "2024年", "经济社会", "全镇", "建议", "x"}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		check(s)
		if n > 0 {
			for _, p := range pieces {
				walk(s+p, n-1)
			}
		}
	}
	walk("", 4)
	texts, _ := testenv.Seeds(t, "../..")
	for _, s := range texts {
		check(s)
	}
}
