package tui

import (
	"errors"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"baogao/model"
	"baogao/msg"
	"baogao/review"
)

// reviewOf returns report i's review (nil when none) and whether its text changed since.
func (s *session) reviewOf(i int) (*model.Review, bool) {
	return s.reviewState().Find(&s.reports[i])
}

// reviewedCount is how many loaded reports are marked reviewed (and unchanged since): counted
// from the reviews, which are few, not from the reports, which may be a hundred thousand
// (catchUp keeps the count of reports by text up to date).
func (s *session) reviewedCount() int {
	if s.hashes == nil {
		return 0
	}
	n := 0
	for h, rv := range s.reviewState().Reviews {
		if rv.Reviewed {
			n += s.hashes[h]
		}
	}
	return n
}

func (s *session) reviewState() *model.ReviewState {
	if s.store != nil {
		return s.store.State()
	}
	return &s.memory
}

// change records one review change for report i, in memory at once; the command it returns
// saves it off the event loop (savedMsg says how that went). Without a store the change lives
// in memory only.
func (s *session) change(i int, kind model.OpKind, target string, b bool, text string) tea.Cmd {
	op := model.NewOp(kind, &s.reports[i], s.reviewer, time.Now().UTC())
	op.Target, op.Bool, op.Text = target, b, text
	if s.store == nil {
		s.memory.Apply(op)
		return nil
	}
	s.store.Record(op)
	st := s.store
	s.saving++
	return func() tea.Msg { return savedMsg{err: st.Flush(), notices: st.Notices()} }
}

// savedMsg is a save's outcome: err nil once the changes are on disk.
type savedMsg struct {
	err     error
	notices []string
}

// noteSavedMsg is the save of a note: conflict set when someone else changed the note since its
// editor opened it (nothing was replaced; the editor asks).
type noteSavedMsg struct {
	savedMsg
	conflict *review.NoteConflict
}

// saveNote records a note and saves it; base is the text the editor started from (nil: whatever
// is there now). The answer is a noteSavedMsg.
func (s *session) saveNote(i int, target, text string, base *string) tea.Cmd {
	op := model.NewOp(model.OpNote, &s.reports[i], s.reviewer, time.Now().UTC())
	op.Target, op.Text, op.Base = target, text, base
	if s.store == nil {
		s.memory.Apply(op)
		return func() tea.Msg { return noteSavedMsg{} }
	}
	s.store.Record(op)
	st := s.store
	s.saving++
	return func() tea.Msg {
		err := st.Flush()
		// whichever save met the conflict, it is this editor's to resolve
		c := st.TakeConflict(op.Hash, op.Target)
		var nc *review.NoteConflict
		if errors.As(err, &nc) {
			err = nil
		}
		return noteSavedMsg{savedMsg{err: err, notices: st.Notices()}, c}
	}
}

// saved shows what a save said: a failure until a save succeeds, then that it did.
func (s *session) saved(msg savedMsg) {
	if s.saving > 0 && s.store != nil {
		s.saving--
	}
	var se *review.SaveError
	var nc *review.NoteConflict
	switch err := msg.err; {
	case errors.As(err, &nc):
		// another note's editor asks; nothing was lost
	case errors.As(err, &se):
		s.notice, s.unsaved = oneLine(s.lang.Err(err)), true
	case err != nil:
		s.notice = oneLine(s.lang.Err(err))
	case s.unsaved:
		// the notice said changes were kept in memory: now they are on disk
		s.notice, s.unsaved = s.lang.T("notice.saved"), false
	}
	for _, n := range msg.notices {
		s.notice = s.lang.Say(oneLine(n))
	}
}

func (s *session) pending() int {
	if s.store == nil {
		return 0
	}
	return s.store.Pending()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// marks is the review column of the list, one place each so none hides another: reviewed (✓,
// or ? when the text changed since), starred (*), flagged (!), noted (n).
func (s *session) marks(i int) string {
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

func (f reviewFilter) label(l msg.Lang) string {
	return l.T([...]msg.ID{"show.all", "show.unreviewed", "show.starred", "show.flagged", "show.noted"}[f])
}

func (s *session) passes(i int, f reviewFilter) bool {
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
