// Package model holds baogao's data: reports, their sections and the indicators found in them.
// It is plain data and pure functions; nothing here reads files or draws anything.
package model

import (
	"baogao/msg"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Report is one government work report. A file may hold several (a bundle); Part tells which.
// Offsets in Sections and Indicators are in runes into Body, so a viewer can jump to them.
type Report struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Part   int    `json:"part"`
	Title  string `json:"title"`
	Region string `json:"region"`
	Level  string `json:"level"`
	// RegionCode is the division code of Region (统计用区划代码, 2023) when the gazetteer knows the
	// place and the text decides between places of the same name; Province and Prefecture are the
	// names of the divisions it lies in ("" for a province itself, or when unknown).
	RegionCode string      `json:"region_code"`
	Province   string      `json:"province"`
	Prefecture string      `json:"prefecture"`
	Year       int         `json:"year"`
	ReviewYear int         `json:"review_year"`
	Date       string      `json:"date"`
	Speaker    string      `json:"speaker"`
	Chars      int         `json:"chars"`
	Sections   []Section   `json:"sections"`
	Indicators []Indicator `json:"indicators"`
	Warnings   []string    `json:"warnings"`
	Body       string      `json:"-"`
	// Hash is TextHash(Body), kept so reviews find a report whose body is not in memory (loaded
	// from the cache, or dropped after parsing to save memory). Empty means: hash Body.
	Hash string `json:"-"`
	// Packed, when not empty, holds Sections, Indicators and Warnings still in the loader's
	// encoding: a large corpus loaded from the parse cache lists in a fraction of the time when
	// they are unpacked (loader.Unpack) only for the reports a screen shows.
	Packed string `json:"-"`
}

// UnreadPrefix begins the warning that lists the clauses of a goals passage the extractor could not
// read ("goals not understood: 2 (A | B)"): the loader writes it, the indicator table shows it.
const UnreadPrefix = "goals not understood: "

// Unread returns the clauses of the goals passage the extractor could not read.
func (r *Report) Unread() []string {
	for _, w := range r.Warnings {
		if rest, ok := strings.CutPrefix(w, UnreadPrefix); ok {
			if i := strings.Index(rest, " ("); i >= 0 && strings.HasSuffix(rest, ")") {
				return strings.Split(rest[i+2:len(rest)-1], " | ")
			}
		}
	}
	return nil
}

// RegionLabel is the region as views in l show it.
func (r *Report) RegionLabel(l msg.Lang) string { return RegionLabelOf(l, r.Region) }

// RegionLabelOf is a region name as views in l show it. A report whose region the text never
// names shows one word, no wider than a place name, the same in the list, the comparison,
// targets and review.
func RegionLabelOf(l msg.Lang, region string) string {
	if region != "" {
		return region
	}
	return l.T("region.unknown")
}

// TextKey is the report's text hash, from Hash when the loader set it.
func (r *Report) TextKey() string {
	if r.Hash != "" {
		return r.Hash
	}
	return TextHash(r.Body)
}

// Section is a heading and the span of body it governs, [Start, End) in runes.
type Section struct {
	Title    string    `json:"title"`
	Level    int       `json:"level"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Children []Section `json:"children"`
}

// Kind says whether a figure reports the past year, sets a target, or is another commitment.
type Kind string

const (
	Actual Kind = "actual"
	Target Kind = "target"
	Plan   Kind = "plan"
)

// Indicator is one figure or target, traceable to its sentence by Start/End (runes into Body).
// Value, Growth and Stretch are pointers because "no number" is a real and common answer.
type Indicator struct {
	Name      string   `json:"name"`
	RawName   string   `json:"raw_name"`
	Kind      Kind     `json:"kind"`
	Value     *float64 `json:"value"`
	Unit      string   `json:"unit"`
	Growth    *float64 `json:"growth"`
	Qualifier string   `json:"qualifier"`
	Stretch   *float64 `json:"stretch"`
	Text      string   `json:"text"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Section   string   `json:"section"`
}

// Targets returns the report's plan-year targets in document order.
func (r *Report) Targets() []Indicator {
	var out []Indicator
	for _, in := range r.Indicators {
		if in.Kind == Target {
			out = append(out, in)
		}
	}
	return out
}

// BareTitle strips a heading's ordinal: "一、2022年工作回顾" → "2022年工作回顾", "（三）…" → "…".
// The ordinal is one to three numerals after 第 or in brackets or before 、 (the parser asks for
// the bare title of every heading many times over: a regexp replacement for each was a percent of
// parsing); the white space after it goes too.
func BareTitle(t string) string {
	n := ordinalLen(t)
	if n == 0 {
		return t
	}
	return strings.TrimLeft(t[n:], " \t\n\f\r")
}

// ordinalLen is the length in bytes of the ordinal t begins with: 一、 （三） (三) 第二， 第二部分; 0
// when there is none.
func ordinalLen(t string) int {
	var open, close []string
	switch {
	case strings.HasPrefix(t, "第"):
		open, close = []string{"第"}, []string{"，", ",", "、", "部分"}
	case strings.HasPrefix(t, "(") || strings.HasPrefix(t, "（"):
		open, close = []string{"(", "（"}, []string{")", "）"}
	default:
		open, close = []string{""}, []string{"、"}
	}
	i := 0
	for _, o := range open {
		if strings.HasPrefix(t, o) {
			i = len(o)
			break
		}
	}
	// the numerals: at most three (greedy is the regexp's reading: none of them closes)
	k := 0
	for k < 3 && i < len(t) {
		r, w := utf8.DecodeRuneInString(t[i:])
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			break
		}
		i += w
		k++
	}
	if k == 0 {
		return 0
	}
	for _, c := range close {
		if strings.HasPrefix(t[i:], c) {
			return i + len(c)
		}
	}
	return 0
}

// SectionPath returns the chain of sections (outermost first) that contains rune offset off.
func SectionPath(secs []Section, off int) []Section {
	var path []Section
	for {
		found := false
		for _, s := range secs {
			if off >= s.Start && off < s.End {
				path = append(path, s)
				secs = s.Children
				found = true
				break
			}
		}
		if !found {
			return path
		}
	}
}

// InnermostSection is the last of SectionPath(secs, off), or nil: without the chain, which the
// extractor asked for at every figure only to read its last title.
func InnermostSection(secs []Section, off int) *Section {
	var in *Section
	for {
		found := false
		for i := range secs {
			if off >= secs[i].Start && off < secs[i].End {
				in = &secs[i]
				secs = in.Children
				found = true
				break
			}
		}
		if !found {
			return in
		}
	}
}

// Float is a small helper for building optional numbers.
func Float(f float64) *float64 { return &f }

// SafeName is a file name as it may be printed to a terminal or a log: as it is when it is valid
// UTF-8 without control or formatting characters, else quoted with those escaped (a name holding
// a newline could forge a line such as "baogao: ALL FILES LOADED OK", an escape could retitle the
// terminal, a bidi override could disguise it).
func SafeName(s string) string {
	if !utf8.ValidString(s) {
		return strconv.Quote(s)
	}
	for _, r := range s {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return strconv.Quote(s)
		}
	}
	return s
}
