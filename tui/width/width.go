// Package width is the one display-width measure of baogao: every column, border, wrap and
// truncation in the browser and the command-line tables goes through it, so they agree.
//
// Ambiguous-width characters (“ ” ‘ ’ … · —) are one cell by default, as lipgloss v2 counts
// them; terminals that draw them two cells wide are served by NewMeasure(true)
// (--east-asian-width, RUNEWIDTH_EASTASIAN=1). The locale is never consulted: go-runewidth would
// read it at start-up and disagree with lipgloss under zh_* locales.
package width

import (
	"strings"
	"sync"

	"github.com/mattn/go-runewidth"
)

// Measure counts terminal cells. The zero value is not usable; use Narrow or NewMeasure.
type Measure struct {
	c *runewidth.Condition
}

// NewMeasure returns a measure; eastAsian counts ambiguous-width characters as two cells.
func NewMeasure(eastAsian bool) Measure {
	c := &runewidth.Condition{EastAsianWidth: eastAsian, StrictEmojiNeutral: true}
	c.CreateLUT() // built once here, so concurrent use only reads it
	return Measure{c}
}

// Narrow is the default measure, the one lipgloss agrees with. It is made on first use: its
// table takes milliseconds to build, and commands that draw nothing should not start slower.
var Narrow = sync.OnceValue(func() Measure { return NewMeasure(false) })

// EastAsian reports whether ambiguous characters are counted wide.
func (m Measure) EastAsian() bool { return m.c.EastAsianWidth }

// String returns the cells s takes. s must not hold ANSI escapes.
func (m Measure) String(s string) int { return m.c.StringWidth(s) }

// Rune returns the cells r takes.
func (m Measure) Rune(r rune) int { return m.c.RuneWidth(r) }

// Truncate cuts s to at most w cells, ending in tail when it cut; a wide character that would
// straddle the edge is dropped, never split.
func (m Measure) Truncate(s string, w int, tail string) string {
	if m.String(s) <= w {
		return s
	}
	if w <= 0 {
		return ""
	}
	tw := m.String(tail)
	if tw > w {
		tail, tw = "", 0
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		rw := m.Rune(r)
		if used+rw > w-tw {
			break
		}
		b.WriteRune(r)
		used += rw
	}
	return b.String() + tail
}

// PadRight pads s with spaces to w cells (or truncates it with …).
func (m Measure) PadRight(s string, w int) string {
	s = m.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(0, w-m.String(s)))
}

// PadLeft right-aligns s in w cells.
func (m Measure) PadLeft(s string, w int) string {
	s = m.Truncate(s, w, "…")
	return strings.Repeat(" ", max(0, w-m.String(s))) + s
}
