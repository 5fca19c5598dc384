// Command baogao browses Chinese local government work reports (政府工作报告) in a terminal and
// answers the same questions from the command line (baogao targets, export, review) and over
// SSH (baogao serve). This file only wires the packages together: commands runs a command
// line, server serves, the embedded seeds are the sample.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"baogao/commands"
	"baogao/msg"
	"baogao/server"
)

// env is a local run: the process's streams, the embedded sample, and serve wired in.
func env() commands.Env {
	return commands.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Sample: seedFS, SampleRoot: seedRoot, Serve: server.Command, Lang: msg.FromEnv(os.Getenv)}
}

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
			code := commands.Run(os.Args[1:], env())
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
	}
	os.Exit(commands.Run(os.Args[1:], env()))
}
