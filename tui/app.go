// Package tui is baogao's terminal browser: the report list, a report's section tree and reader,
// its indicator table, the targets comparison, notes, the load errors and the help. Each screen
// implements Screen (screen.go) and opens the next with push; App keeps the stack of screens,
// the title line, the footer and help drawn from the top screen's keys, the global keys (help,
// back, quit and the question before losing what the user wrote) and the loading of batches.
package tui

import (
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"baogao/loader"
	"baogao/match"
	"baogao/model"
	"baogao/msg"
	"baogao/review"
	"baogao/tui/width"
)

// corpus is the reports a session browses: loaded by its own stream (App appends each batch),
// or shared read-only by every SSH session. No session writes into a shared one: the reports it
// unpacks, the bodies it reads back and its review state are its own.
type corpus struct {
	reports  []model.Report
	keys     []match.Key // region+title prepared for matching, one per report
	errors   []loader.FileError
	readBody func(*model.Report) (string, error)
}

// session is one user's browser over a corpus, what every screen reads: how to draw (styles,
// measure), the review state it writes, what it has read back and measured so far, and the one
// line the user must be told.
type session struct {
	corpus
	styles  Styles
	lang    msg.Lang // the one language of this session
	measure width.Measure
	py      *match.Readings

	store  *review.Store     // nil: review state lives in memory only
	memory model.ReviewState // used when store is nil
	// memoryOnly: the state could not be opened, so what is reviewed lives only here
	memoryOnly bool
	loading    bool   // files are still being read: counts are so far
	reviewer   string // who makes the changes (user name, or the SSH key's comment)
	notice     string // one line the user must see (a failed save, a state set aside)
	flash      string // what the last key did (copied, exported): in the footer until the next key
	unsaved    bool   // the last save failed: the notice says so until a save succeeds
	saving     int    // saves on their way to the disk (their savedMsg not yet come)

	bodies   map[int]string        // bodies read back this session, by report index
	fullText *loader.Bodies        // every report's text kept beside the parse cache, for search
	unpacked map[int]*model.Report // reports of a packed load unpacked this session, by index

	hashes   map[string]int // reports by text hash, for counting reviews; made up to hashed
	hashed   int
	widths   []int             // display width of each report's region column, measured once
	regKeys  []string          // pinyin sort key of each report's region, made when first sorted by
	sortKeys map[string]string // pinyin sort keys of the texts sorted by so far
}

// catchUp measures what arrived since: each report's region width (the list's column fits the
// widest of a hundred thousand on every frame, and measuring them each time cost more than
// drawing) and, once there are reviews, the count of reports by text (reviewedCount).
func (s *session) catchUp() {
	for j := len(s.widths); j < len(s.reports); j++ {
		s.widths = append(s.widths, s.measure.String(s.regionLabel(j)))
	}
	if s.hashes == nil && len(s.reviewState().Reviews) > 0 {
		s.hashes = map[string]int{}
	}
	if s.hashes != nil {
		for ; s.hashed < len(s.reports); s.hashed++ {
			s.hashes[s.reports[s.hashed].TextKey()]++
		}
	}
}

// peek is report i as far as this session has unpacked it: what View reads (prepare unpacked
// the reports on screen).
func (s *session) peek(i int) *model.Report {
	if u, ok := s.unpacked[i]; ok {
		return u
	}
	return &s.reports[i]
}

// compareRegions orders reports i and j by their regions' pinyin, a report whose region is
// unknown last whichever the direction. regionKeys must cover both.
func (s *session) compareRegions(i, j int, desc bool) int {
	a, b := s.reports[i].Region, s.reports[j].Region
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	c := match.CompareChinese(s.regKeys[i], a, s.regKeys[j], b)
	if desc {
		return -c
	}
	return c
}

// regionKeys makes the pinyin sort key of every report's region, once per place name (a
// corpus has far fewer places than reports) and once per report.
func (s *session) regionKeys() {
	for j := len(s.regKeys); j < len(s.reports); j++ {
		s.regKeys = append(s.regKeys, s.sortKey(s.reports[j].Region))
	}
}

// sortKey is text's pinyin sort key, remembered: the same names and sections are sorted by
// again and again.
func (s *session) sortKey(text string) string {
	if k, ok := s.sortKeys[text]; ok {
		return k
	}
	if s.sortKeys == nil {
		s.sortKeys = map[string]string{}
	}
	k := s.py.SortKey(text)
	s.sortKeys[text] = k
	return k
}

// maxBodies bounds the bodies a session keeps after reading them back: enough to move between
// the reports one is comparing, never the whole corpus.
const maxBodies = 64

// cachedBody is report i's text when the session has it: kept by the load, or read back
// earlier. Bodies read back are kept per session: the report slice may be shared read-only
// with other sessions.
func (s *session) cachedBody(i int) (string, bool) {
	r := &s.reports[i]
	if r.Body != "" || r.Chars == 0 || s.readBody == nil {
		return r.Body, true
	}
	b, ok := s.bodies[i]
	return b, ok
}

// bodyMsg is report idx's text read back from its file, or why it could not be.
type bodyMsg struct {
	idx  int
	body string
	err  error
}

// readBodyCmd reads report i's text back from its file off the event loop.
func (s *session) readBodyCmd(i int) tea.Cmd {
	r, read := s.reports[i], s.readBody // a copy: the command runs on another goroutine
	return func() tea.Msg {
		b, err := read(&r)
		return bodyMsg{i, b, err}
	}
}

// keepBody remembers a body read back, a few dozen at most.
func (s *session) keepBody(msg bodyMsg) {
	if msg.err != nil {
		s.notice = oneLine(s.lang.Err(msg.err))
		return
	}
	if s.bodies == nil || len(s.bodies) >= maxBodies {
		s.bodies = map[int]string{}
	}
	s.bodies[msg.idx] = msg.body
}

// report is report i with its sections, indicators and warnings unpacked: a load from the
// parse cache leaves them packed until a screen shows them. The unpacked copy is this
// session's: the report slice may be shared read-only by every SSH session, and a session
// never writes into it.
func (s *session) report(i int) *model.Report {
	r := &s.reports[i]
	if r.Packed == "" {
		return r
	}
	if u, ok := s.unpacked[i]; ok {
		return u
	}
	u := *r
	if err := loader.Unpack(&u); err != nil {
		s.notice = oneLine(s.lang.Err(err))
	}
	if s.unpacked == nil {
		s.unpacked = map[int]*model.Report{}
	}
	s.unpacked[i] = &u
	return &u
}

// Options configure one browser session.
type Options struct {
	EastAsianWidth bool
	Lang           msg.Lang
	NoColor        bool
	Readings       *match.Readings // shared pinyin cache; nil makes one
	Store          *review.Store   // review state; nil keeps it in memory
	// StateError is why the review state could not be opened: the browser says so from the start
	// and asks before quitting with changes only it holds.
	StateError string
	Reviewer   string

	// A corpus already loaded and shared read-only by many sessions (serve): used when there is
	// no batch stream. Keys are its region+title prepared for matching, one per report.
	Reports []model.Report
	Keys    []match.Key
	Errors  []loader.FileError

	// ReadBody reads a report's text back when the load dropped it (loader.ReadBody).
	ReadBody func(*model.Report) (string, error)

	// Notice is one line shown from the start (serve: the terminal size was clamped).
	Notice string

	// Remote: the session is served over SSH; the pager and writing files are refused, since the
	// files are the server's and so would be the pager.
	Remote bool
	// Reload reads a report's file again (r); nil: reports cannot be read again (served, or the
	// embedded sample).
	Reload func(*model.Report) ([]model.Report, error)
	// Bodies keeps every report's text for the full-text search; nil: texts in memory, or read
	// again from their files.
	Bodies *loader.Bodies
}

// NoticeMsg shows one line the user must see, sent from outside the program (serve: a window
// change was clamped to the largest size the browser draws).
type NoticeMsg string

// App is the root model.
type App struct {
	ses       *session
	opts      Options
	stack     []Screen // the screens opened, the list at the bottom; Esc goes down one
	quitArmed bool     // q pressed once with unsaved review changes
	helpTop   int      // first line of the help shown
	help      bool
	global    globalKeys
	actions   actionKeys
	prompt    *exportPrompt // E asked where to write the view
	w, h      int
	loading   <-chan loader.Batch
	done      int
	total     int
	finished  bool
	isDark    bool
}

// New makes a browser over a stream of batches (see loader.Stream).
func New(batches <-chan loader.Batch, opts Options) *App {
	if opts.Readings == nil {
		opts.Readings = &match.Readings{}
	}
	ses := &session{corpus: corpus{readBody: opts.ReadBody}, measure: width.NewMeasure(opts.EastAsianWidth), py: opts.Readings, store: opts.Store, reviewer: opts.Reviewer, lang: opts.Lang, fullText: opts.Bodies}
	if opts.Store != nil {
		for _, n := range opts.Store.Notices() {
			ses.notice = ses.lang.Say(oneLine(n))
		}
	}
	if opts.StateError != "" {
		ses.memoryOnly = true
		ses.notice = ses.lang.T("notice.state-memory", oneLine(opts.StateError))
	}
	if opts.Notice != "" {
		ses.notice = ses.lang.Say(oneLine(opts.Notice))
	}
	ses.styles = newStyles(true, opts.NoColor)
	a := &App{ses: ses, opts: opts, global: newGlobalKeys(ses.lang), actions: newActionKeys(ses.lang), loading: batches, isDark: true}
	if batches == nil {
		ses.reports, ses.keys, ses.errors = opts.Reports, opts.Keys, opts.Errors
		a.finished = true
	}
	a.stack = []Screen{newReportList(ses)}
	a.w, a.h = 80, 24
	a.setSize()
	a.prepare() // the first frame is drawn before any message: a served corpus is there already
	return a
}

// NoColorFromEnv reports whether NO_COLOR asks for a plain screen.
func NoColorFromEnv() bool {
	_, ok := os.LookupEnv("NO_COLOR")
	return ok
}

// batchMsg carries a loaded batch with its matching keys, prepared off the UI goroutine.
type batchMsg struct {
	batch loader.Batch
	keys  []match.Key
	ok    bool
}

func waitBatch(ch <-chan loader.Batch, py *match.Readings) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		b, ok := <-ch
		return batchMsg{b, py.ReportKeys(b.Reports), ok}
	}
}

func (a *App) Init() tea.Cmd {
	return tea.Batch(waitBatch(a.loading, a.ses.py), tea.RequestBackgroundColor)
}

func (a *App) setSize() {
	for _, s := range a.stack {
		s.SetSize(a.w, max(1, a.h-2)) // title line and footer
	}
}

// top is the screen shown.
func (a *App) top() Screen { return a.stack[len(a.stack)-1] }

// open sizes s and puts it on top; the command is what s starts (reading a body back).
func (a *App) open(s Screen) tea.Cmd {
	s.SetSize(a.w, max(1, a.h-2))
	a.stack = append(a.stack, s)
	if st, ok := s.(starter); ok {
		return st.start()
	}
	return nil
}

// back closes the top screen; the list at the bottom stays.
func (a *App) back() {
	if len(a.stack) > 1 {
		a.stack = a.stack[:len(a.stack)-1]
	}
}

// refresh tells every open screen that reports or reviews changed.
func (a *App) refresh() {
	for _, s := range a.stack {
		if r, ok := s.(refresher); ok {
			r.refresh()
		}
	}
}

// reportScreen is the open report view of report idx, the one nearest the top; nil when none.
func (a *App) reportScreen(idx int) *reportView {
	for i := len(a.stack) - 1; i >= 0; i-- {
		if v, ok := a.stack[i].(*reportView); ok && v.idx == idx {
			return v
		}
	}
	return nil
}

// typing reports whether a text input has focus: then every key goes to it first.
func (a *App) typing() bool { return a.prompt != nil || a.top().Typing() }

func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := a.update(msg)
	a.prepare()
	return m, cmd
}

// prepare brings what the next View reads up to date, so that View only reads: the measured
// region widths, the review counts, the reports on screen unpacked.
func (a *App) prepare() {
	a.ses.catchUp()
	if p, ok := a.top().(preparer); ok {
		p.prepare()
	}
	a.actions.enable(a)
}

func (a *App) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.w, a.h = msg.Width, msg.Height
		a.setSize()
		return a, nil
	case NoticeMsg:
		a.ses.notice = a.ses.lang.Say(oneLine(string(msg)))
		return a, nil
	case tea.BackgroundColorMsg:
		a.isDark = msg.IsDark()
		a.ses.styles = newStyles(a.isDark, a.opts.NoColor)
		return a, nil
	case batchMsg:
		if !msg.ok {
			a.finished, a.ses.loading = true, false
			return a, nil
		}
		if a.ses.reports == nil && msg.batch.Total > 0 {
			// About one report a file: grow once, not by doubling a hundred thousand reports.
			a.ses.reports = make([]model.Report, 0, msg.batch.Total)
			a.ses.keys = make([]match.Key, 0, msg.batch.Total)
		}
		a.ses.reports = append(a.ses.reports, msg.batch.Reports...)
		a.ses.keys = append(a.ses.keys, msg.keys...)
		a.ses.errors = append(a.ses.errors, msg.batch.Errors...)
		a.done, a.total = msg.batch.Done, msg.batch.Total
		if msg.batch.Notice != "" {
			a.ses.notice = oneLine(msg.batch.Notice)
		}
		a.refresh()
		a.ses.loading = !msg.batch.Final
		if msg.batch.Final {
			a.finished = true
			return a, nil
		}
		return a, waitBatch(a.loading, a.ses.py)
	case pushMsg:
		return a, a.open(msg.s)
	case bodyMsg:
		a.ses.keepBody(msg)
		for _, s := range a.stack {
			if v, ok := s.(*reportView); ok && v.idx == msg.idx && v.loading {
				v.setBody(msg)
			}
		}
		return a, nil
	case savedMsg:
		a.ses.saved(msg)
		return a, nil
	case quitSavedMsg:
		// the last try to save before quitting: quit when it worked, else ask
		if msg.err == nil {
			return a, tea.Quit
		}
		a.quitArmed = true
		a.ses.notice = a.ses.lang.T("notice.quit-unsaved", a.ses.pending(), a.ses.store.Path(), msg.key)
		return a, nil
	case openReportMsg:
		v := newReportView(a.ses, msg.idx)
		cmd := a.open(v)
		if msg.target {
			v.jumpToTargets()
		}
		return a, cmd
	case jumpMsg:
		// the report already open shows the sentence (its tree and place kept), else a new one
		v := a.reportScreen(msg.idx)
		var cmd tea.Cmd
		if v == nil {
			v = newReportView(a.ses, msg.idx)
			cmd = a.open(v)
		} else {
			a.stack = append(a.stack, v)
		}
		v.jumpTo(msg.start, msg.end)
		if msg.term != "" {
			v.searchFrom(msg.term, msg.start)
		}
		return a, cmd
	case noteDoneMsg:
		a.back()
		a.refresh()
		return a, nil
	case reloadedMsg:
		a.reloaded(msg)
		return a, nil
	case searchMsg:
		// to the search screen wherever it is: it goes on while a result is read
		for i, s := range a.stack {
			if sv, ok := s.(*searchView); ok {
				next, cmd := sv.Update(msg)
				a.stack[i] = next
				return a, cmd
			}
		}
		return a, msg.next // closed: let the scan drain
	case tea.MouseClickMsg:
		m := msg.Mouse()
		if m.Button != tea.MouseLeft || a.help || a.prompt != nil || m.Y < 1 || m.Y >= a.h-1 {
			return a, nil
		}
		top, cmd := a.top().Update(clickMsg{m.X, m.Y - 1})
		a.stack[len(a.stack)-1] = top
		return a, cmd
	case pagerDoneMsg:
		if msg.err != nil {
			a.ses.flash = a.ses.lang.T("flash.pager-failed", msg.err)
		}
		return a, nil
	case tea.KeyPressMsg:
		a.ses.flash = "" // said once, under the key that did it
		if msg.String() == "ctrl+c" {
			return a.quit("ctrl+c")
		}
		if a.prompt != nil {
			return a, a.updatePrompt(msg)
		}
		if !a.typing() {
			switch {
			case a.help:
				// the help is an overlay, as lazygit's: it scrolls, esc, ? or q close it, and
				// no key reaches the screen below
				switch msg.String() {
				case "j", "down":
					a.helpTop++
				case "k", "up":
					a.helpTop = max(0, a.helpTop-1)
				case "space", "pgdown", "ctrl+d", "f":
					a.helpTop += max(1, (a.h-2)/2)
				case "b", "pgup", "ctrl+u":
					a.helpTop = max(0, a.helpTop-max(1, (a.h-2)/2))
				case "g", "home":
					a.helpTop = 0
				case "G", "end":
					a.helpTop = 1 << 20
				case "esc", "?", "q", "backspace":
					a.help, a.helpTop = false, 0
				}
				return a, nil
			case key.Matches(msg, a.global.Help):
				a.help = true
				return a, nil
			case key.Matches(msg, a.global.Quit):
				return a.quit("q")
			case key.Matches(msg, a.global.Back):
				if e, ok := a.top().(escaper); ok && e.escape() {
					return a, nil
				}
				if len(a.stack) > 1 {
					a.back()
					return a, nil
				}
			}
			if cmd, ok := a.action(msg); ok {
				return a, cmd
			}
		}
	}
	top, cmd := a.top().Update(msg)
	a.stack[len(a.stack)-1] = top
	return a, cmd
}

func (a *App) keyMap() keyMap {
	k := a.top().KeyMap()
	if k.textOnly {
		return k // every other key is text
	}
	g := a.global
	k.full = append(k.full, a.actions.bindings())
	if len(a.stack) == 1 {
		// the list is where back leads: esc there belongs to the filter alone
		k.short = append(k.short, g.Help, g.Quit)
		k.full = append(k.full, []key.Binding{g.Help, g.Quit})
		return k
	}
	k.short = append(k.short, g.Back, g.Help, g.Quit)
	k.full = append(k.full, []key.Binding{g.Back, g.Help, g.Quit})
	return k
}

// minW and minH are the smallest screen the browser draws; below it says so.
const minW, minH = 20, 6

// quitSavedMsg is the save tried when quitting with changes not yet on disk.
type quitSavedMsg struct {
	key string
	err error
}

// quit ends the program, unless something the user wrote would be lost: review changes that
// could not be saved (a read-only state folder), or a note being edited. Then it says so and
// quits only when the same key is pressed again.
func (a *App) quit(k string) (tea.Model, tea.Cmd) {
	if a.quitArmed {
		return a, tea.Quit
	}
	if u, ok := a.top().(unsaved); ok && u.unsaved() {
		a.quitArmed = true
		a.ses.notice = a.ses.lang.T("notice.note-unsaved", k)
		return a, nil
	}
	if a.ses.pending() > 0 {
		st := a.ses.store
		return a, func() tea.Msg { return quitSavedMsg{key: k, err: st.Flush()} }
	}
	if a.ses.memoryOnly && len(a.ses.memory.Reviews) > 0 {
		a.quitArmed = true
		a.ses.notice = a.ses.lang.T("notice.quit-memory", k)
		return a, nil
	}
	return a, tea.Quit
}

func (a *App) View() tea.View {
	v := tea.NewView(a.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "baogao"
	return v
}

func (a *App) render() string {
	st, m := a.ses.styles, a.ses.measure
	if a.w < minW || a.h < minH {
		msg := a.ses.lang.T("screen.too-small", a.w, a.h, minW, minH)
		if m.String(msg) > a.w {
			msg = a.ses.lang.T("screen.too-small-short", a.w, a.h)
		}
		return line{plain(msg)}.render(m, max(1, a.w), st.Plain)
	}
	// title line: screen name and loading progress
	title := line{{" baogao · " + a.top().Title(), st.Title}}
	if !a.finished && a.total > 0 {
		title = append(title, seg{"  " + progressBar(m, a.done, a.total, 12), st.Bar}, seg{fmt.Sprintf(" %d/%d", a.done, a.total), st.Dim})
	} else if !a.finished {
		title = append(title, seg{"  " + a.ses.lang.T("title.loading"), st.Dim})
	}
	if n := len(a.ses.errors); n > 0 {
		title = append(title, seg{"  " + a.ses.lang.T("title.unreadable", n), st.Error})
	}
	if a.ses.notice != "" {
		title = append(title, seg{"  " + a.ses.notice, st.Error})
	}
	body := a.top().View()
	if a.help {
		body = a.helpView(a.h - 2)
	}
	return title.render(m, a.w, st.Plain) + "\n" + body + "\n" + a.footer()
}

// progressBar draws done/total in w cells. The block glyphs are ambiguous-width: under
// --east-asian-width each takes two cells, so the count of glyphs is halved, never the bar cut.
func progressBar(m width.Measure, done, total, w int) string {
	unit := max(1, m.Rune('█'))
	w /= unit
	n := 0
	if total > 0 {
		n = done * w / total
	}
	return strings.Repeat("█", n) + strings.Repeat("░", w-n)
}

// footer is the short help of the focused screen plus the global keys, cut to the width.
// It changes with the mode: the export prompt, what the last key did, the help's own keys, a
// text input's. Keys that do not fit are left out whole, never cut mid-word, and ? (the help,
// which lists them all) is the one kept.
func (a *App) footer() string {
	st, m, l := a.ses.styles, a.ses.measure, a.ses.lang
	switch {
	case a.prompt != nil:
		ln := inputLine(a.prompt.input, st)
		if a.prompt.err != "" {
			ln = append(ln, seg{"  " + a.prompt.err, st.Error})
		}
		return ln.render(m, a.w, st.Plain)
	case a.ses.flash != "":
		return line{{a.ses.flash, st.Status}}.render(m, a.w, st.Plain)
	case a.help:
		return line{{l.T("footer.help"), st.Dim}}.render(m, a.w, st.Plain)
	}
	if md, ok := a.top().(moder); ok && a.typing() {
		if f := md.modeFooter(); f != "" {
			return line{{f, st.Dim}}.render(m, a.w, st.Plain)
		}
	}
	var items []key.Binding
	for _, b := range a.keyMap().short {
		if b.Enabled() {
			items = append(items, b)
		}
	}
	const sep = " · "
	width := func(b key.Binding) int { return m.String(b.Help().Key + " " + b.Help().Desc) }
	total := 0
	for i, b := range items {
		total += width(b)
		if i > 0 {
			total += m.String(sep)
		}
	}
	if total > a.w {
		// keep ? at the end, and as many of the others, in order, as fit before it
		var help *key.Binding
		rest := items[:0:0]
		for i := range items {
			if items[i].Help().Key == "?" {
				help = &items[i]
			} else {
				rest = append(rest, items[i])
			}
		}
		used := 0
		if help != nil {
			used = width(*help)
		}
		var kept []key.Binding
		for _, b := range rest {
			if used+m.String(sep)+width(b) > a.w {
				break
			}
			kept = append(kept, b)
			used += m.String(sep) + width(b)
		}
		if help != nil {
			kept = append(kept, *help)
		}
		items = kept
	}
	var ln line
	for _, b := range items {
		if len(ln) > 0 {
			ln = append(ln, seg{sep, st.Dim})
		}
		ln = append(ln, seg{b.Help().Key, st.Header}, seg{" " + b.Help().Desc, st.Dim})
	}
	return ln.render(m, a.w, st.Plain)
}

// helpView lists every key of the current screen, from its KeyMap (never hand-written).
func (a *App) helpView(h int) string {
	st, m := a.ses.styles, a.ses.measure
	var lines []line
	seen := map[string]bool{}
	for _, group := range a.keyMap().full {
		for _, b := range group {
			hk := b.Help()
			if seen[hk.Key] || hk.Key == "" || !b.Enabled() { // only what works here and now
				continue
			}
			seen[hk.Key] = true
			lines = append(lines, line{{"  " + m.PadRight(hk.Key, 10), st.Header}, seg{hk.Desc, st.Plain}})
		}
	}
	top := 0
	if len(lines) > h {
		// longer than the screen: it scrolls, and the last line says there is more
		top = min(a.helpTop, len(lines)-h+1)
		lines = append(lines[:0:0], lines[top:]...)
		if len(lines) > h {
			lines = append(lines[:h-1], line{{"  " + a.ses.lang.T("help.more"), st.Dim}})
		}
	}
	return block(lines, m, a.w, h, st.Plain)
}
