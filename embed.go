package main

import "embed"

// The seed reports ship inside the binary so that `baogao` with no arguments opens a real sample.
//
//go:embed testdata/seeds/*.txt
var seedFS embed.FS

const seedRoot = "testdata/seeds"
