package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"baogao/model"
	"baogao/msg"
)

// timelineView is one region over the years: a row per indicator, a column per year, each cell
// the target set for the year beside the actual the next year's review gave for it, and whether
// it was met (model.Track has the pairing rule). c shows the picked indicator as a chart.
type timelineView struct {
	ses     *session
	keys    timelineKeys
	region  string
	idxs    []int // the region's reports, as indexes of the session
	tl      model.Timeline
	cur     int // row
	col     int // year
	off     int
	chart   bool
	w, h    int
	shownAt int // the report T was pressed on, for the title
}

// newTimeline gathers the reports of idx's region (by division code, else name and level).
func newTimeline(ses *session, idx int) *timelineView {
	key := model.RegionKey(ses.peek(idx))
	v := &timelineView{ses: ses, keys: newTimelineKeys(ses.lang), region: ses.regionLabel(idx), shownAt: idx}
	var reps []model.Report
	for i := range ses.reports {
		if i == idx || key != "" && model.RegionKey(ses.peek(i)) == key {
			v.idxs = append(v.idxs, i)
		}
	}
	// by year, so that of two copies of one year the one listed first is used
	for _, i := range v.idxs {
		reps = append(reps, *ses.report(i))
	}
	v.tl = model.Track(reps)
	// start at the latest year with a verdict, else the latest
	v.col = max(0, len(v.tl.Years)-1)
	for k := len(v.tl.Years) - 1; k >= 0; k-- {
		if v.hasVerdict(k) {
			v.col = k
			break
		}
	}
	return v
}

func (v *timelineView) hasVerdict(k int) bool {
	for _, r := range v.tl.Rows {
		if r.Cells[k].Verdict != model.VerdictNone {
			return true
		}
	}
	return false
}

func (v *timelineView) SetSize(w, h int) { v.w, v.h = w, h; v.clamp() }
func (v *timelineView) Typing() bool     { return false }
func (v *timelineView) Title() string {
	return v.ses.lang.T("title.timeline", v.region)
}

// page is the rows shown: the header above, two status lines below.
func (v *timelineView) page() int { return max(1, v.h-3) }

func (v *timelineView) clamp() {
	v.cur, v.off = scrollTo(v.cur, v.off, len(v.tl.Rows), v.page())
	v.col = max(0, min(v.col, len(v.tl.Years)-1))
}

func (v *timelineView) cell() (model.TrackCell, bool) {
	if v.cur >= len(v.tl.Rows) || v.col >= len(v.tl.Years) {
		return model.TrackCell{}, false
	}
	return v.tl.Rows[v.cur].Cells[v.col], true
}

func (v *timelineView) Update(msg tea.Msg) (Screen, tea.Cmd) {
	v.keys.enable(v)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if c, ok := v.keys.move(msg, v.cur, len(v.tl.Rows), v.page()); ok {
			v.cur = c
			v.clamp()
			return v, nil
		}
		switch {
		case key.Matches(msg, v.keys.Left):
			v.col = max(0, v.col-1)
		case key.Matches(msg, v.keys.Right):
			v.col = min(len(v.tl.Years)-1, v.col+1)
		case key.Matches(msg, v.keys.Chart):
			v.chart = !v.chart
		case key.Matches(msg, v.keys.Target):
			if c, ok := v.cell(); ok && c.Target != nil {
				return v, v.jump(c.TargetOf, *c.Target)
			}
		case key.Matches(msg, v.keys.Actual):
			if c, ok := v.cell(); ok && c.Actual != nil {
				return v, v.jump(c.ActualOf, *c.Actual)
			}
		}
	case tea.MouseWheelMsg:
		v.cur += wheel(msg)
		v.clamp()
	case clickMsg:
		if i := v.off + msg.y - 1; msg.y >= 1 && msg.y-1 < v.page() && i < len(v.tl.Rows) {
			v.cur = i
			v.clamp()
		}
	}
	return v, nil
}

// jump opens the report the figure comes from at its sentence.
func (v *timelineView) jump(of int, in model.Indicator) tea.Cmd {
	jm := jumpMsg{idx: v.idxs[of], start: in.Start, end: in.End}
	return func() tea.Msg { return jm }
}

func (v *timelineView) View() string {
	if v.chart {
		return v.chartView()
	}
	st, m := v.ses.styles, v.ses.measure
	l := v.ses.lang
	nameW := m.String(l.T("col.indicator"))
	for _, r := range v.tl.Rows {
		nameW = max(nameW, m.String(r.Name))
	}
	nameW = min(nameW, max(8, v.w/5))
	colW := make([]int, len(v.tl.Years))
	for k, y := range v.tl.Years {
		colW[k] = len(strconv.Itoa(y))
		for _, r := range v.tl.Rows {
			colW[k] = max(colW[k], m.String(r.Cells[k].Text()))
		}
		colW[k] = min(colW[k], 24)
	}
	// the picked year and as many before it as fit, then after it
	first := 0
	span := func(from, to int) int {
		n := 2 + nameW
		for k := from; k <= to; k++ {
			n += colW[k] + 2
		}
		return n
	}
	for first < v.col && span(first, v.col) > v.w-1 {
		first++
	}
	last := v.col
	for last+1 < len(colW) && span(first, last+1) <= v.w-1 {
		last++
	}
	if first == 0 && last == len(colW)-1 && span(0, last) > v.w {
		last-- // no room for the mark
	}
	cutRight := last < len(colW)-1
	row := func(name string, cells []string, marks []model.Verdict, sel, header bool) string {
		base := st.Plain
		switch {
		case header:
			base = st.Header
		case sel:
			base = st.Selected
		}
		mark := "  "
		if sel {
			mark = "› "
		}
		label := m.PadRight(m.Truncate(name, nameW, "…"), nameW)
		if header && first > 0 {
			label = m.PadRight(m.Truncate(name, nameW-1, "…"), nameW-1) + "‹"
		}
		ln := line{{mark + label, base}}
		for k := first; k <= last && k < len(cells); k++ {
			s := base
			switch {
			case header && k == v.col:
				s = st.Selected
			case sel && k == v.col:
				s = st.Title
			case !header && !sel && marks[k] == model.Met, !header && !sel && marks[k] == model.StretchMet:
				s = st.Target
			case !header && !sel && marks[k] == model.Missed:
				s = st.Error
			}
			ln = append(ln, seg{"  ", base}, seg{m.PadLeft(m.Truncate(cells[k], colW[k], "…"), colW[k]), s})
		}
		if header && cutRight {
			used := 0
			for _, sg := range ln {
				used += m.String(sg.text)
			}
			ln = append(ln, seg{strings.Repeat(" ", max(0, v.w-1-used)) + "›", base})
		}
		return ln.render(m, v.w, base)
	}
	var b strings.Builder
	heads := make([]string, len(v.tl.Years))
	for k, y := range v.tl.Years {
		heads[k] = strconv.Itoa(y)
	}
	b.WriteString(row(l.T("col.indicator"), heads, nil, false, true) + "\n")
	for r := 0; r < v.page(); r++ {
		i := v.off + r
		if i >= len(v.tl.Rows) {
			b.WriteString(strings.Repeat(" ", v.w) + "\n")
			continue
		}
		tr := v.tl.Rows[i]
		cells := make([]string, len(tr.Cells))
		marks := make([]model.Verdict, len(tr.Cells))
		for k, c := range tr.Cells {
			cells[k], marks[k] = c.Text(), c.Verdict
		}
		b.WriteString(row(tr.Name, cells, marks, i == v.cur, false) + "\n")
	}
	b.WriteString(v.status())
	return b.String()
}

// status is two lines about the picked cell: the target's sentence and the actual's, each with
// the report it is from; with nothing picked, the pairing rule.
func (v *timelineView) status() string {
	st, m, l := v.ses.styles, v.ses.measure, v.ses.lang
	c, ok := v.cell()
	if len(v.tl.Rows) == 0 {
		return line{{l.T("timeline.none"), st.Status}}.render(m, v.w, st.Plain) + "\n" + line{{l.T("track.rule"), st.Dim}}.render(m, v.w, st.Plain)
	}
	say := func(of int, in *model.Indicator, id, none msg.ID) line {
		if !ok || in == nil {
			return line{{l.T(none), st.Dim}}
		}
		r := v.ses.peek(v.idxs[of])
		return line{{l.T(id, year(r.Year)), st.Status}, {" " + oneLine(in.Text), st.Plain}}
	}
	top := say(c.TargetOf, c.Target, "timeline.target", "timeline.target-none")
	if ok && c.Verdict != model.VerdictNone {
		top = append(top, seg{"  " + verdictLabel(l, c.Verdict), st.Header})
	}
	return top.render(m, v.w, st.Plain) + "\n" + say(c.ActualOf, c.Actual, "timeline.actual", "timeline.actual-none").render(m, v.w, st.Plain)
}

// chartView shows the picked indicator across the years: the target's bar and the actual's side
// by side, growth rates scaled to the largest.
func (v *timelineView) chartView() string {
	st, m, l := v.ses.styles, v.ses.measure, v.ses.lang
	lines := []line{}
	if v.cur < len(v.tl.Rows) {
		tr := v.tl.Rows[v.cur]
		lines = append(lines, line{{"  " + l.T("timeline.chart-head", tr.Name), st.Header}})
		top := 0.0
		for _, c := range tr.Cells {
			for _, in := range []*model.Indicator{c.Target, c.Actual} {
				if in != nil && in.Growth != nil {
					top = max(top, abs(*in.Growth))
				}
			}
		}
		barW := max(4, v.w-24)
		labelW := max(m.String(l.T("kind.target")), m.String(l.T("kind.actual"))) + 1
		bar := func(in *model.Indicator, label string, style seg) line {
			ln := line{{"        " + m.PadRight(label, labelW), st.Dim}}
			if in == nil {
				return append(ln, seg{"·", st.Dim})
			}
			if in.Growth == nil || top == 0 {
				return append(ln, seg{in.Short(), st.Plain})
			}
			n := max(1, int(abs(*in.Growth)/top*float64(barW)+0.5))
			return append(ln, seg{strings.Repeat("█", n), style.style}, seg{" " + in.Short(), st.Plain})
		}
		for _, c := range tr.Cells {
			if c.Target == nil && c.Actual == nil {
				continue
			}
			lines = append(lines, line{{"  " + strconv.Itoa(c.Year) + "  " + model.VerdictMark(c.Verdict), st.Header}})
			lines = append(lines, bar(c.Target, l.T("kind.target"), seg{style: st.Bar}), bar(c.Actual, l.T("kind.actual"), seg{style: st.Target}))
		}
	}
	return block(lines, m, v.w, v.h-1, st.Plain) + "\n" + line{{l.T("timeline.chart-status"), st.Status}}.render(m, v.w, st.Plain)
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

func (v *timelineView) KeyMap() keyMap {
	k := v.keys
	return keyMap{
		short: []key.Binding{k.Target, k.Actual, k.Chart, k.Left, k.Right},
		full:  [][]key.Binding{k.bindings(), {k.Left, k.Right, k.Target, k.Actual, k.Chart}},
	}
}

// The timeline copies the picked cell as a row: region, year, indicator, target, actual, mark.
func (v *timelineView) copyText() (string, bool) {
	c, ok := v.cell()
	if !ok {
		return "", false
	}
	return strings.Join(v.csvRow(v.tl.Rows[v.cur].Name, c), "\t"), true
}

func (v *timelineView) csvRow(name string, c model.TrackCell) []string {
	t, a := "", ""
	if c.Target != nil {
		t = c.Target.Figure()
	}
	if c.Actual != nil {
		a = c.Actual.Figure()
	}
	return []string{v.region, strconv.Itoa(c.Year), name, t, a, verdictLabel(v.ses.lang, c.Verdict)}
}

// verdictLabel names a verdict in words ("" for none).
func verdictLabel(l msg.Lang, v model.Verdict) string {
	switch v {
	case model.Met:
		return l.T("verdict.met")
	case model.StretchMet:
		return l.T("verdict.stretch")
	case model.Missed:
		return l.T("verdict.missed")
	case model.Unjudged:
		return l.T("verdict.unjudged")
	}
	return ""
}

func (v *timelineView) csvView() (string, []string, [][]string) {
	l := v.ses.lang
	header := []string{l.T("col.region"), l.T("col.year"), l.T("col.indicator"), l.T("kind.target"), l.T("kind.actual"), l.T("col.verdict")}
	var rows [][]string
	for _, r := range v.tl.Rows {
		for _, c := range r.Cells {
			if c.Target != nil || c.Actual != nil {
				rows = append(rows, v.csvRow(r.Name, c))
			}
		}
	}
	return "baogao-timeline-" + safeFileName(v.region) + ".csv", header, rows
}

func (v *timelineView) current() (int, bool) { return v.shownAt, true }
