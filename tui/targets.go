package tui

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"baogao/model"
	"baogao/msg"
)

// targetsView is the fourth screen: one row per report of the current filter, one column per key
// target; a column can be seen as a bar chart across the reports.
type targetsView struct {
	ses    *session
	keys   targetsKeys
	idxs   []int
	cells  [][]*model.Indicator // [row][column]
	cur    int
	off    int
	col    int
	chart  bool
	sortBy int // -1: the list's order
	desc   bool
	w, h   int
}

func newTargetsView(ses *session, idxs []int) *targetsView {
	v := targetsView{ses: ses, keys: newTargetsKeys(ses.lang), idxs: idxs, sortBy: -1}
	for _, i := range idxs {
		row := make([]*model.Indicator, len(model.KeyTargets))
		for _, in := range ses.report(i).Targets() {
			for c, name := range model.KeyTargets {
				if in.Name == name && row[c] == nil {
					in := in
					row[c] = &in
				}
			}
		}
		v.cells = append(v.cells, row)
	}
	return &v
}

func (v *targetsView) SetSize(w, h int) { v.w, v.h = w, h; v.clamp() }

func (v *targetsView) page() int { return max(1, v.h-2) }

func (v *targetsView) clamp() {
	v.cur, v.off = scrollTo(v.cur, v.off, len(v.idxs), v.page())
}

func (v *targetsView) Update(msg tea.Msg) (Screen, tea.Cmd) {
	v.keys.enable(v)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if c, ok := v.keys.move(msg, v.cur, len(v.idxs), v.page()); ok {
			v.cur = c
			v.clamp()
			return v, nil
		}
		switch {
		case key.Matches(msg, v.keys.Left):
			v.col = max(0, v.col-1)
		case key.Matches(msg, v.keys.Right):
			v.col = min(len(model.KeyTargets)-1, v.col+1)
		case key.Matches(msg, v.keys.Sort):
			if v.sortBy == v.col {
				v.desc = !v.desc
			} else {
				v.sortBy, v.desc = v.col, false
			}
			v.resort()
		case key.Matches(msg, v.keys.Chart):
			v.chart = !v.chart
		case key.Matches(msg, v.keys.Open):
			idx := v.idxs[v.cur]
			if in := v.cells[v.cur][v.col]; in != nil {
				// the picked column's sentence, not the report's first target
				jm := jumpMsg{idx: idx, start: in.Start, end: in.End}
				return v, func() tea.Msg { return jm }
			}
			return v, func() tea.Msg { return openReportMsg{idx: idx, target: true} }
		}
	case tea.MouseWheelMsg:
		v.cur += wheel(msg)
		v.clamp()
	case clickMsg:
		// the table and the chart both have one line above their rows
		if i := v.off + msg.y - 1; msg.y >= 1 && msg.y-1 < v.page() && i < len(v.idxs) {
			v.cur = i
			v.clamp()
		}
	}
	return v, nil
}

// resort orders the rows by the sorted column: targets given as growth by growth, then those
// given only as a level by size in their unit, reports without the target last whichever the
// direction. The table and the chart show the same order.
func (v *targetsView) resort() {
	c := v.sortBy
	group := func(in *model.Indicator) int {
		switch {
		case in == nil || in.Growth == nil && in.Value == nil:
			return 2
		case in.Growth != nil:
			return 0
		}
		return 1
	}
	rows := make([]int, len(v.idxs))
	for i := range rows {
		rows[i] = i
	}
	slices.SortStableFunc(rows, func(i, j int) int {
		x, y := v.cells[i][c], v.cells[j][c]
		gx, gy := group(x), group(y)
		if gx != gy || gx == 2 {
			return cmp.Compare(gx, gy)
		}
		r := 0
		if gx == 0 {
			r = cmp.Compare(*x.Growth, *y.Growth)
		} else {
			r = model.CompareQuantities(*x.Value, x.Unit, *y.Value, y.Unit)
		}
		if v.desc {
			return -r
		}
		return r
	})
	cur := -1
	if v.cur < len(v.idxs) {
		cur = v.idxs[v.cur]
	}
	idxs, cells := make([]int, len(rows)), make([][]*model.Indicator, len(rows))
	for k, i := range rows {
		idxs[k], cells[k] = v.idxs[i], v.cells[i]
		if v.idxs[i] == cur {
			v.cur = k // the cursor stays on its report
		}
	}
	v.idxs, v.cells = idxs, cells
	v.clamp()
}

// arrow is what the header of column c shows of the order.
func (v *targetsView) arrow(c int) string {
	switch {
	case c != v.sortBy:
		return ""
	case v.desc:
		return "↓"
	}
	return "↑"
}

func (v *targetsView) label(i int) string {
	r := v.ses.reports[v.idxs[i]]
	return r.RegionLabel(v.ses.lang) + " " + year(r.Year)
}

// short names for the columns, so seven fit in 80 cells
var targetHeads = []msg.ID{"head.gdp", "head.industry", "head.investment", "head.retail", "head.trade", "head.revenue", "head.income"}

func (v *targetsView) View() string {
	if v.chart {
		return v.chartView()
	}
	st, m := v.ses.styles, v.ses.measure
	regionHead := v.ses.lang.T("col.region")
	labelW := m.String(regionHead)
	for i := range v.idxs {
		labelW = max(labelW, m.String(v.label(i)))
	}
	labelW = min(labelW, max(6, v.w/4))
	// columns from the selected one leftwards as far as they fit
	heads := make([]string, len(targetHeads))
	for c, h := range targetHeads {
		heads[c] = v.ses.lang.T(h) + v.arrow(c)
	}
	colW := make([]int, len(targetHeads))
	for c, h := range heads {
		colW[c] = m.String(h)
		for _, row := range v.cells {
			if row[c] != nil {
				colW[c] = max(colW[c], m.String(row[c].Short()))
			}
		}
		colW[c] = min(colW[c], 14)
	}
	first := 0
	fits := func(from int) bool {
		n := labelW + 2
		for c := from; c <= v.col; c++ {
			n += colW[c] + 2
		}
		return n <= v.w
	}
	for first < v.col && !fits(first) {
		first++
	}
	row := func(label string, cs []string, sel bool, header bool) string {
		base := st.Plain
		if sel {
			base = st.Selected
		}
		if header {
			base = st.Header
		}
		mark := "  "
		if sel {
			mark = "› "
		}
		ln := line{{mark + m.PadRight(label, labelW), base}}
		used := 2 + labelW
		if first > 0 && header {
			// columns left out on the left, and on the right below: marked at the edges
			ln[0].text = mark + m.PadRight(m.Truncate(label, labelW-1, "…"), labelW-1) + "‹"
		}
		room, need := v.w, 2+labelW // a cell is kept for › only when columns are left out
		for c := first; c < len(cs); c++ {
			need += colW[c] + 2
		}
		if need > v.w {
			room = v.w - 1
		}
		for c := first; c < len(cs); c++ {
			if used+colW[c]+2 > room {
				if header {
					ln = append(ln, seg{strings.Repeat(" ", max(0, v.w-1-used)) + "›", base})
				}
				break
			}
			s := base
			if c == v.col && !sel {
				s = st.Title
			}
			ln = append(ln, seg{"  " + m.PadLeft(cs[c], colW[c]), s})
			used += colW[c] + 2
		}
		return ln.render(m, v.w, base)
	}
	var b strings.Builder
	b.WriteString(row(regionHead, heads, false, true) + "\n")
	for r := 0; r < v.page(); r++ {
		i := v.off + r
		if i >= len(v.idxs) {
			b.WriteString(strings.Repeat(" ", v.w) + "\n")
			continue
		}
		cs := make([]string, len(targetHeads))
		for c, in := range v.cells[i] {
			cs[c] = "·"
			if in != nil {
				cs[c] = in.Short()
			}
		}
		b.WriteString(row(v.label(i), cs, i == v.cur, false) + "\n")
	}
	status := line{{v.ses.lang.T("targets.status", model.KeyTargets[v.col], len(v.idxs)), st.Status}}
	return b.String() + status.render(m, v.w, st.Plain)
}

// chartView draws the selected column as horizontal bars: growth where a report gives growth,
// else nothing to compare, shown as "—".
func (v *targetsView) chartView() string {
	st, m := v.ses.styles, v.ses.measure
	labelW := 0
	for i := range v.idxs {
		labelW = min(max(labelW, m.String(v.label(i))), max(6, v.w/4))
	}
	maxV := 0.0
	for _, row := range v.cells {
		if in := row[v.col]; in != nil && in.Growth != nil {
			maxV = math.Max(maxV, math.Abs(*in.Growth))
		}
	}
	valW := 12
	barW := max(1, v.w-labelW-valW-5)
	var b strings.Builder
	head := line{{"  " + v.ses.lang.T("targets.chart-head", model.KeyTargets[v.col]) + v.arrow(v.col), st.Header}}
	b.WriteString(head.render(m, v.w, st.Plain) + "\n")
	for r := 0; r < v.page(); r++ {
		i := v.off + r
		if i >= len(v.idxs) {
			b.WriteString(strings.Repeat(" ", v.w) + "\n")
			continue
		}
		base := st.Plain
		mark := "  "
		if i == v.cur {
			base, mark = st.Selected, "› "
		}
		ln := line{{mark + m.PadRight(v.label(i), labelW) + " ", base}}
		in := v.cells[i][v.col]
		if in == nil || in.Growth == nil || maxV == 0 {
			txt := "—"
			if in != nil {
				txt = in.Short()
			}
			ln = append(ln, seg{txt, st.Dim})
		} else {
			// barW is in cells; █ takes two of them under --east-asian-width
			n := int(math.Round(math.Abs(*in.Growth) / maxV * float64(barW/max(1, m.Rune('█')))))
			ln = append(ln, seg{strings.Repeat("█", max(1, n)), st.Bar}, seg{" " + in.Short(), base})
		}
		b.WriteString(ln.render(m, v.w, base) + "\n")
	}
	status := line{{v.ses.lang.T("targets.chart-status", len(v.idxs)), st.Status}}
	return b.String() + status.render(m, v.w, st.Plain)
}

func (v *targetsView) KeyMap() keyMap {
	k := v.keys
	k.enable(v)
	return keyMap{
		short: []key.Binding{k.Sort, k.Chart, k.Open}, // ←/→ are named in the status line
		full:  [][]key.Binding{k.bindings(), {k.Left, k.Right, k.Sort, k.Chart, k.Open}},
	}
}
