package tui

import (
	"cmp"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"baogao/match"
	"baogao/model"
	"baogao/msg"
)

var indicatorColumns = []msg.ID{"col.indicator", "col.kind", "col.value", "col.growth", "col.qualifier", "col.section"}

const (
	colName = iota
	colKind
	colValue
	colGrowth
)

// indicatorTable is the third screen: every figure and target of one report.
type indicatorTable struct {
	ses    *session
	keys   tableKeys
	idx    int
	rows   []model.Indicator
	cur    int
	off    int
	col    int
	sortBy int // -1: document order
	desc   bool
	input  textinput.Model // the reason of a flag
	typing bool
	w, h   int
}

func newIndicatorTable(ses *session, idx int) *indicatorTable {
	in := textinput.New()
	in.Prompt = ses.lang.T("indicators.flag-prompt")
	in.CharLimit = 200
	t := indicatorTable{ses: ses, keys: newTableKeys(ses.lang), idx: idx, sortBy: -1, input: in}
	t.rows = append(t.rows, ses.report(idx).Indicators...)
	return &t
}

func (t *indicatorTable) SetSize(w, h int) { t.w, t.h = w, h; t.clamp() }

func (t *indicatorTable) page() int { return max(1, t.h-2) }

func (t *indicatorTable) clamp() {
	t.cur, t.off = scrollTo(t.cur, t.off, len(t.rows), t.page())
}

func cells(l msg.Lang, in model.Indicator) []string {
	val, gr := "", ""
	if in.Value != nil {
		val = model.FormatNumber(*in.Value) + in.Unit
	}
	if in.Growth != nil {
		gr = model.FormatNumber(*in.Growth) + "%"
		if in.Stretch != nil {
			gr += "（" + model.FormatNumber(*in.Stretch) + "）"
		}
	}
	return []string{in.Name, model.KindLabel(l, in.Kind), val, gr, in.Qualifier, in.Section}
}

// resort orders the rows by the sorted column: names, qualifiers and sections by pinyin, values
// by size within the unit they count in (5亿元 above 500万元), growth by number; empty cells
// last whichever the direction.
func (t *indicatorTable) resort() {
	if t.sortBy < 0 {
		return
	}
	c := t.sortBy
	has := func(in model.Indicator) bool {
		switch c {
		case colValue:
			return in.Value != nil
		case colGrowth:
			return in.Growth != nil
		}
		return cells(t.ses.lang, in)[c] != ""
	}
	compare := func(x, y model.Indicator) int {
		switch c {
		case colValue:
			return model.CompareQuantities(*x.Value, x.Unit, *y.Value, y.Unit)
		case colGrowth:
			return cmp.Compare(*x.Growth, *y.Growth)
		case colKind:
			return cmp.Compare(x.Kind, y.Kind)
		}
		a, b := cells(t.ses.lang, x)[c], cells(t.ses.lang, y)[c]
		return match.CompareChinese(t.ses.sortKey(a), a, t.ses.sortKey(b), b)
	}
	slices.SortStableFunc(t.rows, func(x, y model.Indicator) int {
		if hx, hy := has(x), has(y); hx != hy {
			if hx {
				return -1
			}
			return 1
		}
		if !has(x) {
			return 0
		}
		if t.desc {
			return compare(y, x)
		}
		return compare(x, y)
	})
}

// jumpMsg opens report idx at the sentence [start, end); with term, a search for it goes on from
// there (n/N), as after a full-text search.
type jumpMsg struct {
	idx, start, end int
	term            string
}

func (t *indicatorTable) Update(msg tea.Msg) (Screen, tea.Cmd) {
	t.keys.enable(t)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if t.typing {
			switch msg.String() {
			case "enter":
				t.typing = false
				t.input.Blur()
				return t, t.ses.change(t.idx, "flag", model.TargetIndicator(t.rows[t.cur]), false, strings.TrimSpace(t.input.Value()))
			case "esc":
				t.typing = false
				t.input.Blur()
				return t, nil
			}
			var cmd tea.Cmd
			t.input, cmd = t.input.Update(msg)
			return t, cmd
		}
		if c, ok := t.keys.move(msg, t.cur, len(t.rows), t.page()); ok {
			t.cur = c
			t.clamp()
			return t, nil
		}
		switch {
		case key.Matches(msg, t.keys.Left):
			t.col = max(0, t.col-1)
		case key.Matches(msg, t.keys.Right):
			t.col = min(len(indicatorColumns)-1, t.col+1)
		case key.Matches(msg, t.keys.Sort):
			if t.sortBy == t.col {
				t.desc = !t.desc
			} else {
				t.sortBy, t.desc = t.col, false
			}
			t.resort()
		case key.Matches(msg, t.keys.Star):
			target := model.TargetIndicator(t.rows[t.cur])
			rv, _ := t.ses.reviewOf(t.idx)
			return t, t.ses.change(t.idx, "star", target, !rv.Starred(target), "")
		case key.Matches(msg, t.keys.Flag):
			rv, _ := t.ses.reviewOf(t.idx)
			f, _ := rv.FlagOf(model.TargetIndicator(t.rows[t.cur]))
			t.input.SetValue(f.Reason)
			t.input.CursorEnd()
			t.typing = true
			return t, t.input.Focus()
		case key.Matches(msg, t.keys.Jump):
			in := t.rows[t.cur]
			idx := t.idx
			return t, func() tea.Msg { return jumpMsg{idx: idx, start: in.Start, end: in.End} }
		}
	case tea.MouseWheelMsg:
		t.cur += wheel(msg)
		t.clamp()
	case clickMsg:
		if i := t.off + msg.y - 1; msg.y >= 1 && msg.y-1 < t.page() && i < len(t.rows) {
			t.cur = i
			t.clamp()
		}
	}
	return t, nil
}

// columnWidths fits the columns to w: each gets its widest cell, and the name and section columns
// give way first when the screen is narrow.
func columnWidths(m interface{ String(string) int }, header []string, rows [][]string, w int, shrink []int) []int {
	ws := make([]int, len(header))
	for i, h := range header {
		ws[i] = m.String(h) + 1
	}
	for _, r := range rows {
		for i, c := range r {
			ws[i] = max(ws[i], m.String(c))
		}
	}
	total := func() int {
		n := 0
		for _, x := range ws {
			n += x + 1
		}
		return n
	}
	for _, i := range shrink {
		if over := total() - w; over > 0 {
			least := 4
			if i == 0 {
				least = min(ws[i], 4*2+m.String("…")) // a name keeps its first four (wide) characters before numbers go
			}
			ws[i] = max(least, ws[i]-over)
		}
	}
	return ws
}

// visibleColumns picks the columns that fit in w: the name always, then the picked column and
// as many as fit around it, from the left, as visidata does. Columns left out are marked at the
// edges (‹ after the name, › at the right end).
func visibleColumns(ws []int, w, picked int) (cols []int, cutLeft, cutRight bool) {
	span := func(from, to int) int {
		n := ws[0] + 1
		for c := from; c <= to; c++ {
			n += ws[c] + 1
		}
		return n
	}
	first := 1
	for first < picked && span(first, picked)+2 > w {
		first++
	}
	last := max(first, picked)
	for last+1 < len(ws) && span(first, last+1)+2 <= w {
		last++
	}
	if span(first, len(ws)-1) <= w && first == 1 {
		last = len(ws) - 1 // everything fits: no room kept for markers
	}
	cols = append(cols, 0)
	for c := first; c <= last && c < len(ws); c++ {
		cols = append(cols, c)
	}
	return cols, first > 1, last < len(ws)-1
}

func (t *indicatorTable) View() string {
	st, m := t.ses.styles, t.ses.measure
	var all [][]string
	for _, in := range t.rows {
		all = append(all, cells(t.ses.lang, in))
	}
	var header []string
	for _, id := range indicatorColumns {
		header = append(header, t.ses.lang.T(id))
	}
	if t.sortBy >= 0 {
		arrow := "↑"
		if t.desc {
			arrow = "↓"
		}
		header[t.sortBy] += arrow
	}
	ws := columnWidths(m, header, all, t.w-2, []int{5, 0, 4})
	vis, cutLeft, cutRight := visibleColumns(ws, t.w-2, t.col)
	rv, _ := t.ses.reviewOf(t.idx)
	row := func(cs []string, in *model.Indicator, sel bool, isHeader bool) string {
		mark := " "
		if in != nil {
			target := model.TargetIndicator(*in)
			if _, ok := rv.FlagOf(target); ok {
				mark = "!"
			} else if rv.Starred(target) {
				mark = "*"
			}
		}
		ln := line{plain(" " + mark)}
		if sel {
			ln = line{{"›" + mark, st.Selected}}
		}
		for k, i := range vis {
			c := cs[i]
			s := st.Plain
			switch {
			case isHeader && i == t.col:
				s = st.Selected
			case isHeader:
				s = st.Header
			case sel:
				s = st.Selected
			case i == 1 && in != nil && in.Kind == model.Target:
				s = st.Target
			case i == 1:
				s = st.Actual
			}
			cell := m.PadRight(c, ws[i])
			if i == colValue || i == colGrowth {
				cell = m.PadLeft(c, ws[i]) // numbers line up on their last digit
			}
			ln = append(ln, seg{cell, s})
			sp := st.Plain
			if sel {
				sp = st.Selected
			}
			gap := " "
			if k == 0 && cutLeft {
				gap = " "
				if isHeader {
					gap = "‹"
				}
				gap += " "
			}
			if k < len(vis)-1 {
				ln = append(ln, seg{gap, sp})
			}
		}
		pad := st.Plain
		if sel {
			pad = st.Selected
		}
		if isHeader && cutRight {
			// the right edge says more columns are there: → shows them
			return ln.render(m, t.w-1, pad) + pad.Render("›")
		}
		return ln.render(m, t.w, pad)
	}
	var b strings.Builder
	b.WriteString(row(header, nil, false, true) + "\n")
	for r := 0; r < t.page(); r++ {
		i := t.off + r
		if i >= len(all) {
			b.WriteString(strings.Repeat(" ", t.w) + "\n")
			continue
		}
		b.WriteString(row(all[i], &t.rows[i], i == t.cur, false) + "\n")
	}
	rep := t.ses.peek(t.idx)
	status := line{{rep.Title + " · " + t.ses.lang.T("indicators.count", len(t.rows)), st.Status}}
	if len(t.rows) == 0 {
		status = line{{rep.Title + " · " + t.ses.lang.T("indicators.none"), st.Status}}
	} else if f, ok := rv.FlagOf(model.TargetIndicator(t.rows[t.cur])); ok {
		status = append(status, seg{"  " + t.ses.lang.T("indicators.flagged", oneLine(f.Reason)), st.Error})
	}
	if un := rep.Unread(); len(un) > 0 {
		// what the goals passage says that was not read: a user checks these by hand
		status = append(status, seg{"  " + t.ses.lang.T("indicators.unread", len(un), oneLine(strings.Join(un, "；"))), st.Error})
	}
	if t.typing {
		status = inputLine(t.input, st)
	}
	return b.String() + status.render(m, t.w, st.Plain)
}

func (t *indicatorTable) KeyMap() keyMap {
	k := t.keys
	k.enable(t)
	return keyMap{
		short: []key.Binding{k.Jump, k.Sort, k.Left, k.Right},
		full:  [][]key.Binding{k.bindings(), {k.Left, k.Right, k.Sort, k.Jump}, {k.Star, k.Flag}},
	}
}
