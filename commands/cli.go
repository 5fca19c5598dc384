// Package commands runs baogao's command lines: the browser or its plain list (browse.go),
// targets, export and review, one file each, with the flags every command shares (cli.go). A
// command runs in an Env: its streams, the embedded sample, and Remote when it runs over SSH.
package commands

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"

	"baogao/loader"
	"baogao/model"
	"baogao/review"
)

// Exit statuses of every command.
const (
	ExitOK    = 0
	ExitEmpty = 1 // nothing could be loaded
	ExitUsage = 2
)

const (
	exitOK    = ExitOK
	exitEmpty = ExitEmpty
	exitUsage = ExitUsage
)

// Env is where a command runs: its streams, the embedded sample, and how it is reached. Locally
// (Remote nil) a command reads the paths it is given and the user's review state; under serve it
// answers from the served corpus and the SSH user's own state.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Sample         fs.FS  // the reports read when no PATH is given
	SampleRoot     string // their folder in Sample
	Remote         *Remote
	// Serve runs `baogao serve` (the server package, wired by main: it runs commands itself).
	Serve func(args []string, env Env) int
}

// Remote is what a command run over SSH works on.
type Remote struct {
	Corpus *loader.Result // loaded once by the server, read by every session
	Store  *review.Store  // the SSH user's review state; nil when it could not be opened
	// StoreErr is why Store could not be opened: an error for the user, never a reason to
	// read anyone else's state
	StoreErr error
	Roots    []string // the served folders: an export names sources relative to them
}

// cli runs one command line in its Env.
type cli struct {
	env     Env
	noCache bool // --no-cache: parse every file, neither read nor write the parse cache
	// serve: confine the walk to the folders given and never read the server's own files
	confine bool
	exclude []string
}

// Run runs one command line: args without the program's name.
func Run(args []string, env Env) int {
	return (&cli{env: env}).run(args, env.Stdin, env.Stdout, env.Stderr)
}

// LoadServed loads the corpus a server serves (no paths: env's sample): confined to its
// folders (no link leads out), never reading the server's own files (exclude), errors left to
// the caller.
func LoadServed(env Env, paths []string, noCache bool, exclude []string) loader.Result {
	c := &cli{env: env, noCache: noCache, confine: true, exclude: exclude}
	return c.load(paths, io.Discard)
}

func (c *cli) run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "export":
			return c.cmdExport(args[1:], stdout, stderr)
		case "targets":
			return c.cmdTargets(args[1:], stdout, stderr)
		case "review":
			return c.cmdReview(args[1:], stdout, stderr)
		case "serve":
			if c.env.Remote != nil || c.env.Serve == nil {
				fmt.Fprintln(stderr, "baogao: serve is not run from here (over SSH, or without the server wired in)")
				return exitUsage
			}
			return c.env.Serve(args[1:], c.env)
		case "help":
			// help COMMAND is COMMAND --help
			if len(args) > 1 && slices.Contains(commands, args[1]) && args[1] != "help" {
				return c.run([]string{args[1], "--help"}, stdin, stdout, stderr)
			}
			if len(args) > 1 {
				fmt.Fprintf(stderr, "baogao help: unknown command %q\n", args[1])
				return exitUsage
			}
			fmt.Fprint(stdout, mainUsage)
			return exitOK
		}
		// A word that is neither a command nor a path is a mistyped command, not a folder to
		// browse empty (baogao taregts 长安 used to open a browser of nothing and exit 0).
		if w := args[0]; !strings.HasPrefix(w, "-") && !strings.ContainsAny(w, `/.\`) {
			if _, err := os.Stat(w); err != nil {
				msg := fmt.Sprintf("baogao: unknown command %q", w)
				if near := nearestCommand(w); near != "" {
					msg += fmt.Sprintf(" (did you mean %s?)", near)
				}
				fmt.Fprintln(stderr, msg+"; baogao help lists them")
				return exitUsage
			}
		}
	}
	return c.cmdBrowse(args, stdin, stdout, stderr)
}

var commands = []string{"targets", "export", "review", "serve", "help"}

// nearestCommand is the command a typo was probably meant to be: within two edits.
func nearestCommand(w string) string {
	best, bestD := "", 3
	for _, cmd := range commands {
		if d := editDistance(w, cmd); d < bestD {
			best, bestD = cmd, d
		}
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps of neighbours that
// turn a into b.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

const mainUsage = `baogao — a terminal browser for government work reports (政府工作报告)

Usage:
  baogao [PATH...]                          browse reports (no PATH: the embedded sample)
  baogao targets [flags] [QUERY] [PATH...]  plan-year targets of the reports matching QUERY
  baogao export [flags] [PATH...]           everything extracted, as JSON or CSV
  baogao review [flags] [PATH...]           the review state: reviewed, stars, flags, notes
  baogao serve [flags] [PATH...]            the browser over SSH, one corpus for a team
  baogao help [COMMAND]                     this text, or a command's flags

PATH is a file or a folder (read recursively). QUERY matches a region or title in Chinese,
full pinyin or pinyin initials: 长安, changan and ca all find 长安镇. Flags may come before or
after the other arguments. Run 'baogao help COMMAND' for a command's flags.

`

// NewFlags is a flag set as every command has it (--no-cache, usage, --flag spelling), for a
// command that lives outside this package (serve); noCache is its --no-cache.
func NewFlags(name, usage string, stderr io.Writer) (fs *flag.FlagSet, noCache *bool) {
	c := &cli{}
	return c.newFlags(name, usage, stderr), &c.noCache
}

// ParseFlags parses a NewFlags set: flags may follow the arguments; asked-for help goes to
// stdout (ok false, code 0), a usage error to stderr (ok false, code 2).
func ParseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) (code int, ok bool) {
	return parseFlags(fs, args, stdout)
}

func (c *cli) newFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&c.noCache, "no-cache", false, "parse every file again; do not read or write the parse cache")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usage)
		printFlags(fs)
	}
	return fs
}

// printFlags lists the flags as the usage lines spell them (--format, not -format), each with
// its kind of value and its default.
func printFlags(fs *flag.FlagSet) {
	var b strings.Builder
	b.WriteString("Flags:\n")
	fs.VisitAll(func(f *flag.Flag) {
		kind, usage := flag.UnquoteUsage(f)
		b.WriteString("  --" + f.Name)
		if kind != "" {
			b.WriteString(" " + kind)
		}
		b.WriteString("\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t"))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			if kind == "string" {
				fmt.Fprintf(&b, " (default %q)", f.DefValue)
			} else {
				fmt.Fprintf(&b, " (default %v)", f.DefValue)
			}
		}
		b.WriteString("\n")
	})
	fmt.Fprint(fs.Output(), b.String())
}

// parseFlags parses and maps flag errors onto exit codes. Asked-for help goes to stdout with
// status 0; a usage error goes to stderr with status 2.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) (int, bool) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fs.SetOutput(stdout)
		}
	}
	// Flags may come after the positional arguments (targets changan --format csv), as with
	// most tools; a "--" ends the flags, and what follows is positional whatever it looks like.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK, false
			}
			return exitUsage, false
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		pos, args = append(pos, rest[0]), rest[1:]
	}
	fs.Parse(append([]string{"--"}, pos...)) // fs.Args() is now every positional argument, in order
	return 0, true
}

// load reads the given paths, or the embedded sample when there are none, and prints one line
// per bad file on stderr.
// oneOf checks a flag's value against the values it takes, saying so on stderr when it is not.
func oneOf(stderr io.Writer, cmd, value string, allowed ...string) bool {
	for _, a := range allowed {
		if value == a {
			return true
		}
	}
	fmt.Fprintf(stderr, "baogao %s: unknown format %q (%s)\n", cmd, value, strings.Join(allowed, ", "))
	return false
}

// localState refuses --state over SSH, where a user must not name files on the server.
func (c *cli) localState(stderr io.Writer, cmd, path string) bool {
	if c.env.Remote != nil && path != "" {
		fmt.Fprintf(stderr, "baogao %s: --state is not taken over SSH\n", cmd)
		return false
	}
	return true
}

func (c *cli) load(paths []string, stderr io.Writer) loader.Result {
	return c.loadRendered(paths, stderr, nil)
}

// loadRendered is load with render kept in the parse cache beside each report (see
// loader.Options.Render); without a cache there is nothing to keep it in, and it is not asked for.
func (c *cli) loadRendered(paths []string, stderr io.Writer, render func(*model.Report) []byte) loader.Result {
	if c.env.Remote != nil {
		if len(paths) > 0 {
			fmt.Fprintln(stderr, "baogao: paths are not taken over SSH; the served corpus is used")
		}
		return *c.env.Remote.Corpus
	}
	var res loader.Result
	if len(paths) == 0 {
		res = loader.Load(loader.FS(c.env.Sample, c.env.SampleRoot), loader.Options{})
	} else {
		o := c.loadOptions(paths, stderr)
		if o.CacheFile != "" {
			o.Render = render
		}
		res = loader.Load(loader.Paths(paths...), o)
		for _, n := range res.Notices {
			fmt.Fprintf(stderr, "baogao: %s\n", n)
		}
	}
	for _, e := range res.Errors {
		fmt.Fprintf(stderr, "baogao: %s: %s\n", model.SafeName(e.Source), e.Err)
	}
	return res
}

// loadOptions: files on disk are parsed through the cache (unless --no-cache) and loaded
// without their bodies, which the browser reads back when a report is opened. The cache is
// named here and opened by the load.
func (c *cli) loadOptions(paths []string, stderr io.Writer) loader.Options {
	o := loader.Options{DropBodies: true, Confine: c.confine, Exclude: c.exclude}
	if c.noCache {
		return o
	}
	p, err := loader.CachePath(paths)
	if err != nil {
		fmt.Fprintf(stderr, "baogao: parse cache not used: %v\n", err)
		return o
	}
	o.CacheFile = p
	return o
}
