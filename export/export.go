// Package export writes what baogao extracted in the export contract (docs/export.md): JSON,
// byte for byte what encoding/json would write but streamed and rendered on every core, or
// CSV of the indicators; each report with its review (Review). Fragment is one report's JSON
// without its id, source and review, kept in the parse cache so a warm export copies bytes.
package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"baogao/loader"
	"baogao/model"
	"baogao/msg"
)

// Review is one report's review as `baogao review` and the export show it.
type Review struct {
	ID       string       `json:"id"`
	Region   string       `json:"region"`
	Year     int          `json:"year"`
	Reviewed bool         `json:"reviewed"`
	Stale    bool         `json:"stale"`   // the report's text changed since the review
	Missing  bool         `json:"missing"` // the review's report is not among those loaded
	Stars    []string     `json:"stars"`
	Flags    []model.Flag `json:"flags"`
	Notes    []model.Note `json:"notes"`
}

// ReviewOf is report r's review rv (nil: none yet); stale says the text changed since.
func ReviewOf(r *model.Report, rv *model.Review, stale bool) Review {
	row := Review{ID: r.ID, Region: r.Region, Year: r.Year, Stale: stale, Stars: []string{}, Flags: []model.Flag{}, Notes: []model.Note{}}
	if rv != nil {
		row.Reviewed, row.Stars, row.Flags, row.Notes = rv.Reviewed, rv.Stars, rv.Flags, rv.Notes
	}
	return row
}

// Write prints the reports in the export contract of docs/export.md, in format json or csv, each
// with its review in reviews (nil: none).
func Write(w io.Writer, res loader.Result, format string, reviews *model.ReviewState) error {
	switch format {
	case "json":
		return writeJSON(w, res, reviews)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write([]string{"id", "source", "part", "region", "level", "region_code", "year", "review_year", "kind", "name", "raw_name", "value", "unit", "growth", "qualifier", "stretch", "section", "start", "end", "text"})
		for _, r := range res.Reports {
			if err := loader.Unpack(&r); err != nil {
				return err
			}
			for _, in := range r.Indicators {
				cw.Write([]string{r.ID, r.Source, strconv.Itoa(r.Part), r.Region, r.Level, r.RegionCode, strconv.Itoa(r.Year), strconv.Itoa(r.ReviewYear),
					string(in.Kind), in.Name, in.RawName, Num(in.Value), in.Unit, Num(in.Growth), in.Qualifier, Num(in.Stretch),
					in.Section, strconv.Itoa(in.Start), strconv.Itoa(in.End), in.Text})
			}
		}
		cw.Flush()
		return cw.Error()
	case "xlsx":
		sheets, err := ReportSheets(res)
		if err != nil {
			return err
		}
		return WriteXLSX(w, sheets)
	}
	return msg.E("cli.unknown-format", format, strings.Join([]string{"json", "csv", "xlsx"}, ", "))
}

// Num is a figure as the CSV outputs write it: shortest exact form, "" for none.
func Num(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// writeJSON prints the export document report by report. It writes the bytes encoding/json
// would (indent of one space, no HTML escaping; a test holds it to that), by hand: reflection
// and re-indenting took three quarters of a warm export of a large corpus, and streaming keeps
// the output out of memory.
func writeJSON(w io.Writer, res loader.Result, reviews *model.ReviewState) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("{\n \"reports\": [")
	if len(res.Reports) == 0 {
		bw.WriteString("]")
	}
	// Reports are rendered in runs on every core and written in order; at most a few runs wait
	// in memory at once.
	const run = 128
	runs := (len(res.Reports) + run - 1) / run
	outs := make([]chan []byte, runs)
	for i := range outs {
		outs[i] = make(chan []byte, 1)
	}
	workers := runtime.GOMAXPROCS(0)
	slots := make(chan struct{}, 2*workers)
	var renderErr error
	var once sync.Once
	go func() {
		for c := 0; c < runs; c++ {
			slots <- struct{}{}
			go func() {
				o := &jsonOut{b: (*bufs.Get().(*[]byte))[:0]}
				for i := c * run; i < min(len(res.Reports), (c+1)*run); i++ {
					if i > 0 {
						o.b = append(o.b, ',')
					}
					o.nl(2)
					r := &res.Reports[i]
					var frag []byte
					if i < len(res.Rendered) {
						frag = res.Rendered[i]
					}
					if frag == nil && r.Packed != "" {
						whole := *r
						if err := loader.Unpack(&whole); err != nil {
							once.Do(func() { renderErr = err })
						}
						r = &whole
					}
					rv, stale := reviews.Find(r)
					if err := o.report(r, frag, ReviewOf(r, rv, stale), rv == nil); err != nil {
						once.Do(func() { renderErr = err })
					}
				}
				outs[c] <- o.b
			}()
		}
	}()
	var writeErr error
	for c := range outs {
		b := <-outs[c]
		if writeErr == nil {
			_, writeErr = bw.Write(b)
		}
		bufs.Put(&b)
		<-slots
	}
	if renderErr != nil {
		return renderErr
	}
	if writeErr != nil {
		return writeErr
	}
	if len(res.Reports) > 0 {
		bw.WriteString("\n ]")
	}
	errs := res.Errors
	if errs == nil {
		errs = []loader.FileError{}
	}
	eb, err := json.MarshalIndent(errs, " ", " ")
	if err != nil {
		return err
	}
	bw.WriteString(",\n \"errors\": ")
	bw.Write(eb)
	bw.WriteString("\n}\n")
	return bw.Flush()
}

type jsonOut struct{ b []byte }

// bufs recycles the buffers runs of reports are rendered into (about 6 KB a report).
var bufs = sync.Pool{New: func() any { b := make([]byte, 0, 1<<20); return &b }}

const newlines = "\n                " // a line break and the indent of the deepest member

func (o *jsonOut) nl(depth int) { o.b = append(o.b, newlines[:depth+1]...) }

// key starts a member of an object whose members sit at depth.
func (o *jsonOut) key(depth int, k string, first bool) {
	if !first {
		o.b = append(o.b, ',')
	}
	o.nl(depth)
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, '"', ':', ' ')
}

func (o *jsonOut) int(v int) { o.b = strconv.AppendInt(o.b, int64(v), 10) }

// float formats as encoding/json does: 'f' unless tiny or huge, exponents without leading zeros.
func (o *jsonOut) float(f *float64) {
	if f == nil || math.IsNaN(*f) || math.IsInf(*f, 0) {
		o.b = append(o.b, "null"...)
		return
	}
	v, format := *f, byte('f')
	if abs := math.Abs(v); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	o.b = strconv.AppendFloat(o.b, v, format, -1, 64)
	if n := len(o.b); format == 'e' && n >= 4 && o.b[n-4] == 'e' && o.b[n-3] == '-' && o.b[n-2] == '0' {
		o.b[n-2] = o.b[n-1]
		o.b = o.b[:n-1]
	}
}

const hexDigits = "0123456789abcdef"

// str escapes as encoding/json with HTML escaping off. Valid UTF-8 (nearly every string) takes
// a byte loop that only stops at ASCII to escape and at U+2028/U+2029.
func (o *jsonOut) str(s string) {
	o.b = append(o.b, '"')
	if utf8.ValidString(s) {
		start := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c >= 0x20 && c != '"' && c != '\\' && c != 0xE2:
				continue
			case c == 0xE2:
				if i+2 >= len(s) || s[i+1] != 0x80 || s[i+2] != 0xA8 && s[i+2] != 0xA9 {
					continue
				}
				o.b = append(o.b, s[start:i]...)
				o.b = append(o.b, '\\', 'u', '2', '0', '2', "89"[s[i+2]-0xA8])
				i += 2
				start = i + 1
				continue
			}
			o.b = append(o.b, s[start:i]...)
			o.escapeASCII(c)
			start = i + 1
		}
		o.b = append(o.b, s[start:]...)
		o.b = append(o.b, '"')
		return
	}
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			o.b = append(o.b, s[start:i]...)
			o.escapeASCII(c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			o.b = append(o.b, s[start:i]...)
			o.b = append(o.b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			o.b = append(o.b, s[start:i]...)
			o.b = append(o.b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	o.b = append(o.b, s[start:]...)
	o.b = append(o.b, '"')
}

func (o *jsonOut) escapeASCII(c byte) {
	switch c {
	case '"', '\\':
		o.b = append(o.b, '\\', c)
	case '\b':
		o.b = append(o.b, '\\', 'b')
	case '\f':
		o.b = append(o.b, '\\', 'f')
	case '\n':
		o.b = append(o.b, '\\', 'n')
	case '\r':
		o.b = append(o.b, '\\', 'r')
	case '\t':
		o.b = append(o.b, '\\', 't')
	default:
		o.b = append(o.b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
	}
}

func (o *jsonOut) strs(ss []string, depth int) {
	if ss == nil {
		o.b = append(o.b, "null"...)
		return
	}
	o.b = append(o.b, '[')
	for i, s := range ss {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		o.nl(depth + 1)
		o.str(s)
	}
	if len(ss) > 0 {
		o.nl(depth)
	}
	o.b = append(o.b, ']')
}

// report writes one report at depth 2 with its review row; the row is written by encoding/json
// unless it is the empty one every unreviewed report has. frag, when not nil, is what
// renderFragment gave for the report (kept in the parse cache).
func (o *jsonOut) report(r *model.Report, frag []byte, row Review, empty bool) error {
	const d = reportDepth
	o.b = append(o.b, '{')
	o.key(d, "id", true)
	o.str(r.ID)
	o.key(d, "source", false)
	o.str(r.Source)
	if frag != nil {
		o.b = append(o.b, frag...)
	} else {
		o.fragment(r)
	}
	o.key(d, "review", false)
	if empty {
		o.b = append(o.b, '{')
		o.key(d+1, "id", true)
		o.str(row.ID)
		o.key(d+1, "region", false)
		o.str(row.Region)
		o.key(d+1, "year", false)
		o.int(row.Year)
		o.b = append(o.b, ",\n    \"reviewed\": false,\n    \"stale\": false,\n    \"missing\": false,\n    \"stars\": [],\n    \"flags\": [],\n    \"notes\": []"...)
		o.nl(d)
		o.b = append(o.b, '}')
	} else {
		rb, err := json.MarshalIndent(row, "   ", " ")
		if err != nil {
			return err
		}
		o.b = append(o.b, rb...)
	}
	o.nl(d - 1)
	o.b = append(o.b, '}')
	return nil
}

// reportDepth is the indent of a report's members in the export document.
const reportDepth = 3

// renderFragment is a report's members from "part" to "warnings": all of its export that does
// not depend on the name it was loaded under or on the reviews, so the parse cache can keep it.
func Fragment(r *model.Report) []byte {
	// rendered into a worker's scratch buffer and copied out at its size: grown from nothing it
	// was a dozen allocations a report, and the cache kept up to twice its length for each
	p := scratch.Get().(*[]byte)
	o := &jsonOut{b: (*p)[:0]}
	o.fragment(r)
	out := bytes.Clone(o.b)
	if cap(o.b) <= keptScratch {
		*p = o.b
		scratch.Put(p)
	}
	return out
}

// scratch holds the buffers fragments are rendered into (a report's is a few kilobytes); one
// grown past keptScratch by a report of thousands of figures is let go.
var scratch = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

const keptScratch = 1 << 20

func (o *jsonOut) fragment(r *model.Report) {
	const d = reportDepth
	o.key(d, "part", false)
	o.int(r.Part)
	o.key(d, "title", false)
	o.str(r.Title)
	o.key(d, "region", false)
	o.str(r.Region)
	o.key(d, "level", false)
	o.str(r.Level)
	o.key(d, "region_code", false)
	o.str(r.RegionCode)
	o.key(d, "province", false)
	o.str(r.Province)
	o.key(d, "prefecture", false)
	o.str(r.Prefecture)
	o.key(d, "year", false)
	o.int(r.Year)
	o.key(d, "review_year", false)
	o.int(r.ReviewYear)
	o.key(d, "date", false)
	o.str(r.Date)
	o.key(d, "speaker", false)
	o.str(r.Speaker)
	o.key(d, "chars", false)
	o.int(r.Chars)
	o.key(d, "sections", false)
	o.sections(r.Sections, d)
	o.key(d, "indicators", false)
	o.indicators(r.Indicators, d)
	o.key(d, "warnings", false)
	o.strs(r.Warnings, d)
}

// objects writes n objects as an array whose key sits at depth; member writes object i's
// members, which sit at depth+2. A nil list is null, as encoding/json writes it.
func (o *jsonOut) objects(n int, isNil bool, depth int, members func(i, d int)) {
	if isNil {
		o.b = append(o.b, "null"...)
		return
	}
	o.b = append(o.b, '[')
	for i := range n {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		o.nl(depth + 1)
		o.b = append(o.b, '{')
		members(i, depth+2)
		o.nl(depth + 1)
		o.b = append(o.b, '}')
	}
	if n > 0 {
		o.nl(depth)
	}
	o.b = append(o.b, ']')
}

func (o *jsonOut) sections(ss []model.Section, depth int) {
	o.objects(len(ss), ss == nil, depth, func(i, d int) {
		s := &ss[i]
		o.key(d, "title", true)
		o.str(s.Title)
		o.key(d, "level", false)
		o.int(s.Level)
		o.key(d, "start", false)
		o.int(s.Start)
		o.key(d, "end", false)
		o.int(s.End)
		o.key(d, "children", false)
		o.sections(s.Children, d)
	})
}

func (o *jsonOut) indicators(ins []model.Indicator, depth int) {
	o.objects(len(ins), ins == nil, depth, func(i, d int) {
		in := &ins[i]
		o.key(d, "name", true)
		o.str(in.Name)
		o.key(d, "raw_name", false)
		o.str(in.RawName)
		o.key(d, "kind", false)
		o.str(string(in.Kind))
		o.key(d, "value", false)
		o.float(in.Value)
		o.key(d, "unit", false)
		o.str(in.Unit)
		o.key(d, "growth", false)
		o.float(in.Growth)
		o.key(d, "qualifier", false)
		o.str(in.Qualifier)
		o.key(d, "stretch", false)
		o.float(in.Stretch)
		o.key(d, "text", false)
		o.str(in.Text)
		o.key(d, "start", false)
		o.int(in.Start)
		o.key(d, "end", false)
		o.int(in.End)
		o.key(d, "section", false)
		o.str(in.Section)
	})
}
