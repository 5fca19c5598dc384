package parse

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The parser is pure: bytes in, values out. No file of it or of its sub-packages (tests aside)
// imports the file system, the process or unsafe; those belong to the loader. One file may use
// unsafe: parse/runes/alias.go reads a file's bytes as a string without a copy and tells a span
// of a string from an equal one (read-only, and TestParseKeepsNoBytes holds the parse to keeping
// none of the bytes it was given).
func TestParseIsPure(t *testing.T) {
	banned := map[string]bool{"os": true, "os/exec": true, "unsafe": true, "syscall": true, "net": true, "io/ioutil": true}
	files := 0
	filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		files++
		for _, imp := range f.Imports {
			if path, _ := strconv.Unquote(imp.Path.Value); banned[path] && !(path == "unsafe" && filepath.ToSlash(p) == "runes/alias.go") {
				t.Errorf("%s imports %s", p, path)
			}
		}
		return nil
	})
	if files < 10 {
		t.Fatalf("read only %d files", files)
	}
}
