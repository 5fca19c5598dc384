package tui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"baogao/tui/width"
)

// seg is a piece of a screen line with its style. Lines are built from segments and measured
// by their text alone, with the one width measure, so styling can never change a layout.
type seg struct {
	text  string
	style lipgloss.Style
}

type line []seg

// render draws the line in exactly w cells: cut with … when longer, padded when shorter. pad is
// the style of the padding (a selected row keeps its background to the edge).
func (l line) render(m width.Measure, w int, pad lipgloss.Style) string {
	var b strings.Builder
	used := 0
	for i, s := range l {
		sw := m.String(s.text)
		if used+sw > w {
			rest := w - used
			t := m.Truncate(s.text, rest, "…")
			if i == len(l)-1 && rest > 0 && m.String(s.text) <= rest {
				t = s.text
			}
			b.WriteString(s.style.Render(t))
			used += m.String(t)
			break
		}
		b.WriteString(s.style.Render(s.text))
		used += sw
	}
	if used < w {
		b.WriteString(pad.Render(strings.Repeat(" ", w-used)))
	}
	return b.String()
}

func plain(s string) seg { return seg{text: s} }

// block draws lines as h rows of w cells, blank rows after them, one newline between rows and
// none after the last: the body of a screen that is a list of lines (help, charts).
func block(lines []line, m width.Measure, w, h int, pad lipgloss.Style) string {
	var b strings.Builder
	for r := 0; r < h; r++ {
		if r > 0 {
			b.WriteString("\n")
		}
		if r < len(lines) {
			b.WriteString(lines[r].render(m, w, pad))
		} else {
			b.WriteString(strings.Repeat(" ", w))
		}
	}
	return b.String()
}

// highlight splits text into segments, styling the runes at the given positions.
func highlight(text string, pos map[int]bool, base, hl lipgloss.Style) line {
	if len(pos) == 0 {
		return line{{text, base}}
	}
	var out line
	var cur strings.Builder
	curHL := false
	i := 0
	flush := func() {
		if cur.Len() > 0 {
			st := base
			if curHL {
				st = hl
			}
			out = append(out, seg{cur.String(), st})
			cur.Reset()
		}
	}
	for _, r := range text {
		h := pos[i]
		if h != curHL {
			flush()
			curHL = h
		}
		cur.WriteRune(r)
		i++
	}
	flush()
	return out
}
