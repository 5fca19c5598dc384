package model

import (
	"baogao/msg"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"time"
)

// Review is what a reviewer recorded about one report. It is keyed by the hash of the report's
// text, so it follows a file that is moved or renamed; it remembers the id it was made under, so
// a report whose text changed still finds it (and shows it as stale).
type Review struct {
	Hash     string    `json:"hash"`
	ID       string    `json:"id"`
	Region   string    `json:"region"`
	Year     int       `json:"year"`
	Reviewed bool      `json:"reviewed"`
	Stars    []string  `json:"stars"` // targets, see Target*
	Flags    []Flag    `json:"flags"`
	Notes    []Note    `json:"notes"`
	Updated  time.Time `json:"updated"`
}

// Flag marks an indicator the reviewer found wrong, and why.
type Flag struct {
	Target string    `json:"target"`
	Reason string    `json:"reason"`
	By     string    `json:"by,omitempty"`
	At     time.Time `json:"at"`
}

// Note is free text on a report or one of its sections.
type Note struct {
	Target string    `json:"target"`
	Text   string    `json:"text"`
	By     string    `json:"by,omitempty"`
	At     time.Time `json:"at"`
}

// Targets of stars, flags and notes: the report itself, a section (by title), an indicator (by
// kind, name and offset — stable while the text is).
const TargetReport = "report"

func TargetSection(title string) string { return "section:" + title }
func TargetIndicator(in Indicator) string {
	return "indicator:" + string(in.Kind) + ":" + in.Name + ":" + FormatNumber(float64(in.Start))
}

// TargetLabel is a star's, flag's or note's target as a reader names it: 报告 for the report,
// the section's title, an indicator by name and kind (地区生产总值（实绩）), not the keys the
// state files keep.
func TargetLabel(l msg.Lang, target string) string {
	if target == TargetReport {
		return l.T("target.report")
	}
	if title, ok := strings.CutPrefix(target, "section:"); ok {
		return l.T("target.section", title)
	}
	if rest, ok := strings.CutPrefix(target, "indicator:"); ok {
		kind, rest, _ := strings.Cut(rest, ":")
		name := rest
		if i := strings.LastIndex(rest, ":"); i >= 0 {
			name = rest[:i] // the offset tells two figures of one name apart; a reader has the kind
		}
		return l.T("target.indicator", name, KindLabel(l, Kind(kind)))
	}
	return target
}

// KindLabel names an indicator's kind as the views do.
func KindLabel(l msg.Lang, k Kind) string {
	switch k {
	case Target:
		return l.T("kind.target")
	case Actual:
		return l.T("kind.actual")
	}
	return l.T("kind.plan")
}

// TextHash identifies a report's text.
func TextHash(body string) string {
	// through a small buffer: a copy of the body for the hash was a tenth of all a parse allocated
	h := sha256.New()
	var buf [8 << 10]byte
	for len(body) > 0 {
		n := copy(buf[:], body)
		h.Write(buf[:n])
		body = body[n:]
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// ReviewState is every review of one corpus.
type ReviewState struct {
	Version int                `json:"version"`
	Reviews map[string]*Review `json:"reviews"` // by hash
}

// Find returns the review of a report: by its text, else by its id, place and year (then stale is
// true: the text changed since the review was written).
func (s *ReviewState) Find(r *Report) (rv *Review, stale bool) {
	if s == nil || s.Reviews == nil {
		return nil, false
	}
	if rv := s.Reviews[r.TextKey()]; rv != nil {
		return rv, false
	}
	// One state holds the reviews of every folder a user browses, and ids come from file names:
	// a review found by id must also be of the same place and year.
	for _, rv := range s.Reviews {
		if rv.ID == r.ID && rv.Region == r.Region && rv.Year == r.Year {
			return rv, true
		}
	}
	return nil, false
}

// OpKind is one kind of change a reviewer makes.
type OpKind string

const (
	OpReviewed OpKind = "reviewed" // Bool
	OpStar     OpKind = "star"     // Target, Bool
	OpFlag     OpKind = "flag"     // Target, Text ("" removes)
	OpNote     OpKind = "note"     // Target, Text ("" removes)
)

// Op is one change. Changes, not whole states, are what a save applies to the file as it is on
// disk, so two processes editing the same state never undo each other.
type Op struct {
	Kind   OpKind    `json:"kind"`
	Hash   string    `json:"hash"`
	ID     string    `json:"id"`
	Region string    `json:"region"`
	Year   int       `json:"year"`
	Target string    `json:"target,omitempty"`
	Bool   bool      `json:"bool,omitempty"`
	Text   string    `json:"text,omitempty"`
	By     string    `json:"by,omitempty"`
	At     time.Time `json:"at"`
	// Base, on a note, is the text the editor started from: a save finds the note changed by
	// someone else since when the text on disk is no longer Base (nil: save whatever is there).
	Base *string `json:"base,omitempty"`
}

// NewOp starts a change to report r.
func NewOp(kind OpKind, r *Report, by string, at time.Time) Op {
	return Op{Kind: kind, Hash: r.TextKey(), ID: r.ID, Region: r.Region, Year: r.Year, By: by, At: at}
}

// Apply changes the state by one op.
func (s *ReviewState) Apply(op Op) {
	if s.Reviews == nil {
		s.Reviews = map[string]*Review{}
	}
	rv := s.Reviews[op.Hash]
	if rv == nil {
		rv = &Review{Hash: op.Hash, Stars: []string{}, Flags: []Flag{}, Notes: []Note{}}
		s.Reviews[op.Hash] = rv
	}
	rv.ID, rv.Region, rv.Year, rv.Updated = op.ID, op.Region, op.Year, op.At
	switch op.Kind {
	case OpReviewed:
		rv.Reviewed = op.Bool
	case OpStar:
		i := slices.Index(rv.Stars, op.Target)
		switch {
		case op.Bool && i < 0:
			rv.Stars = append(rv.Stars, op.Target)
		case !op.Bool && i >= 0:
			rv.Stars = slices.Delete(rv.Stars, i, i+1)
		}
	case OpFlag:
		rv.Flags = slices.DeleteFunc(rv.Flags, func(f Flag) bool { return f.Target == op.Target })
		if op.Text != "" {
			rv.Flags = append(rv.Flags, Flag{Target: op.Target, Reason: op.Text, By: op.By, At: op.At})
		}
	case OpNote:
		rv.Notes = slices.DeleteFunc(rv.Notes, func(n Note) bool { return n.Target == op.Target })
		if op.Text != "" {
			rv.Notes = append(rv.Notes, Note{Target: op.Target, Text: op.Text, By: op.By, At: op.At})
		}
	}
}

// Starred, FlagOf and NoteOf read a review (nil-safe).
func (rv *Review) Starred(target string) bool { return rv != nil && slices.Contains(rv.Stars, target) }

func (rv *Review) FlagOf(target string) (Flag, bool) {
	if rv != nil {
		for _, f := range rv.Flags {
			if f.Target == target {
				return f, true
			}
		}
	}
	return Flag{}, false
}

// NoteText is the text of the note on target in report hash's review, "" when none.
func (s *ReviewState) NoteText(hash, target string) string {
	if s == nil || s.Reviews[hash] == nil {
		return ""
	}
	n, _ := s.Reviews[hash].NoteOf(target)
	return n.Text
}

func (rv *Review) NoteOf(target string) (Note, bool) {
	if rv != nil {
		for _, n := range rv.Notes {
			if n.Target == target {
				return n, true
			}
		}
	}
	return Note{}, false
}
