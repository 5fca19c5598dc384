package tui

import (
	"errors"
	"strings"
	"time"

	"baogao/model"
	"baogao/review"
)

// reviewOf returns report i's review (nil when none) and whether its text changed since.
func (s *shared) reviewOf(i int) (*model.Review, bool) {
	return s.reviewState().Find(&s.reports[i])
}

// reviewedCount is how many loaded reports are marked reviewed (and unchanged since): counted
// from the reviews, which are few, not from the reports, which may be a hundred thousand.
func (s *shared) reviewedCount() int {
	if len(s.reviewState().Reviews) == 0 {
		return 0
	}
	if s.hashes == nil {
		s.hashes = map[string]int{}
	}
	for ; s.hashed < len(s.reports); s.hashed++ {
		s.hashes[s.reports[s.hashed].TextKey()]++
	}
	n := 0
	for h, rv := range s.reviewState().Reviews {
		if rv.Reviewed {
			n += s.hashes[h]
		}
	}
	return n
}

func (s *shared) reviewState() *model.ReviewState {
	if s.store != nil {
		return s.store.State()
	}
	return &s.memory
}

// change records one review change for report i: saved at once when there is a store; a save
// that fails leaves the change in memory and says why in the status line.
func (s *shared) change(i int, kind model.OpKind, target string, b bool, text string) {
	op := model.NewOp(kind, &s.reports[i], s.reviewer, time.Now().UTC())
	op.Target, op.Bool, op.Text = target, b, text
	s.apply(op)
}

// changeNote saves a note; base is the text the editor started from (nil: whatever is there now).
// A *review.NoteConflict says someone else saved the note meanwhile: nothing was replaced.
func (s *shared) changeNote(i int, target, text string, base *string) error {
	op := model.NewOp(model.OpNote, &s.reports[i], s.reviewer, time.Now().UTC())
	op.Target, op.Text, op.Base = target, text, base
	return s.apply(op)
}

func (s *shared) apply(op model.Op) error {
	if s.store == nil {
		s.memory.Apply(op)
		return nil
	}
	var nc *review.NoteConflict
	var se *review.SaveError
	err := s.store.Apply(op)
	switch {
	case errors.As(err, &nc):
		// the editor asks; the status line says nothing was lost
	case errors.As(err, &se):
		s.notice, s.unsaved = oneLine(err.Error()), true
	case err != nil:
		s.notice = oneLine(err.Error())
	case s.unsaved:
		// the notice said changes were kept in memory: now they are on disk
		s.notice, s.unsaved = "review state saved", false
	}
	for _, n := range s.store.Notices() {
		s.notice = oneLine(n)
	}
	return err
}

func (s *shared) pending() int {
	if s.store == nil {
		return 0
	}
	return s.store.Pending()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// marks is the review column of the list, one place each so none hides another: reviewed (✓,
// or ? when the text changed since), starred (*), flagged (!), noted (n).
func (s *shared) marks(i int) string {
	rv, stale := s.reviewOf(i)
	if rv == nil {
		return "    "
	}
	m := []rune("    ")
	switch {
	case stale:
		m[0] = '?'
	case rv.Reviewed:
		m[0] = '✓'
	}
	if len(rv.Stars) > 0 {
		m[1] = '*'
	}
	if len(rv.Flags) > 0 {
		m[2] = '!'
	}
	if len(rv.Notes) > 0 {
		m[3] = 'n'
	}
	return string(m)
}

// reviewFilter narrows the list by review state.
type reviewFilter int

const (
	showAll reviewFilter = iota
	showUnreviewed
	showStarred
	showFlagged
	showNoted
)

func (f reviewFilter) String() string {
	return [...]string{"全部", "未审", "星标", "标错", "有笔记"}[f]
}

func (s *shared) passes(i int, f reviewFilter) bool {
	rv, _ := s.reviewOf(i)
	switch f {
	case showUnreviewed:
		return rv == nil || !rv.Reviewed
	case showStarred:
		return rv != nil && len(rv.Stars) > 0
	case showFlagged:
		return rv != nil && len(rv.Flags) > 0
	case showNoted:
		return rv != nil && len(rv.Notes) > 0
	}
	return true
}
