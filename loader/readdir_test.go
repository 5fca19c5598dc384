//go:build unix

package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// readDir lists what os.ReadDir lists, in the same order and with the same kinds.
func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.txt", "a.txt", "长安镇.txt", "A.TXT", "a", "a.txt.bak", ".hidden"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.Mkdir(filepath.Join(dir, "a_files"), 0o755)
	os.Symlink("sub", filepath.Join(dir, "link"))
	syscall.Mkfifo(filepath.Join(dir, "pipe"), 0o644)
	for i := range 5000 { // past the size where sorting is split in two
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%05d.txt", 4999-i)), nil, 0o644)
	}
	got, err := readDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadDir(dir)
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].name != want[i].Name() || got[i].typ != want[i].Type() {
			t.Errorf("entry %d: %q %v, want %q %v", i, got[i].name, got[i].typ, want[i].Name(), want[i].Type())
		}
	}
	if _, err := readDir(filepath.Join(dir, "missing")); err == nil {
		t.Error("no error for a missing folder")
	}
}
