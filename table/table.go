// Package table lays out the command line's plain-text tables (baogao --list, targets,
// review): columns as wide as their widest cell in the one display-width measure, numbers
// right-aligned, the last column unpadded, and on a terminal the columns that may give way
// narrowed, or dropped, so that no line is wider than the terminal.
package table

import (
	"strings"

	"baogao/tui/width"
)

// Column is one column's heading and how it behaves.
type Column struct {
	Head  string
	Right bool // numbers: aligned on their last digit
	Max   int  // widest the column grows (0: no limit); longer cells are cut with …
	// Min is the narrowest a column that gives way is made; Drop leaves it out instead when it
	// would have to be narrower than Min.
	Min  int
	Drop bool
}

// Table is columns and rows of cells, one cell per column.
type Table struct {
	Columns []Column
	Rows    [][]string
	// GiveWay lists the columns that narrow to fit a terminal, first the first.
	GiveWay []int
}

const gap = 2

// Render draws the table for a terminal termWidth wide (0: not a terminal, nothing is fitted),
// the heading in bold when bold.
func (t Table) Render(m width.Measure, termWidth int, bold bool) string {
	ws := make([]int, len(t.Columns))
	for i, c := range t.Columns {
		ws[i] = m.String(c.Head)
	}
	for _, r := range t.Rows {
		for i, c := range r {
			ws[i] = max(ws[i], m.String(c))
		}
	}
	for i, c := range t.Columns {
		if c.Max > 0 {
			ws[i] = min(ws[i], max(c.Max, m.String(c.Head)))
		}
	}
	if termWidth > 0 {
		for _, i := range t.GiveWay {
			over := -termWidth
			for j, w := range ws {
				if w > 0 {
					over += w
					if j > 0 {
						over += gap
					}
				}
			}
			if over <= 0 {
				break
			}
			c := t.Columns[i]
			switch n := ws[i] - over; {
			case n >= c.Min:
				ws[i] = n
			case c.Drop:
				ws[i] = 0
			default:
				ws[i] = min(ws[i], c.Min)
			}
		}
	}
	last := len(ws) - 1
	for last > 0 && ws[last] == 0 {
		last--
	}
	var b strings.Builder
	row := func(cells []string, head bool) {
		var ln strings.Builder
		for i, c := range cells {
			if ws[i] == 0 {
				continue
			}
			if ln.Len() > 0 {
				ln.WriteString(strings.Repeat(" ", gap))
			}
			if m.String(c) > ws[i] {
				c = m.Truncate(c, ws[i], "…")
			}
			switch {
			case i == last:
				ln.WriteString(c)
			case t.Columns[i].Right:
				ln.WriteString(m.PadLeft(c, ws[i]))
			default:
				ln.WriteString(m.PadRight(c, ws[i]))
			}
		}
		s := strings.TrimRight(ln.String(), " ")
		if termWidth > 0 {
			s = m.Truncate(s, termWidth, "…")
		}
		if head && bold {
			s = "\x1b[1m" + s + "\x1b[0m"
		}
		b.WriteString(s + "\n")
	}
	heads := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		heads[i] = c.Head
	}
	row(heads, true)
	for _, r := range t.Rows {
		row(r, false)
	}
	return b.String()
}
