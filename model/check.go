package model

import (
	"fmt"
	"unicode/utf8"
)

// Problems lists what does not hold of r that must hold of every report a load gives: Chars
// counts the body's runes, text is valid UTF-8, sections nest inside their parents and the body,
// and every indicator's offsets lie in the body and hold its text. The tests and fuzzers of the
// parser and the corpus check every report they see with it.
func (r *Report) Problems() []string {
	var out []string
	n := utf8.RuneCountInString(r.Body)
	if r.Chars != n {
		out = append(out, fmt.Sprintf("%s: chars %d, body has %d", r.ID, r.Chars, n))
	}
	for _, s := range []string{r.Body, r.Title, r.Region, r.Speaker} {
		if !utf8.ValidString(s) {
			out = append(out, r.ID+": invalid UTF-8 out")
		}
	}
	var walk func([]Section, int, int)
	walk = func(ss []Section, lo, hi int) {
		for _, s := range ss {
			if s.Start < lo || s.End > hi || s.Start > s.End {
				out = append(out, fmt.Sprintf("%s: section %q [%d,%d) outside [%d,%d)", r.ID, s.Title, s.Start, s.End, lo, hi))
			}
			walk(s.Children, s.Start, s.End)
		}
	}
	walk(r.Sections, 0, n)
	var body []rune
	for _, in := range r.Indicators {
		if in.Start < 0 || in.End > n || in.Start > in.End {
			out = append(out, fmt.Sprintf("%s: indicator %q offsets [%d,%d) outside body of %d", r.ID, in.Name, in.Start, in.End, n))
			continue
		}
		if body == nil {
			body = []rune(r.Body)
		}
		if got := string(body[in.Start:in.End]); got != in.Text {
			out = append(out, fmt.Sprintf("%s: indicator text %q, body there %q", r.ID, in.Text, got))
		}
		if !utf8.ValidString(in.Text) || !utf8.ValidString(in.Name) {
			out = append(out, r.ID+": invalid UTF-8 in indicator")
		}
	}
	return out
}
