// Package testenv runs a package's tests away from the user's own files: the review state, the
// parse cache and the SSH host key go to a temporary XDG folder, removed afterwards.
package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// Main runs m from dir ("" stays where go test started: the package's folder) with XDG_STATE_HOME,
// XDG_CACHE_HOME and XDG_DATA_HOME in a temporary folder, and exits with its status.
func Main(m *testing.M, dir string) {
	if dir != "" {
		if err := os.Chdir(dir); err != nil {
			panic(err)
		}
	}
	tmp, err := os.MkdirTemp("", "baogao-test-")
	if err != nil {
		panic(err)
	}
	for _, v := range []string{"XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"} {
		os.Setenv(v, tmp)
	}
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// Seeds is the text of each seed report (testdata/seeds under root, the repository's folder as
// the test's package sees it) and their bytes, for a benchmark over real report text; tb skips
// where there are none.
func Seeds(tb testing.TB, root string) (texts []string, size int64) {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(root, "testdata", "seeds", "*.txt"))
	for _, p := range paths {
		d, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(d))
		size += int64(len(d))
	}
	if size == 0 {
		tb.Skipf("no seed reports in %s", filepath.Join(root, "testdata", "seeds"))
	}
	return texts, size
}

// CityWordFiles are the 130 city reports of 2024 (Word files in ../shared/corpus/cities-2024
// beside the checkout at root) and their bytes, for a benchmark over the files users have; tb
// skips where there are none.
func CityWordFiles(tb testing.TB, root string) (files []string, data [][]byte, size int64) {
	tb.Helper()
	dir := filepath.Join(root, "..", "shared", "corpus", "cities-2024")
	files, _ = filepath.Glob(filepath.Join(dir, "*.docx"))
	if len(files) == 0 {
		tb.Skipf("no Word files in %s", dir)
	}
	for _, p := range files {
		d, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		data = append(data, d)
		size += int64(len(d))
	}
	return files, data, size
}
