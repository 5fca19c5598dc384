package server

import (
	"os"
	"testing"
)

// TestMain keeps every test away from the user's own review state, parse cache and host key,
// and runs them from the repository's root, where the seed reports are (testdata/seeds).
func TestMain(m *testing.M) {
	if err := os.Chdir(".."); err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "baogao-state-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_STATE_HOME", dir)
	os.Setenv("XDG_CACHE_HOME", dir)
	os.Setenv("XDG_DATA_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
