// Package review keeps the review state — the one thing baogao writes — so that it is never
// lost: every change is saved at once with an atomic replace, under a lock (lock_unix.go,
// lock_other.go), merged into whatever other processes saved meanwhile; a file that cannot be
// read is set aside, never overwritten; a note saved over someone else's is a NoteConflict, a
// save that cannot reach the disk a SaveError; the per-folder states of earlier versions are
// taken in once (OpenMerging). One state per user, wherever the reports are.
package review

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"baogao/model"
	"baogao/msg"
	"baogao/xdg"
)

// Store is the review state of one corpus, in memory and on disk.
type Store struct {
	path string
	mu   sync.Mutex
	// state is replaced by a save (the disk's state with ours applied), not written into: a
	// save may run on another goroutine than the one reading State and calling Record.
	state *model.ReviewState
	// conflicts are notes a save found changed by someone else, until TakeConflict asks
	conflicts []*NoteConflict
	pending   []model.Op // applied in memory, not yet on disk
	notices   []string   // what the user must be told (file set aside, read-only, …)

	// beforeRename runs between writing the temporary file and renaming it over the state; tests
	// use it to simulate a crash at that point.
	beforeRename func() error
}

// Dir is the folder of baogao's review state (see package xdg).
func Dir() (string, error) {
	dir, err := xdg.State()
	if err != nil {
		return "", msg.E("state.no-dir", err)
	}
	return dir, nil
}

// DefaultPath is the user's review state: one file, whatever folders are browsed. Reviews are
// keyed by the reports' text, so a report marked in one folder is marked wherever it is found
// (a copy in another folder, the embedded sample).
func DefaultPath() (string, error) {
	dir, err := Dir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "state.json"), nil
}

// Legacy are the state files earlier versions kept beside path, one per set of folders
// (Dir/<corpus>/state.json, or for a served reviewer Dir/<corpus>/users/<name>.json): what
// OpenMerging takes in.
func Legacy(path string) []string {
	dir, name := filepath.Dir(path), filepath.Base(path)
	pattern := filepath.Join(dir, "*", name)
	if filepath.Base(dir) == "users" { // a served reviewer's state
		pattern = filepath.Join(filepath.Dir(dir), "*", "users", name)
	}
	found, _ := filepath.Glob(pattern)
	return found
}

// OpenMerging opens the state at path and takes in the reviews of the legacy files: each is
// merged into it (marks and stars add up, a flag or note already there stays and a different
// note's text is kept after it) and, once that is saved, renamed to NAME.merged so it is taken
// in once. When the state cannot be saved (a read-only folder) the legacy reviews are shown
// from memory and their files left as they are, to be taken in another time.
func OpenMerging(path string, legacy []string) (*Store, error) {
	s, err := Open(path)
	if err != nil {
		return nil, err
	}
	var merged []string
	for _, old := range legacy {
		b, err := os.ReadFile(old)
		if err != nil {
			continue // unreadable: left for another time, as it is
		}
		var st model.ReviewState
		if json.Unmarshal(b, &st) != nil || st.Version == 0 {
			s.notices = append(s.notices, msg.EN.T("state.legacy-unread", old))
			continue
		}
		s.mu.Lock()
		ops := mergeOps(s.state, &st)
		for _, op := range ops {
			s.state.Apply(op)
		}
		s.pending = append(s.pending, ops...)
		s.mu.Unlock()
		merged = append(merged, old)
	}
	if len(merged) == 0 {
		return s, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.flushLocked(); err != nil {
		s.pending = nil // shown from memory; the files stay, so nothing is lost
		return s, nil
	}
	for _, old := range merged {
		if os.Rename(old, old+".merged") == nil {
			s.notices = append(s.notices, msg.EN.T("state.legacy-merged", old, path))
		}
	}
	return s, nil
}

// mergeOps are the changes that bring old's reviews into st without undoing anything st holds.
func mergeOps(st, old *model.ReviewState) []model.Op {
	var ops []model.Op
	hashes := make([]string, 0, len(old.Reviews))
	for h := range old.Reviews {
		hashes = append(hashes, h)
	}
	sort.Strings(hashes)
	for _, h := range hashes {
		rv := old.Reviews[h]
		if rv == nil {
			continue
		}
		cur := st.Reviews[h]
		op := func(kind model.OpKind, target string, b bool, text, by string, at time.Time) {
			ops = append(ops, model.Op{Kind: kind, Hash: h, ID: rv.ID, Region: rv.Region, Year: rv.Year, Target: target, Bool: b, Text: text, By: by, At: at})
		}
		if rv.Reviewed && (cur == nil || !cur.Reviewed) {
			op(model.OpReviewed, "", true, "", "", rv.Updated)
		}
		for _, t := range rv.Stars {
			if !cur.Starred(t) {
				op(model.OpStar, t, true, "", "", rv.Updated)
			}
		}
		for _, f := range rv.Flags {
			if _, ok := cur.FlagOf(f.Target); !ok {
				op(model.OpFlag, f.Target, false, f.Reason, f.By, f.At)
			}
		}
		for _, n := range rv.Notes {
			have, ok := cur.NoteOf(n.Target)
			switch {
			case !ok:
				op(model.OpNote, n.Target, false, n.Text, n.By, n.At)
			case have.Text != n.Text && !strings.Contains(have.Text, n.Text):
				op(model.OpNote, n.Target, false, have.Text+"\n\n"+n.Text, have.By, have.At)
			}
		}
	}
	return ops
}

// Open reads the state at path. A missing file is an empty state; a file that cannot be parsed
// is moved aside (path.corrupt-TIMESTAMP) and reported in Notices; an unreadable one is an error.
func Open(path string) (*Store, error) {
	s := &Store{path: path, state: &model.ReviewState{Version: 1, Reviews: map[string]*model.Review{}}}
	st, err := s.read()
	if err != nil {
		return nil, err
	}
	s.state = &st
	s.removeLeftovers()
	return s, nil
}

// removeLeftovers deletes the temporary files of saves that were killed before their rename.
// Saves write them under the lock, so holding it means none is being written now; without the
// lock (a read-only folder) nothing is touched.
func (s *Store) removeLeftovers() {
	dir := filepath.Dir(s.path)
	tmps, _ := filepath.Glob(filepath.Join(dir, ".state-*.tmp"))
	if len(tmps) == 0 {
		return
	}
	release, err := lockPath(s.path+".lock", false)
	if err != nil {
		return // another process is saving: its file is not a leftover; the next start cleans
	}
	defer release()
	for _, t := range tmps {
		os.Remove(t)
	}
}

// Path is where the state lives.
func (s *Store) Path() string { return s.path }

// read loads the file as it is now; a corrupt one is set aside.
func (s *Store) read() (model.ReviewState, error) {
	empty := model.ReviewState{Version: 1, Reviews: map[string]*model.Review{}}
	b, err := os.ReadFile(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return empty, nil
	}
	if err != nil {
		return empty, msg.E("state.unreadable", s.path, err)
	}
	var st model.ReviewState
	if err := json.Unmarshal(b, &st); err != nil || st.Version == 0 {
		if err == nil {
			err = msg.E("state.no-version")
		}
		aside := fmt.Sprintf("%s.corrupt-%s", s.path, time.Now().UTC().Format("20060102T150405.000000000Z"))
		if rerr := os.Rename(s.path, aside); rerr != nil {
			return empty, msg.E("state.stuck", s.path, err, rerr)
		}
		s.notices = append(s.notices, msg.EN.T("state.set-aside", s.path, err, filepath.Base(aside)))
		return empty, nil
	}
	if st.Reviews == nil {
		st.Reviews = map[string]*model.Review{}
	}
	return st, nil
}

// State returns the reviews as last read or saved. The caller must not change it.
func (s *Store) State() *model.ReviewState {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

// Notices returns, and forgets, what the user should be told.
func (s *Store) Notices() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := s.notices
	s.notices = nil
	return n
}

// Pending is the number of changes not yet on disk.
func (s *Store) Pending() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending)
}

// Apply records a change: in memory at once, then on disk. When the disk cannot take it (a
// read-only folder) the change stays in memory and pending, and the error says why; the next
// Apply or Flush tries again.
//
// A *NoteConflict is returned when op is a note someone else changed since its editor opened
// it; a conflict of another note the save ran into stays for TakeConflict.
func (s *Store) Apply(op model.Op) error {
	s.Record(op)
	err := s.Flush()
	var nc *NoteConflict
	if !errors.As(err, &nc) {
		return err
	}
	if op.Kind == model.OpNote {
		if c := s.TakeConflict(op.Hash, op.Target); c != nil {
			return c
		}
	}
	return nil
}

// Record applies op in memory and keeps it for the next Flush, touching no file: a browser
// records on a key press and saves off its event loop.
func (s *Store) Record(op model.Op) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.Apply(op)
	s.pending = append(s.pending, op)
}

// TakeConflict is the conflict a save found for the note on target in report hash, if any, and
// forgets it: whichever save ran into it, the editor that wrote the note is the one to ask.
func (s *Store) TakeConflict(hash, target string) *NoteConflict {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, c := range s.conflicts {
		if c.Op.Hash == hash && c.Op.Target == target {
			s.conflicts = append(s.conflicts[:i], s.conflicts[i+1:]...)
			return c
		}
	}
	return nil
}

// Flush tries again to save pending changes, and picks up what other processes saved.
func (s *Store) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.flushLocked()
}

// flushLocked: lock the file, re-read it, apply our pending changes to what is there, write it
// atomically, unlock. Others' changes are kept because only our changes are replayed.
func (s *Store) flushLocked() error {
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return &SaveError{Pending: len(s.pending), Err: err}
	}
	release, err := lockPath(s.path+".lock", true)
	if err != nil {
		return &SaveError{Pending: len(s.pending), Err: err}
	}
	defer release()

	disk, err := s.read()
	if err != nil {
		return err
	}
	// A note saved from an editor that opened it as Base, while someone else saved another
	// text: neither replaces the other unasked. The op leaves pending; the caller asks.
	var conflict *NoteConflict
	kept := s.pending[:0]
	for _, op := range s.pending {
		if op.Kind == model.OpNote && op.Base != nil {
			if now := disk.NoteText(op.Hash, op.Target); now != *op.Base && now != op.Text {
				conflict = &NoteConflict{Op: op, Theirs: now}
				s.conflicts = append(s.conflicts, conflict)
				continue
			}
		}
		kept = append(kept, op)
	}
	s.pending = kept
	for _, op := range s.pending {
		disk.Apply(op)
	}
	if len(s.pending) > 0 {
		if err := s.write(disk); err != nil {
			return &SaveError{Pending: len(s.pending), Err: err}
		}
	}
	s.pending = nil
	s.state = &disk
	if conflict != nil {
		return conflict
	}
	return nil
}

// SaveError is a save that did not reach the disk (a read-only folder, a lock that cannot be
// taken): the changes stay in memory, Pending of them, and the next save tries again.
type SaveError struct {
	Pending int
	Err     error
}

func (e *SaveError) Error() string {
	return msg.EN.T("state.not-saved", e.Pending, e.Err)
}

func (e *SaveError) Unwrap() error { return e.Err }

// NoteConflict is a note that changed on disk since the editor opened it: Theirs is the text now
// there, Op the save that was not made. Saving Op again without Base replaces theirs.
type NoteConflict struct {
	Op     model.Op
	Theirs string
}

func (c *NoteConflict) Error() string {
	return msg.EN.T("state.note-conflict")
}

// write replaces the file atomically: a temporary file in the same folder, fsync, rename, fsync
// of the folder. A crash at any point leaves the old file or the new one, never a mix.
func (s *Store) write(st model.ReviewState) error {
	b, err := json.MarshalIndent(st, "", " ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(s.path)
	tmp, err := os.CreateTemp(dir, ".state-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after a rename; cleaned up after a failure
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if s.beforeRename != nil {
		if err := s.beforeRename(); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp.Name(), s.path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
