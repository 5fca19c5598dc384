package tui

import tea "charm.land/bubbletea/v2"

// Screen is one screen of the browser. The root keeps a stack of them: messages and keys go to
// the top one, which is drawn under the title line with its keys (and the global ones) in the
// footer and the help. A new screen is a type implementing Screen, opened with push.
type Screen interface {
	Update(tea.Msg) (Screen, tea.Cmd)
	View() string
	SetSize(w, h int)
	KeyMap() keyMap
	// Typing says a text input has focus: every key goes to the screen, none to the root.
	Typing() bool
	// Title names the screen in the title line.
	Title() string
}

// What some screens do beyond Screen, asked for by the root when it matters.
type (
	// escaper takes back something of its own on Esc (a search) before the root closes it.
	escaper interface{ escape() bool }
	// refresher shows reports or reviews that changed since it was drawn (more reports loaded,
	// a note saved).
	refresher interface{ refresh() }
	// unsaved says the screen holds something the user wrote and has not saved.
	unsaved interface{ unsaved() bool }
	// preparer brings what its View reads up to date after each message, so View only reads.
	preparer interface{ prepare() }
	// starter has work to start when it opens (reading a report's body back).
	starter interface{ start() tea.Cmd }
	// moder says, while its text input has focus, what the keys do there (the footer shows it).
	moder interface{ modeFooter() string }
)

// clickMsg is a left click, at a cell of the screen (its first line is y 0: the root takes
// away its title line).
type clickMsg struct{ x, y int }

// pushMsg opens a screen on top of the stack.
type pushMsg struct{ s Screen }

// push is the command that opens s.
func push(s Screen) tea.Cmd { return func() tea.Msg { return pushMsg{s} } }

func (l *reportList) Typing() bool      { return l.typing }
func (l *reportList) Title() string     { return l.ses.lang.T("title.list") }
func (v *reportView) Typing() bool      { return v.typing }
func (v *reportView) Title() string     { return v.ses.lang.T("title.report") }
func (t *indicatorTable) Typing() bool  { return t.typing }
func (t *indicatorTable) Title() string { return t.ses.lang.T("title.indicators") }
func (v *targetsView) Typing() bool     { return false }
func (v *targetsView) Title() string    { return v.ses.lang.T("title.targets") }
func (e *errorsView) Typing() bool      { return false }
func (e *errorsView) Title() string     { return e.ses.lang.T("title.errors") }
func (e *noteEditor) Typing() bool      { return true }
func (e *noteEditor) Title() string     { return e.ses.lang.T("title.note") }

// The list refilters when reports arrive or reviews change (a review filter may hide a row now).
func (l *reportList) refresh() {
	l.complete = false // new reports: the next filter starts from all of them
	l.refilter()
}

// Esc in a report with a search takes back the search first, then the screen.
func (v *reportView) escape() bool {
	if v.query == "" {
		return false
	}
	v.search("")
	return true
}

func (e *noteEditor) unsaved() bool { return e.dirty() }

func (l *reportList) modeFooter() string     { return l.ses.lang.T("footer.filter") }
func (v *reportView) modeFooter() string     { return v.ses.lang.T("footer.search") }
func (t *indicatorTable) modeFooter() string { return t.ses.lang.T("footer.flag") }
