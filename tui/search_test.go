package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"baogao/msg"
)

// F searches every report's text as the query is typed; Enter opens the report at the hit with
// the search going on there (n, N).
func TestFullTextSearch(t *testing.T) {
	a := newTestApp(t, 120, 40)
	press(a, "F")
	v, ok := a.top().(*searchView)
	if !ok || !a.typing() {
		t.Fatalf("F opened %s (typing %v)", a.screen(), a.typing())
	}
	press(a, "营", "商", "环", "境")
	if v.running || len(v.rows) == 0 {
		t.Fatalf("营商环境: running %v, %d reports", v.running, len(v.rows))
	}
	for _, r := range v.rows {
		if !strings.Contains(r.sentence, "营商环境") || r.sentence[r.hitLo:r.hitHi] != "营商环境" {
			t.Errorf("row %+v does not hold the term where it says", r)
		}
	}
	screen := screenText(a)
	if !strings.Contains(screen, "营商环境") || !strings.Contains(screen, "份报告") {
		t.Errorf("results:\n%s", screen)
	}
	press(a, "enter", "j", "enter")
	rv := reportOf(a)
	want := v.rows[1]
	if rv.idx != want.idx || rv.query != "营商环境" || len(rv.matches) == 0 || rv.matches[rv.match][0] != want.start {
		t.Fatalf("opened report %d (want %d), query %q, match %v at %d", rv.idx, want.idx, rv.query, rv.matches, want.start)
	}
	press(a, "n")
	if len(rv.matches) > 1 && rv.matches[rv.match][0] == want.start {
		t.Error("n did not go on from the hit")
	}
	// back to the results (the first esc takes back the reader's search), and a query of two
	// terms in one sentence
	press(a, "esc", "esc")
	if a.top() != Screen(v) {
		t.Fatalf("esc from the hit went to %s", a.screen())
	}
	press(a, "/", "space", "增", "长")
	for _, r := range v.rows {
		if !strings.Contains(r.sentence, "营商环境") || !strings.Contains(r.sentence, "增长") {
			t.Errorf("a sentence without both terms: %q", r.sentence)
		}
	}
	press(a, "enter", "c")
	if screen := screenText(a); !strings.Contains(screen, "逐年") || !strings.Contains(screen, "2023") {
		t.Errorf("the trend:\n%s", screen)
	}
}

// A new keystroke stops the search running; the results shown are the last query's only.
func TestFullTextSearchKeepsUp(t *testing.T) {
	a := newTestApp(t, 100, 30)
	press(a, "F")
	v := a.top().(*searchView)
	// two searches started before either is read: the first one's results must not show
	cmd1 := v.run(searchParse("增长"))
	cmd2 := v.run(searchParse("氢冶金"))
	for _, cmd := range []func() any{func() any { return cmd1() }, func() any { return cmd2() }} {
		m := cmd()
		for m != nil {
			sm := m.(searchMsg)
			a.Update(sm)
			if sm.next == nil {
				break
			}
			m = sm.next()
		}
	}
	if len(v.rows) != 0 || v.running {
		t.Errorf("an older search's rows showed: %d rows, running %v", len(v.rows), v.running)
	}
}

func TestSearchGolden(t *testing.T) {
	for _, lang := range []msg.Lang{msg.ZH, msg.EN} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			for _, sc := range []struct {
				name string
				keys []string
			}{{"search", []string{"F", "营", "商", "环", "境", "enter"}}, {"search-trend", []string{"F", "营", "商", "环", "境", "enter", "c"}}, {"search-none", []string{"F", "氢", "冶", "金"}}} {
				name := fmt.Sprintf("%s-%dx%d%s", sc.name, size[0], size[1], langSuffix(lang))
				t.Run(name, func(t *testing.T) {
					a := newAppOver(t, size[0], size[1], lang, seeds.Reports)
					press(a, sc.keys...)
					golden.RequireEqual(t, screenText(a))
				})
			}
		}
	}
}
