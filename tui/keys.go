package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

type keyBinding = key.Binding

// globalKeys work on every screen (unless a text input has focus).
type globalKeys struct {
	Help, Quit, Back key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Back: key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
	}
}

// moveKeys are the cursor and scroll keys every list-like view shares.
type moveKeys struct {
	Up, Down, Top, Bottom, HalfDown, HalfUp key.Binding
}

func newMoveKeys() moveKeys {
	return moveKeys{
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("↓/j", "down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d", "pgdown"), key.WithHelp("ctrl+d", "half page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u", "pgup"), key.WithHelp("ctrl+u", "half page up")),
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
