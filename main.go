// Command baogao browses Chinese local government work reports (政府工作报告) in a terminal and
// answers the same questions from the command line: baogao targets, baogao export.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

func main() {
	// BAOGAO_CPUPROFILE=FILE writes a CPU profile of the whole run, for scripts/bench and for
	// anyone chasing a slow corpus: go tool pprof baogao FILE.
	if p := os.Getenv("BAOGAO_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "baogao: BAOGAO_CPUPROFILE: %v\n", err)
		} else {
			code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
