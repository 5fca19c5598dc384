// Command baogao browses Chinese local government work reports (政府工作报告) in a terminal and
// answers the same questions from the command line: baogao targets, baogao export.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
