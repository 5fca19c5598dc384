package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"baogao/commands"
)

// TestMain keeps the end-to-end tests away from the user's own review state and parse cache.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "baogao-state-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_STATE_HOME", dir)
	os.Setenv("XDG_CACHE_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runCmd runs a command line as the binary does, with the embedded sample.
func runCmd(args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	e := env()
	e.Stdin, e.Stdout, e.Stderr = strings.NewReader(""), &out, &errb
	code := commands.Run(args, e)
	return out.String(), errb.String(), code
}
