package main

import (
	"bytes"
	"strings"
	"testing"

	"baogao/commands"
	"baogao/internal/testenv"
)

// TestMain keeps the end-to-end tests away from the user's own review state and parse cache.
func TestMain(m *testing.M) { testenv.Main(m, "") }

// runCmd runs a command line as the binary does, with the embedded sample.
func runCmd(args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	e := env()
	e.Stdin, e.Stdout, e.Stderr = strings.NewReader(""), &out, &errb
	code := commands.Run(args, e)
	return out.String(), errb.String(), code
}
