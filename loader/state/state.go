// Package state keeps the review state — the one thing baogao writes — so that it is never lost:
// every change is saved at once with an atomic replace, under a lock, merged into whatever other
// processes saved meanwhile; a file that cannot be read is set aside, never overwritten.
package state

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"baogao/model"
)

// Store is the review state of one corpus, in memory and on disk.
type Store struct {
	path    string
	mu      sync.Mutex
	state   model.ReviewState
	pending []model.Op // applied in memory, not yet on disk
	notices []string   // what the user must be told (file set aside, read-only, …)

	// beforeRename runs between writing the temporary file and renaming it over the state; tests
	// use it to simulate a crash at that point.
	beforeRename func() error
}

// DefaultPath is the state file for a corpus: in the XDG state directory, one per corpus root
// (the sorted absolute paths given, or "sample" for the embedded one).
func DefaultPath(roots []string) (string, error) {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no home folder for the review state (set XDG_STATE_HOME or --state): %w", err)
		}
		dir = filepath.Join(home, ".local", "state")
	}
	key := "sample"
	if len(roots) > 0 {
		h := sha256.New()
		for _, r := range roots {
			abs, err := filepath.Abs(r)
			if err != nil {
				abs = r
			}
			fmt.Fprintf(h, "%s\x00", abs)
		}
		key = filepath.Base(filepath.Clean(roots[0])) + "-" + hex.EncodeToString(h.Sum(nil))[:12]
	}
	return filepath.Join(dir, "baogao", key, "state.json"), nil
}

// Open reads the state at path. A missing file is an empty state; a file that cannot be parsed
// is moved aside (path.corrupt-TIMESTAMP) and reported in Notices; an unreadable one is an error.
func Open(path string) (*Store, error) {
	s := &Store{path: path, state: model.ReviewState{Version: 1, Reviews: map[string]*model.Review{}}}
	st, err := s.read()
	if err != nil {
		return nil, err
	}
	s.state = st
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
		return empty, fmt.Errorf("review state %s: %w", s.path, err)
	}
	var st model.ReviewState
	if err := json.Unmarshal(b, &st); err != nil || st.Version == 0 {
		if err == nil {
			err = errors.New("no version")
		}
		aside := fmt.Sprintf("%s.corrupt-%s", s.path, time.Now().UTC().Format("20060102T150405.000000000Z"))
		if rerr := os.Rename(s.path, aside); rerr != nil {
			return empty, fmt.Errorf("review state %s cannot be read (%v) and cannot be set aside: %w", s.path, err, rerr)
		}
		s.notices = append(s.notices, fmt.Sprintf("review state %s could not be read (%v): kept as %s; starting empty", s.path, err, filepath.Base(aside)))
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
	return &s.state
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
func (s *Store) Apply(op model.Op) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.state.Apply(op)
	s.pending = append(s.pending, op)
	return s.flushLocked()
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
		return fmt.Errorf("review state not saved (%d changes kept in memory): %w", len(s.pending), err)
	}
	release, err := lockPath(s.path+".lock", true)
	if err != nil {
		return fmt.Errorf("review state not saved (%d changes kept in memory): %w", len(s.pending), err)
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
			return fmt.Errorf("review state not saved (%d changes kept in memory): %w", len(s.pending), err)
		}
	}
	s.pending = nil
	s.state = disk
	if conflict != nil {
		return conflict
	}
	return nil
}

// NoteConflict is a note that changed on disk since the editor opened it: Theirs is the text now
// there, Op the save that was not made. Saving Op again without Base replaces theirs.
type NoteConflict struct {
	Op     model.Op
	Theirs string
}

func (c *NoteConflict) Error() string {
	return "the note was changed elsewhere since it was opened; not saved"
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
