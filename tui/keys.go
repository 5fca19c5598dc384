package tui

import (
	"baogao/msg"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

type keyBinding = key.Binding

// globalKeys work on every screen (unless a text input has focus).
type globalKeys struct {
	Help, Quit, Back key.Binding
}

func newGlobalKeys(l msg.Lang) globalKeys {
	return globalKeys{
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", l.T("key.help"))),
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", l.T("key.quit"))),
		Back: key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", l.T("key.back"))),
	}
}

// moveKeys are the cursor and scroll keys every list-like view shares.
type moveKeys struct {
	Up, Down, Top, Bottom, HalfDown, HalfUp key.Binding
}

func newMoveKeys(l msg.Lang) moveKeys {
	return moveKeys{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", l.T("key.up"))),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", l.T("key.down"))),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", l.T("key.top"))),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", l.T("key.bottom"))),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d", "pgdown"), key.WithHelp("ctrl+d", l.T("key.half-page-down"))),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u", "pgup"), key.WithHelp("ctrl+u", l.T("key.half-page-up"))),
	}
}

func (k moveKeys) bindings() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Top, k.Bottom, k.HalfDown, k.HalfUp}
}

// move applies a movement key to a cursor over n items with a page of h rows.
func (k moveKeys) move(msg interface{ String() string }, cur, n, h int) (int, bool) {
	switch {
	case key.Matches(msg, k.Up):
		cur--
	case key.Matches(msg, k.Down):
		cur++
	case key.Matches(msg, k.Top):
		cur = 0
	case key.Matches(msg, k.Bottom):
		cur = n - 1
	case key.Matches(msg, k.HalfDown):
		cur += max(1, h/2)
	case key.Matches(msg, k.HalfUp):
		cur -= max(1, h/2)
	default:
		return cur, false
	}
	return max(0, min(cur, n-1)), true
}

// The keys of each screen, one struct each, and enable: what the screen's state turns off.

type listKeys struct {
	moveKeys
	Filter, Open, Clear, Sort, Targets, Errors key.Binding
	Reviewed, Star, Note, ReviewFilter         key.Binding
	Timeline, FullText                         key.Binding
}

func newListKeys(l msg.Lang) listKeys {
	return listKeys{
		moveKeys: newMoveKeys(l),
		Filter:   key.NewBinding(key.WithKeys("/"), key.WithHelp("/", l.T("key.filter"))),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T("key.open"))),
		Clear:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.T("key.clear-filter"))),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", l.T("key.sort"))),
		Targets:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", l.T("key.targets"))),
		Errors:   key.NewBinding(key.WithKeys("e"), key.WithHelp("e", l.T("key.load-errors"))),

		Reviewed:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", l.T("key.mark-reviewed"))),
		Star:         key.NewBinding(key.WithKeys("*"), key.WithHelp("*", l.T("key.star"))),
		Note:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", l.T("key.note"))),
		ReviewFilter: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", l.T("key.show-all-unreviewed-starred-flagged-noted"))),
		Timeline:     key.NewBinding(key.WithKeys("T"), key.WithHelp("T", l.T("key.timeline"))),
		FullText:     key.NewBinding(key.WithKeys("F", "ctrl+f"), key.WithHelp("F", l.T("key.fulltext"))),
	}
}

// enable turns off the keys that do nothing in the list's present state, so that the help
// offers only what works and a key pressed in vain is not taken.
func (k *listKeys) enable(l *reportList) {
	some := len(l.visible) > 0
	for _, b := range []*key.Binding{&k.Open, &k.Reviewed, &k.Star, &k.Note, &k.Targets, &k.Timeline} {
		b.SetEnabled(some)
	}
	k.Clear.SetEnabled(l.query() != "")
	k.Sort.SetEnabled(len(l.visible) > 1)
	k.Errors.SetEnabled(len(l.ses.errors) > 0)
}

type reportKeys struct {
	moveKeys
	Toggle, Pane, Search, Next, Prev, Indicators key.Binding
	Expand, Collapse                             key.Binding
	Reviewed, Star, Note                         key.Binding
	Tree, PageDown, PageUp                       key.Binding
	Timeline                                     key.Binding
}

func newReportKeys(l msg.Lang) reportKeys {
	return reportKeys{
		moveKeys:   newMoveKeys(l),
		Toggle:     key.NewBinding(key.WithKeys("enter", "space"), key.WithHelp("enter", l.T("key.expand-collapse"))),
		Pane:       key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", l.T("key.switch-pane"))),
		Expand:     key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", l.T("key.expand"))),
		Collapse:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", l.T("key.collapse"))),
		Search:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", l.T("key.search"))),
		Next:       key.NewBinding(key.WithKeys("n"), key.WithHelp("n", l.T("key.next-match"))),
		Prev:       key.NewBinding(key.WithKeys("N"), key.WithHelp("N", l.T("key.previous-match"))),
		Indicators: key.NewBinding(key.WithKeys("i"), key.WithHelp("i", l.T("key.indicators"))),
		Reviewed:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", l.T("key.mark-reviewed"))),
		Star:       key.NewBinding(key.WithKeys("*"), key.WithHelp("*", l.T("key.star-section"))),
		Note:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", l.T("key.note-on-section"))), // n is the next match here
		Tree:       key.NewBinding(key.WithKeys("z"), key.WithHelp("z", l.T("key.tree"))),
		PageDown:   key.NewBinding(key.WithKeys("space", "pgdown", "f"), key.WithHelp("space/f", l.T("key.page-down"))),
		PageUp:     key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b", l.T("key.page-up"))),
		Timeline:   key.NewBinding(key.WithKeys("T"), key.WithHelp("T", l.T("key.timeline"))),
	}
}

// enable turns off the keys that do nothing in the report's present state: the tree's keys while
// the reader has focus, next and previous match without a search.
func (k *reportKeys) enable(v *reportView) {
	l := v.ses.lang
	for _, b := range []*key.Binding{&k.Toggle, &k.Expand, &k.Collapse} {
		b.SetEnabled(!v.reader)
	}
	k.Next.SetEnabled(len(v.matches) > 0)
	k.Prev.SetEnabled(len(v.matches) > 0)
	// the reader pages like less: space and b a page, d and u half of one
	k.PageDown.SetEnabled(v.reader)
	k.PageUp.SetEnabled(v.reader)
	if v.reader {
		k.HalfDown.SetKeys("ctrl+d", "d")
		k.HalfUp.SetKeys("ctrl+u", "u")
		k.HalfDown.SetHelp("d", l.T("key.half-page-down"))
		k.HalfUp.SetHelp("u", l.T("key.half-page-up"))
	} else {
		k.HalfDown.SetKeys("ctrl+d", "pgdown")
		k.HalfUp.SetKeys("ctrl+u", "pgup")
		k.HalfDown.SetHelp("ctrl+d", l.T("key.half-page-down"))
		k.HalfUp.SetHelp("ctrl+u", l.T("key.half-page-up"))
	}
	k.Pane.SetEnabled(!v.hideTree)
}

type tableKeys struct {
	moveKeys
	Left, Right, Sort, Jump key.Binding
	Star, Flag              key.Binding
}

func newTableKeys(l msg.Lang) tableKeys {
	return tableKeys{
		moveKeys: newMoveKeys(l),
		Left:     key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("←/h", l.T("key.column-left"))),
		Right:    key.NewBinding(key.WithKeys("l", "right"), key.WithHelp("→/l", l.T("key.column-right"))),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", l.T("key.sort-by-column"))),
		Jump:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T("key.show-source"))),
		Star:     key.NewBinding(key.WithKeys("*"), key.WithHelp("*", l.T("key.star"))),
		Flag:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", l.T("key.flag-as-wrong"))),
	}
}

// enable turns off the keys that do nothing in an empty table.
func (k *tableKeys) enable(t *indicatorTable) {
	for _, b := range []*key.Binding{&k.Jump, &k.Star, &k.Flag} {
		b.SetEnabled(len(t.rows) > 0)
	}
	k.Sort.SetEnabled(len(t.rows) > 1)
}

type targetsKeys struct {
	moveKeys
	Left, Right, Sort, Chart, Open key.Binding
}

func newTargetsKeys(l msg.Lang) targetsKeys {
	return targetsKeys{
		moveKeys: newMoveKeys(l),
		Left:     key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("←/h", l.T("key.column-left"))),
		Right:    key.NewBinding(key.WithKeys("l", "right"), key.WithHelp("→/l", l.T("key.column-right"))),
		Sort:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", l.T("key.sort"))),
		Chart:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", l.T("key.chart"))),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T("key.open"))),
	}
}

// enable turns off the keys that do nothing in an empty comparison.
func (k *targetsKeys) enable(v *targetsView) {
	k.Open.SetEnabled(len(v.idxs) > 0)
	k.Chart.SetEnabled(len(v.idxs) > 0)
	k.Sort.SetEnabled(len(v.idxs) > 1)
}

type searchKeys struct {
	moveKeys
	Open, Edit, Chart key.Binding
}

func newSearchKeys(l msg.Lang) searchKeys {
	return searchKeys{
		moveKeys: newMoveKeys(l),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T("key.open-hit"))),
		Edit:     key.NewBinding(key.WithKeys("/", "F"), key.WithHelp("/", l.T("key.edit-query"))),
		Chart:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", l.T("key.trend"))),
	}
}

func (k *searchKeys) enable(v *searchView) {
	k.Open.SetEnabled(len(v.rows) > 0)
	k.Chart.SetEnabled(!v.query.Empty())
}

type timelineKeys struct {
	moveKeys
	Left, Right, Chart, Target, Actual key.Binding
}

func newTimelineKeys(l msg.Lang) timelineKeys {
	return timelineKeys{
		moveKeys: newMoveKeys(l),
		Left:     key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("←/h", l.T("key.year-left"))),
		Right:    key.NewBinding(key.WithKeys("l", "right"), key.WithHelp("→/l", l.T("key.year-right"))),
		Chart:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", l.T("key.chart"))),
		Target:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", l.T("key.target-source"))),
		Actual:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", l.T("key.actual-source"))),
	}
}

// enable turns off what the picked cell does not have.
func (k *timelineKeys) enable(v *timelineView) {
	c, ok := v.cell()
	k.Target.SetEnabled(ok && c.Target != nil)
	k.Actual.SetEnabled(ok && c.Actual != nil)
	k.Chart.SetEnabled(len(v.tl.Rows) > 0)
}

type noteKeys struct {
	Save, Cancel, Yes, No key.Binding
	Both, Mine, Theirs    key.Binding // when the note changed elsewhere since it was opened
}

func newNoteKeys(l msg.Lang) noteKeys {
	return noteKeys{
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", l.T("key.save-note"))),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", l.T("key.cancel"))),
		Yes:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", l.T("key.discard-changes"))),
		No:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", l.T("key.keep-editing"))),
		Both:   key.NewBinding(key.WithKeys("a"), key.WithHelp("a", l.T("key.keep-both-append-mine"))),
		Mine:   key.NewBinding(key.WithKeys("m"), key.WithHelp("m", l.T("key.keep-mine"))),
		Theirs: key.NewBinding(key.WithKeys("t"), key.WithHelp("t", l.T("key.keep-theirs"))),
	}
}

// keyMap is what the help view shows for one screen.
type keyMap struct {
	short []key.Binding
	full  [][]key.Binding
	// textOnly: the screen takes every key as text (the note editor); no global keys
	textOnly bool
}

func (k keyMap) ShortHelp() []key.Binding  { return k.short }
func (k keyMap) FullHelp() [][]key.Binding { return k.full }

// scrollTo keeps a cursor inside n rows, and its row inside the page of rows shown from off.
func scrollTo(cur, off, n, page int) (int, int) {
	cur = max(0, min(cur, n-1))
	if cur < off {
		off = cur
	}
	if cur >= off+page {
		off = cur - page + 1
	}
	return cur, off
}

// wheel is the rows a mouse wheel message moves: 1 down, -1 up.
func wheel(msg tea.MouseWheelMsg) int {
	switch msg.Button {
	case tea.MouseWheelDown:
		return 1
	case tea.MouseWheelUp:
		return -1
	}
	return 0
}
