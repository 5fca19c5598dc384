package tui

import (
	"baogao/msg"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"baogao/loader"
	"baogao/match"
	"baogao/model"
	"baogao/tui/width"
)

// seeds are loaded once: every test builds its own App over a copy.
var seeds = loader.Load(loader.FS(os.DirFS("../testdata/seeds"), "."), loader.Options{})

// newTestApp returns a browser over the seed reports, sized, with everything loaded. The
// ambiguous width is pinned (narrow) so screens never depend on LANG.
func newTestApp(t testing.TB, w, h int) *App {
	t.Helper()
	return newAppOver(t, w, h, msg.ZH, seeds.Reports)
}

// newAppOver is a browser in lang over reports, with one file that could not be read.
func newAppOver(t testing.TB, w, h int, lang msg.Lang, reports []model.Report) *App {
	t.Helper()
	ch := make(chan loader.Batch, 1)
	ch <- loader.Batch{Reports: append([]model.Report(nil), reports...), Errors: []loader.FileError{{Source: "bad.bin", Err: "not a text document (binary content)"}}, Done: 5, Total: 5, Final: true}
	close(ch)
	a := New(ch, Options{Lang: lang})
	a.Update(waitBatch(ch, a.ses.py)())
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return a
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "ctrl+d", "ctrl+u", "ctrl+c":
		return tea.KeyPressMsg{Code: rune(k[5]), Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// press sends keys and feeds back the messages the views emit (open, jump, …). Commands that
// do not answer at once (a cursor's blink) are dropped.
func press(a *App, keys ...string) {
	for _, k := range keys {
		feed(a, keyMsg(k))
	}
}

func feed(a *App, msg tea.Msg) {
	_, cmd := a.Update(msg)
	for cmd != nil {
		out := make(chan tea.Msg, 1)
		go func() { out <- cmd() }()
		select {
		case m := <-out:
			switch m := m.(type) {
			case pushMsg, openReportMsg, jumpMsg, noteDoneMsg, savedMsg, noteSavedMsg, quitSavedMsg, bodyMsg, reloadedMsg, searchMsg:
				_, cmd = a.Update(m)
				continue
			case tea.BatchMsg:
				// blink timers and the like are left running; a message the tests know (a
				// search's results) is fed when it comes within a moment
				for _, c := range m {
					if c == nil {
						continue
					}
					sub := make(chan tea.Msg, 1)
					go func() { sub <- c() }()
					select {
					case sm := <-sub:
						switch sm.(type) {
						case searchMsg, pushMsg, jumpMsg, bodyMsg:
							feed(a, sm)
						}
					case <-time.After(100 * time.Millisecond):
					}
				}
			}
		case <-time.After(20 * time.Millisecond):
			if a.readingBody() || a.saving() {
				// a body is being read back from its file, or a save is on its way to the disk
				// (slow on a loaded machine): that answer comes, wait for it
				select {
				case m := <-out:
					_, cmd = a.Update(m)
					continue
				case <-time.After(10 * time.Second):
				}
			}
		}
		return
	}
}

func screenText(a *App) string { return ansi.Strip(a.render()) }

// every screen a test visits, by the keys that reach it from the list
var screens = []struct {
	name string
	keys []string
}{
	{"list", nil},
	{"list-filter", []string{"/", "c", "a"}},
	{"list-filtered", []string{"/", "l", "i", "n", "z", "i", "enter"}},
	{"list-sorted", []string{"s"}},
	{"list-sorted-year", []string{"s", "s", "s"}},
	{"report", []string{"enter"}},
	{"report-section", []string{"j", "j", "j"}},
	{"report-search", []string{"enter", "/", "增", "长", "enter", "n"}},
	{"report-reader", []string{"j", "enter", "tab", "ctrl+d"}},
	{"indicators", []string{"enter", "i"}},
	{"indicators-sorted", []string{"enter", "i", "l", "l", "l", "s"}},
	{"indicator-source", []string{"enter", "i", "j", "j", "j", "j", "j", "j", "j", "j", "j", "enter"}},
	{"targets", []string{"t"}},
	{"targets-chart", []string{"t", "c"}},
	{"targets-sorted", []string{"t", "s", "s"}},
	{"targets-chart-sorted", []string{"t", "s", "c"}},
	{"targets-open", []string{"t", "j", "j", "j", "enter"}},
	{"help", []string{"?"}},
	{"errors", []string{"e"}},
	{"list-reviewed", []string{"m", "j", "*", "j", "m", "f"}},
	{"note-editor", []string{"n", "要", "核", "对", "enter", "第", "二", "行"}},
	{"note-discard", []string{"n", "改", "esc"}},
	{"report-starred", []string{"enter", "j", "*", "m"}},
	{"indicator-flag", []string{"enter", "i", "x", "应", "为", "左", "右"}},
	{"indicator-flagged", []string{"enter", "i", "j", "*", "j", "x", "错", "enter"}},
}

var goldenSizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

// langSuffix names a golden's language: Chinese, the default, has none.
func langSuffix(l msg.Lang) string {
	if l == msg.EN {
		return "-en"
	}
	return ""
}

func TestScreensGolden(t *testing.T) {
	for _, lang := range []msg.Lang{msg.ZH, msg.EN} {
		for _, size := range goldenSizes {
			for _, sc := range screens {
				name := fmt.Sprintf("%s-%dx%d%s", sc.name, size[0], size[1], langSuffix(lang))
				t.Run(name, func(t *testing.T) {
					a := newAppOver(t, size[0], size[1], lang, seeds.Reports)
					press(a, sc.keys...)
					golden.RequireEqual(t, screenText(a)) // testdata/TestScreensGolden/NAME.golden; -update rewrites
				})
			}
		}
	}
}

// The reader of a run-on report (seed 000: one line per part, headings inside them) and of a
// report with line breaks (a dev report), at its start and a few pages on: headings on lines of
// their own, paragraphs indented, in both languages.
func TestReaderGolden(t *testing.T) {
	linebroken := loader.Load(loader.FS(os.DirFS("testdata/reader"), "."), loader.Options{})
	var runon []model.Report
	for _, r := range seeds.Reports {
		if strings.HasPrefix(r.Source, "000_") {
			runon = append(runon, r)
		}
	}
	if len(runon) == 0 || len(linebroken.Reports) == 0 {
		t.Fatal("the reader's sample reports are missing")
	}
	for _, lang := range []msg.Lang{msg.ZH, msg.EN} {
		for _, size := range goldenSizes {
			for _, c := range []struct {
				name    string
				reports []model.Report
			}{{"runon", runon}, {"linebroken", linebroken.Reports}} {
				for _, at := range []struct {
					name string
					keys []string
				}{{"top", []string{"enter", "tab"}}, {"paged", []string{"enter", "tab", "space", "space"}}, {"wide", []string{"enter", "z", "space"}}} {
					name := fmt.Sprintf("%s-%s-%dx%d%s", c.name, at.name, size[0], size[1], langSuffix(lang))
					t.Run(name, func(t *testing.T) {
						a := newAppOver(t, size[0], size[1], lang, c.reports)
						press(a, at.keys...)
						golden.RequireEqual(t, screenText(a))
					})
				}
			}
		}
	}
}

// At every size from the smallest to the largest, no line is wider than the terminal and the
// screen has no more lines than it.
func TestNoLineWiderThanTerminal(t *testing.T) {
	for _, ea := range []bool{false, true} {
		m := width.NewMeasure(ea)
		for _, size := range [][2]int{{19, 5}, {20, 6}, {40, 12}, {80, 24}, {120, 40}, {200, 60}, {300, 100}} {
			for _, sc := range screens {
				a := newTestApp(t, size[0], size[1])
				a.ses.measure = m
				a.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
				press(a, sc.keys...)
				lines := strings.Split(screenText(a), "\n")
				if len(lines) > size[1] {
					t.Errorf("%s at %dx%d (east-asian %v): %d lines", sc.name, size[0], size[1], ea, len(lines))
				}
				for i, ln := range lines {
					if w := m.String(ln); w > size[0] {
						t.Errorf("%s at %dx%d (east-asian %v): line %d is %d cells: %q", sc.name, size[0], size[1], ea, i, w, ln)
						break
					}
				}
			}
		}
	}
}

func TestTooSmall(t *testing.T) {
	a := newTestApp(t, 19, 5)
	if got := screenText(a); !strings.Contains(got, "太小 19x5") {
		t.Errorf("got %q", got)
	}
}

// cellAt returns what a line shows from display column col on.
func cellAt(m width.Measure, ln string, col int) string {
	c := 0
	for i, r := range ln {
		if c >= col {
			return ln[i:]
		}
		c += m.Rune(r)
	}
	return ""
}

// Every row of a table puts each cell at its header's display column, with Chinese,
// ambiguous-width and ASCII text mixed; numbers (value, growth) end where their header ends.
func TestTableColumnsAligned(t *testing.T) {
	for _, ea := range []bool{false, true} {
		a := newTestApp(t, 120, 40)
		a.ses.measure = width.NewMeasure(ea)
		m := a.ses.measure
		// ambiguous-width and Latin text in names and sections
		a.ses.reports[0].Indicators = append(a.ses.reports[0].Indicators,
			model.Indicator{Name: "“四好农村路”…", Kind: model.Plan, Value: model.Float(45), Unit: "公里", Section: "(一)·ViVO—测试"},
			model.Indicator{Name: "PM2.5浓度", Kind: model.Target, Growth: model.Float(-4), Section: "abc"})
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		press(a, "enter", "i")
		lines := strings.Split(screenText(a), "\n")[1:] // below the title line
		header := lines[0]
		var cols, ends []int
		for _, id := range indicatorColumns {
			h := msg.ZH.T(id)
			i := strings.Index(header, h)
			if i < 0 {
				t.Fatalf("header %q lacks %q", header, h)
			}
			cols = append(cols, m.String(header[:i]))
			ends = append(ends, m.String(header[:i+len(h)]))
		}
		rows := tableOf(a).rows
		for r, in := range rows {
			ln := lines[1+r]
			for c, cell := range cells(msg.ZH, in) {
				if cell == "" {
					continue
				}
				if c == colValue || c == colGrowth {
					if got := cellAt(m, ln, ends[c]-m.String(cell)); !strings.HasPrefix(got, cell) {
						t.Errorf("east-asian %v: row %d column %s: number %q does not end at cell %d: %q", ea, r, indicatorColumns[c], cell, ends[c], ln)
					}
					continue
				}
				first := string([]rune(cell)[0])
				if got := cellAt(m, ln, cols[c]); !strings.HasPrefix(got, first) {
					t.Errorf("east-asian %v: row %d column %s: cell %q not at cell %d: %q", ea, r, indicatorColumns[c], cell, cols[c], ln)
				}
			}
		}
	}
}

func TestWrapRules(t *testing.T) {
	m := width.Narrow()
	tests := []struct {
		text string
		w    int
		want []string
	}{
		{"地区生产总值增长6.5%，固定资产投资增长18%。", 12, []string{"地区生产总值", "增长6.5%，固", "定资产投资增", "长18%。"}},
		{"实现地区生产总值1215.57亿元、增长1.1%", 16, []string{"实现地区生产总值", "1215.57亿元、增", "长1.1%"}},
		{"他说：“我们要努力。”然后", 8, []string{"他说：", "“我们要", "努力。”", "然后"}},
		{"一二三四，五六", 8, []string{"一二三", "四，五六"}},
	}
	for _, tt := range tests {
		rs := []rune(tt.text)
		var got []string
		for _, l := range wrapRunes(m, rs, tt.w) {
			got = append(got, string(rs[l.start:l.end]))
			if w := m.String(string(rs[l.start:l.end])); w > tt.w {
				t.Errorf("line %q is %d cells > %d", string(rs[l.start:l.end]), w, tt.w)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.w, got, tt.want)
		}
	}
}

func TestFilterMatchesAndHighlights(t *testing.T) {
	a := newTestApp(t, 100, 30)
	press(a, "/", "c", "h", "a", "n", "g", "a", "n")
	if len(listOf(a).visible) != 1 || a.ses.reports[listOf(a).visible[0].idx].Region != "长安镇" {
		t.Fatalf("changan matched %d reports", len(listOf(a).visible))
	}
	region, _ := listOf(a).positions(listOf(a).visible[0].idx)
	if !region[0] || !region[1] || region[2] {
		t.Errorf("highlight %v, want 长安 of 长安镇", region)
	}
	press(a, "esc")
	if len(listOf(a).visible) != len(a.ses.reports) {
		t.Errorf("esc did not clear the filter")
	}
	press(a, "/", "２", "０", "２", "４", "enter")
	if len(listOf(a).visible) != 1 {
		t.Errorf("full-width 2024 matched %d", len(listOf(a).visible))
	}
}

func TestKeysNavigate(t *testing.T) {
	a := newTestApp(t, 100, 30)
	press(a, "G")
	if listOf(a).cursor != len(listOf(a).visible)-1 {
		t.Errorf("G: cursor %d", listOf(a).cursor)
	}
	press(a, "g", "enter")
	if a.screen() != screenReport {
		t.Fatalf("enter: screen %v", a.screen())
	}
	press(a, "i")
	if a.screen() != screenIndicators {
		t.Fatalf("i: screen %v", a.screen())
	}
	press(a, "backspace", "esc")
	if a.screen() != screenList {
		t.Errorf("back twice: screen %v", a.screen())
	}
	// q quits, but not while typing in the filter
	press(a, "/", "q")
	if listOf(a).query() != "q" {
		t.Errorf("q went to the filter? query %q", listOf(a).query())
	}
	if !quits(a, "ctrl+c") {
		t.Error("ctrl+c does not quit while typing")
	}
}

// The source sentence of an indicator is what the reader shows highlighted.
func TestJumpToSource(t *testing.T) {
	a := newTestApp(t, 100, 30)
	press(a, "enter", "i", "j", "enter")
	in := tableOf(a).rows[1]
	if a.screen() != screenReport || reportOf(a).source != [2]int{in.Start, in.End} {
		t.Fatalf("screen %v source %v, want %d-%d", a.screen(), reportOf(a).source, in.Start, in.End)
	}
	if !strings.Contains(strings.ReplaceAll(screenText(a), "\n", ""), "") {
		t.Error("unreachable")
	}
	shown := false
	for _, l := range reportOf(a).lines[reportOf(a).top : reportOf(a).top+reportOf(a).pageH()] {
		if in.Start >= l.start && in.Start < l.end {
			shown = true
		}
	}
	if !shown {
		t.Errorf("the source sentence is not on screen")
	}
}

// Reports loaded without their text (from the parse cache, or with bodies dropped) read it back
// when opened, once per session; a failure to read says why instead of showing nothing.
func TestBodyReadBack(t *testing.T) {
	reps := append([]model.Report(nil), seeds.Reports...)
	bodies := map[string]string{}
	for i := range reps {
		bodies[reps[i].ID] = reps[i].Body
		reps[i].Body = ""
	}
	reads := 0
	var fail error
	var py match.Readings
	keys := make([]match.Key, len(reps))
	for i := range reps {
		keys[i] = py.ReportKey(&reps[i])
	}
	a := New(nil, Options{Reports: reps, Keys: keys, Errors: []loader.FileError{{Source: "bad.bin", Err: "not a text document (binary content)"}}, ReadBody: func(r *model.Report) (string, error) {
		reads++
		return bodies[r.ID], fail
	}})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	withBody := newTestApp(t, 100, 30)
	press(withBody, "enter", "tab")
	press(a, "enter", "tab")
	if got, want := screenText(a), screenText(withBody); got != want {
		t.Errorf("read-back report differs from one loaded with its body:\n%s\n---\n%s", got, want)
	}
	press(a, "esc", "enter")
	if reads != 1 {
		t.Errorf("body read %d times, want once", reads)
	}
	fail = errors.New("x.txt: changed on disk since it was loaded")
	press(a, "esc", "j", "enter", "tab")
	if s := screenText(a); !strings.Contains(s, "无法读取正文") || !strings.Contains(s, "changed on disk") {
		t.Errorf("failed read not shown:\n%s", s)
	}
}

// Reports a load left packed (the parse cache, as the browser loads) show the same list,
// sections, indicators and targets as reports loaded whole.
func TestPackedReports(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../testdata/seeds")); err != nil {
		t.Fatal(err)
	}
	cache := filepath.Join(t.TempDir(), "parse.cache")
	loader.Load(loader.Paths(dir), loader.Options{CacheFile: cache}) // cold: fills the cache
	open := func(pack bool) *App {
		ch := loader.Stream(loader.Paths(dir), loader.Options{CacheFile: cache, Pack: pack, DropBodies: true})
		a := New(ch, Options{ReadBody: func(r *model.Report) (string, error) { return loader.ReadBody(nil, r) }})
		a.Update(tea.WindowSizeMsg{Width: 110, Height: 32})
		for !a.finished {
			a.Update(waitBatch(ch, a.ses.py)())
		}
		return a
	}
	packed, whole := open(true), open(false)
	if n := len(packed.ses.reports); n == 0 || packed.ses.reports[n-1].Packed == "" {
		t.Fatal("the load did not pack its reports")
	}
	for _, keys := range [][]string{{}, {"t"}, {"enter", "tab"}, {"j", "enter", "i"}, {"j", "j", "enter", "i"}} {
		press(packed, keys...)
		press(whole, keys...)
		if got, want := screenText(packed), screenText(whole); got != want {
			t.Errorf("after %v the packed browser differs:\n%s\n---\n%s", keys, got, want)
		}
		press(packed, "esc", "esc", "esc")
		press(whole, "esc", "esc", "esc")
	}
	// View only reads: what it shows was prepared by Update (widths measured, rows unpacked)
	press(packed, "esc", "G")
	before := fmt.Sprint(len(packed.ses.widths), len(packed.ses.unpacked), packed.ses.hashed, len(packed.ses.bodies))
	for range 3 {
		screenText(packed)
	}
	if after := fmt.Sprint(len(packed.ses.widths), len(packed.ses.unpacked), packed.ses.hashed, len(packed.ses.bodies)); after != before {
		t.Errorf("drawing changed the session: %s → %s", before, after)
	}
	// a packed corpus may be shared read-only by every SSH session: browsing it writes nothing
	// into it, the session keeps its own unpacked copies
	for i, r := range packed.ses.reports {
		if r.Packed == "" || r.Indicators != nil {
			t.Fatalf("report %d of the shared slice was unpacked in place", i)
		}
	}
}

// The clauses of a goals passage the extractor could not read are named under the indicator
// table, so a user knows what to check by hand.
func TestUnreadGoalsInFooter(t *testing.T) {
	a := newTestApp(t, 120, 30)
	a.ses.reports[0].Warnings = append(a.ses.reports[0].Warnings, model.UnreadPrefix+"1 (城乡居民收入倍差缩小到1.8以内)")
	press(a, "enter", "i")
	if s := screenText(a); !strings.Contains(s, "未读懂 1 句：城乡居民收入倍差缩小到1.8以内") {
		t.Errorf("footer does not name the unread clause:\n%s", s)
	}
}

// Enter in the targets comparison opens the report at the picked column's sentence.
func TestComparisonOpensAtColumn(t *testing.T) {
	a := newTestApp(t, 120, 30)
	press(a, "t", "l", "l") // 固定资产投资
	in := targetsOf(a).cells[targetsOf(a).cur][targetsOf(a).col]
	if in == nil || in.Name != "固定资产投资" {
		t.Fatalf("cell %+v", in)
	}
	press(a, "enter")
	if a.screen() != screenReport || reportOf(a).source != [2]int{in.Start, in.End} {
		t.Errorf("screen %v source %v, want %d-%d (%s)", a.screen(), reportOf(a).source, in.Start, in.End, in.Text)
	}
}

// Jumping to a source sentence clears an earlier search, so one highlight stands.
func TestJumpClearsSearch(t *testing.T) {
	a := newTestApp(t, 100, 30)
	press(a, "enter", "/", "增", "长", "enter")
	if reportOf(a).query == "" || len(reportOf(a).matches) == 0 {
		t.Fatalf("search did not run: %q %d", reportOf(a).query, len(reportOf(a).matches))
	}
	press(a, "i", "enter")
	if a.screen() != screenReport || reportOf(a).query != "" || len(reportOf(a).matches) != 0 {
		t.Errorf("after the jump: screen %v query %q, %d matches", a.screen(), reportOf(a).query, len(reportOf(a).matches))
	}
}

// The section tree keeps its scroll: moving the cursor up inside the page does not scroll it.
func TestTreeKeepsScroll(t *testing.T) {
	var body strings.Builder
	var secs []model.Section
	for i := range 30 {
		start := utf8.RuneCountInString(body.String())
		fmt.Fprintf(&body, "第%d部分\n内容内容。\n", i+1)
		secs = append(secs, model.Section{Title: fmt.Sprintf("第%d部分", i+1), Level: 1, Start: start, End: utf8.RuneCountInString(body.String())})
	}
	rep := model.Report{ID: "x#1", Title: "测试", Body: body.String(), Sections: secs}
	a := New(nil, Options{Reports: []model.Report{rep}, Keys: (&match.Readings{}).ReportKeys([]model.Report{rep})})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 12})
	press(a, "enter", "G")
	top := reportOf(a).toff
	if top == 0 || len(reportOf(a).rows) <= reportOf(a).pageH() {
		t.Fatalf("G did not scroll the tree (toff 0, cursor %d of %d rows)", reportOf(a).cur, len(reportOf(a).rows))
	}
	press(a, "k")
	if reportOf(a).toff != top {
		t.Errorf("moving up inside the page scrolled the tree: toff %d → %d", top, reportOf(a).toff)
	}
}

// No key means two things on one screen: every enabled binding of a screen's help, and the global
// ones, have keys of their own.
func TestNoKeyTwiceOnAScreen(t *testing.T) {
	a := newTestApp(t, 100, 30)
	check := func(name string) {
		t.Helper()
		by := map[string]string{}
		for _, group := range a.keyMap().full {
			for _, b := range group {
				if !b.Enabled() {
					continue
				}
				for _, k := range b.Keys() {
					if d, ok := by[k]; ok && d != b.Help().Desc {
						t.Errorf("%s: %q is both %q and %q", name, k, d, b.Help().Desc)
					}
					by[k] = b.Help().Desc
				}
			}
		}
	}
	check("list")
	press(a, "enter")
	check("report")
	press(a, "i")
	check("indicators")
	press(a, "esc", "esc", "t")
	check("targets")
}

// A help longer than the screen scrolls; the key that closes it goes no further.
func TestHelpScrolls(t *testing.T) {
	a := newTestApp(t, 40, 12)
	press(a, "?")
	first := screenText(a)
	if !strings.Contains(first, "更多") {
		t.Fatalf("a help longer than 12 rows does not say there is more:\n%s", first)
	}
	press(a, "G")
	if !strings.Contains(screenText(a), msg.ZH.T("key.quit")) {
		t.Errorf("scrolled to the end, the last key is not shown:\n%s", screenText(a))
	}
	press(a, "G", "enter", "m") // on the list they would move, open and mark: over the help, nothing
	if !a.help || a.screen() != screenList || listOf(a).cursor != 0 || a.ses.pending() != 0 {
		t.Errorf("keys reached the list below the help: help %v screen %v cursor %d", a.help, a.screen(), listOf(a).cursor)
	}
	for _, k := range []string{"esc", "?", "q"} {
		press(a, "?")
		press(a, k)
		if a.help || a.screen() != screenList {
			t.Errorf("%s did not close the help (help %v, screen %v)", k, a.help, a.screen())
		}
	}
}

// Esc in a report with a search active clears the search; the next Esc goes back.
func TestEscClearsSearchFirst(t *testing.T) {
	a := newTestApp(t, 100, 30)
	press(a, "enter", "/", "增", "长", "enter")
	press(a, "esc")
	if a.screen() != screenReport || reportOf(a).query != "" {
		t.Fatalf("first esc: screen %v query %q", a.screen(), reportOf(a).query)
	}
	press(a, "esc")
	if a.screen() != screenList {
		t.Errorf("second esc: screen %v", a.screen())
	}
}

// While files are still read, the list's counts say they are so far, beside the files' progress.
func TestLoadingCountsSaySoFar(t *testing.T) {
	ch := make(chan loader.Batch, 2)
	ch <- loader.Batch{Reports: append([]model.Report(nil), seeds.Reports[:3]...), Done: 2, Total: 5}
	a := New(ch, Options{})
	a.Update(waitBatch(ch, a.ses.py)())
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	s := screenText(a)
	if !strings.Contains(s, "3/3 份（载入中）") || !strings.Contains(s, "2/5") {
		t.Errorf("loading counts:\n%s", s)
	}
	ch <- loader.Batch{Reports: append([]model.Report(nil), seeds.Reports[3:]...), Done: 5, Total: 5, Final: true}
	close(ch)
	a.Update(waitBatch(ch, a.ses.py)())
	if s := screenText(a); strings.Contains(s, "载入中") || !strings.Contains(s, "8/8") {
		t.Errorf("after loading:\n%s", s)
	}
}

// Under --east-asian-width the block and line glyphs take two cells: every bar keeps its value,
// the divider stays a line, and no line is wider than the terminal.
func TestEastAsianGlyphs(t *testing.T) {
	ch := make(chan loader.Batch, 1)
	ch <- loader.Batch{Reports: append([]model.Report(nil), seeds.Reports...), Done: 5, Total: 5, Final: true}
	close(ch)
	a := New(ch, Options{EastAsianWidth: true})
	a.Update(waitBatch(ch, a.ses.py)())
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	press(a, "enter")
	s := screenText(a)
	if !strings.Contains(s, "│") || strings.Contains(s, "…\n") && strings.Count(s, "…") > 20 {
		t.Errorf("the divider under --east-asian-width:\n%s", s)
	}
	press(a, "esc", "t", "c")
	s = screenText(a)
	for _, ln := range strings.Split(s, "\n") {
		if strings.Contains(ln, "█") && !strings.ContainsAny(ln[strings.LastIndex(ln, "█"):], "0123456789") {
			t.Errorf("a bar lost its value: %q", ln)
		}
		if w := a.ses.measure.String(ln); w > 100 {
			t.Errorf("line of %d cells: %q", w, ln)
		}
	}
}

// A resize keeps the place in the reader: the text at the top stays at the top.
func TestResizeKeepsPlace(t *testing.T) {
	a := newTestApp(t, 120, 30)
	press(a, "enter", "tab")
	for range 10 {
		press(a, "ctrl+d")
	}
	at := reportOf(a).lines[reportOf(a).top].start
	if at == 0 {
		t.Fatal("the reader did not move")
	}
	a.Update(tea.WindowSizeMsg{Width: 70, Height: 30})
	l := reportOf(a).lines[reportOf(a).top]
	if at < l.start || at >= max(l.end, l.start+1) {
		t.Errorf("after the resize the top line is %d–%d, the text that was at the top starts at %d", l.start, l.end, at)
	}
}

// The root of the section tree cannot be collapsed away; → expands, ← collapses and then goes to
// the parent.
func TestTreeExpandCollapse(t *testing.T) {
	body := "一、回顾\n（一）经济\n内容。\n（二）民生\n内容。\n二、安排\n内容。\n"
	secs := []model.Section{
		{Title: "一、回顾", Level: 1, Start: 0, End: 24, Children: []model.Section{
			{Title: "（一）经济", Level: 2, Start: 5, End: 14},
			{Title: "（二）民生", Level: 2, Start: 14, End: 24}}},
		{Title: "二、安排", Level: 1, Start: 24, End: utf8.RuneCountInString(body)},
	}
	rep := model.Report{ID: "x#1", Title: "测试", Body: body, Sections: secs}
	a := New(nil, Options{Reports: []model.Report{rep}, Keys: (&match.Readings{}).ReportKeys([]model.Report{rep})})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	press(a, "enter")
	rows := len(reportOf(a).rows)
	press(a, "enter") // on the root
	if len(reportOf(a).rows) != rows {
		t.Fatalf("enter on the root changed the tree from %d to %d rows", rows, len(reportOf(a).rows))
	}
	press(a, "j") // 一、回顾
	open := reportOf(a).open[reportOf(a).rows[reportOf(a).cur]]
	if !open {
		press(a, "l")
	}
	withChildren := len(reportOf(a).rows)
	press(a, "h")
	if len(reportOf(a).rows) >= withChildren {
		t.Errorf("← did not collapse: %d rows, %d before", len(reportOf(a).rows), withChildren)
	}
	press(a, "l", "j", "h") // into （一）经济, then ← goes to its parent
	if got := reportOf(a).nodes[reportOf(a).rows[reportOf(a).cur]].title; got != "一、回顾" {
		t.Errorf("← on a leaf went to %q, want its parent", got)
	}
}
