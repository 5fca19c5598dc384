package tui

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"baogao/loader"
	"baogao/msg"
)

// 保定市's reports of 2021, 2022 and 2023 (from the dev sets): 2021's and 2022's targets meet
// the actuals of the 2022 and 2023 reports' reviews.
var baoding = loader.Load(loader.FS(os.DirFS("testdata/timeline"), "."), loader.Options{})

func TestTimeline(t *testing.T) {
	a := newAppOver(t, 120, 40, msg.ZH, baoding.Reports)
	press(a, "T")
	v, ok := a.top().(*timelineView)
	if !ok {
		t.Fatalf("T opened %s", a.screen())
	}
	if len(v.idxs) != 3 || v.tl.Years[v.col] != 2022 {
		t.Fatalf("reports %v, picked year %d of %v", v.idxs, v.tl.Years[v.col], v.tl.Years)
	}
	screen := screenText(a)
	if !strings.Contains(screen, "≥8 → 3.8 ✗") || !strings.Contains(screen, "保定市 历年") {
		t.Errorf("the 2022 GDP cell:\n%s", screen)
	}
	if !strings.Contains(screen, "目标（2022年报告）：") || !strings.Contains(screen, "实绩（2023年报告）：") {
		t.Errorf("the picked cell's sentences are not shown:\n%s", screen)
	}
	// Enter: the target's sentence in the 2022 report; a: the actual's in the 2023 report
	c, _ := v.cell()
	press(a, "enter")
	r := reportOf(a)
	if r.rep.Year != 2022 || r.source != [2]int{c.Target.Start, c.Target.End} {
		t.Errorf("enter opened %d at %v", r.rep.Year, r.source)
	}
	press(a, "esc", "a")
	r = reportOf(a)
	if r.rep.Year != 2023 || r.source != [2]int{c.Actual.Start, c.Actual.End} {
		t.Errorf("a opened %d at %v", r.rep.Year, r.source)
	}
	press(a, "esc", "c")
	if screen := screenText(a); !strings.Contains(screen, "地区生产总值：目标与实绩") || !strings.Contains(screen, "█") {
		t.Errorf("the chart:\n%s", screen)
	}
}

func TestTimelineGolden(t *testing.T) {
	for _, lang := range []msg.Lang{msg.ZH, msg.EN} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			for _, sc := range []struct {
				name string
				keys []string
			}{{"timeline", []string{"T"}}, {"timeline-chart", []string{"T", "c"}}, {"timeline-scrolled", []string{"T", "l", "l", "j", "j"}}} {
				name := fmt.Sprintf("%s-%dx%d%s", sc.name, size[0], size[1], langSuffix(lang))
				t.Run(name, func(t *testing.T) {
					a := newAppOver(t, size[0], size[1], lang, baoding.Reports)
					press(a, sc.keys...)
					golden.RequireEqual(t, screenText(a))
				})
			}
		}
	}
}
