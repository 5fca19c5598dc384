package tui

import (
	"cmp"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"baogao/match"
	"baogao/model"
	"baogao/msg"
)

// hit is a report shown in the list and how well it matched.
type hit struct {
	idx            int
	score, penalty int
}

// sortMode is the list's order; s steps through them, and a second s on a column reverses it
// before the next column comes.
type sortMode int

const (
	sortDocument   sortMode = iota
	sortRegion              // by pinyin, A first; unknown regions last; then by year
	sortRegionDesc          // by pinyin, Z first; unknown regions still last
	sortYear                // newest first; unknown years last; then by region
	sortYearAsc             // oldest first
	sortModes
)

func (s sortMode) label(l msg.Lang) string {
	return l.T([...]msg.ID{"sort.file", "sort.region-asc", "sort.region-desc", "sort.year-desc", "sort.year-asc"}[s])
}

// arrow is what the sorted column's header shows.
func (s sortMode) arrow(region bool) string {
	switch {
	case region && s == sortRegion, !region && s == sortYearAsc:
		return "↑"
	case region && s == sortRegionDesc, !region && s == sortYear:
		return "↓"
	}
	return ""
}

// reportList is the first screen: every report, filtered and sorted.
type reportList struct {
	ses      *session
	keys     listKeys
	input    textinput.Model
	typing   bool // the filter input has focus
	complete bool // visible covers every report loaded (not only an earlier batch)
	visible  []hit
	last     match.Query // the query visible was computed for
	cursor   int
	offset   int
	sort     sortMode
	review   reviewFilter
	w, h     int
}

func newReportList(ses *session) *reportList {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = ses.lang.T("list.filter-placeholder")
	l := reportList{ses: ses, keys: newListKeys(ses.lang), input: in}
	l.refilter()
	return &l
}

// prepare unpacks the reports on screen (a packed load keeps their targets packed) for View.
func (l *reportList) prepare() {
	for r := l.offset; r < min(len(l.visible), l.offset+l.rows()); r++ {
		l.ses.report(l.visible[r].idx)
	}
}

func (l *reportList) SetSize(w, h int) {
	l.w, l.h = w, h
	l.input.SetWidth(max(1, w-4))
	l.clamp()
}

func (l *reportList) query() string { return strings.TrimSpace(l.input.Value()) }

// refilter recomputes the visible reports for the current query and sort, keeping the cursor on
// the same report when it is still visible.
func (l *reportList) refilter() {
	keep := -1
	if l.cursor < len(l.visible) {
		keep = l.visible[l.cursor].idx
	}
	q := l.query()
	pq := match.ParseQuery(q)
	// Typing narrows: search only what the shorter query matched.
	var pool []int
	if pq.Narrows(l.last) && !l.last.Empty() && len(l.visible) > 0 && l.complete {
		pool = make([]int, len(l.visible))
		for i, h := range l.visible {
			pool[i] = h.idx
		}
	}
	l.visible = matchAll(l.ses, pq, pool)
	l.last, l.complete = pq, true
	if l.review != showAll {
		kept := l.visible[:0]
		for _, h := range l.visible {
			if l.ses.passes(h.idx, l.review) {
				kept = append(kept, h)
			}
		}
		l.visible = kept
		l.complete = false // the next keystroke must search everything again
	}
	reps := l.ses.reports
	if l.sort != sortDocument {
		l.ses.regionKeys()
	}
	order := func(x, y hit) int {
		if q != "" && x.score != y.score {
			return cmp.Compare(y.score, x.score)
		}
		if q != "" && x.penalty != y.penalty {
			return cmp.Compare(x.penalty, y.penalty)
		}
		switch l.sort {
		case sortRegion, sortRegionDesc:
			if c := l.ses.compareRegions(x.idx, y.idx, l.sort == sortRegionDesc); c != 0 {
				return c
			}
			if c := compareYears(reps[x.idx].Year, reps[y.idx].Year, false); c != 0 {
				return c
			}
		case sortYear, sortYearAsc:
			if c := compareYears(reps[x.idx].Year, reps[y.idx].Year, l.sort == sortYear); c != 0 {
				return c
			}
			if c := l.ses.compareRegions(x.idx, y.idx, false); c != 0 {
				return c
			}
		}
		return cmp.Compare(x.idx, y.idx)
	}
	// The whole list in load order (no query, no sort) is the common case while a large corpus
	// loads: it is in order already.
	if !slices.IsSortedFunc(l.visible, order) {
		slices.SortFunc(l.visible, order) // idx breaks every tie: no need for a stable sort
	}
	l.cursor = 0
	for i, h := range l.visible {
		if h.idx == keep {
			l.cursor = i
		}
	}
	l.clamp()
}

// matchAll scores every report (or those in pool) against the query, on all cores when there
// are many.
func matchAll(ses *session, q match.Query, pool []int) []hit {
	n := len(ses.reports)
	if pool != nil {
		n = len(pool)
	}
	at := func(i int) int {
		if pool != nil {
			return pool[i]
		}
		return i
	}
	workers := 1
	if n >= 20000 {
		workers = runtime.GOMAXPROCS(0)
	}
	parts := make([][]hit, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			lo, hi := n*w/workers, n*(w+1)/workers
			out := make([]hit, 0, hi-lo)
			for i := lo; i < hi; i++ {
				idx := at(i)
				if score, pen, ok := ses.keys[idx].Score(q); ok {
					out = append(out, hit{idx: idx, score: score, penalty: pen})
				}
			}
			parts[w] = out
		}(w)
	}
	wg.Wait()
	var all []hit
	for _, p := range parts {
		all = append(all, p...)
	}
	return all
}

// positions returns which runes of a report's region and title the query matched, for the
// rows on screen only.
func (l *reportList) positions(idx int) (region, title map[int]bool) {
	q := l.query()
	if q == "" {
		return nil, nil
	}
	_, _, pos, ok := l.ses.keys[idx].Match(q)
	if !ok {
		return nil, nil
	}
	nr := len([]rune(l.ses.reports[idx].Region))
	region, title = map[int]bool{}, map[int]bool{}
	for _, p := range pos {
		if p < nr {
			region[p] = true
		} else if p > nr {
			title[p-nr-1] = true
		}
	}
	return region, title
}

// indexes returns the reports currently shown, in order (the targets comparison uses them).
func (l *reportList) indexes() []int {
	out := make([]int, len(l.visible))
	for i, h := range l.visible {
		out[i] = h.idx
	}
	return out
}

func (l *reportList) rows() int { return max(1, l.h-2) } // header and filter/count line

func (l *reportList) clamp() {
	l.cursor, l.offset = scrollTo(l.cursor, l.offset, len(l.visible), l.rows())
	l.offset = max(0, min(l.offset, len(l.visible)-l.rows()))
}

type openReportMsg struct {
	idx    int
	target bool // open at the targets
}

func (l *reportList) Update(msg tea.Msg) (Screen, tea.Cmd) {
	l.keys.enable(l)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if l.typing {
			switch msg.String() {
			case "enter":
				l.typing = false
				l.input.Blur()
				return l, nil
			case "esc":
				l.typing = false
				l.input.Blur()
				l.input.SetValue("")
				l.refilter()
				return l, nil
			}
			before := l.input.Value()
			var cmd tea.Cmd
			l.input, cmd = l.input.Update(msg)
			if l.input.Value() != before {
				l.refilter()
			}
			return l, cmd
		}
		if c, ok := l.keys.move(msg, l.cursor, len(l.visible), l.rows()); ok {
			l.cursor = c
			l.clamp()
			return l, nil
		}
		switch {
		case key.Matches(msg, l.keys.Filter):
			l.typing = true
			return l, l.input.Focus()
		case key.Matches(msg, l.keys.Clear):
			l.input.SetValue("")
			l.refilter()
		case key.Matches(msg, l.keys.Open):
			idx := l.visible[l.cursor].idx
			return l, push(newReportView(l.ses, idx))
		case key.Matches(msg, l.keys.FullText):
			return l, push(newSearchView(l.ses))
		case key.Matches(msg, l.keys.Timeline):
			return l, push(newTimeline(l.ses, l.visible[l.cursor].idx))
		case key.Matches(msg, l.keys.Sort):
			l.sort = (l.sort + 1) % sortModes
			l.refilter()
		case key.Matches(msg, l.keys.Targets):
			return l, push(newTargetsView(l.ses, l.indexes()))
		case key.Matches(msg, l.keys.Errors):
			return l, push(newErrorsView(l.ses))
		case key.Matches(msg, l.keys.ReviewFilter):
			l.review = (l.review + 1) % 5
			l.complete = false
			l.refilter()
		case key.Matches(msg, l.keys.Reviewed):
			idx := l.visible[l.cursor].idx
			rv, _ := l.ses.reviewOf(idx)
			return l, l.ses.change(idx, "reviewed", "", rv == nil || !rv.Reviewed, "")
		case key.Matches(msg, l.keys.Star):
			idx := l.visible[l.cursor].idx
			rv, _ := l.ses.reviewOf(idx)
			return l, l.ses.change(idx, "star", model.TargetReport, !rv.Starred(model.TargetReport), "")
		case key.Matches(msg, l.keys.Note):
			idx := l.visible[l.cursor].idx
			return l, push(newNoteEditor(l.ses, idx, model.TargetReport, l.ses.reports[idx].Title))
		}
	case tea.MouseWheelMsg:
		l.cursor += wheel(msg)
		l.clamp()
	case clickMsg:
		// a click selects a row; a click on the selected row opens it
		if i := l.offset + msg.y - 1; msg.y >= 1 && msg.y-1 < l.rows() && i < len(l.visible) {
			if i == l.cursor {
				return l, push(newReportView(l.ses, l.visible[i].idx))
			}
			l.cursor = i
			l.clamp()
		}
	}
	return l, nil
}

func (l *reportList) View() string {
	st, m := l.ses.styles, l.ses.measure
	lang := l.ses.lang
	regionHead, yearHead := lang.T("col.region")+l.sort.arrow(true), lang.T("col.year")+l.sort.arrow(false)
	levelHead, countHead := lang.T("col.level"), lang.T("col.targets")
	regionW, yearW := m.String(regionHead), max(4, m.String(yearHead))
	levelW, countW := max(4, m.String(levelHead)), max(4, m.String(countHead)) // a header is never cut
	widths := l.ses.widths
	for _, h := range l.visible {
		regionW = max(regionW, widths[h.idx])
	}
	regionW = min(regionW, max(4, l.w/4))
	cols := func(mark, region, level, year, n string) []string {
		return []string{mark, m.PadRight(region, regionW), m.PadRight(level, levelW), m.PadRight(year, yearW), m.PadLeft(n, countW)}
	}
	var b strings.Builder
	head := line{plain(strings.Join(cols("     ", regionHead, levelHead, yearHead, countHead), " ") + " " + lang.T("col.title"))}
	for i := range head {
		head[i].style = st.Header
	}
	b.WriteString(head.render(m, l.w, st.Plain) + "\n")
	rows := l.rows()
	for r := 0; r < rows; r++ {
		i := l.offset + r
		if i >= len(l.visible) {
			b.WriteString(strings.Repeat(" ", l.w) + "\n")
			continue
		}
		h := l.visible[i]
		rep := l.ses.peek(h.idx)
		base, pad := st.Plain, st.Plain
		mark := " "
		if i == l.cursor {
			base, pad, mark = st.Selected, st.Selected, "›"
		}
		hl := st.Match.Inherit(base)
		rpos, tpos := l.positions(h.idx)
		region := m.Truncate(l.ses.regionLabel(h.idx), regionW, "…")
		c := cols(mark, "", rep.Level, year(rep.Year), strconv.Itoa(len(rep.Targets())))
		ln := line{{c[0] + l.ses.marks(h.idx) + " ", base}}
		ln = append(ln, highlight(region, rpos, base, hl)...)
		ln = append(ln, seg{strings.Repeat(" ", regionW-m.String(region)) + " " + strings.Join(c[2:], " ") + " ", base})
		ln = append(ln, highlight(rep.Title, tpos, base, hl)...)
		b.WriteString(ln.render(m, l.w, pad) + "\n")
	}
	// bottom line: the filter input or the count
	var bottom line
	reviewed := l.ses.reviewedCount()
	count := lang.T("list.count", len(l.visible), len(l.ses.reports), reviewed, len(l.ses.reports))
	if l.ses.loading {
		// while files are read the counts are of reports so far: say so, beside the files' progress
		count = lang.T("list.count-loading", len(l.visible), len(l.ses.reports), reviewed)
	}
	if l.review != showAll {
		count += "  " + lang.T("list.showing", l.review.label(lang))
	}
	switch {
	case l.typing:
		bottom = inputLine(l.input, st)
		bottom = append(bottom, seg{"  " + count, st.Status})
		return b.String() + bottom.render(m, l.w, st.Plain)
	case l.query() != "":
		bottom = line{{"/" + l.query() + "  ", st.Match}, {count + "  " + lang.T("list.sorted", l.sort.label(lang)), st.Status}}
	default:
		bottom = line{{count + "  " + lang.T("list.sorted", l.sort.label(lang)), st.Status}}
	}
	if l.cursor < len(l.visible) && !l.typing {
		// which file the row is: a GBK copy and its original have the same title
		rep := l.ses.peek(l.visible[l.cursor].idx)
		bottom = append(bottom, seg{"  " + model.SafeName(filepath.Base(rep.Source)) + partLabel(rep), st.Status})
	}
	return b.String() + bottom.render(m, l.w, st.Plain)
}

// compareYears orders two years, a report without one (0) last either way.
func compareYears(a, b int, desc bool) int {
	switch {
	case a == b:
		return 0
	case a == 0:
		return 1
	case b == 0:
		return -1
	case desc:
		return cmp.Compare(b, a)
	}
	return cmp.Compare(a, b)
}

// partLabel names the part of a bundle: "#2" for the second report in its file.
func partLabel(r *model.Report) string {
	if r.Part > 1 {
		return "#" + strconv.Itoa(r.Part)
	}
	return ""
}

func (s *session) regionLabel(i int) string { return s.reports[i].RegionLabel(s.lang) }

// inputLine draws a text input ourselves (prompt, text, a reverse-video cursor) so that its width
// is measured like everything else; the bubbles input keeps the editing behaviour.
func inputLine(in textinput.Model, st Styles) line {
	rs := []rune(in.Value())
	p := min(in.Position(), len(rs))
	cur := " "
	after := ""
	if p < len(rs) {
		cur, after = string(rs[p]), string(rs[p+1:])
	}
	return line{{in.Prompt, st.Match}, plain(string(rs[:p])), {cur, st.Selected.Reverse(true)}, plain(after)}
}

func year(y int) string {
	if y == 0 {
		return "?"
	}
	return strconv.Itoa(y)
}

func (l *reportList) KeyMap() keyMap {
	k := l.keys
	k.enable(l)
	return keyMap{
		short: []key.Binding{k.Filter, k.Open, k.Reviewed, k.Targets},
		full:  [][]key.Binding{k.bindings(), {k.Filter, k.Clear, k.Open, k.Sort, k.Targets, k.Timeline, k.FullText, k.Errors}, {k.Reviewed, k.Star, k.Note, k.ReviewFilter}},
	}
}
