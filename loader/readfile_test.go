package loader

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baogao/parse"
)

// readInto through one worker's buffer, file after file: each read is the file whatever the
// buffer held before, with the size and mtime os.Stat gives; a buffer sized for the file takes
// the read that finds its end without growing; a large file's buffer is not kept; what cannot be
// read says why in describe's words.
func TestReadInto(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := bytes.Repeat([]byte("政府工作报告。\n"), keptBuffer/20)
	tooLarge := filepath.Join(dir, "too-large.txt")
	if f, err := os.Create(tooLarge); err != nil {
		t.Fatal(err)
	} else if err := f.Truncate(parse.MaxFileSize + 1); err != nil {
		t.Fatal(err)
	} else {
		f.Close()
	}
	var buf []byte
	for _, c := range []struct {
		name    string
		path    string
		want    []byte
		err     string // in describe's words
		kept    bool   // the worker's buffer is this read's
		capIsSz bool   // a fresh buffer of the file's size and one byte
	}{
		{name: "first file", path: write("a.txt", []byte("2024年政府工作报告\n")), want: []byte("2024年政府工作报告\n"), kept: true, capIsSz: true},
		{name: "shorter after longer", path: write("b.txt", []byte("短")), want: []byte("短"), kept: true},
		{name: "empty", path: write("c.txt", nil), want: []byte{}, kept: true},
		{name: "large", path: write("d.txt", big), want: big, capIsSz: true},
		{name: "missing", path: filepath.Join(dir, "none.txt"), err: "no such file"},
		{name: "a folder", path: dir, err: "is a directory"},
		{name: "too large", path: tooLarge, err: "too large"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, at, err := readInto(c.path, &buf)
			if c.err != "" {
				if err == nil || !strings.Contains(strings.ToLower(describe(err)), c.err) {
					t.Fatalf("err %v (%q), want one saying %q", err, describeOrNil(err), c.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, c.want) {
				t.Fatalf("read %d bytes %.40q, want %d %.40q", len(got), got, len(c.want), c.want)
			}
			// what the cache keeps of a file it did not stat first
			if st, err := os.Stat(c.path); err != nil || at != (stamp{st.Size(), st.ModTime().UnixNano()}) || at.size != int64(len(c.want)) {
				t.Errorf("stamp %+v for a file of %d bytes (stat: %v)", at, len(c.want), st)
			}
			if c.capIsSz && cap(got) != len(c.want)+1 {
				t.Errorf("capacity %d for a file of %d bytes", cap(got), len(c.want))
			}
			if kept := cap(got) > 0 && cap(buf) > 0 && &got[:1][0] == &buf[:1][0]; kept != c.kept {
				t.Errorf("buffer kept %v, want %v", kept, c.kept)
			}
		})
	}
}

func describeOrNil(err error) string {
	if err == nil {
		return ""
	}
	return describe(err)
}
