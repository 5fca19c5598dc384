package tui

import (
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"baogao/model"
	"baogao/search"
)

// searchView searches the full text of every report (F, ctrl+f): every term in one sentence.
// Results come in as they are found, one row per report (region, year, how many sentences, the
// first with the match shown); a keystroke starts a new search and stops the one running; c
// charts the hits per year across the corpus.
type searchView struct {
	ses     *session
	keys    searchKeys
	input   textinput.Model
	typing  bool
	query   search.Query
	gen     *atomic.Int64 // the search running; an older one stops at its next chunk
	running bool
	rows    []hitRow
	hits    int
	cur     int
	off     int
	chart   bool
	w, h    int
}

// hitRow is one report's hits.
type hitRow struct {
	idx   int
	count int
	// the first sentence holding the query, and its first term's place in it (bytes)
	sentence   string
	hitLo      int
	hitHi      int
	start, end int // that match in the report's text, in runes (where Enter opens it)
}

// searchMsg carries results of search gen; done says it has ended.
type searchMsg struct {
	gen  int64
	rows []hitRow
	done bool
	next tea.Cmd
}

func newSearchView(ses *session) *searchView {
	in := textinput.New()
	in.Prompt = ses.lang.T("search.prompt")
	in.Placeholder = ses.lang.T("search.placeholder")
	in.CharLimit = 200
	v := &searchView{ses: ses, keys: newSearchKeys(ses.lang), input: in, typing: true, gen: &atomic.Int64{}}
	return v
}

func (v *searchView) start() tea.Cmd { return v.input.Focus() }

func (v *searchView) SetSize(w, h int) { v.w, v.h = w, h; v.clamp() }
func (v *searchView) Typing() bool     { return v.typing }
func (v *searchView) Title() string    { return v.ses.lang.T("title.search") }
func (v *searchView) page() int        { return max(1, v.h-2) }

func (v *searchView) clamp() { v.cur, v.off = scrollTo(v.cur, v.off, len(v.rows), v.page()) }

// text is what a scan reads of each report: taken on the UI goroutine when a search starts, so
// the scan never reads the session, which the loading goes on appending to.
type text struct {
	body, hash, source string
	chars, part        int
}

// run starts a search for q over every report loaded so far, and stops the one before.
func (v *searchView) run(q search.Query) tea.Cmd {
	gen := v.gen.Add(1)
	v.query, v.rows, v.hits, v.cur, v.off = q, nil, 0, 0, 0
	v.running = !q.Empty()
	if q.Empty() {
		return nil
	}
	texts := make([]text, len(v.ses.reports))
	for i := range v.ses.reports {
		r := &v.ses.reports[i]
		body := r.Body
		if b, ok := v.ses.bodies[i]; ok && body == "" {
			body = b
		}
		texts[i] = text{body, r.Hash, r.Source, r.Chars, r.Part}
	}
	bodies, read, live := v.ses.fullText, v.ses.readBody, v.gen
	out := make(chan []hitRow, 16)
	quit := make(chan struct{})
	go func() {
		defer close(out)
		get := func(i int) (string, bool) {
			t := &texts[i]
			if t.body != "" || t.chars == 0 {
				return t.body, true
			}
			if s, ok := bodies.Get(t.hash); ok {
				return s, true
			}
			if read == nil {
				return "", false
			}
			s, err := read(&model.Report{Source: t.source, Part: t.part, Hash: t.hash})
			if err != nil {
				return "", false
			}
			bodies.Put(t.hash, s) // for the next search
			return s, true
		}
		q.Scan(len(texts), runtime.GOMAXPROCS(0), get, func() bool { return live.Load() != gen }, func(rs []search.Result) {
			var rows []hitRow
			for _, r := range rs {
				body, _ := get(r.Index)
				h := r.First
				rows = append(rows, hitRow{idx: r.Index, count: r.Count, sentence: body[h.SentStart:h.SentEnd], hitLo: h.Start - h.SentStart, hitHi: h.End - h.SentStart,
					start: search.Runes(body, h.Start), end: search.Runes(body, h.End)})
			}
			select {
			case out <- rows:
			case <-quit:
			}
		})
		bodies.Flush()
	}()
	var wait tea.Cmd
	wait = func() tea.Msg {
		rows, ok := <-out
		if !ok {
			return searchMsg{gen: gen, done: true}
		}
		if live.Load() != gen {
			close(quit) // nobody reads this search any more: let its workers end
			for range out {
			}
			return searchMsg{gen: gen, done: true}
		}
		return searchMsg{gen: gen, rows: rows, next: wait}
	}
	return wait
}

func (v *searchView) Update(msg tea.Msg) (Screen, tea.Cmd) {
	v.keys.enable(v)
	switch msg := msg.(type) {
	case searchMsg:
		if msg.gen != v.gen.Load() {
			return v, msg.next // an older search: let it drain
		}
		if msg.done {
			v.running = false
			return v, nil
		}
		v.rows = append(v.rows, msg.rows...)
		for _, r := range msg.rows {
			v.hits += r.count
		}
		// in the list's order, as they come
		slices.SortFunc(v.rows, func(a, b hitRow) int { return a.idx - b.idx })
		v.clamp()
		return v, msg.next
	case tea.KeyPressMsg:
		if v.typing {
			switch msg.String() {
			case "enter":
				v.typing = false
				v.input.Blur()
				return v, nil
			case "esc":
				v.typing = false
				v.input.Blur()
				return v, nil
			}
			before := v.input.Value()
			var cmd tea.Cmd
			v.input, cmd = v.input.Update(msg)
			if v.input.Value() != before {
				return v, tea.Batch(cmd, v.run(search.Parse(v.input.Value())))
			}
			return v, cmd
		}
		if c, ok := v.keys.move(msg, v.cur, len(v.rows), v.page()); ok {
			v.cur = c
			v.clamp()
			return v, nil
		}
		switch {
		case key.Matches(msg, v.keys.Edit):
			v.typing = true
			return v, v.input.Focus()
		case key.Matches(msg, v.keys.Open):
			r := v.rows[v.cur]
			jm := jumpMsg{idx: r.idx, start: r.start, end: r.end, term: v.query.Terms[0]}
			return v, func() tea.Msg { return jm }
		case key.Matches(msg, v.keys.Chart):
			v.chart = !v.chart
		}
	case tea.MouseWheelMsg:
		v.cur += wheel(msg)
		v.clamp()
	case clickMsg:
		if i := v.off + msg.y; msg.y < v.page() && i < len(v.rows) {
			v.cur = i
			v.clamp()
		}
	}
	return v, nil
}

func (v *searchView) View() string {
	if v.chart {
		return v.chartView()
	}
	st, m, l := v.ses.styles, v.ses.measure, v.ses.lang
	var b strings.Builder
	labelW := 0
	for _, r := range v.rows {
		labelW = max(labelW, m.String(v.label(r.idx)))
	}
	labelW = min(labelW, max(8, v.w/4))
	for k := 0; k < v.page(); k++ {
		i := v.off + k
		if i >= len(v.rows) {
			if i == 0 && !v.running && !v.query.Empty() {
				b.WriteString(line{{"  " + l.T("search.none"), st.Dim}}.render(m, v.w, st.Plain) + "\n")
			} else {
				b.WriteString(strings.Repeat(" ", v.w) + "\n")
			}
			continue
		}
		r := v.rows[i]
		base := st.Plain
		mark := "  "
		if i == v.cur {
			base, mark = st.Selected, "› "
		}
		s := oneLine(r.sentence[:r.hitLo])
		hit := r.sentence[r.hitLo:r.hitHi]
		after := oneLine(r.sentence[r.hitHi:])
		// the hit stays in view: a long lead is cut from its start
		room := v.w - 2 - labelW - 8
		if lead := m.String(s); lead > room/3 && room > 12 {
			rs := []rune(s)
			for len(rs) > 0 && m.String(string(rs)) > room/3 {
				rs = rs[1:]
			}
			s = "…" + string(rs)
		}
		ln := line{{mark + m.PadRight(m.Truncate(v.label(r.idx), labelW, "…"), labelW), base},
			{" " + m.PadLeft(l.T("search.count", r.count), 6) + " ", base},
			{s, base}, {hit, st.Match}, {after, base}}
		b.WriteString(ln.render(m, v.w, base) + "\n")
	}
	var status line
	if v.typing {
		status = inputLine(v.input, st)
	} else {
		status = line{{v.input.Prompt + v.input.Value(), st.Match}}
	}
	state := l.T("search.status", len(v.rows), v.hits, len(v.ses.reports))
	if v.running {
		state += " " + l.T("search.running")
	}
	status = append(status, seg{"  " + state, st.Status})
	b.WriteString(status.render(m, v.w, st.Plain))
	return b.String()
}

func (v *searchView) label(idx int) string {
	r := v.ses.peek(idx)
	return v.ses.regionLabel(idx) + " " + year(r.Year)
}

// yearCounts is the trend of the current search: for each year of the corpus, its reports, the
// reports with a hit, and the hits.
func (v *searchView) yearCounts() (years []int, reports, with, hits map[int]int) {
	reports, with, hits = map[int]int{}, map[int]int{}, map[int]int{}
	for i := range v.ses.reports {
		y := v.ses.reports[i].Year
		if reports[y] == 0 {
			years = append(years, y)
		}
		reports[y]++
	}
	for _, r := range v.rows {
		y := v.ses.reports[r.idx].Year
		with[y]++
		hits[y] += r.count
	}
	slices.Sort(years)
	return years, reports, with, hits
}

// chartView: hits per year across the corpus, as the count and per report, so that years with
// more reports do not look as if they spoke of it more.
func (v *searchView) chartView() string {
	st, m, l := v.ses.styles, v.ses.measure, v.ses.lang
	years, reports, with, hits := v.yearCounts()
	top := 0.0
	for _, y := range years {
		top = max(top, float64(hits[y])/float64(reports[y]))
	}
	lines := []line{{{"  " + l.T("search.chart-head", strings.Join(v.query.Terms, " ")), st.Header}}}
	barW := max(4, v.w-40)
	for _, y := range years {
		per := float64(hits[y]) / float64(reports[y])
		n := 0
		if top > 0 {
			n = int(per/top*float64(barW) + 0.5)
			if per > 0 {
				n = max(1, n)
			}
		}
		label := year(y)
		lines = append(lines, line{{"  " + m.PadLeft(label, 4) + " ", st.Plain}, {strings.Repeat("█", n), st.Bar},
			{" " + l.T("search.chart-row", strconv.FormatFloat(per, 'f', 2, 64), hits[y], with[y], reports[y]), st.Dim}})
	}
	return block(lines, m, v.w, v.h-1, st.Plain) + "\n" + line{{l.T("search.chart-status"), st.Status}}.render(m, v.w, st.Plain)
}

func (v *searchView) KeyMap() keyMap {
	k := v.keys
	return keyMap{
		short: []key.Binding{k.Open, k.Edit, k.Chart},
		full:  [][]key.Binding{k.bindings(), {k.Open, k.Edit, k.Chart}},
	}
}

func (v *searchView) modeFooter() string { return v.ses.lang.T("footer.fulltext") }

func (v *searchView) copyText() (string, bool) {
	if v.cur >= len(v.rows) {
		return "", false
	}
	return strings.TrimSpace(v.rows[v.cur].sentence), true
}

func (v *searchView) csvView() (string, []string, [][]string) {
	l := v.ses.lang
	header := []string{l.T("col.region"), l.T("col.year"), l.T("col.hits"), l.T("col.title"), l.T("col.file"), l.T("col.source-text")}
	var rows [][]string
	for _, r := range v.rows {
		rep := v.ses.peek(r.idx)
		rows = append(rows, []string{v.ses.regionLabel(r.idx), year(rep.Year), strconv.Itoa(r.count), rep.Title, model.SafeName(rep.Source), strings.TrimSpace(r.sentence)})
	}
	return "baogao-search.csv", header, rows
}

func (v *searchView) current() (int, bool) {
	if v.cur >= len(v.rows) {
		return 0, false
	}
	return v.rows[v.cur].idx, true
}
