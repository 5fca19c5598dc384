package review

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"baogao/model"
)

func report(id, body string) *model.Report {
	return &model.Report{ID: id, Body: body, Region: "长安镇", Year: 2023}
}

var at = time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC)

func reviewed(r *model.Report) model.Op {
	op := model.NewOp(model.OpReviewed, r, "", at)
	op.Bool = true
	return op
}

func TestRoundTripEveryMark(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := report("000#1", "各位代表：地区生产总值增长6.5%。")
	in := model.Indicator{Kind: model.Target, Name: "地区生产总值", Start: 5}
	ops := []model.Op{
		{Kind: model.OpReviewed, Bool: true},
		{Kind: model.OpStar, Target: model.TargetReport, Bool: true},
		{Kind: model.OpStar, Target: model.TargetSection("2023年工作安排"), Bool: true},
		{Kind: model.OpStar, Target: model.TargetIndicator(in), Bool: true},
		{Kind: model.OpFlag, Target: model.TargetIndicator(in), Text: "应为6.5%左右"},
		{Kind: model.OpNote, Target: model.TargetReport, Text: "第一行\n第二行"},
		{Kind: model.OpNote, Target: model.TargetSection("2023年工作安排"), Text: "目标偏低"},
	}
	for _, o := range ops {
		op := model.NewOp(o.Kind, r, "tester", at)
		op.Target, op.Bool, op.Text = o.Target, o.Bool, o.Text
		if err := s.Apply(op); err != nil {
			t.Fatal(err)
		}
	}
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rv, stale := s2.State().Find(r)
	if rv == nil || stale {
		t.Fatalf("review not found after reopening (stale %v)", stale)
	}
	if !rv.Reviewed || len(rv.Stars) != 3 || !rv.Starred(model.TargetIndicator(in)) {
		t.Errorf("reviewed %v stars %v", rv.Reviewed, rv.Stars)
	}
	if f, ok := rv.FlagOf(model.TargetIndicator(in)); !ok || f.Reason != "应为6.5%左右" || f.By != "tester" {
		t.Errorf("flag %+v", f)
	}
	if n, ok := rv.NoteOf(model.TargetReport); !ok || n.Text != "第一行\n第二行" {
		t.Errorf("note %+v", n)
	}
	// undo each kind
	for _, o := range []model.Op{{Kind: model.OpReviewed}, {Kind: model.OpStar, Target: model.TargetReport}, {Kind: model.OpFlag, Target: model.TargetIndicator(in)}, {Kind: model.OpNote, Target: model.TargetReport}} {
		op := model.NewOp(o.Kind, r, "tester", at)
		op.Target = o.Target
		s2.Apply(op)
	}
	s3, _ := Open(path)
	rv, _ = s3.State().Find(r)
	if rv.Reviewed || rv.Starred(model.TargetReport) || len(rv.Flags) != 0 || len(rv.Notes) != 1 {
		t.Errorf("after undo: %+v", rv)
	}
}

func TestRenameKeepsNotesAndEditShowsStale(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s, _ := Open(path)
	r := report("old-name#1", "各位代表：正文。")
	op := model.NewOp(model.OpNote, r, "", at)
	op.Target, op.Text = model.TargetReport, "要核对"
	s.Apply(op)

	moved := report("new-name#1", r.Body) // the file was renamed: new id, same text
	rv, stale := s.State().Find(moved)
	if rv == nil || stale {
		t.Fatalf("renamed report lost its note (stale %v)", stale)
	}
	edited := report("old-name#1", r.Body+"修订。") // same id, text changed
	rv, stale = s.State().Find(edited)
	if rv == nil || !stale {
		t.Fatalf("edited report: review %v stale %v, want the old review shown stale", rv, stale)
	}
	if n, _ := rv.NoteOf(model.TargetReport); n.Text != "要核对" {
		t.Errorf("note %q", n.Text)
	}
}

func TestCrashBeforeRenameKeepsOldState(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s, _ := Open(path)
	r := report("a#1", "正文一。")
	s.Apply(reviewed(r))
	before, _ := os.ReadFile(path)

	s.beforeRename = func() error { return errors.New("simulated crash") }
	op := model.NewOp(model.OpStar, r, "", at)
	op.Target, op.Bool = model.TargetReport, true
	if err := s.Apply(op); err == nil {
		t.Fatal("a crash before the rename reported success")
	}
	// a crashed process would also leave its temporary file behind
	os.WriteFile(filepath.Join(filepath.Dir(path), ".state-123.tmp"), []byte(`{"version":1,"rev`), 0o644)

	after, _ := os.ReadFile(path)
	if string(after) != string(before) {
		t.Fatal("the state file changed although the rename never happened")
	}
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rv, _ := s2.State().Find(r)
	if rv == nil || !rv.Reviewed || rv.Starred(model.TargetReport) {
		t.Errorf("old state not intact: %+v", rv)
	}
	if s.Pending() != 1 {
		t.Errorf("the unsaved change is not kept in memory: pending %d", s.Pending())
	}
	s.beforeRename = nil
	if err := s.Flush(); err != nil || s.Pending() != 0 {
		t.Errorf("retry: %v, pending %d", err, s.Pending())
	}
}

func TestCorruptFileSetAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	os.WriteFile(path, []byte(`{"version":1,"reviews":{"x":`), 0o644)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	notices := s.Notices()
	if len(notices) != 1 || !strings.Contains(notices[0], "could not be read") {
		t.Errorf("notices %v", notices)
	}
	aside, _ := filepath.Glob(path + ".corrupt-*")
	if len(aside) != 1 {
		t.Fatalf("not set aside: %v", aside)
	}
	if b, _ := os.ReadFile(aside[0]); string(b) != `{"version":1,"reviews":{"x":` {
		t.Errorf("the corrupt file's bytes changed: %q", b)
	}
	if len(s.State().Reviews) != 0 {
		t.Error("not empty after setting aside")
	}
	s.Apply(model.NewOp(model.OpReviewed, report("a#1", "x"), "", at))
	if _, err := Open(path); err != nil {
		t.Error(err)
	}
}

// Two writers on one file, interleaving 100 changes each: none is lost.
func TestConcurrentWritersLoseNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func(w int, s *Store) {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				r := report(fmt.Sprintf("w%d-%d#1", w, i), fmt.Sprintf("writer %d report %d", w, i))
				op := model.NewOp(model.OpNote, r, fmt.Sprint(w), at)
				op.Target, op.Text = model.TargetReport, fmt.Sprintf("note %d/%d", w, i)
				if err := s.Apply(op); err != nil {
					t.Error(err)
				}
			}
		}(w, s)
	}
	wg.Wait()
	s, _ := Open(path)
	if n := len(s.State().Reviews); n != 200 {
		t.Errorf("%d reviews on disk, want 200", n)
	}
}

func TestReadOnlyLocation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ro", "state.json")
	os.MkdirAll(filepath.Dir(path), 0o755)
	if os.Geteuid() == 0 {
		// root writes through permission bits: use a place no one can create files in
		path = "/proc/baogao-state-test/state.json"
	} else {
		os.Chmod(filepath.Dir(path), 0o555)
		defer os.Chmod(filepath.Dir(path), 0o755)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := report("a#1", "正文。")
	err = s.Apply(reviewed(r))
	var se *SaveError
	if !errors.As(err, &se) || se.Pending != 1 || !strings.Contains(err.Error(), "kept in memory") {
		t.Fatalf("err = %v, want a *SaveError with one change pending", err)
	}
	if rv, _ := s.State().Find(r); rv == nil || !rv.Reviewed {
		t.Error("the change is not kept in memory")
	}
	if s.Pending() != 1 {
		t.Errorf("pending %d", s.Pending())
	}
}

// One state for the user, whatever folders are browsed.
func TestDefaultPath(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", "/xdg")
	if p, _ := DefaultPath(); p != "/xdg/baogao/state.json" {
		t.Errorf("DefaultPath() = %s", p)
	}
}

// The per-folder states of earlier versions are taken into the one state once: marks, stars,
// flags and notes of both, a second note on one section kept after the first, the old files
// renamed; a second open takes nothing in again.
func TestOpenMergingTakesInLegacy(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "baogao", "state.json")
	r1, r2 := report("a#1", "甲报告正文。"), report("b#1", "乙报告正文。")
	legacy := func(corpus string, ops ...model.Op) string {
		p := filepath.Join(dir, "baogao", corpus, "state.json")
		os.MkdirAll(filepath.Dir(p), 0o755)
		s, _ := Open(p)
		for _, op := range ops {
			if err := s.Apply(op); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	note := func(r *model.Report, text string) model.Op {
		op := model.NewOp(model.OpNote, r, "t", time.Now())
		op.Target, op.Text = model.TargetReport, text
		return op
	}
	star := model.NewOp(model.OpStar, r2, "t", time.Now())
	star.Target, star.Bool = model.TargetSection("一、回顾"), true
	a := legacy("seeds-1234", reviewed(r1), note(r1, "甲的笔记"))
	b := legacy("sample", star, note(r1, "另一份笔记"))
	if got := Legacy(path); len(got) != 2 {
		t.Fatalf("Legacy(%s) = %v", path, got)
	}
	s, err := OpenMerging(path, Legacy(path))
	if err != nil {
		t.Fatal(err)
	}
	check := func(s *Store, when string) {
		t.Helper()
		rv1, _ := s.State().Find(r1)
		rv2, _ := s.State().Find(r2)
		if rv1 == nil || !rv1.Reviewed || !rv2.Starred(model.TargetSection("一、回顾")) {
			t.Fatalf("%s: reviews not taken in: %+v %+v", when, rv1, rv2)
		}
		n, _ := rv1.NoteOf(model.TargetReport)
		if !strings.Contains(n.Text, "甲的笔记") || !strings.Contains(n.Text, "另一份笔记") {
			t.Errorf("%s: note %q lost one of the two texts", when, n.Text)
		}
	}
	check(s, "merged")
	for _, old := range []string{a, b} {
		if _, err := os.Stat(old + ".merged"); err != nil {
			t.Errorf("%s not renamed: %v", old, err)
		}
	}
	if s.Pending() != 0 {
		t.Errorf("%d changes pending after the merge was saved", s.Pending())
	}
	again, _ := OpenMerging(path, Legacy(path))
	check(again, "opened again")
	rv1, _ := again.State().Find(r1)
	if n, _ := rv1.NoteOf(model.TargetReport); strings.Count(n.Text, "甲的笔记") != 1 {
		t.Errorf("taken in twice: %q", n.Text)
	}
}

// A state that cannot be saved shows the legacy reviews from memory and leaves their files.
func TestOpenMergingReadOnly(t *testing.T) {
	dir := t.TempDir()
	r := report("a#1", "正文。")
	old := filepath.Join(dir, "sample", "state.json")
	os.MkdirAll(filepath.Dir(old), 0o755)
	ls, _ := Open(old)
	ls.Apply(reviewed(r))
	path := "/proc/baogao-state-test/state.json" // no one can create files there
	s, err := OpenMerging(path, []string{old})
	if err != nil {
		t.Fatal(err)
	}
	if rv, _ := s.State().Find(r); rv == nil || !rv.Reviewed {
		t.Error("legacy review not shown")
	}
	if s.Pending() != 0 {
		t.Errorf("%d pending: quitting would ask about changes the user never made", s.Pending())
	}
	if _, err := os.Stat(old); err != nil {
		t.Errorf("legacy file moved although its reviews were not saved: %v", err)
	}
}

// A review found by id (the text changed) must be of the same place and year: ids come from file
// names, and one state holds every folder's reviews.
func TestFindByIDNeedsPlaceAndYear(t *testing.T) {
	st := model.ReviewState{}
	r := &model.Report{ID: "report-2023", Region: "长安镇", Year: 2023, Body: "旧文。"}
	st.Apply(model.NewOp(model.OpReviewed, r, "t", time.Now()))
	edited := *r
	edited.Body = "新文。"
	if _, stale := st.Find(&edited); !stale {
		t.Error("an edited report does not find its review as stale")
	}
	other := &model.Report{ID: "report-2023", Region: "临淄区", Year: 2023, Body: "别的。"}
	if rv, _ := st.Find(other); rv != nil {
		t.Error("another place's report with the same file name took its review")
	}
}

// Two editors of the same note in two processes: the second save does not silently replace the
// first; it reports a conflict with the text now on disk, and nothing is lost.
func TestNoteConflictIsReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a, _ := Open(path)
	b, _ := Open(path)
	r := report("000#1", "正文")
	note := func(text, base string) model.Op {
		op := model.NewOp(model.OpNote, r, "", at)
		op.Target, op.Text, op.Base = model.TargetReport, text, &base
		return op
	}
	// both editors opened the note empty
	if err := b.Apply(note("B的笔记", "")); err != nil {
		t.Fatal(err)
	}
	err := a.Apply(note("A的笔记", ""))
	var nc *NoteConflict
	if !errors.As(err, &nc) || nc.Theirs != "B的笔记" {
		t.Fatalf("second save: err %v", err)
	}
	if got := a.State().NoteText(r.TextKey(), model.TargetReport); got != "B的笔记" {
		t.Errorf("after the conflict the store shows %q, want theirs", got)
	}
	// keep both: saved without a base
	both := note("B的笔记\nA的笔记", "")
	both.Base = nil
	if err := a.Apply(both); err != nil {
		t.Fatal(err)
	}
	c, _ := Open(path)
	if got := c.State().NoteText(r.TextKey(), model.TargetReport); got != "B的笔记\nA的笔记" {
		t.Errorf("on disk %q", got)
	}
	// an editor whose base is what is on disk saves as usual
	if err := a.Apply(note("改过", "B的笔记\nA的笔记")); err != nil {
		t.Errorf("a save over the text it opened: %v", err)
	}
}

// A save killed between writing its temporary file and the rename leaves the file behind; the
// next start removes it.
func TestLeftoverTempsRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	left := filepath.Join(dir, ".state-123.tmp")
	os.WriteFile(left, []byte("{half"), 0o644)
	if _, err := Open(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("leftover %s still there (%v)", left, err)
	}
}
