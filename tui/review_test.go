package tui

import (
	"baogao/msg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baogao/loader"
	"baogao/model"
	"baogao/review"
)

func appWithStore(t *testing.T, path string) *App {
	t.Helper()
	st, err := review.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan loader.Batch, 1)
	ch <- loader.Batch{Reports: append([]model.Report(nil), seeds.Reports...), Done: 5, Total: 5, Final: true}
	close(ch)
	a := New(ch, Options{Store: st, Reviewer: "tester"})
	a.Update(waitBatch(ch, a.ses.py)())
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return a
}

func TestReviewMarksPersist(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a := appWithStore(t, path)
	press(a, "m", "j", "m", "*", "n", "核", "对", "ctrl+s")
	press(a, "enter", "i", "x", "数", "字", "错", "enter", "j", "*")

	b := appWithStore(t, path) // a second start
	reps := b.ses.reports
	for i, want := range []bool{true, true, false} {
		rv, _ := b.ses.reviewOf(i)
		if got := rv != nil && rv.Reviewed; got != want {
			t.Errorf("report %d reviewed %v, want %v", i, got, want)
		}
	}
	rv, _ := b.ses.reviewOf(1)
	if !rv.Starred(model.TargetReport) {
		t.Error("star lost")
	}
	if n, _ := rv.NoteOf(model.TargetReport); n.Text != "核对" || n.By != "tester" {
		t.Errorf("note %+v", n)
	}
	if len(rv.Flags) != 1 || rv.Flags[0].Reason != "数字错" {
		t.Errorf("flags %+v", rv.Flags)
	}
	if len(rv.Stars) != 2 {
		t.Errorf("stars %v", rv.Stars)
	}
	_ = reps
	// the list shows progress and filters by review state
	press(b, "f")
	if len(listOf(b).visible) != len(reps)-2 {
		t.Errorf("unreviewed: %d", len(listOf(b).visible))
	}
}

func TestQuitWithUnsavedChangesWarns(t *testing.T) {
	path := "/proc/baogao-no-such-dir/state.json" // nothing can be written there
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		os.Chmod(dir, 0o555)
		path = filepath.Join(dir, "sub", "state.json")
	}
	a := appWithStore(t, path)
	press(a, "m")
	if a.ses.notice == "" {
		t.Fatal("a failed save is not shown")
	}
	if rv, _ := a.ses.reviewOf(0); rv == nil || !rv.Reviewed {
		t.Fatal("the change is not kept in memory")
	}
	if quits(a, "q") {
		t.Fatal("q quit although changes are unsaved")
	}
	if !quits(a, "q") {
		t.Fatal("a second q does not quit")
	}
}

// Two sessions of one reviewer edit the same note: the second save asks whose text to keep.
func TestNoteConflictAsks(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a := appWithStore(t, path)
	b := appWithStore(t, path)
	press(a, "n") // A opens the note editor on report 1
	press(b, "n", "B", "ctrl+s")
	press(a, "A", "ctrl+s")
	if a.screen() != screenNote || noteOf(a).theirs == nil || *noteOf(a).theirs != "B" {
		t.Fatalf("A's save did not ask (screen %v)", a.screen())
	}
	if s := screenText(a); !strings.Contains(s, "a 两者都留") {
		t.Errorf("the question is not on screen:\n%s", s)
	}
	press(a, "a")
	c := appWithStore(t, path)
	rv, _ := c.ses.reviewOf(0)
	if n, _ := rv.NoteOf(model.TargetReport); n.Text != "B\nA" {
		t.Errorf("kept both: %q", n.Text)
	}
}

// quits presses k and follows what it starts (a last save) to the end: whether the program quits.
func quits(a *App, k string) bool {
	_, cmd := a.Update(keyMsg(k))
	for cmd != nil {
		switch m := cmd().(type) {
		case tea.QuitMsg:
			return true
		case quitSavedMsg:
			_, cmd = a.Update(m)
		default:
			return false
		}
	}
	return false
}

// ctrl+c with changes the state folder cannot take asks, like q, instead of losing them; so does
// a note being edited.
func TestCtrlCAsksBeforeLosingChanges(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	a := appWithStore(t, filepath.Join(dir, "state.json"))
	// the state folder becomes a file: no save can succeed, even as root
	os.RemoveAll(dir)
	os.WriteFile(dir, []byte("x"), 0o600)
	press(a, "m")
	if quits(a, "ctrl+c") {
		t.Fatal("ctrl+c quit with an unsaved change")
	}
	if !quits(a, "ctrl+c") {
		t.Error("a second ctrl+c does not quit")
	}
}

func TestCtrlCAsksInNoteEditor(t *testing.T) {
	a := newTestApp(t, 100, 30)
	press(a, "n", "草", "稿")
	if quits(a, "ctrl+c") {
		t.Fatal("ctrl+c quit with a note being written")
	}
	if !strings.Contains(screenText(a), "笔记尚未保存") {
		t.Errorf("no word of the unsaved note:\n%s", screenText(a))
	}
}

// A state that cannot be opened is said on screen from the start, and quitting with changes
// held only in memory asks first.
func TestMemoryOnlySaidAndAsked(t *testing.T) {
	ch := make(chan loader.Batch, 1)
	ch <- loader.Batch{Reports: append([]model.Report(nil), seeds.Reports...), Done: 5, Total: 5, Final: true}
	close(ch)
	a := New(ch, Options{StateError: "review state /x/state.json: is a directory"})
	a.Update(waitBatch(ch, a.ses.py)())
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	if !strings.Contains(screenText(a), "审阅记录无法保存") {
		t.Errorf("memory-only not said:\n%s", screenText(a))
	}
	if !quits(a, "q") {
		t.Error("q with nothing reviewed should quit")
	}
	a.quitArmed = false
	press(a, "m")
	if quits(a, "q") {
		t.Error("q quit with reviews held only in memory")
	}
}

// Every mark has its own place in the list's review column: a flag does not hide a note or a star.
func TestMarksDoNotHideEachOther(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a := appWithStore(t, path)
	press(a, "m", "*", "n", "核", "ctrl+s")
	press(a, "enter", "i", "x", "错", "enter", "esc", "esc")
	if got := a.ses.marks(0); got != "✓*!n" {
		t.Errorf("marks %q, want ✓*!n", got)
	}
}

// A failed save says so until a save succeeds; the status line then says the state is saved
// (the notice is cleared by the error's type, not by matching its text).
func TestSaveNoticeClearsOnSuccess(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "s")
	a := appWithStore(t, filepath.Join(blocker, "state.json"))
	os.WriteFile(blocker, []byte("a file where the state's folder should be"), 0o644)
	press(a, "m")
	if !strings.Contains(a.ses.notice, "未保存") || a.ses.pending() != 1 {
		t.Fatalf("notice %q, pending %d", a.ses.notice, a.ses.pending())
	}
	os.Remove(blocker)
	press(a, "j", "m")
	if a.ses.notice != msg.ZH.T("notice.saved") || a.ses.pending() != 0 {
		t.Errorf("after a save that worked: notice %q, pending %d", a.ses.notice, a.ses.pending())
	}
}
