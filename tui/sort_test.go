package tui

import (
	"baogao/msg"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"baogao/loader"
	"baogao/match"
	"baogao/model"
)

// appOver is a browser over the given reports, everything loaded.
func appOver(t *testing.T, reps []model.Report, w, h int) *App {
	t.Helper()
	ch := make(chan loader.Batch, 1)
	ch <- loader.Batch{Reports: reps, Done: len(reps), Total: len(reps), Final: true}
	close(ch)
	a := New(ch, Options{})
	a.Update(waitBatch(ch, a.ses.py)())
	feed(a, tea.WindowSizeMsg{Width: w, Height: h})
	return a
}

// The list sorts regions by pinyin (长安 is chang, before 临淄), unknown regions last either
// way, then by year; a second s reverses; the header and the status show the direction.
func TestListSortsByPinyin(t *testing.T) {
	var reps []model.Report
	for _, r := range []struct {
		region string
		year   int
	}{{"临淄区", 2023}, {"", 2022}, {"长安镇", 2024}, {"厦门市", 0}, {"长安镇", 2022}, {"重庆市", 2023}, {"", 2024}} {
		reps = append(reps, model.Report{Region: r.region, Year: r.year, Title: r.region + "政府工作报告", Hash: r.region + string(rune('0'+r.year%10))})
	}
	a := appOver(t, reps, 100, 20)
	order := func() string {
		var out []string
		for _, h := range listOf(a).visible {
			r := a.ses.reports[h.idx]
			out = append(out, r.RegionLabel(msg.ZH)+year(r.Year))
		}
		return strings.Join(out, " ")
	}
	for _, step := range []struct{ mode, head, want string }{
		{"地区↑", "地区↑", "长安镇2022 长安镇2024 重庆市2023 临淄区2023 厦门市? 未知2022 未知2024"},
		{"地区↓", "地区↓", "厦门市? 临淄区2023 重庆市2023 长安镇2022 长安镇2024 未知2022 未知2024"},
		{"年份↓", "年份↓", "长安镇2024 未知2024 重庆市2023 临淄区2023 长安镇2022 未知2022 厦门市?"},
		{"年份↑", "年份↑", "长安镇2022 未知2022 重庆市2023 临淄区2023 长安镇2024 未知2024 厦门市?"},
		{"文件顺序", "地区 ", "临淄区2023 未知2022 长安镇2024 厦门市? 长安镇2022 重庆市2023 未知2024"},
	} {
		press(a, "s")
		if got := order(); got != step.want {
			t.Errorf("%s:\n got  %s\n want %s", step.mode, got, step.want)
		}
		screen := screenText(a)
		lines := strings.Split(screen, "\n")
		if !strings.Contains(lines[1], step.head) || !strings.Contains(screen, "排序："+step.mode) {
			t.Errorf("%s: header %q, status does not say 排序：%s", step.mode, lines[1], step.mode)
		}
	}
	if !slices.Equal([]string{a.ses.reports[0].Region}, []string{"临淄区"}) {
		t.Error("sorting changed the reports themselves")
	}
}

// The indicator table sorts values by size within the unit they count in (5亿元 above 9000万元),
// names by pinyin, empty cells last; s again reverses.
func TestIndicatorTableSortsNumbers(t *testing.T) {
	f := model.Float
	rep := model.Report{Region: "长安镇", Year: 2024, Title: "长安镇政府工作报告", Hash: "h", Indicators: []model.Indicator{
		{Name: "一般公共预算收入", Kind: model.Actual, Value: f(5), Unit: "亿元"},
		{Name: "地区生产总值", Kind: model.Target, Growth: f(6)},
		{Name: "固定资产投资", Kind: model.Actual, Value: f(9000), Unit: "万元"},
		{Name: "民生支出占比", Kind: model.Actual, Value: f(70), Unit: "%"},
		{Name: "出口总额", Kind: model.Actual, Value: f(500), Unit: "万元"},
	}}
	a := appOver(t, []model.Report{rep}, 100, 20)
	press(a, "enter", "i")
	names := func() string {
		var out []string
		for _, in := range tableOf(a).rows {
			out = append(out, in.Name)
		}
		return strings.Join(out, " ")
	}
	press(a, "s") // 指标
	if got, want := names(), "出口总额 地区生产总值 固定资产投资 民生支出占比 一般公共预算收入"; got != want {
		t.Errorf("by name:\n got  %s\n want %s", got, want)
	}
	press(a, "l", "l", "s") // 数值
	if got, want := names(), "民生支出占比 出口总额 固定资产投资 一般公共预算收入 地区生产总值"; got != want {
		t.Errorf("by value:\n got  %s\n want %s", got, want)
	}
	press(a, "s")
	if got, want := names(), "一般公共预算收入 固定资产投资 出口总额 民生支出占比 地区生产总值"; got != want {
		t.Errorf("by value, reversed:\n got  %s\n want %s", got, want)
	}
	if head := strings.Split(screenText(a), "\n")[1]; !strings.Contains(head, "数值↓") {
		t.Errorf("header %q does not show the direction", head)
	}
}

// The targets comparison sorts by the picked column (growth, then levels, reports without the
// target last either way), s again reverses, and the chart shows the same order.
func TestTargetsSortByColumn(t *testing.T) {
	f := model.Float
	var reps []model.Report
	for _, r := range []struct {
		region string
		gdp    *model.Indicator
	}{
		{"甲镇", &model.Indicator{Name: "地区生产总值", Kind: model.Target, Growth: f(6)}},
		{"乙镇", nil},
		{"丙镇", &model.Indicator{Name: "地区生产总值", Kind: model.Target, Growth: f(8)}},
		{"丁镇", &model.Indicator{Name: "地区生产总值", Kind: model.Target, Value: f(300), Unit: "亿元"}},
		{"戊镇", &model.Indicator{Name: "地区生产总值", Kind: model.Target, Growth: f(5.5)}},
	} {
		rep := model.Report{Region: r.region, Year: 2024, Title: r.region + "政府工作报告", Hash: r.region}
		if r.gdp != nil {
			rep.Indicators = []model.Indicator{*r.gdp}
		}
		reps = append(reps, rep)
	}
	a := appOver(t, reps, 100, 20)
	press(a, "t")
	order := func() string {
		var out []string
		for _, i := range targetsOf(a).idxs {
			out = append(out, a.ses.reports[i].Region)
		}
		return strings.Join(out, " ")
	}
	press(a, "s")
	if got, want := order(), "戊镇 甲镇 丙镇 丁镇 乙镇"; got != want {
		t.Errorf("ascending: got %s, want %s", got, want)
	}
	press(a, "s")
	if got, want := order(), "丙镇 甲镇 戊镇 丁镇 乙镇"; got != want {
		t.Errorf("descending: got %s, want %s", got, want)
	}
	if head := strings.Split(screenText(a), "\n")[1]; !strings.Contains(head, "GDP↓") {
		t.Errorf("header %q does not show the direction", head)
	}
	press(a, "c")
	var chart []string
	for _, ln := range strings.Split(screenText(a), "\n")[2:7] {
		chart = append(chart, strings.Fields(strings.TrimPrefix(ln, "›"))[0])
	}
	if got := strings.Join(chart, " "); got != order() {
		t.Errorf("chart order %s, table order %s", got, order())
	}
}

// Keys that do nothing in a screen's present state are disabled: the footer and the help do not
// offer them and pressing them changes nothing.
func TestKeysDisabledByState(t *testing.T) {
	a := newTestApp(t, 100, 30)
	offers := func(desc string) bool {
		for _, group := range a.keyMap().full {
			for _, b := range group {
				if b.Enabled() && b.Help().Desc == msg.ZH.T(msg.ID("key."+strings.ReplaceAll(desc, " ", "-"))) {
					return true
				}
			}
		}
		return false
	}
	if offers("clear filter") {
		t.Error("list without a filter offers to clear it")
	}
	press(a, "/", "z", "z", "z", "q", "enter")
	if len(listOf(a).visible) != 0 {
		t.Fatalf("a filter that matches nothing shows %d reports", len(listOf(a).visible))
	}
	for _, d := range []string{"open", "mark reviewed", "star", "note", "targets"} {
		if offers(d) {
			t.Errorf("empty list offers %q", d)
		}
	}
	if !offers("clear filter") {
		t.Error("a filtered list does not offer to clear the filter")
	}
	press(a, "enter")
	if a.screen() != screenList {
		t.Error("enter on an empty list left the list")
	}
	press(a, "esc")
	press(a, "enter")
	if offers("next match") || offers("previous match") {
		t.Error("a report without a search offers next and previous match")
	}
	if !offers("expand") {
		t.Error("the tree does not offer expand")
	}
	press(a, "tab")
	if offers("expand") || offers("collapse") {
		t.Error("the reader offers the tree's expand and collapse")
	}
	press(a, "/", "增", "长", "enter")
	if !offers("next match") {
		t.Error("a report with matches does not offer next match")
	}
	if strings.Contains(a.footer(), " ·  · ") || strings.HasPrefix(strings.TrimSpace(ansi.Strip(a.footer())), "·") {
		t.Errorf("footer has an empty slot: %q", ansi.Strip(a.footer()))
	}
}

// A body the load dropped is read back off the event loop: the report opens at once with its
// tree and says the text is coming; a jump asked for meanwhile lands when it has come.
func TestBodyReadOffTheLoop(t *testing.T) {
	reps := append([]model.Report(nil), seeds.Reports...)
	bodies := map[string]string{}
	for i := range reps {
		bodies[reps[i].ID], reps[i].Body = reps[i].Body, ""
	}
	release := make(chan struct{})
	a := appOver(t, reps, 100, 30)
	a.ses.readBody = func(r *model.Report) (string, error) { <-release; return bodies[r.ID], nil }
	in := reps[0].Targets()[0]
	_, cmd := a.Update(jumpMsg{idx: 0, start: in.Start, end: in.End})
	if cmd == nil || !strings.Contains(screenText(a), "正在读取正文") {
		t.Fatalf("the report did not open before its body was read:\n%s", screenText(a))
	}
	close(release)
	a.Update(cmd())
	v := reportOf(a)
	if v.loading || v.source != [2]int{in.Start, in.End} || !strings.Contains(screenText(a), in.Text) {
		t.Errorf("after the body came: loading %v, source %v, want %d-%d and %q on screen", v.loading, v.source, in.Start, in.End, in.Text)
	}
}

// A browser over a corpus already loaded (serve) draws its first frame before any message.
func TestFirstFrameBeforeAnyMessage(t *testing.T) {
	reps := append([]model.Report(nil), seeds.Reports...)
	var py match.Readings
	a := New(nil, Options{Reports: reps, Keys: py.ReportKeys(reps)})
	if s := screenText(a); !strings.Contains(s, "长安镇") {
		t.Errorf("first frame:\n%s", s)
	}
}

// The reader: a heading on a line of its own after a blank line, also where the source runs it
// into the text (seed 000 is one run-on line); paragraphs indented; about forty characters a line
// however wide the terminal; z hides the tree; space pages and the last line can reach the top.
func TestReaderTypography(t *testing.T) {
	a := newTestApp(t, 200, 60)
	press(a, "enter") // seed 000, 长安镇: run-on
	v := reportOf(a)
	heading := -1
	for i, l := range v.lines {
		if l.heading && strings.HasPrefix(string(v.body[l.start:l.end]), "2022年工作回顾") {
			heading = i
			break
		}
	}
	if heading < 1 || v.lines[heading-1].start != v.lines[heading-1].end {
		t.Fatalf("the heading 2022年工作回顾 is not on its own line after a blank one (line %d)", heading)
	}
	if next := v.lines[heading+1]; !next.indent || next.heading {
		t.Errorf("the paragraph after the heading is not indented: %+v", next)
	}
	paras := 0
	for _, l := range v.lines {
		if l.indent {
			paras++
		}
		if w := a.ses.measure.String(string(v.body[l.start:l.end])); w > readingW {
			t.Fatalf("a line of %d cells at 200 columns", w)
		}
	}
	if paras < 5 {
		t.Errorf("a run-on report shows %d paragraphs", paras)
	}
	press(a, "z")
	if v.treeW != 0 || !v.reader || !strings.Contains(a.footer(), msg.ZH.T("key.tree")) {
		t.Errorf("z did not give the reader the whole width (tree %d)", v.treeW)
	}
	press(a, "z")
	if v.treeW == 0 {
		t.Error("z again did not bring the tree back")
	}
	if !v.reader {
		press(a, "tab")
	}
	top := v.top
	press(a, "space")
	if v.top != top+v.pageH()-1 {
		t.Errorf("space moved the reader from %d to %d, want a page (%d)", top, v.top, v.pageH()-1)
	}
	press(a, "b")
	if v.top != top {
		t.Errorf("b did not page back: %d, want %d", v.top, top)
	}
	for range len(v.lines) {
		press(a, "space")
	}
	if v.top != len(v.lines)-1 {
		t.Errorf("paging to the end stops at line %d of %d", v.top, len(v.lines))
	}
}
