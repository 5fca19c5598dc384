package tui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"baogao/loader"
	"baogao/loader/state"
	"baogao/model"
)

func appWithStore(t *testing.T, path string) *App {
	t.Helper()
	st, err := state.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ch := make(chan loader.Batch, 1)
	ch <- loader.Batch{Reports: append([]model.Report(nil), seeds.Reports...), Done: 5, Total: 5, Final: true}
	close(ch)
	a := New(ch, Options{Store: st, Reviewer: "tester"})
	a.Update(waitBatch(ch, a.sh.py)())
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return a
}

func TestReviewMarksPersist(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	a := appWithStore(t, path)
	press(a, "m", "j", "m", "*", "n", "核", "对", "ctrl+s")
	press(a, "enter", "i", "x", "数", "字", "错", "enter", "j", "*")

	b := appWithStore(t, path) // a second start
	reps := b.sh.reports
	for i, want := range []bool{true, true, false} {
		rv, _ := b.sh.reviewOf(i)
		if got := rv != nil && rv.Reviewed; got != want {
			t.Errorf("report %d reviewed %v, want %v", i, got, want)
		}
	}
	rv, _ := b.sh.reviewOf(1)
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
	if len(b.list.visible) != len(reps)-2 {
		t.Errorf("unreviewed: %d", len(b.list.visible))
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
	if a.sh.notice == "" {
		t.Fatal("a failed save is not shown")
	}
	if rv, _ := a.sh.reviewOf(0); rv == nil || !rv.Reviewed {
		t.Fatal("the change is not kept in memory")
	}
	_, cmd := a.Update(keyMsg("q"))
	if cmd != nil {
		t.Fatal("q quit although changes are unsaved")
	}
	_, cmd = a.Update(keyMsg("q"))
	if cmd == nil {
		t.Fatal("a second q does not quit")
	}
}
