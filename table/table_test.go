package table

import (
	"strings"
	"testing"

	"baogao/tui/width"
)

func TestRender(t *testing.T) {
	tb := Table{
		Columns: []Column{{Head: "地区"}, {Head: "目标", Right: true}, {Head: "指标", Max: 6, Min: 4}, {Head: "原文", Min: 6, Drop: true}},
		Rows: [][]string{
			{"长安镇", "5", "地区生产总值", "地区生产总值增长6.5%"},
			{"临淄区", "12", "固投", "固定资产投资增长10%以上"},
		},
		GiveWay: []int{3, 2},
	}
	for _, c := range []struct {
		name string
		m    width.Measure
		w    int
		want string
	}{
		{"not a terminal", width.Narrow(), 0,
			"地区    目标  指标    原文\n" +
				"长安镇     5  地区…   地区生产总值增长6.5%\n" +
				"临淄区    12  固投    固定资产投资增长10%以上\n"},
		{"source cut to fit", width.Narrow(), 36,
			"地区    目标  指标    原文\n" +
				"长安镇     5  地区…   地区生产总值…\n" +
				"临淄区    12  固投    固定资产投资…\n"},
		{"source dropped, name squeezed", width.Narrow(), 22,
			"地区    目标  指标\n" +
				"长安镇     5  地区…\n" +
				"临淄区    12  固投\n"},
	} {
		got := tb.Render(c.m, c.w, false)
		if got != c.want {
			t.Errorf("%s:\n got\n%s want\n%s", c.name, got, c.want)
		}
		for _, ln := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
			if c.w > 0 && c.m.String(ln) > c.w {
				t.Errorf("%s: line %q wider than %d", c.name, ln, c.w)
			}
		}
	}
	// ambiguous-width text is measured the way the terminal draws it
	ea := Table{Columns: []Column{{Head: "名"}, {Head: "值"}}, Rows: [][]string{{"“A”", "1"}, {"B", "2"}}}
	if got := ea.Render(width.NewMeasure(true), 0, false); !strings.HasPrefix(strings.Split(got, "\n")[2], "B      2") {
		t.Errorf("east-asian width not used:\n%s", got)
	}
}
