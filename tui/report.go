package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"baogao/match"
	"baogao/model"
)

// node is one row of the section tree; the first is the whole report.
type node struct {
	title      string
	start, end int
	depth      int
	children   int
	parent     int
}

// textLine is one wrapped display line of the reader: runes [start, end) of the body.
type textLine struct {
	meta       string // a line of the header about the report, not of its text (start = end = 0)
	start, end int
	heading    bool // a line of a section's heading: drawn as one
	indent     bool // a paragraph's first line: indented two characters (段首缩进)
}

// reportView is the second screen: the section tree on the left, the reader on the right.
type reportView struct {
	ses     *session
	keys    reportKeys
	idx     int
	rep     *model.Report
	body    []rune
	nodes   []node
	open    map[int]bool // expanded tree nodes
	rows    []int        // visible tree rows (node indexes)
	cur     int          // cursor in rows
	toff    int          // first visible tree row
	reader  bool         // the reader has focus
	lines   []textLine   // the whole body, wrapped to the reader width
	top     int          // first visible reader line
	input   textinput.Model
	typing  bool
	query   string
	matches [][2]int // rune spans in the body
	match   int
	source  [2]int // the sentence an indicator came from, highlighted
	w, h    int
	treeW   int
	// loading: the body is being read back from its file (bodyMsg brings it); a jump asked
	// for meanwhile waits in pending
	loading bool
	pending *[2]int
	// pendingTerm is a search to go on with once a pending jump is made
	pendingTerm string
	// hideTree: z gave the reader the whole width
	hideTree bool
}

func newReportView(ses *session, idx int) *reportView {
	in := textinput.New()
	in.Prompt = "/ "
	v := reportView{ses: ses, keys: newReportKeys(ses.lang), idx: idx, rep: ses.report(idx), input: in, open: map[int]bool{0: true}, source: [2]int{-1, -1}}
	body, ok := ses.cachedBody(idx)
	v.body, v.loading = []rune(body), !ok
	v.nodes = []node{{title: ses.lang.T("report.whole"), start: 0, end: max(len(v.body), v.rep.Chars), parent: -1}}
	var add func([]model.Section, int, int)
	add = func(ss []model.Section, depth, parent int) {
		for _, s := range ss {
			i := len(v.nodes)
			v.nodes = append(v.nodes, node{title: s.Title, start: s.Start, end: s.End, depth: depth, children: len(s.Children), parent: parent})
			v.nodes[parent].children = max(v.nodes[parent].children, 1)
			v.open[i] = false
			add(s.Children, depth+1, i)
		}
	}
	add(v.rep.Sections, 1, 0)
	v.refreshRows()
	return &v
}

// start reads the body back from its file when the load did not keep it: off the event loop, a
// file of megabytes is parsed again.
func (v *reportView) start() tea.Cmd {
	if !v.loading {
		return nil
	}
	return v.ses.readBodyCmd(v.idx)
}

// setBody shows the body read back (or why it could not be), and makes the jump asked for
// while it was being read.
func (v *reportView) setBody(msg bodyMsg) {
	body := msg.body
	if msg.err != nil {
		body = v.ses.lang.T("report.body-error", msg.err)
	}
	v.body, v.loading = []rune(body), false
	v.nodes[0].end = len(v.body)
	v.SetSize(v.w, v.h)
	if p := v.pending; p != nil {
		v.pending = nil
		if p[0] < 0 {
			v.jumpToTargets()
		} else {
			v.jumpTo(p[0], p[1])
			if t := v.pendingTerm; t != "" {
				v.pendingTerm = ""
				v.searchFrom(t, p[0])
			}
		}
	}
}

// searchFrom searches for term with the match at start picked: n and N go on from the hit a
// full-text search opened the report at.
func (v *reportView) searchFrom(term string, start int) {
	if v.loading {
		v.pendingTerm = term
		return
	}
	v.search(term)
	for k, m := range v.matches {
		if m[0] >= start {
			v.match = k
			break
		}
	}
	v.showMatch()
}

func (v *reportView) refreshRows() {
	v.rows = v.rows[:0]
	for i, n := range v.nodes {
		visible := true
		for p := n.parent; p >= 0; p = v.nodes[p].parent {
			if !v.open[p] {
				visible = false
				break
			}
		}
		if visible {
			v.rows = append(v.rows, i)
		}
	}
	v.cur = max(0, min(v.cur, len(v.rows)-1))
	v.keepTreeCursor()
}

// keepTreeCursor scrolls the tree only as far as the cursor needs: it keeps its place otherwise
// (it used to be worked out afresh each frame, so the tree jumped with every key).
func (v *reportView) keepTreeCursor() {
	h := v.pageH()
	if v.cur < v.toff {
		v.toff = v.cur
	}
	if v.cur >= v.toff+h {
		v.toff = v.cur - h + 1
	}
	v.toff = max(0, min(v.toff, len(v.rows)-1))
}

// layout: the tree takes up to a third of the width; below 60 columns only the focused pane shows.
func (v *reportView) SetSize(w, h int) {
	v.w, v.h = w, h
	if v.rep == nil {
		return // no report opened yet
	}
	v.treeW = 0
	if w >= 60 && !v.hideTree {
		// a third of the screen, and more where the reader has all it can use (readingW):
		// titles are not cut where the pane could show them
		v.treeW = min(max(20, w/3), 44)
		want := 0
		for _, n := range v.nodes {
			want = max(want, v.ses.measure.String(" "+strings.Repeat("  ", n.depth)+"▸ "+n.title+" * n"))
		}
		room := w - v.sepW() - readingW - 2
		v.treeW = max(v.treeW, min(want, room))
	}
	// the sentence at the top stays at the top: a resize rewraps, and line numbers change
	at := -1
	if v.top > 0 && v.top < len(v.lines) {
		at = v.lines[v.top].start
	}
	v.rewrap()
	if at >= 0 {
		v.top = v.lineOf(at)
		v.clampTop()
	}
}

func (v *reportView) readerW() int {
	if v.treeW == 0 {
		return v.w
	}
	return v.w - v.treeW - v.sepW()
}

// divider is the line between tree and reader; sepW its cells (│ is two under --east-asian-width).
const divider = " │"

func (v *reportView) sepW() int { return v.ses.measure.String(divider) }

func (v *reportView) pageH() int { return max(1, v.h-1) } // the bottom line is the position or search

// readingW is the widest a line of text is drawn: about forty Chinese characters, whatever the
// terminal's width (a line of 75 is hard to follow back to its start).
const readingW = 80

// paraIndent opens a paragraph, as Chinese documents do: two ideographic spaces.
const paraIndent = "\u3000\u3000"

// rewrap lays the body out for reading at the reader's width: every section heading on a line
// of its own with a blank line before it (also where the source runs the heading into the text),
// each paragraph indented, lines wrapped by the Chinese line-breaking rules. Sections are ranges
// of these lines.
func (v *reportView) rewrap() {
	v.lines = v.lines[:0]
	m := v.ses.measure
	w := max(2, min(v.readerW()-2, readingW))
	indentW := m.String(paraIndent)
	heads := map[int]int{} // heading start → end, in body runes
	for _, n := range v.nodes[1:] {
		end := min(len(v.body), n.start+len([]rune(n.title)))
		if len([]rune(n.title)) >= 40 {
			// the loader keeps forty characters of a long heading: the heading itself runs on
			// to its full stop, and breaking the line before that would cut it in two
			for q := end; q < min(len(v.body), end+80); q++ {
				if strings.ContainsRune("。；;\n", v.body[q]) {
					if v.body[q] != '\n' {
						q++
					}
					end = q
					break
				}
			}
		}
		for p := n.start; p < end; p++ {
			if v.body[p] == '\n' {
				end = p
				break
			}
		}
		// the heading's own full stop (（二）…成效。) stays with it, not a paragraph of one 。
		for end < len(v.body) && strings.ContainsRune("。；：.;:", v.body[end]) {
			end++
		}
		if end > n.start {
			heads[n.start] = end
		}
	}
	for _, m := range v.header() {
		v.lines = append(v.lines, textLine{meta: m})
	}
	v.lines = append(v.lines, textLine{}) // a blank line between the header and the text
	blank := func(at int) {
		if last := len(v.lines) - 1; last >= 0 && (v.lines[last].start != v.lines[last].end || v.lines[last].meta != "") {
			v.lines = append(v.lines, textLine{start: at, end: at})
		}
	}
	emit := func(lo, hi int, heading bool) {
		rs := v.body[lo:hi]
		if heading {
			blank(lo)
			for _, wl := range wrapRunes(m, rs, w) {
				v.lines = append(v.lines, textLine{start: lo + wl.start, end: lo + wl.end, heading: true})
			}
			return
		}
		// the first line is shorter by the indent
		first := wrapRunes(m, rs, max(2, w-indentW))
		if len(first) == 0 {
			return
		}
		v.lines = append(v.lines, textLine{start: lo, end: lo + first[0].end, indent: true})
		rest := lo + first[0].end
		for _, wl := range wrapRunes(m, v.body[rest:hi], w) {
			v.lines = append(v.lines, textLine{start: rest + wl.start, end: rest + wl.end})
		}
	}
	for lo := 0; lo < len(v.body); {
		if end, ok := heads[lo]; ok {
			emit(lo, end, true)
			lo = end
			for lo < len(v.body) && (v.body[lo] == '\n' || v.body[lo] == ' ' || v.body[lo] == '\u3000') {
				lo++
			}
			continue
		}
		// a paragraph ends at a line break, before a heading, or (in run-on text) before a
		// marker of the report's own enumeration after a full stop
		hi := lo
		for hi < len(v.body) && v.body[hi] != '\n' {
			if _, ok := heads[hi]; ok && hi > lo {
				break
			}
			if hi-lo > 120 && paragraphMarker(v.body, hi) {
				break
			}
			hi++
		}
		if hi > lo {
			emit(lo, hi, false)
		}
		lo = hi
		for lo < len(v.body) && v.body[lo] == '\n' {
			lo++
		}
	}
	if len(v.lines) == 0 {
		v.lines = append(v.lines, textLine{})
	}
	v.clampTop()
}

// header is what the reader shows above the text: where the report is from (with its province
// and prefecture), its level and year, date and speaker, the file it was read from and how, and
// what the loader had to say about it.
func (v *reportView) header() []string {
	r := v.rep
	lang := v.ses.lang
	place := r.RegionLabel(lang)
	for _, up := range []string{r.Prefecture, r.Province} {
		if up != "" && up != r.Region {
			place += " · " + up
		}
	}
	first := place
	if r.Level != "" {
		first += " · " + r.Level
	}
	if r.Year > 0 {
		first += " · " + lang.T("report.year", r.Year)
	}
	out := []string{first}
	var who []string
	for _, x := range []string{r.Date, r.Speaker} {
		if x != "" {
			who = append(who, x)
		}
	}
	if len(who) > 0 {
		out = append(out, strings.Join(who, " · "))
	}
	out = append(out, lang.T("report.file", model.SafeName(r.Source)+partLabel(r)))
	var notes []string
	for _, w := range r.Warnings {
		if !strings.HasPrefix(w, model.UnreadPrefix) { // the indicator table names those
			notes = append(notes, lang.Say(w))
		}
	}
	if len(notes) > 0 {
		out = append(out, lang.T("report.notes", strings.Join(notes, lang.T("list.sep"))))
	}
	return out
}

// paragraphMarker says a new paragraph starts at p of a run-on text: after the end of a
// sentence or clause (。；！？ and their ASCII forms, or the colon that opens a list), the
// report's own enumeration — 一是 / 二是…, （一）/（二）…, 1. / 2、 — or a review's opener
// 一年来， (seed 000: 一年来,我们筑牢防线 … 一年来,我们承压奋进; dev reports alike), so a
// paragraph never breaks inside a sentence.
func paragraphMarker(rs []rune, p int) bool {
	if p == 0 || !strings.ContainsRune("。；！？;!?：:", rs[p-1]) {
		return false
	}
	if p+4 <= len(rs) && string(rs[p:p+3]) == "一年来" && strings.ContainsRune("，,", rs[p+3]) {
		return true
	}
	num := func(r rune) bool { return strings.ContainsRune("一二三四五六七八九十", r) }
	switch {
	case rs[p] == '（' || rs[p] == '(':
		q := p + 1
		for q < len(rs) && num(rs[q]) {
			q++
		}
		return q > p+1 && q < len(rs) && (rs[q] == '）' || rs[q] == ')')
	case num(rs[p]):
		q := p
		for q < len(rs) && num(rs[q]) {
			q++
		}
		return q < len(rs) && rs[q] == '是'
	case rs[p] >= '0' && rs[p] <= '9':
		q := p
		for q < len(rs) && rs[q] >= '0' && rs[q] <= '9' {
			q++
		}
		return q < len(rs) && strings.ContainsRune(".、．", rs[q]) && q+1 < len(rs) && !(rs[q+1] >= '0' && rs[q+1] <= '9')
	}
	return false
}

func (v *reportView) lineOf(off int) int {
	for i, l := range v.lines {
		if off < l.end || i == len(v.lines)-1 || v.lines[i+1].start > off {
			return i
		}
	}
	return 0
}

// clampTop keeps the reader inside the text; it scrolls until the last line is at the top, so
// a section near the end can start at the top too.
func (v *reportView) clampTop() {
	v.top = max(0, min(v.top, len(v.lines)-1))
}

// showNode scrolls the reader to a section's first line.
func (v *reportView) showNode(n int) {
	v.top = v.lineOf(v.nodes[n].start)
	if n == 0 {
		v.top = 0 // the whole report: from its header
	}
	v.clampTop()
}

// jumpTo opens the reader at a span of the body and highlights it (an indicator's sentence).
func (v *reportView) jumpTo(start, end int) {
	if v.loading {
		v.pending = &[2]int{start, end}
		return
	}
	// a jump shows one sentence: an earlier search's highlights would compete with it
	v.query, v.matches, v.match = "", nil, 0
	v.source = [2]int{start, end}
	v.reader = true
	v.top = max(0, v.lineOf(start)-2)
	v.clampTop()
	// select the innermost section holding it
	best := 0
	for i, n := range v.nodes {
		if start >= n.start && start < n.end && n.depth >= v.nodes[best].depth {
			best = i
		}
	}
	for p := v.nodes[best].parent; p >= 0; p = v.nodes[p].parent {
		v.open[p] = true
	}
	v.refreshRows()
	for r, n := range v.rows {
		if n == best {
			v.cur = r
			v.keepTreeCursor()
		}
	}
}

// jumpToTargets opens the report at its first target.
func (v *reportView) jumpToTargets() {
	if v.loading {
		v.pending = &[2]int{-1, -1}
		return
	}
	for _, in := range v.rep.Indicators {
		if in.Kind == model.Target {
			v.jumpTo(in.Start, in.End)
			return
		}
	}
}

func (v *reportView) search(q string) {
	v.query, v.matches, v.match = q, nil, 0
	if q == "" {
		return
	}
	qr := []rune(match.Fold(q))
	folded := []rune(match.Fold(string(v.body)))
	if len(folded) != len(v.body) { // folding never changes the rune count; be safe if it did
		folded = v.body
	}
	for i := 0; i+len(qr) <= len(folded); i++ {
		ok := true
		for j := range qr {
			if folded[i+j] != qr[j] {
				ok = false
				break
			}
		}
		if ok {
			v.matches = append(v.matches, [2]int{i, i + len(qr)})
		}
	}
	// the first match at or after the top line
	for k, m := range v.matches {
		if m[0] >= v.lines[v.top].start {
			v.match = k
			break
		}
	}
	v.showMatch()
}

func (v *reportView) showMatch() {
	if len(v.matches) == 0 {
		return
	}
	l := v.lineOf(v.matches[v.match][0])
	if l < v.top || l >= v.top+v.pageH() {
		v.top = max(0, l-v.pageH()/3)
		v.clampTop()
	}
}

// target is what the tree cursor stands on: a section, or the whole report on its first row.
func (v *reportView) target() (string, string) {
	n := v.rows[v.cur]
	if n == 0 {
		return model.TargetReport, v.rep.Title
	}
	return model.TargetSection(v.nodes[n].title), v.nodes[n].title
}

func (v *reportView) Update(msg tea.Msg) (Screen, tea.Cmd) {
	v.keys.enable(v)
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if v.typing {
			switch msg.String() {
			case "enter":
				v.typing = false
				v.input.Blur()
				v.search(v.input.Value())
				return v, nil
			case "esc":
				v.typing = false
				v.input.Blur()
				return v, nil
			}
			var cmd tea.Cmd
			v.input, cmd = v.input.Update(msg)
			return v, cmd
		}
		switch {
		case key.Matches(msg, v.keys.Pane):
			v.reader = !v.reader
			return v, nil
		case key.Matches(msg, v.keys.Search):
			v.typing = true
			v.reader = true
			v.input.SetValue("")
			return v, v.input.Focus()
		case key.Matches(msg, v.keys.Next):
			v.match = (v.match + 1) % len(v.matches)
			v.showMatch()
			return v, nil
		case key.Matches(msg, v.keys.Prev):
			v.match = (v.match + len(v.matches) - 1) % len(v.matches)
			v.showMatch()
			return v, nil
		case key.Matches(msg, v.keys.Timeline):
			return v, push(newTimeline(v.ses, v.idx))
		case key.Matches(msg, v.keys.Indicators):
			idx := v.idx
			return v, push(newIndicatorTable(v.ses, idx))
		case key.Matches(msg, v.keys.Reviewed):
			rv, _ := v.ses.reviewOf(v.idx)
			return v, v.ses.change(v.idx, "reviewed", "", rv == nil || !rv.Reviewed, "")
		case key.Matches(msg, v.keys.Star):
			target, _ := v.target()
			rv, _ := v.ses.reviewOf(v.idx)
			return v, v.ses.change(v.idx, "star", target, !rv.Starred(target), "")
		case key.Matches(msg, v.keys.Note):
			target, label := v.target()
			idx := v.idx
			return v, push(newNoteEditor(v.ses, idx, target, label))
		}
		if key.Matches(msg, v.keys.Tree) {
			v.hideTree = !v.hideTree
			v.reader = v.reader || v.hideTree
			v.SetSize(v.w, v.h)
			return v, nil
		}
		if v.reader {
			switch {
			case key.Matches(msg, v.keys.PageDown):
				v.top += max(1, v.pageH()-1) // a line of the last page stays, as in less
				v.clampTop()
				return v, nil
			case key.Matches(msg, v.keys.PageUp):
				v.top -= max(1, v.pageH()-1)
				v.clampTop()
				return v, nil
			}
			if t, ok := v.keys.move(msg, v.top, len(v.lines)-v.pageH()+1, v.pageH()); ok {
				v.top = t
				v.clampTop()
			}
			return v, nil
		}
		if c, ok := v.keys.move(msg, v.cur, len(v.rows), v.pageH()); ok {
			v.cur = c
			v.keepTreeCursor()
			v.showNode(v.rows[v.cur])
			return v, nil
		}
		n := v.rows[v.cur]
		switch {
		// the root (the whole text) stays open: collapsed, it would hide every section
		case key.Matches(msg, v.keys.Toggle) && n != 0 && v.nodes[n].children > 0:
			v.open[n] = !v.open[n]
			v.refreshRows()
			v.showNode(n)
		case key.Matches(msg, v.keys.Expand) && v.nodes[n].children > 0 && !v.open[n]:
			v.open[n] = true
			v.refreshRows()
		case key.Matches(msg, v.keys.Collapse) && n != 0 && v.nodes[n].children > 0 && v.open[n]:
			v.open[n] = false
			v.refreshRows()
		case key.Matches(msg, v.keys.Collapse) && v.nodes[n].parent > 0:
			// on a closed or childless section, ← goes to its parent, as in a file tree
			for i, r := range v.rows {
				if r == v.nodes[n].parent {
					v.cur = i
					v.keepTreeCursor()
				}
			}
		case key.Matches(msg, v.keys.Toggle):
			v.showNode(n)
		}
	case tea.MouseWheelMsg:
		v.top += 3 * wheel(msg)
		v.clampTop()
	case clickMsg:
		// a click in the tree picks the section and shows it; a click in the text gives it focus
		inTree := v.treeW > 0 && msg.x < v.treeW || v.treeW == 0 && !v.reader
		if !inTree {
			v.reader = true
			return v, nil
		}
		if i := v.toff + msg.y; msg.y < v.pageH() && i < len(v.rows) {
			v.reader = false
			v.cur = i
			v.keepTreeCursor()
			v.showNode(v.rows[v.cur])
		}
	}
	return v, nil
}

func (v *reportView) View() string {
	st, m := v.ses.styles, v.ses.measure
	ph := v.pageH()
	tree := v.treeLines(ph)
	reader := v.readerLines(ph)
	var b strings.Builder
	for r := 0; r < ph; r++ {
		switch {
		case v.treeW == 0 && v.reader:
			b.WriteString(reader[r].render(m, v.w, st.Plain))
		case v.treeW == 0:
			b.WriteString(tree[r].render(m, v.w, st.Plain))
		default:
			b.WriteString(tree[r].render(m, v.treeW, st.Plain))
			b.WriteString(line{{divider, st.Dim}}.render(m, v.sepW(), st.Plain))
			b.WriteString(reader[r].render(m, v.readerW(), st.Plain))
		}
		b.WriteString("\n")
	}
	// bottom line
	var bottom line
	switch {
	case v.typing:
		bottom = inputLine(v.input, st)
	default:
		pct := 100
		if len(v.lines) > ph {
			pct = (v.top + ph) * 100 / len(v.lines)
		}
		pos := v.ses.lang.T("report.position", v.rep.Title, v.top+1, len(v.lines), min(100, pct))
		bottom = line{{pos, st.Status}}
		if rv, stale := v.ses.reviewOf(v.idx); rv != nil {
			switch {
			case stale:
				bottom = append(bottom, seg{"  " + v.ses.lang.T("report.review-stale"), st.Error})
			case rv.Reviewed:
				bottom = append(bottom, seg{"  " + v.ses.lang.T("report.reviewed"), st.Target})
			}
			target, _ := v.target()
			if n, ok := rv.NoteOf(target); ok {
				bottom = append(bottom, seg{"  " + v.ses.lang.T("report.note", oneLine(n.Text)), st.Match})
			}
		}
		if v.query != "" {
			bottom = append(bottom, seg{fmt.Sprintf("  /%s %d/%d", v.query, min(v.match+1, len(v.matches)), len(v.matches)), st.Match})
		}
	}
	return b.String() + bottom.render(m, v.w, st.Plain)
}

func (v *reportView) treeLines(h int) []line {
	st := v.ses.styles
	out := make([]line, h)
	toff := v.toff
	if v.cur < toff {
		toff = v.cur
	}
	if v.cur >= toff+h {
		toff = v.cur - h + 1
	}
	for r := 0; r < h; r++ {
		i := toff + r
		if i >= len(v.rows) {
			continue
		}
		n := v.nodes[v.rows[i]]
		icon := "  "
		if n.children > 0 {
			icon = "▸ "
			if v.open[v.rows[i]] {
				icon = "▾ "
			}
		}
		style := st.Plain
		if n.depth <= 1 {
			style = st.Section
		}
		mark := " "
		if i == v.cur {
			mark = "›"
			if !v.reader {
				style = st.Selected
			}
		}
		target := model.TargetSection(n.title)
		if v.rows[i] == 0 {
			target = model.TargetReport
		}
		rv, _ := v.ses.reviewOf(v.idx)
		tag := ""
		if rv.Starred(target) {
			tag += " *"
		}
		if _, ok := rv.NoteOf(target); ok {
			tag += " n"
		}
		out[r] = line{{mark + strings.Repeat("  ", n.depth) + icon + n.title + tag, style}}
	}
	return out
}

func (v *reportView) readerLines(h int) []line {
	st := v.ses.styles
	out := make([]line, h)
	if v.loading {
		out[0] = line{plain(" "), {v.ses.lang.T("report.reading"), st.Dim}}
		return out
	}
	var cur [2]int
	if len(v.matches) > 0 {
		cur = v.matches[v.match]
	}
	for r := 0; r < h; r++ {
		i := v.top + r
		if i >= len(v.lines) {
			continue
		}
		tl := v.lines[i]
		if tl.meta != "" {
			out[r] = line{plain(" "), {tl.meta, st.Dim}}
			continue
		}
		styles := []lipglossStyle{st.Plain, st.Source, st.Match, st.Selected}
		if tl.heading {
			styles[0] = st.Section
		}
		var ln line
		if tl.indent {
			ln = line{plain(paraIndent)}
		}
		run := 0
		var buf []rune
		flush := func() {
			if len(buf) > 0 {
				ln = append(ln, seg{string(buf), styles[run]})
				buf = buf[:0]
			}
		}
		mi := 0
		for p := tl.start; p < tl.end; p++ {
			k := 0
			if p >= v.source[0] && p < v.source[1] {
				k = 1
			}
			for mi < len(v.matches) && v.matches[mi][1] <= p {
				mi++
			}
			if mi < len(v.matches) && p >= v.matches[mi][0] {
				k = 2
				if v.matches[mi] == cur {
					k = 3
				}
			}
			if k != run {
				flush()
				run = k
			}
			buf = append(buf, v.body[p])
		}
		flush()
		out[r] = append(line{plain(" ")}, ln...)
	}
	return out
}

func (v *reportView) KeyMap() keyMap {
	k := v.keys
	k.enable(v)
	return keyMap{
		short: []key.Binding{k.Pane, k.Search, k.Indicators, k.Tree},
		full:  [][]key.Binding{k.bindings(), {k.PageDown, k.PageUp, k.Tree}, {k.Toggle, k.Expand, k.Collapse, k.Pane, k.Search, k.Next, k.Prev, k.Indicators, k.Timeline}, {k.Reviewed, k.Star, k.Note}},
	}
}

type lipglossStyle = lipgloss.Style
