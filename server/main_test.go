package server

import (
	"testing"

	"baogao/internal/testenv"
)

// TestMain keeps every test away from the user's own review state, parse cache and host key,
// and runs them from the repository's root, where the seed reports are (testdata/seeds).
func TestMain(m *testing.M) { testenv.Main(m, "..") }
